package cn.liaocheng.renewal.document;

import java.awt.Color;
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
import java.util.function.Supplier;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.operations.UploadMemory;

/**
 * A page of an uploaded file as a picture the browser shows (预览), so that a reviewer
 * reads a licence or a plan without downloading it. The file itself never reaches the
 * browser inline: a PDF page is rendered here and an image decoded and encoded again, so
 * nothing active in an upload (scripts, forms, metadata) comes along. Bounded, because
 * uploads come from outside and a small file may claim a huge picture: pictures at most
 * {@value #MAX_WIDTH} × {@value #MAX_HEIGHT} pixels; an image is judged by the bytes its
 * pixels take decoded ({@link ImageHeader}), at most {@value #MAX_IMAGE_BYTES} (a
 * progressive JPEG, decoded whole, {@value #MAX_WHOLE_IMAGE_BYTES}), and read subsampled
 * straight to about twice the preview's size; a PDF is opened and drawn within
 * {@link #PDF_LIMITS} ({@link BoundedPdf}, {@link BoundedRenderer}); at most
 * {@value #AT_ONCE} renderings at once per node. What is over a bound is not previewed;
 * it can still be downloaded. What was rendered is kept a while ({@link RecentPreviews}),
 * since a file is often read by several people in turn. The pictures are kept, not the
 * parsed document: rendering a page takes some hundred milliseconds, parsing the file
 * again for it a millisecond or two, and a document kept open would have to be shared
 * safely between renderings and closed when dropped.
 */
@Component
public class Previews {

	static final int MAX_WIDTH = 1400;

	static final int MAX_HEIGHT = 2000;

	/** About 150 dpi for an A4 page: enough to read a stamp and small print. */
	static final float MAX_DPI = 150f;

	/**
	 * Decoded bytes of an image read a row at a time and subsampled (a PNG, a baseline
	 * JPEG): an A4 page scanned at 600 dpi in colour is some 105 MB, a 48-megapixel
	 * photograph 144 MB; a 16-bit RGBA picture of 6000 × 6600 pixels (317 MB) is not.
	 */
	public static final long MAX_IMAGE_BYTES = 256L * 1024 * 1024;

	/**
	 * Decoded bytes of an image decoded whole whatever the subsampling (a progressive
	 * JPEG keeps all its coefficients, twice this outside the heap): 16 megapixels in
	 * colour.
	 */
	public static final long MAX_WHOLE_IMAGE_BYTES = 48L * 1024 * 1024;

	/** Of one image as read for a preview, after subsampling. */
	static final long READ_IMAGE_BYTES = 24L * 1024 * 1024;

	/**
	 * A PDF: its streams decode to at most 64 MiB together for one page's preview; its
	 * images as above.
	 */
	static final BoundedPdf.Limits PDF_LIMITS = new BoundedPdf.Limits(64L * 1024 * 1024, MAX_IMAGE_BYTES,
			MAX_WHOLE_IMAGE_BYTES);

	/** Of one image of a PDF page as drawn, after subsampling. */
	static final long DRAWN_IMAGE_BYTES = 16L * 1024 * 1024;

	static final int AT_ONCE = 2;

	/**
	 * Of pictures kept per node: a page is some 50 kB typed and 200 kB to 1 MB scanned,
	 * so some 30 to 150 scanned pages; small beside a heap of 384 MB
	 * (docs/operations.md).
	 */
	static final long KEPT_BYTES = 32L * 1024 * 1024;

	/**
	 * As long as a picture is kept on the node for the next reader (browsers keep none:
	 * Cache-Control no-store).
	 */
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
		return pages(() -> bytes, mediaType, sha256);
	}

	/**
	 * The same, the file's bytes read only when they are needed: not for an image, nor
	 * for a file counted a while ago, and then while holding a drawing permit, so that
	 * many readers of one file do not each hold its bytes at once.
	 */
	public int pages(Supplier<byte[]> bytes, String mediaType, String sha256) {
		FileType type = FileType.ofMediaType(mediaType).orElseThrow(() -> new Unavailable("该类型的文件不能预览，请下载查看"));
		if (type != FileType.PDF) {
			return 1;
		}
		Optional<Integer> known = recent.pages(sha256, mediaType);
		if (known.isPresent()) {
			return known.get();
		}
		// Parsing a file takes memory as drawing does: as many at once as draw at once.
		return withPermit(() -> {
			try (PDDocument pdf = load(bytes.get())) {
				int pages = pdf.getNumberOfPages();
				if (pages < 1) {
					throw new Unavailable("该文件没有页面，请下载查看");
				}
				recent.putPages(sha256, mediaType, pages);
				return pages;
			}
			catch (IOException | BoundedPdf.TooLarge e) {
				throw unavailable(e);
			}
		});
	}

	/**
	 * Page {@code number} (from 1) of the file, made once and kept a while for the file
	 * with this {@code sha256}, as the store gave it with the bytes.
	 */
	public Page page(byte[] bytes, String mediaType, String sha256, int number) {
		return page(() -> bytes, mediaType, sha256, number);
	}

	/**
	 * The same, the file's bytes read only to draw a page not made a while ago, holding a
	 * drawing permit.
	 */
	public Page page(Supplier<byte[]> bytes, String mediaType, String sha256, int number) {
		FileType type = FileType.ofMediaType(mediaType).orElseThrow(() -> new Unavailable("该类型的文件不能预览，请下载查看"));
		Optional<Page> known = recent.page(sha256, mediaType, number);
		if (known.isPresent()) {
			return known.get();
		}
		return withPermit(() -> {
			byte[] content = bytes.get();
			Page page = type == FileType.PDF ? pdfPage(content, number) : imagePage(content, number);
			recent.putPage(sha256, mediaType, page);
			return page;
		});
	}

	/**
	 * {@code work} holding one of the drawing permits, waited for at most 20 s: as many
	 * files are parsed or drawn at once as there are permits.
	 */
	private <T> T withPermit(Supplier<T> work) {
		boolean permitted = false;
		try {
			permitted = rendering.tryAcquire(20, TimeUnit.SECONDS);
			if (!permitted) {
				throw new Unavailable("预览的人较多，请稍后再试，或下载查看");
			}
			return work.get();
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
			PDPage page = pdf.getPage(number - 1);
			BoundedPdf.admitPage(page);
			PDRectangle box = page.getCropBox();
			boolean turned = page.getRotation() % 180 != 0;
			float widthPt = Math.max(1f, turned ? box.getHeight() : box.getWidth());
			float heightPt = Math.max(1f, turned ? box.getWidth() : box.getHeight());
			float scale = Math.min(MAX_DPI / 72f, Math.min(MAX_WIDTH / widthPt, MAX_HEIGHT / heightPt));
			BufferedImage image = new BoundedRenderer(pdf, PDF_LIMITS, DRAWN_IMAGE_BYTES).renderImage(number - 1, scale,
					ImageType.RGB);
			return new Page(jpeg(image), number, pages);
		}
		catch (IOException | RuntimeException e) {
			throw unavailable(e);
		}
	}

	private static Page imagePage(byte[] bytes, int number) {
		if (number != 1) {
			throw new Unavailable("图片只有 1 页");
		}
		ImageHeader header = ImageHeader.of(bytes).orElseThrow(() -> new Unavailable("无法读取该图片，请下载查看"));
		imageProblem(header).ifPresent(problem -> {
			throw new Unavailable(problem + "，不能预览，请下载查看");
		});
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new Unavailable("无法读取该图片，请下载查看");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long width = Math.max(header.width(), reader.getWidth(0));
				long height = Math.max(header.height(), reader.getHeight(0));
				long pixelBytes = (long) header.bands() * (header.bitsPerSample() > 8 ? 2 : 1);
				ImageReadParam param = reader.getDefaultReadParam();
				int subsampling = subsampling(width, height, pixelBytes);
				param.setSourceSubsampling(subsampling, subsampling, 0, 0);
				BufferedImage source = reader.read(0, param);
				return new Page(jpeg(fitted(source)), 1, 1);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			throw unavailable(e);
		}
	}

	/**
	 * Why an image cannot be decoded for a preview, in Chinese, or empty when it can: for
	 * the upload checks too, which refuse what could never be previewed.
	 */
	public static Optional<String> imageProblem(ImageHeader header) {
		long limit = header.progressive() ? MAX_WHOLE_IMAGE_BYTES : MAX_IMAGE_BYTES;
		if (header.decodedBytes() <= limit) {
			return Optional.empty();
		}
		return Optional
			.of("图片过大（" + header.width() + "×" + header.height() + " 像素" + (header.progressive() ? "，渐进式 JPEG" : "")
					+ (header.bitsPerSample() > 8 ? "，每色 " + header.bitsPerSample() + " 位" : "") + "，解码后约 "
					+ header.decodedBytes() / (1024 * 1024) + " MB，超过 " + limit / (1024 * 1024) + " MB）");
	}

	/**
	 * Why an upload is refused, in Chinese, naming the file: a picture no preview could
	 * decode; a PDF that opens only with a password (a bank statement or an e-invoice
	 * saved with one), which no reviewer could read; or a PDF with active content
	 * ({@link PdfActiveContent}: a script, an action that starts a program, an embedded
	 * file), which would run on the reviewer's computer when the downloaded file is
	 * opened. Empty otherwise: an image within the bounds or whose header is not read
	 * here, and any other PDF, one whose password only restricts printing or copying
	 * included (its preview tells of anything else).
	 */
	public static Optional<String> uploadProblem(String fileName, byte[] content) {
		if (FileType.of(content).filter(t -> t == FileType.PDF).isPresent()) {
			return pdfProblem(content).map(problem -> "“" + fileName + "”" + problem);
		}
		return ImageHeader.of(content)
			.flatMap(Previews::imageProblem)
			.map(problem -> "“" + fileName + "”" + problem + "，审核时无法预览，请降低分辨率或另存为普通的 8 位 JPEG 后上传");
	}

	private static final String UNCHECKABLE = "文件结构已损坏，无法确认其中不含可自动运行的内容，审核人员也无法预览；请用“打印为 PDF”另存，或重新扫描后上传";

	/**
	 * Structure reads of uploaded PDFs at once per node: each may take some tens of MB
	 * for a large file, and the uploads a node holds are bounded apart from it.
	 */
	static final int CHECKS_AT_ONCE = 2;

	private static final Semaphore CHECKING = new Semaphore(CHECKS_AT_ONCE, true);

	private static Optional<String> pdfProblem(byte[] pdf) {
		if (PdfActiveContent.hidesAnObjectStream(pdf)) {
			return Optional.of(UNCHECKABLE);
		}
		// No check free within half a minute: the upload is refused as busy (503 with
		// Retry-After, or back to its page), not as a fault of the file.
		try {
			if (!CHECKING.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new UploadMemory.Busy();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new UploadMemory.Busy();
		}
		try {
			return structureProblem(pdf);
		}
		finally {
			CHECKING.release();
		}
	}

	private static Optional<String> structureProblem(byte[] pdf) {
		try (PDDocument document = BoundedPdf.loadStructure(pdf, PDF_LIMITS)) {
			// What PDFBox read, object streams included, and what the file's own syntax
			// names, which a repair by PDFBox may have read less of than a reader would.
			return PdfActiveContent.of(document)
				.or(() -> PdfActiveContent.named(pdf, false))
				.map(Previews::activeContentProblem);
		}
		catch (InvalidPasswordException e) {
			return Optional.of("设有打开密码，审核人员无法打开，请去除密码（或另存为不加密的 PDF）后重新上传");
		}
		catch (IOException | RuntimeException e) {
			// Damaged past repair, or object streams past the bounds. Without object
			// streams every object is in the file's own syntax, where its names are read
			// as a reader would (PdfActiveContent#named); with them, what a desktop
			// reader, which repairs more, might run in it cannot be known.
			if (BoundedPdf.mentions(pdf, "/ObjStm") || e instanceof BoundedPdf.TooLarge
					|| e instanceof PdfActiveContent.Unreadable) {
				return Optional.of(UNCHECKABLE);
			}
			return PdfActiveContent.named(pdf).map(Previews::activeContentProblem);
		}
	}

	private static String activeContentProblem(String what) {
		return "含有" + what + "，审核人员下载打开时可能自动运行，不能作为申报材料；请用“打印为 PDF”另存，或上传扫描件";
	}

	/**
	 * Every how many pixels (across and down) an image is read so that what is read is at
	 * most twice the preview's size and {@value #READ_IMAGE_BYTES} bytes: the decoder
	 * keeps only those, so a large scan costs no more memory than a small one.
	 */
	static int subsampling(long width, long height, long pixelBytes) {
		int subsampling = (int) Math.max(1, Math.max(ceilDiv(width, 2L * MAX_WIDTH), ceilDiv(height, 2L * MAX_HEIGHT)));
		while (ceilDiv(width, subsampling) * ceilDiv(height, subsampling) * pixelBytes > READ_IMAGE_BYTES) {
			subsampling++;
		}
		return subsampling;
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
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
			g.setColor(Color.WHITE);
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
			return BoundedPdf.load(bytes, PDF_LIMITS);
		}
		catch (InvalidPasswordException e) {
			throw new Unavailable("该文件已加密，不能预览，请下载后用密码打开");
		}
	}

	/** What a failed preview tells the reader: why, if known; else that it failed. */
	private static Unavailable unavailable(Exception e) {
		if (e instanceof Unavailable unavailable) {
			return unavailable;
		}
		if (e instanceof BoundedPdf.TooLarge tooLarge) {
			Unavailable unavailable = new Unavailable("该文件中的图片或内容过大，不能预览，请下载查看");
			unavailable.initCause(tooLarge);
			return unavailable;
		}
		return unreadable(e);
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
