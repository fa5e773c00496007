package cn.liaocheng.renewal.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Tokens are counted as PDFBox would hold them: operands until an operator in a content
 * stream, everything in an object stream or the file, but neither strings' nor comments'
 * nor inline images' nor (in the file) streams' bytes as tokens.
 */
class PdfTokensTest {

	@Test
	void anOperatorEndsARunOfOperandsArraysIncluded() {
		assertThat(content("1 0 0 1 50 50 cm [(a) 3 (b) -2 <41>] TJ /F1 12", 6)).isEqualTo(2);
		assertThatThrownBy(() -> content("1 2 3 4 5 6 7 re", 6)).isInstanceOf(BoundedPdf.TooLarge.class)
			.hasMessageContaining("operands without an operator");
	}

	@Test
	void stringsCommentsAndInlineImageDataAreNotTokens() {
		String content = "(a (nested) string with 1 2 3 4 5 6 7 \\) inside) Tj % 1 2 3 4 5 6 7 8\n"
				+ "BI /W 4 /H 4 /BPC 8 /CS /G ID 1 2 3 4 5 6 7 8 9 EIx EI Q";
		assertThat(content(content, 12)).isZero();
	}

	@Test
	void inAnObjectStreamEveryTokenCountsAndInAFileStreamDataDoesNot() {
		PdfTokens objects = new PdfTokens(PdfTokens.Mode.OBJECTS, 100, new HashSet<>());
		write(objects, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
		assertThat(objects.tokens()).isEqualTo(11);

		PdfTokens file = new PdfTokens(PdfTokens.Mode.FILE, 100, new HashSet<>());
		write(file, "4 0 obj << /Length 20 >> stream\n1 2 3 4 5 6 7 8 9 0\nendstream endobj");
		assertThat(file.tokens()).isEqualTo(6);
	}

	/** PDFBox keeps every name it has parsed, so a file may bring only so many. */
	@Test
	void aFileMayHoldOnlySoManyDistinctNames() {
		Set<String> names = new HashSet<>();
		PdfTokens file = new PdfTokens(PdfTokens.Mode.FILE, 10_000_000, names);
		StringBuilder same = new StringBuilder();
		for (int i = 0; i < PdfTokens.MAX_NAMES * 2; i++) {
			same.append("/Type ");
		}
		write(file, same.toString());
		assertThat(names).hasSize(1);

		StringBuilder distinct = new StringBuilder();
		for (int i = 0; i <= PdfTokens.MAX_NAMES; i++) {
			distinct.append("/N").append(i).append(' ');
		}
		assertThatThrownBy(
				() -> write(new PdfTokens(PdfTokens.Mode.FILE, 10_000_000, new HashSet<>()), distinct.toString()))
			.isInstanceOf(BoundedPdf.TooLarge.class)
			.hasMessageContaining("distinct names");
	}

	private static long content(String content, long max) {
		PdfTokens tokens = new PdfTokens(PdfTokens.Mode.CONTENT, max, new HashSet<>());
		write(tokens, content);
		return tokens.tokens();
	}

	private static void write(PdfTokens tokens, String text) {
		tokens.write(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length());
		tokens.close();
	}

}
