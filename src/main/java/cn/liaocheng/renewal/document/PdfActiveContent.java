package cn.liaocheng.renewal.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What a PDF carries that a desktop reader acts on by itself or at a click: scripts,
 * actions that start a program, submit a form or import data, and embedded files.
 * Reviewers download enterprises' files and open them in Adobe Reader, WPS or Foxit on
 * the bureau's computers, where such content runs with the reader's rights; no document
 * the programme asks for (a licence, a contract, an invoice, a scan) needs any of it.
 *
 * <p>
 * Every object the file's cross-reference tables list is read, those packed in object
 * streams included, and every dictionary in it, however deeply nested; names are compared
 * as the reader decodes them ({@code /Java#53cript} is {@code /JavaScript}). Links to web
 * addresses and jumps inside the document are not active content.
 */
final class PdfActiveContent {

	private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");

	/** An XFA form, whose scripts are in XML this check does not read. */
	private static final COSName XFA = COSName.getPDFName("XFA");

	/** Action types ({@code /S}) and what they are called to the uploader. */
	private static final Map<COSName, String> ACTIONS = Map.of(JAVASCRIPT, "脚本（JavaScript）",
			COSName.getPDFName("Launch"), "启动程序或打开其他文件的动作", COSName.getPDFName("SubmitForm"), "向外部地址提交表单的动作",
			COSName.getPDFName("ImportData"), "导入外部数据的动作", COSName.getPDFName("GoToE"), "打开嵌入文件的动作",
			COSName.getPDFName("GoToR"), "打开其他文件的动作", COSName.getPDFName("RichMediaExecute"), "多媒体脚本");

	private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");

	/**
	 * Embedded files that are data, not programs: an e-invoice's XML or OFD, a table, a
	 * text. A file attachment annotation or the document's list of embedded files holds
	 * file specifications, each judged by this.
	 */
	private static final Pattern DATA_FILE = Pattern.compile("(?i).+\\.(xml|ofd|json|txt|csv)");

	private static final String EMBEDDED_FILE = "嵌入的文件";

	private static final String SCRIPT = "脚本（JavaScript）";

	private PdfActiveContent() {
	}

	/** An object of the file could not be read, so what it holds cannot be known. */
	static final class Unreadable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Unreadable() {
			super("an object of the file could not be read");
		}

	}

	/** The first active content found, named for the uploader; empty if there is none. */
	static Optional<String> of(PDDocument document) {
		COSDocument file = document.getDocument();
		for (COSObjectKey key : new ArrayList<>(file.getXrefTable().keySet())) {
			COSObject object = file.getObjectFromPool(key);
			COSBase value = object.getObject();
			if (value == null) {
				// PDFBox could not read it (it answers null for an object it fails to
				// parse); a reader that repairs more may find a script in it.
				throw new Unreadable();
			}
			Optional<String> found = within(value);
			if (found.isPresent()) {
				return found;
			}
		}
		return within(file.getTrailer());
	}

	/** Names that mark active content wherever they stand, and what they are called. */
	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("JS", SCRIPT),
			Map.entry("JavaScript", SCRIPT), Map.entry("Launch", "启动程序或打开其他文件的动作"),
			Map.entry("SubmitForm", "向外部地址提交表单的动作"), Map.entry("ImportData", "导入外部数据的动作"),
			Map.entry("GoToE", "打开嵌入文件的动作"), Map.entry("GoToR", "打开其他文件的动作"), Map.entry("RichMediaExecute", "多媒体脚本"),
			Map.entry("RichMedia", "多媒体内容"), Map.entry("EmbeddedFile", EMBEDDED_FILE),
			Map.entry("EmbeddedFiles", EMBEDDED_FILE), Map.entry("EF", EMBEDDED_FILE),
			Map.entry("FileAttachment", EMBEDDED_FILE), Map.entry("XFA", "XFA 动态表单（可含脚本）"));

	/**
	 * The first active content named in the file's own syntax, for a file PDFBox cannot
	 * read and that has no object streams (so every object is in that syntax): each name
	 * token outside stream data, {@code #xx} decoded as a reader decodes it.
	 */
	static Optional<String> named(byte[] pdf) {
		return named(pdf, true);
	}

	/**
	 * Whether the file's own syntax names an object stream with an escape
	 * ({@code /Obj#53tm}): no writer does, and PDFBox's repair, which looks for the plain
	 * name, would not find the objects packed in it.
	 */
	static boolean hidesAnObjectStream(byte[] pdf) {
		for (int at = 0; (at = indexOf(pdf, SLASH, at)) >= 0;) {
			Name name = name(pdf, at);
			if (name.escaped() && name.decoded().equals("ObjStm")) {
				return true;
			}
			at = name.end();
		}
		return false;
	}

	private static final byte[] SLASH = "/".getBytes(StandardCharsets.US_ASCII);

	/**
	 * A name token as a reader reads it: {@code #xx} decoded.
	 *
	 * @param escaped whether it was spelled with an escape
	 * @param end where the token ends in the file
	 */
	private record Name(String decoded, boolean escaped, int end) {
	}

	/** The name token whose solidus is at {@code slash}. */
	private static Name name(byte[] pdf, int slash) {
		StringBuilder name = new StringBuilder();
		boolean escaped = false;
		int j = slash + 1;
		while (j < pdf.length && !delimiterOrSpace(pdf[j])) {
			if (pdf[j] == '#' && j + 2 < pdf.length && hex(pdf[j + 1]) >= 0 && hex(pdf[j + 2]) >= 0) {
				name.append((char) (hex(pdf[j + 1]) * 16 + hex(pdf[j + 2])));
				escaped = true;
				j += 3;
			}
			else {
				name.append((char) (pdf[j] & 0xff));
				j++;
			}
		}
		return new Name(name.toString(), escaped, j);
	}

	/** Names of embedded files, judged by the structure where it could be read. */
	private static final Set<String> FILE_NAMES = Set.of("EF", "EmbeddedFile", "EmbeddedFiles", "FileAttachment");

	/**
	 * As {@link #named(byte[])}; with {@code files} false, names of embedded files are
	 * left to the structural check, which tells an invoice's data from a program.
	 */
	static Optional<String> named(byte[] pdf, boolean files) {
		int i = 0;
		while (i < pdf.length) {
			byte b = pdf[i];
			if (b == '%') {
				while (i < pdf.length && pdf[i] != '\n' && pdf[i] != '\r') {
					i++;
				}
				continue;
			}
			if (b == '(') {
				i = afterString(pdf, i);
				continue;
			}
			if (b == '<' && i + 1 < pdf.length && pdf[i + 1] == '<') {
				i += 2;
				continue;
			}
			if (b == '<') {
				while (i < pdf.length && pdf[i] != '>') {
					i++;
				}
				i++;
				continue;
			}
			if (!files && startsWith(pdf, i, STREAM) && (i == 0 || delimiterOrSpace(pdf[i - 1]))) {
				// A file whose structure was read: its stream data is not syntax. One
				// that was not (files true) is read whole, stream data included, so that
				// a stray keyword cannot hide the objects after it.
				int end = indexOf(pdf, ENDSTREAM, i + STREAM.length);
				if (end >= 0) {
					i = end + ENDSTREAM.length;
					continue;
				}
			}
			if (pdf[i] == '/') {
				Name name = name(pdf, i);
				String found = NAMES.get(name.decoded());
				if (found != null && (files || !FILE_NAMES.contains(name.decoded()))) {
					return Optional.of(found);
				}
				i = name.end();
				continue;
			}
			i++;
		}
		return Optional.empty();
	}

	private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);

	private static boolean delimiterOrSpace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0 || "()<>[]{}/%".indexOf(b) >= 0;
	}

	/** Past a literal string starting at {@code at}: nested parentheses, escapes. */
	private static int afterString(byte[] pdf, int at) {
		int depth = 0;
		int i = at;
		while (i < pdf.length) {
			byte b = pdf[i];
			if (b == '\\') {
				i += 2;
				continue;
			}
			if (b == '(') {
				depth++;
			}
			else if (b == ')' && --depth == 0) {
				return i + 1;
			}
			i++;
		}
		return i;
	}

	private static int hex(byte b) {
		return Character.digit(b, 16);
	}

	private static boolean startsWith(byte[] content, int at, byte[] part) {
		if (at + part.length > content.length) {
			return false;
		}
		for (int k = 0; k < part.length; k++) {
			if (content[at + k] != part[k]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] content, byte[] part, int from) {
		for (int i = from; i + part.length <= content.length; i++) {
			if (startsWith(content, i, part)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Looks at a value and everything directly inside it; references to other objects are
	 * not followed, each being read on its own.
	 */
	private static Optional<String> within(COSBase value) {
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> next = new ArrayDeque<>();
		next.push(value);
		while (!next.isEmpty()) {
			COSBase item = next.pop();
			if (item == null || item instanceof COSObject || !seen.add(item)) {
				continue;
			}
			if (item instanceof COSDictionary dictionary) {
				Optional<String> found = active(dictionary);
				if (found.isPresent()) {
					return found;
				}
				for (COSBase child : dictionary.getValues()) {
					next.push(child);
				}
			}
			else if (item instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					next.push(array.get(i));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The names a file specification gives its file (a reader may show any of them), the
	 * first of them that is not a data file's, or {@code ""} when all are; a
	 * specification naming none is named "" as well and judged a program.
	 */
	private static String programName(COSDictionary specification) {
		boolean named = false;
		for (COSName key : List.of(COSName.UF, COSName.F, COSName.DOS, COSName.UNIX, COSName.MAC)) {
			String name = specification.getString(key);
			if (name != null) {
				named = true;
				if (!DATA_FILE.matcher(name.strip()).matches()) {
					return name.strip();
				}
			}
		}
		return named ? "" : "未命名文件";
	}

	private static Optional<String> active(COSDictionary dictionary) {
		if (dictionary.containsKey(COSName.JS)) {
			return Optional.of(SCRIPT);
		}
		COSName type = dictionary.getCOSName(COSName.S);
		if (type != null && ACTIONS.containsKey(type)) {
			return Optional.of(ACTIONS.get(type));
		}
		COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
		if (RICH_MEDIA.equals(subtype) && COSName.ANNOT.equals(dictionary.getCOSName(COSName.TYPE, COSName.ANNOT))) {
			return Optional.of("多媒体内容");
		}
		if (dictionary.containsKey(COSName.EF)) {
			// A file specification carrying a file: an invoice's data (an e-invoice saved
			// as PDF/A-3 with its XML) is a document; anything else may be a program.
			String name = programName(dictionary);
			return name.isEmpty() ? Optional.empty() : Optional.of(EMBEDDED_FILE + "“" + name + "”");
		}
		if (dictionary.containsKey(XFA)) {
			return Optional.of("XFA 动态表单（可含脚本）");
		}
		if (dictionary.containsKey(JAVASCRIPT)) {
			// The catalog's name tree of document scripts, run when the file opens.
			return Optional.of(SCRIPT);
		}
		return Optional.empty();
	}

}
