package cn.liaocheng.renewal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.security.MemoryBombs;

/**
 * A PDF from outside is read within bounds: a stream that decodes past them, or an image
 * that declares more, is refused before anything decodes it, wherever it sits (an object
 * stream read while the file opens, a page's content, an encrypted stream, a JPEG whose
 * header says more than its dictionary).
 */
class BoundedPdfTest {

	private static final long MB = 1024 * 1024;

	private static final BoundedPdf.Limits LIMITS = new BoundedPdf.Limits(8 * MB, 64 * MB, 16 * MB);

	@Test
	void anObjectStreamDecodingPastTheBoundIsRefusedWhenItIsFirstRead() throws IOException {
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.objectStreamPdf(32 * MB), LIMITS)) {
			assertThatThrownBy(pdf::getDocumentInformation).isInstanceOf(BoundedPdf.TooLarge.class);
		}
	}

	@Test
	void withinTheBoundTheSameFileReadsAsBefore() throws IOException {
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.objectStreamPdf(1000), LIMITS)) {
			assertThat(pdf.getDocumentInformation().getCustomMetadataValue("VerificationCode")).isEqualTo("ABCDEFGHJK");
		}
	}

	@Test
	void aCatalogInSuchAStreamIsRefusedWhileTheFileIsOpened() {
		assertThatThrownBy(() -> BoundedPdf.load(MemoryBombs.catalogInObjectStreamPdf(32 * MB, true), LIMITS))
			.isInstanceOf(BoundedPdf.TooLarge.class);
	}

	/** PDFBox's repair would decode every object stream it finds, unchecked. */
	@Test
	void aDamagedFileWithObjectStreamsIsNotRepaired() {
		assertThatThrownBy(() -> BoundedPdf.load(MemoryBombs.catalogInObjectStreamPdf(32 * MB, false), LIMITS))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("not repaired");
	}

	@Test
	void aDamagedFileWithoutObjectStreamsIsRepairedAsBefore() throws IOException {
		byte[] pdf;
		try (PDDocument document = Loader.loadPDF(PreviewFiles.pdf(2, null));
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			document.save(out, CompressParameters.NO_COMPRESSION);
			pdf = new String(out.toByteArray(), StandardCharsets.ISO_8859_1).replace("startxref", "startxreF")
				.getBytes(StandardCharsets.ISO_8859_1);
		}

		try (PDDocument repaired = BoundedPdf.load(pdf, LIMITS)) {
			assertThat(repaired.getNumberOfPages()).isEqualTo(2);
		}
	}

	@Test
	void aPageWhoseContentDecodesPastTheBoundIsRefusedBeforeItIsDrawn() throws IOException {
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.pdfWithContent("", 32 * MB, false), LIMITS)) {
			assertThatThrownBy(() -> BoundedPdf.admitPage(pdf.getPage(0))).isInstanceOf(BoundedPdf.TooLarge.class);
		}
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.pdfWithContent("", 4 * MB, false), LIMITS)) {
			BoundedPdf.admitPage(pdf.getPage(0));
		}
	}

	/**
	 * A file "protected" with an empty user password opens without one; its streams are
	 * counted once decrypted, as PDFBox decodes them.
	 */
	@Test
	void anEncryptedStreamIsCountedOnceDecrypted() throws IOException {
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.pdfWithContent("", 32 * MB, true), LIMITS)) {
			assertThat(pdf.isEncrypted()).isTrue();
			assertThatThrownBy(() -> BoundedPdf.admitPage(pdf.getPage(0))).isInstanceOf(BoundedPdf.TooLarge.class);
		}
	}

	/**
	 * PDFBox holds every operand read since the last operator, array elements included.
	 */
	@Test
	void aPageWithTooManyOperandsForOneOperatorIsRefusedBeforeItIsDrawn() throws IOException {
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.pdfWithContent("[", "0.5 ", 1_000_000, false), LIMITS)) {
			assertThatThrownBy(() -> BoundedPdf.admitPage(pdf.getPage(0))).isInstanceOf(BoundedPdf.TooLarge.class)
				.hasMessageContaining("operands without an operator");
		}
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.pdfWithContent("", "0.5 0.5 m ", 1_000_000, false), LIMITS)) {
			BoundedPdf.admitPage(pdf.getPage(0));
		}
	}

	/** Each parsed number, name or string is an object of some tens of bytes. */
	@Test
	void anObjectStreamOfTooManyTokensIsRefusedWhenItIsFirstRead() throws IOException {
		String info = "<< /X [" + "0.5 ".repeat((int) BoundedPdf.MAX_TOKENS) + "] >>";
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.objectStreamPdf(info, 0), LIMITS)) {
			assertThatThrownBy(pdf::getDocumentInformation).isInstanceOf(BoundedPdf.TooLarge.class)
				.hasMessageContaining("objects");
		}
	}

	@Test
	void aJpegIsJudgedByItsOwnHeaderWhateverItsDictionarySays() throws IOException {
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.pdfWithJpegClaiming(20000, 600, 8), LIMITS)) {
			assertThatThrownBy(() -> BoundedPdf.admitPage(pdf.getPage(0))).isInstanceOf(BoundedPdf.TooLarge.class)
				.hasMessageContaining("20000 × 20000");
		}
		try (PDDocument pdf = BoundedPdf.load(MemoryBombs.pdfWithJpegClaiming(4000), LIMITS)) {
			BoundedPdf.admitPage(pdf.getPage(0));
		}
	}

}
