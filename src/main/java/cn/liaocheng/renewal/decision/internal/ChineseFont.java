package cn.liaocheng.renewal.decision.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * WenQuanYi Micro Hei (Apache-2.0, shipped in {@code fonts/} with its licence). PDFBox
 * needs TrueType outlines, which rules out the OpenType/CFF CJK fonts. Parsing the 5 MB
 * collection costs more than laying out a decision, so a few parsed copies are kept, one
 * per processor and at most {@value #MOST_COPIES}; each is lent to one document at a
 * time, as fontbox's parsers are not thread-safe. When all are lent, a document waits for
 * one (more documents at once would only share the same processors, each parsing a copy
 * of its own); only after {@link #LONGEST_WAIT} does it parse one for itself.
 */
final class ChineseFont implements AutoCloseable {

	private static final String RESOURCE = "/fonts/wqy-microhei.ttc";

	private static final String NAME = "WenQuanYiMicroHei";

	static final int MOST_COPIES = 4;

	static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

	private static final LentCopies<ChineseFont> COPIES = new LentCopies<>(
			Math.min(MOST_COPIES, Math.max(1, Runtime.getRuntime().availableProcessors())), ChineseFont::open,
			LONGEST_WAIT);

	private final TrueTypeCollection collection;

	private final TrueTypeFont font;

	private ChineseFont(TrueTypeCollection collection, TrueTypeFont font) {
		this.collection = collection;
		this.font = font;
	}

	/**
	 * Borrows a parsed font; {@link #close()} gives it back once the document using it
	 * has been saved.
	 */
	static ChineseFont borrow() {
		return COPIES.borrow();
	}

	TrueTypeFont font() {
		return font;
	}

	@Override
	public void close() {
		if (!COPIES.giveBack(this)) {
			try {
				collection.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private static ChineseFont open() {
		try (InputStream in = ChineseFont.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the class path");
			}
			TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(in.readAllBytes()));
			TrueTypeFont font = collection.getFontByName(NAME);
			if (font == null) {
				throw new IllegalStateException(NAME + " is missing from " + RESOURCE);
			}
			return new ChineseFont(collection, font);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + RESOURCE, e);
		}
	}

}
