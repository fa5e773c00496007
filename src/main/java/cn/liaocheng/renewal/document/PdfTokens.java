package cn.liaocheng.renewal.document;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Counts the tokens of decoded PDF syntax as it is written, without building them, for
 * what PDFBox would hold at once when it parses them: each number, name or string becomes
 * an object of some tens of bytes, so 60 MB of {@code 0.5 0.5 …} would take far more than
 * a heap. In a content stream PDFBox holds the operands read since the last operator
 * (array elements included); in an object stream or the file itself, every object it
 * holds (the file's stream data skipped). Strings are bounded one by one. Distinct names
 * are bounded too: PDFBox 3.0 keeps every name it has parsed in a map of its own, for
 * good (see {@link BoundedPdf#load}). An inline image's data ({@code ID … EI}) is
 * skipped.
 */
final class PdfTokens extends OutputStream {

	/** What a run of tokens ends at. */
	enum Mode {

		/** A content stream: an operator ends the run. */
		CONTENT,
		/** An object stream: nothing does. */
		OBJECTS,
		/** The file: nothing does either, and stream data is skipped. */
		FILE

	}

	private static final int MAX_STRING = 4 * 1024 * 1024;

	/** Longer names are counted by their first characters. */
	private static final int MAX_NAME = 256;

	/**
	 * Distinct names of one file (its syntax and object streams) or one page's content.
	 */
	static final int MAX_NAMES = 50_000;

	private final Mode mode;

	private final long maxRun;

	private final Set<String> names;

	private long run;

	private final StringBuilder token = new StringBuilder();

	private boolean inToken;

	private boolean comment;

	private int stringDepth;

	private boolean escaped;

	private boolean hex;

	private long stringLength;

	private boolean lessThan;

	private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);

	private boolean inline;

	/** In stream data: how much of "endstream" was just seen; -1 outside. */
	private int streamData = -1;

	/** The last three bytes of inline image data, newest first. */
	private int w1;

	private int w2;

	private int w3;

	/**
	 * @param maxRun how many tokens may be held at once: between two operators in a
	 * content stream, in all in an object stream (carry the count of the file's earlier
	 * object streams over with {@link #add})
	 * @param names the distinct names seen so far, shared by the scans of one file or of
	 * one page's content
	 */
	PdfTokens(Mode mode, long maxRun, Set<String> names) {
		this.mode = mode;
		this.maxRun = maxRun;
		this.names = names;
	}

	/** Tokens counted before this stream, held with its own. */
	PdfTokens add(long tokens) {
		run += tokens;
		return this;
	}

	long tokens() {
		return run;
	}

	@Override
	public void write(byte[] b, int off, int len) {
		for (int i = off; i < off + len; i++) {
			write(b[i]);
		}
	}

	@Override
	public void write(int value) {
		int b = value & 0xFF;
		if (streamData >= 0) {
			streamData = b == ENDSTREAM[streamData] ? streamData + 1 : b == ENDSTREAM[0] ? 1 : 0;
			if (streamData == ENDSTREAM.length) {
				streamData = -1;
			}
			return;
		}
		if (inline) {
			inline(b);
			return;
		}
		if (comment) {
			comment = b != '\n' && b != '\r';
			return;
		}
		if (stringDepth > 0) {
			string(b);
			return;
		}
		if (hex) {
			hex = b != '>';
			if (hex && ++stringLength > MAX_STRING) {
				throw new BoundedPdf.TooLarge("a string of more than " + MAX_STRING + " bytes");
			}
			return;
		}
		if (lessThan) {
			lessThan = false;
			if (b == '<') {
				// A dictionary begins.
				return;
			}
			// A hex string began at the '<' before.
			startString();
			hex = b != '>';
			return;
		}
		if (isWhite(b) || isDelimiter(b)) {
			endToken();
			switch (b) {
				case '%' -> comment = true;
				case '(' -> {
					startString();
					stringDepth = 1;
				}
				case '<' -> lessThan = true;
				default -> {
					// '[', ']', '{', '}', '>', '/' and white space end a token; a name
					// starts with '/' and is counted as its characters follow.
				}
			}
			if (b == '/') {
				inToken = true;
				token.append('/');
			}
			return;
		}
		inToken = true;
		if (token.length() < MAX_NAME) {
			token.append((char) b);
		}
	}

	private void string(int b) {
		if (++stringLength > MAX_STRING) {
			throw new BoundedPdf.TooLarge("a string of more than " + MAX_STRING + " bytes");
		}
		if (escaped) {
			escaped = false;
		}
		else if (b == '\\') {
			escaped = true;
		}
		else if (b == '(') {
			stringDepth++;
		}
		else if (b == ')') {
			stringDepth--;
		}
	}

	private void startString() {
		stringLength = 0;
		count();
	}

	/** Inline image data ends at white space, "EI" and white space. */
	private void inline(int b) {
		if (isWhite(b) && w1 == 'I' && w2 == 'E' && isWhite(w3)) {
			inline = false;
			run = 0;
			return;
		}
		w3 = w2;
		w2 = w1;
		w1 = b;
	}

	private void endToken() {
		if (!inToken) {
			return;
		}
		String t = token.toString();
		token.setLength(0);
		inToken = false;
		char first = t.charAt(0);
		if (first == '/' && names.add(t) && names.size() > MAX_NAMES) {
			throw new BoundedPdf.TooLarge("more than " + MAX_NAMES + " distinct names");
		}
		boolean operand = first == '/' || first == '+' || first == '-' || first == '.' || (first >= '0' && first <= '9')
				|| t.equals("true") || t.equals("false") || t.equals("null");
		if (mode == Mode.FILE && t.equals("stream")) {
			streamData = 0;
		}
		else if (operand || mode != Mode.CONTENT) {
			count();
		}
		else if (t.equals("ID")) {
			// The white space that ended "ID" was the one before the data.
			inline = true;
			w1 = ' ';
			w2 = ' ';
			w3 = ' ';
		}
		else {
			run = 0;
		}
	}

	private void count() {
		if (++run > maxRun) {
			throw new BoundedPdf.TooLarge(mode == Mode.CONTENT ? "more than " + maxRun + " operands without an operator"
					: "more than " + maxRun + " objects");
		}
	}

	@Override
	public void close() {
		endToken();
	}

	private static boolean isWhite(int b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
	}

	private static boolean isDelimiter(int b) {
		return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}' || b == '/'
				|| b == '%';
	}

}
