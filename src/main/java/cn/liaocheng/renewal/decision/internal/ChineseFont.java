package cn.liaocheng.renewal.decision.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * WenQuanYi Micro Hei (Apache-2.0, shipped in {@code fonts/} with its licence). PDFBox
 * needs TrueType outlines, which rules out the OpenType/CFF CJK fonts. Parsing the 5 MB
 * collection costs more than laying out a decision, so a few parsed copies are kept; each
 * is lent to one document at a time, as fontbox's parsers are not thread-safe.
 */
final class ChineseFont implements AutoCloseable {

	private static final String RESOURCE = "/fonts/wqy-microhei.ttc";

	private static final String NAME = "WenQuanYiMicroHei";

	private static final BlockingQueue<ChineseFont> IDLE = new ArrayBlockingQueue<>(4);

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
		ChineseFont idle = IDLE.poll();
		return idle != null ? idle : open();
	}

	TrueTypeFont font() {
		return font;
	}

	@Override
	public void close() {
		if (!IDLE.offer(this)) {
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
