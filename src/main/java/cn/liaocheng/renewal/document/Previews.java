package cn.liaocheng.renewal.document;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * A page of an uploaded file as a picture the browser shows (预览), so that a reviewer
 * reads a licence or a plan without downloading it. The file itself never reaches the
 * browser inline: a PDF page is rendered here and an image decoded and encoded again, so
 * nothing active in an upload (scripts, forms, metadata) comes along. Bounded, because
 * uploads come from outside: pictures at most {@value #MAX_WIDTH} × {@value #MAX_HEIGHT}
 * pixels, images of at most {@value #MAX_SOURCE_PIXELS} pixels decoded, and at most
 * {@value #AT_ONCE} renderings at once per node. What was rendered is kept a while
 * ({@link RecentPreviews}), since a file is often read by several people in turn. The
 * pictures are kept, not the parsed document: rendering a page takes some hundred
 * milliseconds, parsing the file again for it a millisecond or two, and a document kept
 * open would have to be shared safely between renderings and closed when dropped.
 */
@Component
public class Previews {

	static final int MAX_WIDTH = 1400;

	static final int MAX_HEIGHT = 2000;

	/** About 150 dpi for an A4 page: enough to read a stamp and small print. */
	static final float MAX_DPI = 150f;

	static final long MAX_SOURCE_PIXELS = 40_000_000L;

	static final int AT_ONCE = 2;

	private static final long MAX_PDF_MEMORY = 64L * 1024 * 1024;

	/**
	 * Of pictures kept per node: a page is some 50 kB typed and 200 kB to 1 MB scanned,
	 * so some 30 to 150 scanned pages; small beside a heap of 384 MB
	 * (docs/operations.md).
	 */
	static final long KEPT_BYTES = 32L * 1024 * 1024;

	/** As long as browsers keep a picture (Cache-Control max-age). */
	static final Duration KEPT_FOR = Duration.ofMinutes(10);

	private final Semaphore rendering = new Semaphore(AT_ONCE, true);

	private final RecentPreviews recent;

	public Previews() {
		this(new RecentPreviews(KEPT_BYTES, KEPT_FOR, System::nanoTime));
	}

	Previews(RecentPreviews recent) {
		this.recent = recent;
	}

	/**
	 * One page as a JPEG picture, and how many pages the file has. The picture may be one
	 * kept for later readers: it is sent, never changed.
	 */
	public record Page(byte[] jpeg, int number, int pages) {
	}

	/** Why a file cannot be previewed, in Chinese, for the reader. */
	public static final class Unavailable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public Unavailable(String message) {
			super(message);
		}

	}

	/**
	 * How many pages the file has: 1 for an image; the PDF's page count. {@code sha256}
	 * is the file's as the store gave it with the bytes.
	 */
	public int pages(byte[] bytes, String mediaType, String sha256) {
		FileType type = FileType.ofMediaType(mediaType).orElseThrow(() -> new Unavailable("该类型的文件不能预览，请下载查看"));
		if (type != FileType.PDF) {
			return 1;
		}
		Optional<Integer> known = recent.pages(sha256, mediaType);
		if (known.isPresent()) {
			return known.get();
		}
		try (PDDocument pdf = load(bytes)) {
			int pages = pdf.getNumberOfPages();
			if (pages < 1) {
				throw new Unavailable("该文件没有页面，请下载查看");
			}
			recent.putPages(sha256, mediaType, pages);
			return pages;
		}
		catch (IOException e) {
			throw unreadable(e);
		}
	}

	/**
	 * Page {@code number} (from 1) of the file, made once and kept a while for the file
	 * with this {@code sha256}, as the store gave it with the bytes.
	 */
	public Page page(byte[] bytes, String mediaType, String sha256, int number) {
		FileType type = FileType.ofMediaType(mediaType).orElseThrow(() -> new Unavailable("该类型的文件不能预览，请下载查看"));
		Optional<Page> known = recent.page(sha256, mediaType, number);
		if (known.isPresent()) {
			return known.get();
		}
		boolean permitted = false;
		try {
			permitted = rendering.tryAcquire(20, TimeUnit.SECONDS);
			if (!permitted) {
				throw new Unavailable("预览的人较多，请稍后再试，或下载查看");
			}
			Page page = type == FileType.PDF ? pdfPage(bytes, number) : imagePage(bytes, number);
			recent.putPage(sha256, mediaType, page);
			return page;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Unavailable("预览已中断，请重试");
		}
		finally {
			if (permitted) {
				rendering.release();
			}
		}
	}

	private static Page pdfPage(byte[] bytes, int number) {
		try (PDDocument pdf = load(bytes)) {
			int pages = pdf.getNumberOfPages();
			if (number < 1 || number > pages) {
				throw new Unavailable("该文件共 " + pages + " 页，没有第 " + number + " 页");
			}
			PDRectangle box = pdf.getPage(number - 1).getCropBox();
			int rotation = pdf.getPage(number - 1).getRotation();
			boolean turned = rotation % 180 != 0;
			float widthPt = Math.max(1f, turned ? box.getHeight() : box.getWidth());
			float heightPt = Math.max(1f, turned ? box.getWidth() : box.getHeight());
			float scale = Math.min(MAX_DPI / 72f, Math.min(MAX_WIDTH / widthPt, MAX_HEIGHT / heightPt));
			BufferedImage image = new PDFRenderer(pdf).renderImage(number - 1, scale, ImageType.RGB);
			return new Page(jpeg(image), number, pages);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Unavailable unavailable) {
				throw unavailable;
			}
			throw unreadable(e);
		}
	}

	private static Page imagePage(byte[] bytes, int number) {
		if (number != 1) {
			throw new Unavailable("图片只有 1 页");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new Unavailable("无法读取该图片，请下载查看");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_SOURCE_PIXELS) {
					throw new Unavailable("图片过大（超过 4000 万像素），不能预览，请下载查看");
				}
				BufferedImage source = reader.read(0);
				return new Page(jpeg(fitted(source)), 1, 1);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Unavailable unavailable) {
				throw unavailable;
			}
			throw unreadable(e);
		}
	}

	/** The image scaled down to the preview's bounds, on a white ground (no alpha). */
	private static BufferedImage fitted(BufferedImage source) {
		double scale = Math.min(1.0,
				Math.min((double) MAX_WIDTH / source.getWidth(), (double) MAX_HEIGHT / source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static PDDocument load(byte[] bytes) throws IOException {
		try {
			return Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null,
					MemoryUsageSetting.setupMainMemoryOnly(MAX_PDF_MEMORY).streamCache);
		}
		catch (InvalidPasswordException e) {
			throw new Unavailable("该文件已加密，不能预览，请下载后用密码打开");
		}
	}

	private static Unavailable unreadable(Exception cause) {
		Unavailable unavailable = new Unavailable("该文件无法预览（文件可能已损坏），请下载查看");
		unavailable.initCause(cause);
		return unavailable;
	}

	/** Whether files of this media type can be previewed at all. */
	public static boolean previewable(String mediaType) {
		return Optional.ofNullable(mediaType).flatMap(FileType::ofMediaType).isPresent();
	}

}
