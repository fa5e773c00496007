package cn.liaocheng.renewal.decision.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Text flowing down A4 pages with the margins of GB/T 9704 (top 37 mm, left 28 mm, 156 ×
 * 225 mm of text), wrapped character by character as Chinese is, keeping closing
 * punctuation off the start of a line. {@link #y()} is the top of the next line.
 */
final class PageFlow {

	static final PDRectangle A4 = PDRectangle.A4;

	static final float LEFT = mm(28);

	static final float RIGHT = LEFT + mm(156);

	static final float TOP = A4.getHeight() - mm(37);

	static final float BOTTOM = TOP - mm(225);

	static final float WIDTH = RIGHT - LEFT;

	static final Color RED = new Color(0xE6, 0x00, 0x12);

	private static final String NO_LINE_START = "，。、；：？！）》」』〕”’,.;:?!)%";

	private final PDDocument document;

	private final PDType0Font font;

	private final CmapLookup cmap;

	private PDPageContentStream out;

	private float y;

	private int pages;

	PageFlow(PDDocument document, TrueTypeFont ttf) throws IOException {
		this.document = document;
		this.font = PDType0Font.load(document, ttf, true);
		this.cmap = ttf.getUnicodeCmapLookup();
	}

	static float mm(float millimetres) {
		return millimetres * 72 / 25.4f;
	}

	PDType0Font font() {
		return font;
	}

	PDPageContentStream out() {
		return out;
	}

	float y() {
		return y;
	}

	void down(float distance) {
		y -= distance;
	}

	void newPage() throws IOException {
		close();
		PDPage page = new PDPage(A4);
		document.addPage(page);
		out = new PDPageContentStream(document, page);
		pages++;
		y = TOP;
		String number = "— " + pages + " —";
		text(number, (A4.getWidth() - width(number, 14)) / 2, BOTTOM - mm(7) - 14, 14, Color.BLACK, false);
	}

	/** Starts a new page unless {@code height} more points fit on this one. */
	void ensureRoom(float height) throws IOException {
		if (out == null || y - height < BOTTOM) {
			newPage();
		}
	}

	void close() throws IOException {
		if (out != null) {
			out.close();
			out = null;
		}
	}

	/**
	 * Characters the font cannot draw (rare characters in a name) become □ rather than
	 * failing the decision.
	 */
	String drawable(String text) {
		StringBuilder safe = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> safe.appendCodePoint(cp == ' ' || cmap.getGlyphId(cp) != 0 ? cp : '□'));
		return safe.toString();
	}

	float width(String text, float size) {
		try {
			return font.getStringWidth(drawable(text)) / 1000 * size;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void text(String text, float x, float baseline, float size, Color color, boolean bold) throws IOException {
		out.beginText();
		out.setFont(font, size);
		out.setNonStrokingColor(color);
		if (bold) {
			out.setStrokingColor(color);
			out.setLineWidth(size * 0.035f);
			out.setRenderingMode(RenderingMode.FILL_STROKE);
		}
		else {
			out.setRenderingMode(RenderingMode.FILL);
		}
		out.newLineAtOffset(x, baseline);
		out.showText(drawable(text));
		out.endText();
	}

	/** One centred line (or several, if it is long) in the given size and leading. */
	void centred(String text, float size, float leading, Color color, boolean bold) throws IOException {
		for (String line : wrap(text, size, WIDTH, WIDTH)) {
			ensureRoom(leading);
			text(line, LEFT + (WIDTH - width(line, size)) / 2, baseline(size, leading), size, color, bold);
			y -= leading;
		}
	}

	/** A paragraph whose first line is indented by {@code indentChars} characters. */
	void paragraph(String text, float size, float leading, int indentChars, boolean bold) throws IOException {
		float indent = indentChars * size;
		List<String> lines = wrap(text, size, WIDTH - indent, WIDTH);
		for (int i = 0; i < lines.size(); i++) {
			ensureRoom(leading);
			text(lines.get(i), LEFT + (i == 0 ? indent : 0), baseline(size, leading), size, Color.BLACK, bold);
			y -= leading;
		}
	}

	/** The height {@link #paragraph} would take for {@code text}. */
	float paragraphHeight(String text, float size, float leading, int indentChars) {
		return wrap(text, size, WIDTH - indentChars * size, WIDTH).size() * leading;
	}

	private float baseline(float size, float leading) {
		return y - (leading + size) / 2 + size * 0.12f;
	}

	/**
	 * The lines of {@code text} at {@code size}: the first at most {@code firstWidth}
	 * wide, the others {@code width}. A line break typed in the text (a textarea's CR LF,
	 * LF or CR) starts a new line, as it did where it was typed; a tab is a space. The
	 * font draws neither, which would print them as □.
	 */
	List<String> wrap(String text, float size, float firstWidth, float width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float available = firstWidth;
		int[] chars = text.codePoints().toArray();
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] == '\r' || chars[i] == '\n') {
				if (chars[i] == '\r' && i + 1 < chars.length && chars[i + 1] == '\n') {
					i++;
				}
				lines.add(line.toString());
				line.setLength(0);
				available = width;
				continue;
			}
			String c = chars[i] == '\t' ? " " : new String(Character.toChars(chars[i]));
			boolean hangs = NO_LINE_START.contains(c) && line.length() > 0;
			if (!hangs && line.length() > 0 && width(line + c, size) > available) {
				lines.add(line.toString());
				line.setLength(0);
				available = width;
			}
			line.append(c);
		}
		if (line.length() > 0 || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

}
