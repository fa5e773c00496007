package cn.liaocheng.renewal.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

	private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");

	/** Action types ({@code /S}) and what they are called to the uploader. */
	private static final Map<COSName, String> ACTIONS = Map.of(JAVASCRIPT, "脚本（JavaScript）",
			COSName.getPDFName("Launch"), "启动程序或打开其他文件的动作", COSName.getPDFName("SubmitForm"), "向外部地址提交表单的动作",
			COSName.getPDFName("ImportData"), "导入外部数据的动作", COSName.getPDFName("GoToE"), "打开嵌入文件的动作",
			COSName.getPDFName("RichMediaExecute"), "多媒体脚本");

	/** Annotation types ({@code /Subtype}) that carry a file or a player. */
	private static final Map<COSName, String> ANNOTATIONS = Map.of(COSName.getPDFName("FileAttachment"), "嵌入的文件",
			COSName.getPDFName("RichMedia"), "多媒体内容");

	private static final String EMBEDDED_FILE = "嵌入的文件";

	private static final String SCRIPT = "脚本（JavaScript）";

	/** How deep direct dictionaries and arrays inside one object are followed. */
	private static final int MAX_DEPTH = 64;

	private PdfActiveContent() {
	}

	/** The first active content found, named for the uploader; empty if there is none. */
	static Optional<String> of(PDDocument document) {
		COSDocument file = document.getDocument();
		for (COSObjectKey key : new ArrayList<>(file.getXrefTable().keySet())) {
			COSObject object = file.getObjectFromPool(key);
			Optional<String> found = within(object.getObject());
			if (found.isPresent()) {
				return found;
			}
		}
		return within(file.getTrailer());
	}

	/**
	 * Looks at a value and everything directly inside it; references to other objects are
	 * not followed, each being read on its own.
	 */
	private static Optional<String> within(COSBase value) {
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> next = new ArrayDeque<>();
		Deque<Integer> depths = new ArrayDeque<>();
		next.push(value);
		depths.push(0);
		while (!next.isEmpty()) {
			COSBase item = next.pop();
			int depth = depths.pop();
			if (item == null || item instanceof COSObject || depth > MAX_DEPTH || !seen.add(item)) {
				continue;
			}
			if (item instanceof COSDictionary dictionary) {
				Optional<String> found = active(dictionary);
				if (found.isPresent()) {
					return found;
				}
				for (COSBase child : dictionary.getValues()) {
					next.push(child);
					depths.push(depth + 1);
				}
			}
			else if (item instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					next.push(array.get(i));
					depths.push(depth + 1);
				}
			}
		}
		return Optional.empty();
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
		if (subtype != null && ANNOTATIONS.containsKey(subtype)
				&& COSName.ANNOT.equals(dictionary.getCOSName(COSName.TYPE, COSName.ANNOT))) {
			return Optional.of(ANNOTATIONS.get(subtype));
		}
		if (COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || dictionary.containsKey(COSName.EF)
				|| dictionary.containsKey(EMBEDDED_FILES)) {
			return Optional.of(EMBEDDED_FILE);
		}
		if (dictionary.containsKey(JAVASCRIPT)) {
			// The catalog's name tree of document scripts, run when the file opens.
			return Optional.of(SCRIPT);
		}
		return Optional.empty();
	}

}
