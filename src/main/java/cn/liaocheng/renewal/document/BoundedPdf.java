package cn.liaocheng.renewal.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF that came from outside so that reading it cannot take more memory than set
 * bounds. PDFBox decodes a stream (a page's content, an object stream holding the
 * document's dictionaries, an image) whole into memory, whatever its memory setting (that
 * bounds only the streams it writes): a 1 MB file may hold a stream that inflates to 1
 * GB. So every stream the parser reads is decoded once here first, only counting the
 * bytes and stopping at the bound, before PDFBox may decode it; an image is judged by the
 * size it declares (its dictionary, and for a JPEG its own header), since its decoder
 * allocates by that. What passes is decoded again by PDFBox when used: some CPU for a
 * hard bound on memory. The syntax PDFBox parses into objects is bounded as well
 * ({@link PdfTokens}): tokens of the file and its object streams, operands of a content
 * stream, distinct names.
 * <p>
 * A damaged file that holds object streams is refused rather than repaired: PDFBox's
 * repair decodes every object stream it finds before any of them could be checked. A
 * damaged file without object streams is repaired as before.
 */
public final class BoundedPdf {

	/** Image codecs: their output is bounded by the size the image declares. */
	private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
			COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);

	private static final byte[] OBJECT_STREAM = "/ObjStm".getBytes(StandardCharsets.US_ASCII);

	/** How far {@link #admitPage} follows references from a page. */
	private static final int MAX_DEPTH = 24;

	private static final int MAX_OBJECTS = 100_000;

	/**
	 * Numbers, names, strings and keywords PDFBox may hold parsed from one file (its own
	 * syntax and its object streams together), each some tens of bytes.
	 */
	static final long MAX_TOKENS = 2_000_000;

	/** Operands a content stream may give one operator (array elements included). */
	static final long MAX_OPERANDS = 100_000;

	/**
	 * Keys {@link #admitPage} does not follow: they lead to other pages, the outline or
	 * document structure, not to what the page draws.
	 */
	private static final Set<COSName> ELSEWHERE = Set.of(COSName.PARENT, COSName.P, COSName.DEST, COSName.D, COSName.A,
			COSName.AA, COSName.PA, COSName.NEXT, COSName.PREV, COSName.FIRST, COSName.LAST, COSName.B, COSName.THUMB,
			COSName.METADATA, COSName.PIECE_INFO, COSName.STRUCT_TREE_ROOT, COSName.PG, COSName.getPDFName("Popup"),
			COSName.getPDFName("IRT"));

	/**
	 * The bounds. An image's size is what it declares, width × height × components × bits
	 * per component / 8, before any of it is decoded.
	 *
	 * @param decodedBytes what the streams read from one opened file may decode to,
	 * together (images' codecs aside)
	 * @param rowImageBytes one image whose decoder reads a row at a time and can
	 * subsample (a baseline JPEG; an uncompressed or Flate image, whose data counts in
	 * {@code decodedBytes} as well)
	 * @param wholeImageBytes one image decoded whole whatever the subsampling: a
	 * progressive JPEG (whose decoder keeps all its coefficients), CCITT, JBIG2, JPEG
	 * 2000
	 */
	public record Limits(long decodedBytes, long rowImageBytes, long wholeImageBytes) {
	}

	/** The file needs more than the bounds allow; nothing past them was decoded. */
	public static final class TooLarge extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooLarge(String message) {
			super(message);
		}

	}

	private BoundedPdf() {
	}

	/**
	 * The document, parsed strictly where it can be and repaired only when it holds no
	 * object stream. Reading it later (pages, fonts, images) stays within the bounds and
	 * throws {@link TooLarge} where it would not.
	 */
	public static PDDocument load(byte[] pdf, Limits limits) throws IOException {
		return load(pdf, limits, true);
	}

	/**
	 * The document's structure only, for reading its objects' dictionaries (what it
	 * carries, not what it draws): object streams are decoded within the bounds as
	 * {@link #load} decodes them, other streams' data is neither decoded nor counted, so
	 * a long scan is read as fast as a short one and never exhausts the bounds. Its pages
	 * must not be rendered.
	 */
	public static PDDocument loadStructure(byte[] pdf, Limits limits) throws IOException {
		return load(pdf, limits, false);
	}

	@SuppressWarnings("deprecation")
	private static PDDocument load(byte[] pdf, Limits limits, boolean contentStreams) throws IOException {
		// PDFBox 3.0 keeps every name it parses in a static map, for good: file after
		// file of new names would fill the heap. Names compare by value, so the map may
		// be emptied at any time; it then holds the names of the files open now.
		COSName.clearResources();
		Set<String> names = new HashSet<>();
		PdfTokens syntax = new PdfTokens(PdfTokens.Mode.FILE, MAX_TOKENS, names);
		syntax.write(pdf);
		syntax.close();
		Set<String> syntaxNames = new HashSet<>(names);
		try {
			return new Parser(pdf, limits, syntax.tokens(), names, contentStreams).parse(false);
		}
		catch (InvalidPasswordException | TooLarge e) {
			throw e;
		}
		catch (IOException | RuntimeException strict) {
			if (contains(pdf, OBJECT_STREAM)) {
				throw new IOException("a damaged file with object streams, not repaired", strict);
			}
			return new Parser(pdf, limits, syntax.tokens(), syntaxNames, contentStreams).parse(true);
		}
	}

	/**
	 * Reads everything page {@code page} may draw (its content, resources, forms,
	 * patterns, fonts, annotations' appearances), so that a stream or image past the
	 * bounds is refused before rendering starts, and scans its content streams (the
	 * page's, read as one, forms', patterns', Type 3 glyphs', appearances') for runs of
	 * operands PDFBox would hold at once.
	 */
	public static void admitPage(PDPage page) {
		Set<String> names = new HashSet<>();
		scan(page.getCOSObject().getDictionaryObject(COSName.CONTENTS),
				new PdfTokens(PdfTokens.Mode.CONTENT, MAX_OPERANDS, names));
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> next = new ArrayDeque<>();
		// Per item: its depth, and whether it is content (a content stream, or what holds
		// content streams: appearance and glyph dictionaries, arrays).
		Deque<int[]> about = new ArrayDeque<>();
		next.add(page.getCOSObject());
		about.add(new int[] { 0, 0 });
		if (page.getResources() != null) {
			// Resources may be inherited from the page tree, which is not followed.
			next.add(page.getResources().getCOSObject());
			about.add(new int[] { 1, 0 });
		}
		while (!next.isEmpty()) {
			COSBase base = next.poll();
			int[] item = about.poll();
			int depth = item[0];
			boolean content = item[1] == 1;
			if (base instanceof COSObject reference) {
				base = reference.getObject();
			}
			if (!(base instanceof COSDictionary || base instanceof COSArray) || depth > MAX_DEPTH || !seen.add(base)) {
				continue;
			}
			if (seen.size() > MAX_OBJECTS) {
				throw new TooLarge("a page referring to more than " + MAX_OBJECTS + " objects");
			}
			if (base instanceof COSStream stream && (content || COSName.FORM.equals(stream.getCOSName(COSName.SUBTYPE))
					|| stream.getInt(COSName.PATTERN_TYPE) == 1)) {
				scan(stream, new PdfTokens(PdfTokens.Mode.CONTENT, MAX_OPERANDS, names));
			}
			if (base instanceof COSDictionary dictionary) {
				for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
					COSName key = entry.getKey();
					if (ELSEWHERE.contains(key) || depth == 0 && key.equals(COSName.CONTENTS)) {
						// The page's content was scanned as one above.
						continue;
					}
					boolean holdsContent = key.equals(COSName.AP) || key.equals(COSName.getPDFName("CharProcs"))
							|| content && !(base instanceof COSStream);
					add(next, about, entry.getValue(), depth + 1, holdsContent);
				}
			}
			else {
				for (COSBase element : (COSArray) base) {
					add(next, about, element, depth + 1, content);
				}
			}
		}
	}

	private static void add(Deque<COSBase> next, Deque<int[]> about, COSBase child, int depth, boolean content) {
		if (child instanceof COSObject || child instanceof COSDictionary || child instanceof COSArray) {
			next.add(child);
			about.add(new int[] { depth, content ? 1 : 0 });
		}
	}

	/** Scans a content stream, or an array of them in order, as PDFBox reads them. */
	private static void scan(COSBase content, PdfTokens tokens) {
		Budget decoder = new Budget(new Limits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
		try {
			if (content instanceof COSStream stream) {
				decoder.decode(stream, stream.createRawInputStream(), false, tokens, false);
			}
			else if (content instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					if (array.getObject(i) instanceof COSStream stream) {
						decoder.decode(stream, stream.createRawInputStream(), false, tokens, false);
						// PDFBox reads the streams of an array as if white space were
						// between them.
						tokens.write(' ');
					}
				}
			}
			tokens.close();
		}
		catch (IOException e) {
			// PDFBox fails on the same data, having read no more than was scanned.
		}
	}

	/**
	 * The inline images ({@code BI … ID … EI}) of one rendering, which PDFBox decodes as
	 * it reads the operator: each checked against the bounds first, their decoded data
	 * counted together.
	 */
	public static final class InlineImages {

		private final Budget budget;

		public InlineImages(Limits limits) {
			this.budget = new Budget(limits);
		}

		public void admit(COSDictionary parameters, byte[] data) {
			try {
				budget.admitImage(parameters, () -> new ByteArrayInputStream(data), true);
				budget.decodedLength(parameters, new ByteArrayInputStream(data), true);
			}
			catch (IOException e) {
				// PDFBox fails on the same data, having decoded no more than was counted.
			}
		}

	}

	/**
	 * The width and height in pixels an image stream declares, the larger of its
	 * dictionary's and, for JPEG data, the JPEG's own, which its decoder follows.
	 */
	public static long[] pixels(COSStream image) {
		long width = number(image, COSName.WIDTH, COSName.W, 0);
		long height = number(image, COSName.HEIGHT, COSName.H, 0);
		List<COSName> filters = Budget.filters(image, false);
		if (!filters.isEmpty() && (filters.get(0).equals(COSName.DCT_DECODE)
				|| filters.get(0).equals(COSName.DCT_DECODE_ABBREVIATION))) {
			try (InputStream jpeg = image.createRawInputStream()) {
				ImageHeader header = ImageHeader.jpeg(jpeg).orElse(null);
				if (header != null) {
					width = Math.max(width, header.width());
					height = Math.max(height, header.height());
				}
			}
			catch (IOException e) {
				// Unreadable: PDFBox will not decode it either.
			}
		}
		return new long[] { Math.max(0, width), Math.max(0, height) };
	}

	private static long number(COSDictionary dictionary, COSName key, COSName abbreviation, long otherwise) {
		return dictionary.getDictionaryObject(key, abbreviation) instanceof COSNumber n ? n.longValue() : otherwise;
	}

	/** Whether the file's bytes hold {@code name} (a PDF name such as /Encrypt). */
	public static boolean mentions(byte[] pdf, String name) {
		return contains(pdf, name.getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean contains(byte[] content, byte[] part) {
		outer: for (int i = 0; i + part.length <= content.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (content[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/** Checks each stream it reads, once, before anything may decode it. */
	private static final class Parser extends PDFParser {

		private final Budget budget;

		private final Set<COSStream> admitted = Collections.newSetFromMap(new IdentityHashMap<>());

		/** Tokens of the file's own syntax and of the object streams read so far. */
		private long tokens;

		/** Distinct names of the file's syntax and the object streams read so far. */
		private final Set<String> names;

		/** Whether streams other than object streams are checked as they are read. */
		private final boolean contentStreams;

		Parser(byte[] pdf, Limits limits, long fileTokens, Set<String> names, boolean contentStreams)
				throws IOException {
			super(new RandomAccessReadBuffer(pdf), "", null, null,
					MemoryUsageSetting.setupMainMemoryOnly(limits.decodedBytes()).streamCache);
			this.budget = new Budget(limits);
			this.tokens = fileTokens;
			this.names = names;
			this.contentStreams = contentStreams;
		}

		/**
		 * Every stream read at a file offset: cross-reference and object streams while
		 * the file is opened, the rest when first used. An encrypted file's streams are
		 * checked once decrypted, below.
		 */
		@Override
		protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
			COSStream stream = super.parseCOSStream(dictionary);
			if (securityHandler == null) {
				admit(stream);
			}
			return stream;
		}

		@Override
		protected synchronized COSBase parseObjectDynamically(COSObjectKey key, boolean notCompressed)
				throws IOException {
			COSBase object = super.parseObjectDynamically(key, notCompressed);
			if (object instanceof COSStream stream) {
				admit(stream);
			}
			return object;
		}

		/**
		 * An image that nothing but drawing reads: not a cross-reference stream, nor one
		 * PDFBox could unpack as an object stream whatever its type says (it has /N and
		 * /First), both of which PDFBox decodes whole while it parses.
		 */
		private static boolean pictureOnly(COSStream stream) {
			return COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
					&& !COSName.XREF.equals(stream.getCOSName(COSName.TYPE))
					&& !COSName.OBJ_STM.equals(stream.getCOSName(COSName.TYPE)) && !stream.containsKey(COSName.N)
					&& !stream.containsKey(COSName.FIRST);
		}

		private void admit(COSStream stream) throws IOException {
			if (!admitted.add(stream)) {
				return;
			}
			// Counting reads the stream's bytes through the parser's source.
			boolean objectStream = COSName.OBJ_STM.equals(stream.getCOSName(COSName.TYPE));
			if (!contentStreams && pictureOnly(stream)) {
				return;
			}
			long position = source.getPosition();
			try {
				budget.admitImage(stream, stream::createRawInputStream, false);
				if (objectStream) {
					PdfTokens objects = new PdfTokens(PdfTokens.Mode.OBJECTS, MAX_TOKENS, names).add(tokens);
					budget.decode(stream, stream.createRawInputStream(), false, objects, true);
					objects.close();
					tokens = objects.tokens();
				}
				else {
					budget.decodedLength(stream, stream.createRawInputStream(), false);
				}
			}
			finally {
				source.seek(position);
			}
		}

	}

	/** Raw data for a check, opened when the check needs it. */
	private interface Data {

		InputStream open() throws IOException;

	}

	/** What the streams of one opened file have decoded to so far, against the limits. */
	private static final class Budget {

		private final Limits limits;

		private long used;

		Budget(Limits limits) {
			this.limits = limits;
		}

		/**
		 * Runs the stream's filters up to the first image codec, counting what they put
		 * out (every stage: PDFBox keeps each in memory); returns when the data ends or
		 * turns out damaged, which ends PDFBox's decoding at the same place.
		 */
		void decodedLength(COSDictionary stream, InputStream raw, boolean inline) throws IOException {
			decode(stream, raw, inline, OutputStream.nullOutputStream(), true);
		}

		/**
		 * Writes what the stream's filters make of {@code raw}, up to the first image
		 * codec, into {@code sink} (the raw data itself when it has no filter); counted
		 * against the budget if {@code count}.
		 */
		void decode(COSDictionary stream, InputStream raw, boolean inline, OutputStream sink, boolean count)
				throws IOException {
			List<COSName> filters = filters(stream, inline);
			InputStream in = raw;
			try {
				if (filters.isEmpty()) {
					in.transferTo(sink);
					return;
				}
				for (int i = 0; i < filters.size() && !IMAGE_CODECS.contains(filters.get(i)); i++) {
					Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
					boolean last = i + 1 == filters.size() || IMAGE_CODECS.contains(filters.get(i + 1));
					ByteArrayOutputStream next = last ? null : new ByteArrayOutputStream();
					OutputStream target = last ? sink : next;
					try {
						filter.decode(in, count ? new Counted(target) : target, stream, i);
					}
					catch (IOException damaged) {
						return;
					}
					finally {
						in.close();
					}
					if (last) {
						return;
					}
					in = new ByteArrayInputStream(next.toByteArray());
				}
			}
			finally {
				in.close();
			}
		}

		/**
		 * An image (an image XObject, or an inline image) larger than allowed, judged by
		 * its dictionary and, for JPEG data, by the JPEG's own header, which its decoder
		 * follows whatever the dictionary says.
		 */
		void admitImage(COSDictionary stream, Data raw, boolean inline) throws IOException {
			boolean image = inline || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
			List<COSName> filters = filters(stream, inline);
			COSName codec = filters.stream().filter(IMAGE_CODECS::contains).findFirst().orElse(null);
			if (!image && codec == null) {
				return;
			}
			long width = number(stream, COSName.WIDTH, COSName.W, 0);
			long height = number(stream, COSName.HEIGHT, COSName.H, 0);
			boolean mask = stream.getBoolean(COSName.IMAGE_MASK, COSName.IM, false);
			long components = mask ? 1 : components(stream.getDictionaryObject(COSName.COLORSPACE, COSName.CS));
			long bits = mask ? 1 : number(stream, COSName.BITS_PER_COMPONENT, COSName.BPC, 8);
			boolean whole = codec != null;
			if (COSName.DCT_DECODE.equals(codec) || COSName.DCT_DECODE_ABBREVIATION.equals(codec)) {
				// JPEG data behind another filter is judged as if progressive.
				if (filters.get(0).equals(codec)) {
					try (InputStream jpeg = raw.open()) {
						ImageHeader header = ImageHeader.jpeg(jpeg).orElse(null);
						if (header != null) {
							width = Math.max(width, header.width());
							height = Math.max(height, header.height());
							components = Math.max(components, header.bands());
							bits = Math.max(bits, header.bitsPerSample());
							whole = header.progressive();
						}
					}
				}
			}
			else if (COSName.CCITTFAX_DECODE.equals(codec) || COSName.CCITTFAX_DECODE_ABBREVIATION.equals(codec)) {
				COSDictionary parameters = decodeParameters(stream, filters.indexOf(codec), inline);
				width = Math.max(width,
						parameters == null ? 1728 : number(parameters, COSName.COLUMNS, COSName.COLUMNS, 1728));
				height = Math.max(height, parameters == null ? 0 : number(parameters, COSName.ROWS, COSName.ROWS, 0));
			}
			double declared = (double) Math.max(0, width) * Math.max(0, height) * components * Math.max(1, bits) / 8;
			if (declared > (whole ? limits.wholeImageBytes() : limits.rowImageBytes())) {
				throw new TooLarge("an image of " + width + " × " + height + " pixels, " + components
						+ " components of " + bits + " bits" + (whole ? ", decoded whole" : ""));
			}
		}

		/**
		 * Samples a pixel for a colour space given by name; four (CMYK, the most the
		 * usual spaces have) for anything else.
		 */
		private static long components(COSBase space) {
			if (space instanceof COSName name) {
				String n = name.getName();
				if (n.equals("DeviceGray") || n.equals("G") || n.equals("CalGray") || n.equals("Indexed")
						|| n.equals("I")) {
					return 1;
				}
				if (n.equals("DeviceRGB") || n.equals("RGB") || n.equals("CalRGB")) {
					return 3;
				}
			}
			if (space instanceof COSArray array && array.size() > 0 && array.getObject(0) instanceof COSName family
					&& (family.getName().equals("Indexed") || family.getName().equals("I"))) {
				return 1;
			}
			return 4;
		}

		static List<COSName> filters(COSDictionary stream, boolean inline) {
			COSBase filter = inline ? stream.getDictionaryObject(COSName.F, COSName.FILTER)
					: stream.getDictionaryObject(COSName.FILTER);
			List<COSName> names = new ArrayList<>();
			if (filter instanceof COSName name) {
				names.add(name);
			}
			else if (filter instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					if (array.getObject(i) instanceof COSName name) {
						names.add(name);
					}
				}
			}
			return names;
		}

		private static COSDictionary decodeParameters(COSDictionary stream, int index, boolean inline) {
			COSBase parameters = inline ? stream.getDictionaryObject(COSName.DP, COSName.DECODE_PARMS)
					: stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
			if (parameters instanceof COSDictionary dictionary) {
				return dictionary;
			}
			if (parameters instanceof COSArray array && index >= 0 && index < array.size()
					&& array.getObject(index) instanceof COSDictionary dictionary) {
				return dictionary;
			}
			return null;
		}

		/** Counts what a filter writes, against what the file may still decode. */
		private final class Counted extends OutputStream {

			private final OutputStream target;

			Counted(OutputStream target) {
				this.target = target;
			}

			@Override
			public void write(int b) throws IOException {
				count(1);
				target.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				count(len);
				target.write(b, off, len);
			}

			private void count(long bytes) {
				used += bytes;
				if (used > limits.decodedBytes()) {
					throw new TooLarge("streams decoding to more than " + limits.decodedBytes() + " bytes");
				}
			}

		}

	}

}
