package cn.liaocheng.renewal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.security.MemoryBombs;

/**
 * A preview is a picture made here from the upload, within fixed bounds; what cannot be
 * previewed says why in Chinese.
 */
class PreviewsTest {

	private final Previews previews = new Previews();

	@Test
	void aPdfPageBecomesAJpegPictureNoLargerThanTheBounds() throws IOException {
		byte[] pdf = PreviewFiles.pdf(3, null);

		assertThat(pages(pdf, "application/pdf")).isEqualTo(3);
		Previews.Page second = page(pdf, "application/pdf", 2);

		assertThat(second.number()).isEqualTo(2);
		assertThat(second.pages()).isEqualTo(3);
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(second.jpeg()));
		assertThat(picture).as("a JPEG").isNotNull();
		assertThat(picture.getWidth()).isLessThanOrEqualTo(Previews.MAX_WIDTH).isGreaterThan(1000);
		assertThat(picture.getHeight()).isLessThanOrEqualTo(Previews.MAX_HEIGHT).isGreaterThan(picture.getWidth());
		// The dark box drawn on the page is there: 60 pt from the left, 150 pt below the
		// middle of an A4 page (842 pt high), at the picture's scale.
		double scale = picture.getWidth() / 595.0;
		int rgb = picture.getRGB((int) (100 * scale), (int) ((842 - 660) * scale));
		assertThat(rgb & 0xFF).as("dark").isLessThan(80);
	}

	@Test
	void aPageAskedForAgainIsThePictureMadeTheFirstTime() {
		byte[] pdf = PreviewFiles.pdf(3, null);

		Previews.Page first = page(pdf, "application/pdf", 2);
		Previews.Page again = previews.page(pdf.clone(), "application/pdf", PreviewFiles.sha256(pdf), 2);

		assertThat(again.jpeg()).as("the kept picture, not a new rendering").isSameAs(first.jpeg());
		assertThat(again.pages()).isEqualTo(3);
		assertThat(pages(pdf, "application/pdf")).isEqualTo(3);
	}

	/**
	 * A page made a while ago, and a file counted a while ago, are answered without
	 * reading the file again: a reader paging through a 10 MB scan does not have the
	 * server read 10 MB from the database for every page.
	 */
	@Test
	void aKeptPageOrCountDoesNotReadTheFileAgain() {
		byte[] pdf = PreviewFiles.pdf(3, null);
		String sha256 = PreviewFiles.sha256(pdf);
		AtomicInteger reads = new AtomicInteger();
		Supplier<byte[]> store = () -> {
			reads.incrementAndGet();
			return pdf.clone();
		};

		assertThat(previews.pages(store, "application/pdf", sha256)).isEqualTo(3);
		previews.page(store, "application/pdf", sha256, 1);
		assertThat(reads).as("counted, then drawn: read for each").hasValue(2);

		assertThat(previews.pages(store, "application/pdf", sha256)).isEqualTo(3);
		assertThat(previews.page(store, "application/pdf", sha256, 1).pages()).isEqualTo(3);
		assertThat(previews.pages(store, "image/png", "any")).as("an image has one page").isEqualTo(1);
		assertThat(reads).as("kept: not read again").hasValue(2);
	}

	@Test
	void anotherFileGetsItsOwnPictureForTheSamePage() {
		Previews.Page ofThree = page(PreviewFiles.pdf(3, null), "application/pdf", 1);
		Previews.Page ofTwo = page(PreviewFiles.pdf(2, null), "application/pdf", 1);

		assertThat(ofTwo.jpeg()).isNotSameAs(ofThree.jpeg()).isNotEqualTo(ofThree.jpeg());
		assertThat(ofTwo.pages()).isEqualTo(2);
		assertThat(pages(PreviewFiles.pdf(2, null), "application/pdf")).isEqualTo(2);
	}

	@Test
	void aPageOutsideTheFileIsRefusedWithItsPageCount() {
		byte[] pdf = PreviewFiles.pdf(2, null);
		assertThatThrownBy(() -> page(pdf, "application/pdf", 3)).isInstanceOf(Previews.Unavailable.class)
			.hasMessage("该文件共 2 页，没有第 3 页");
		assertThatThrownBy(() -> page(pdf, "application/pdf", 0)).isInstanceOf(Previews.Unavailable.class);
	}

	@Test
	void anEncryptedADamagedAndAnEmptyPdfSayWhyTheyCannotBeShown() {
		assertThatThrownBy(() -> pages(PreviewFiles.pdf(1, "secret"), "application/pdf"))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessageContaining("已加密");
		assertThatThrownBy(() -> page("%PDF-1.4\nnothing else".getBytes(), "application/pdf", 1))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessageContaining("无法预览");
		byte[] empty = ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
				+ "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
			.getBytes();
		assertThatThrownBy(() -> pages(empty, "application/pdf")).isInstanceOf(Previews.Unavailable.class)
			.hasMessageContaining("没有页面");
	}

	@Test
	void anImageIsDecodedScaledAndEncodedAgain() throws IOException {
		BufferedImage scan = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_ARGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(scan, "png", png);

		Previews.Page page = page(png.toByteArray(), "image/png", 1);

		assertThat(page.pages()).isEqualTo(1);
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(page.jpeg()));
		assertThat(picture.getWidth()).isEqualTo(Previews.MAX_WIDTH);
		assertThat(picture.getHeight()).isEqualTo(933);
		assertThat(page.jpeg()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
	}

	@Test
	void anImageClaimingTooManyPixelsIsRefusedBeforeItIsDecoded() {
		assertThatThrownBy(() -> page(PreviewFiles.pngHeader(50_000, 50_000), "image/png", 1))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessageContaining("图片过大");
	}

	/**
	 * An A4 page scanned at 600 dpi in colour, 105 MB of pixels, is read subsampled
	 * straight to about twice the preview's size.
	 */
	@Test
	void aLargeScanIsReadSubsampledAndPreviewed() throws IOException {
		Previews.Page page = page(MemoryBombs.png(5000, 7000, 8, 2), "image/png", 1);

		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(page.jpeg()));
		assertThat(picture.getWidth()).isEqualTo(Previews.MAX_WIDTH);
		assertThat(picture.getHeight()).isBetween(1950, Previews.MAX_HEIGHT);
		int subsampling = Previews.subsampling(5000, 7000, 3);
		assertThat(subsampling).isGreaterThan(1);
		assertThat((5000L / subsampling) * (7000L / subsampling) * 3).isLessThanOrEqualTo(Previews.READ_IMAGE_BYTES);
		assertThat(5000 / subsampling).isGreaterThanOrEqualTo(Previews.MAX_WIDTH);
	}

	/** 300 kB of PNG claiming 6000 × 6600 pixels at 16 bits a sample: 317 MB decoded. */
	@Test
	void anImageDecodingPastTheBoundIsRefusedByItsBytesNotItsPixels() {
		assertThatThrownBy(() -> page(MemoryBombs.png16(6000, 6600), "image/png", 1))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessage("图片过大（6000×6600 像素，每色 16 位，解码后约 302 MB，超过 256 MB），不能预览，请下载查看");
		assertThat(Previews.uploadProblem("扫描件.png", MemoryBombs.png(6000, 6600, 8, 6))).isEmpty();
		assertThat(Previews.uploadProblem("扫描件.png", MemoryBombs.png16(6000, 6600)))
			.hasValue("“扫描件.png”图片过大（6000×6600 像素，每色 16 位，解码后约 302 MB，超过 256 MB），审核时无法预览，请降低分辨率或另存为普通的 8 位 JPEG 后上传");
	}

	/**
	 * A PDF saved with an opening password (a bank statement, an e-invoice) is refused at
	 * upload, naming the file: no reviewer could open it. One whose password only
	 * restricts printing or copying opens for everyone and is taken, as is a plain one.
	 */
	@Test
	void aPdfThatOpensOnlyWithAPasswordIsRefusedAtUpload() throws IOException {
		assertThat(Previews.uploadProblem("银行对账单.pdf", protectedPdf("1234")))
			.hasValue("“银行对账单.pdf”设有打开密码，审核人员无法打开，请去除密码（或另存为不加密的 PDF）后重新上传");
		assertThat(Previews.uploadProblem("发票.pdf", protectedPdf(""))).as("a password for printing only").isEmpty();
		assertThat(Previews.uploadProblem("合同.pdf", onePage(new PDDocument()))).isEmpty();
	}

	private static byte[] protectedPdf(String openingPassword) throws IOException {
		PDDocument document = new PDDocument();
		AccessPermission permissions = new AccessPermission();
		permissions.setCanPrint(false);
		StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", openingPassword, permissions);
		policy.setEncryptionKeyLength(128);
		document.protect(policy);
		return onePage(document);
	}

	private static byte[] onePage(PDDocument document) throws IOException {
		try (document) {
			document.addPage(new PDPage());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/** A progressive JPEG is decoded whole, whatever the subsampling. */
	@Test
	void aProgressiveJpegIsHeldToTheBoundOfImagesDecodedWhole() {
		byte[] progressive = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC2, 0, 17, 8, 0x13, (byte) 0x88, 0x13,
				(byte) 0x88, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, (byte) 0xFF, (byte) 0xD9 };

		assertThat(ImageHeader.of(progressive)).hasValue(new ImageHeader(5000, 5000, 3, 8, true));
		assertThat(Previews.uploadProblem("照片.jpg", progressive))
			.hasValueSatisfying(problem -> assertThat(problem).contains("5000×5000 像素，渐进式 JPEG", "超过 48 MB"));
		assertThatThrownBy(() -> page(progressive, "image/jpeg", 1)).isInstanceOf(Previews.Unavailable.class)
			.hasMessageContaining("图片过大");
	}

	@Test
	void aPdfPageDecodingPastTheBoundsIsNotPreviewedWhateverHidesIt() {
		String tooLarge = "该文件中的图片或内容过大，不能预览，请下载查看";
		assertThatThrownBy(() -> page(MemoryBombs.pdfWithContent("", 80 * 1024 * 1024, false), "application/pdf", 1))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessage(tooLarge);
		assertThatThrownBy(() -> page(MemoryBombs.pdfWithContent("", 80 * 1024 * 1024, true), "application/pdf", 1))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessage(tooLarge);
		assertThatThrownBy(() -> page(MemoryBombs.pdfWithJpegClaiming(20000), "application/pdf", 1))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessage(tooLarge);
		assertThatThrownBy(() -> page(
				MemoryBombs.pdfWithInlineImage("/W 20000 /H 20000 /CS /G /BPC 8 /F /DCT", MemoryBombs.jpeg(20000)),
				"application/pdf", 1))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessage(tooLarge);
		assertThatThrownBy(() -> page(MemoryBombs.pdfWithInlineImage("/W 10 /H 10 /CS /G /BPC 8 /F /Fl",
				MemoryBombs.deflatedZeros(80L * 1024 * 1024)), "application/pdf", 1))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessage(tooLarge);
	}

	/**
	 * A JPEG of 144 MB decoded, drawn far larger than the page, where PDFBox would decode
	 * it whole: it is read subsampled and the page previewed.
	 */
	@Test
	void aLargeJpegOnAPdfPageIsDrawnSubsampled() throws IOException {
		Previews.Page page = page(MemoryBombs.pdfWithJpegClaiming(12000, 20000, 12000), "application/pdf", 1);

		assertThat(ImageIO.read(new ByteArrayInputStream(page.jpeg()))).isNotNull();
	}

	/**
	 * Forms drawing forms a thousand times each: small streams, every stream bound kept,
	 * and nearly six million operations to draw. The page is refused once the operation
	 * budget is spent, in seconds, instead of holding a drawing permit for as long as it
	 * takes.
	 */
	@Test
	void aPageOfFormsDrawingFormsIsRefusedOnceItsOperationsAreSpent() {
		byte[] pdf = MemoryBombs.pdfWithNestedForms(1200);
		assertThat(pdf.length).as("a small file").isLessThan(50_000);
		assertThat(pages(pdf, "application/pdf")).isEqualTo(1);
		long started = System.nanoTime();

		// Whichever bound is met first: the operations on an idle machine, the time on a
		// busy one.
		assertThatThrownBy(() -> page(pdf, "application/pdf", 1)).isInstanceOf(Previews.Unavailable.class)
			.hasMessage("该文件中的图片或内容过大，不能预览，请下载查看")
			.rootCause()
			.extracting(Throwable::getMessage)
			.isIn("a page of more than " + BoundedRenderer.MAX_OPERATIONS + " drawing operations",
					"a page that takes more than " + BoundedRenderer.MAX_SECONDS + " s to draw");

		assertThat((System.nanoTime() - started) / 1e9).as("seconds").isLessThan(BoundedRenderer.MAX_SECONDS + 5);
	}

	@Test
	void otherTypesAreNotPreviewed() {
		assertThatThrownBy(() -> pages(new byte[] { 'P', 'K' }, "application/zip"))
			.isInstanceOf(Previews.Unavailable.class)
			.hasMessageContaining("不能预览");
	}

	private int pages(byte[] file, String mediaType) {
		return previews.pages(file, mediaType, PreviewFiles.sha256(file));
	}

	private Previews.Page page(byte[] file, String mediaType, int number) {
		return previews.page(file, mediaType, PreviewFiles.sha256(file), number);
	}

}
