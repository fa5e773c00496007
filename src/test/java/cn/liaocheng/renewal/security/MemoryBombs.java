package cn.liaocheng.renewal.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Small files that make the server allocate far more memory than they weigh: what an
 * outsider can send to the public decision check or an enterprise can upload and preview.
 */
public final class MemoryBombs {

	/** What {@link #occupyHeap} holds, reachable until the probe ends. */
	private static final List<byte[]> NODE_DATA = new ArrayList<>();

	private MemoryBombs() {
	}

	/**
	 * Takes as much heap as system property {@code renewal.probe.node-data-mb} says (none
	 * without it), and keeps it: a probe's heap then holds what a running node's holds
	 * besides the request (its engine, caches, sessions), not only the request.
	 */
	public static void occupyHeap() {
		for (int i = 0; i < Integer.getInteger("renewal.probe.node-data-mb", 0); i++) {
			NODE_DATA.add(new byte[1024 * 1024]);
		}
	}

	/**
	 * A PDF whose document information (the verification code the public check reads
	 * first) sits in a FlateDecode object stream that inflates to {@code padding} more
	 * bytes: about 1 MB on the wire for 1 GB inflated.
	 */
	public static byte[] objectStreamPdf(long padding) {
		return objectStreamPdf("<< /VerificationCode (ABCDEFGHJK) >>", padding);
	}

	/**
	 * A PDF whose document information is {@code info}, in a FlateDecode object stream
	 * that inflates to {@code padding} bytes more.
	 */
	public static byte[] objectStreamPdf(String info, long padding) {
		try {
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			write(pdf, "%PDF-1.7\n");
			int catalog = pdf.size();
			write(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
			int pages = pdf.size();
			write(pdf, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
			String header = "4 0 ";
			byte[] data = deflated((header + info).getBytes(StandardCharsets.US_ASCII), padding);
			int stream = pdf.size();
			write(pdf, "3 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length() + " /Filter /FlateDecode /Length "
					+ data.length + " >>\nstream\n");
			pdf.write(data);
			write(pdf, "\nendstream\nendobj\n");
			int xref = pdf.size();
			ByteArrayOutputStream rows = new ByteArrayOutputStream();
			row(rows, 0, 0, 65535);
			row(rows, 1, catalog, 0);
			row(rows, 1, pages, 0);
			row(rows, 1, stream, 0);
			row(rows, 2, 3, 0);
			row(rows, 1, xref, 0);
			byte[] table = rows.toByteArray();
			write(pdf, "5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Info 4 0 R /Length " + table.length
					+ " >>\nstream\n");
			pdf.write(table);
			write(pdf, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
			return pdf.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A PDF whose catalog (the trailer's /Root, read while the file is opened) sits in a
	 * FlateDecode object stream that inflates to {@code padding} more bytes. Without
	 * {@code startxref} the file is damaged: PDFBox's repair then decodes every object
	 * stream it finds, looking for the catalog.
	 */
	public static byte[] catalogInObjectStreamPdf(long padding, boolean startxref) {
		try {
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			write(pdf, "%PDF-1.7\n");
			int pages = pdf.size();
			write(pdf, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
			String header = "1 0 ";
			byte[] data = deflated((header + "<< /Type /Catalog /Pages 2 0 R >>").getBytes(StandardCharsets.US_ASCII),
					padding);
			int stream = pdf.size();
			write(pdf, "3 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length() + " /Filter /FlateDecode /Length "
					+ data.length + " >>\nstream\n");
			pdf.write(data);
			write(pdf, "\nendstream\nendobj\n");
			int xref = pdf.size();
			ByteArrayOutputStream rows = new ByteArrayOutputStream();
			row(rows, 0, 0, 65535);
			row(rows, 2, 3, 0);
			row(rows, 1, pages, 0);
			row(rows, 1, stream, 0);
			row(rows, 1, xref, 0);
			byte[] table = rows.toByteArray();
			write(pdf,
					"4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length " + table.length + " >>\nstream\n");
			pdf.write(table);
			write(pdf, "\nendstream\nendobj\n" + (startxref ? "startxref\n" + xref + "\n" : "") + "%%EOF\n");
			return pdf.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A complete PNG of {@code width} × {@code height} pixels, RGBA at 16 bits a sample
	 * (8 bytes a pixel once decoded), all zero: some 300 kB for 6000 × 6600.
	 */
	public static byte[] png16(int width, int height) {
		return png(width, height, 16, 6);
	}

	/**
	 * A complete PNG of {@code width} × {@code height} pixels of the given bit depth and
	 * colour type (0 grey, 2 RGB, 6 RGBA), all zero, written a row at a time: a scan's
	 * size costs its deflated size only.
	 */
	public static byte[] png(int width, int height, int bitDepth, int colorType) {
		int bands = switch (colorType) {
			case 0 -> 1;
			case 2 -> 3;
			case 6 -> 4;
			default -> throw new IllegalArgumentException("colour type " + colorType);
		};
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
			ByteBuffer ihdr = ByteBuffer.allocate(13);
			ihdr.putInt(width)
				.putInt(height)
				.put((byte) bitDepth)
				.put((byte) colorType)
				.put((byte) 0)
				.put((byte) 0)
				.put((byte) 0);
			chunk(out, "IHDR", ihdr.array());
			ByteArrayOutputStream idat = new ByteArrayOutputStream();
			try (DeflaterOutputStream d = new DeflaterOutputStream(idat, new Deflater(9), 1 << 16)) {
				byte[] row = new byte[1 + width * bands * bitDepth / 8];
				for (int y = 0; y < height; y++) {
					d.write(row);
				}
			}
			chunk(out, "IDAT", idat.toByteArray());
			chunk(out, "IEND", new byte[0]);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A one-page PDF (about 1.3 kB) drawing a JPEG whose header claims {@code side} ×
	 * {@code side} pixels; its picture data is that of an 8 × 8 image.
	 */
	public static byte[] pdfWithJpegClaiming(int side) {
		return pdfWithJpegClaiming(side, 600, side);
	}

	/**
	 * A one-page PDF drawing a JPEG whose header claims {@code side} × {@code side}
	 * pixels, {@code drawnSide} points wide and high (larger than the page: PDFBox then
	 * decodes it whole unless made to subsample), its dictionary claiming
	 * {@code declaredSide} (less than the JPEG: PDFBox subsamples by the dictionary, the
	 * decoder follows the JPEG).
	 */
	public static byte[] pdfWithJpegClaiming(int side, float drawnSide, int declaredSide) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDImageXObject image = JPEGFactory.createFromByteArray(document, jpegClaiming(side));
			image.getCOSObject().setInt(COSName.WIDTH, declaredSide);
			image.getCOSObject().setInt(COSName.HEIGHT, declaredSide);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 0, 0, drawnSide, drawnSide * 1.3f);
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A one-page PDF whose page content is {@code content} followed by {@code padding}
	 * spaces, deflated (about 1 kB a megabyte), optionally encrypted with an empty user
	 * password, as PDFs "protected" against editing are: such a file opens without a
	 * password and PDFBox decrypts its streams before it decodes them.
	 */
	public static byte[] pdfWithContent(String content, long padding, boolean encrypted) {
		return pdfWithContent(content, " ", padding, encrypted);
	}

	/**
	 * A one-page PDF whose page content is {@code content} followed by {@code repeated}
	 * as often as fits in {@code padding} bytes, deflated.
	 */
	public static byte[] pdfWithContent(String content, String repeated, long padding, boolean encrypted) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDStream stream = new PDStream(document);
			try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
				o.write(content.getBytes(StandardCharsets.ISO_8859_1));
				byte[] unit = repeated.getBytes(StandardCharsets.ISO_8859_1);
				byte[] block = new byte[unit.length * 65536];
				for (int i = 0; i < 65536; i++) {
					System.arraycopy(unit, 0, block, i * unit.length, unit.length);
				}
				for (long n = 0; n < padding; n += block.length) {
					o.write(block);
				}
			}
			page.setContents(stream);
			if (encrypted) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			document.save(out, CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A one-page PDF whose content draws an inline image ({@code BI … ID … EI}) with
	 * these parameters and data.
	 */
	public static byte[] pdfWithInlineImage(String parameters, byte[] data) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDStream stream = new PDStream(document);
			try (OutputStream o = stream.createOutputStream()) {
				o.write(("q 600 0 0 780 0 0 cm BI " + parameters + " ID ").getBytes(StandardCharsets.ISO_8859_1));
				o.write(data);
				o.write("\nEI Q\n".getBytes(StandardCharsets.ISO_8859_1));
			}
			page.setContents(stream);
			document.save(out, CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A one-page PDF whose page draws form F1, which draws F2 {@code times} times, which
	 * draws F3 {@code times} times, which saves and restores the graphics state twice:
	 * small streams that draw {@code times}² forms.
	 */
	public static byte[] pdfWithNestedForms(int times) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject f3 = form(document, "q Q q Q\n", null, null);
			org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject f2 = form(document, "/F3 Do\n".repeat(times), "F3",
					f3);
			org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject f1 = form(document, "/F2 Do\n".repeat(times), "F2",
					f2);
			org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
			resources.put(COSName.getPDFName("F1"), f1);
			page.setResources(resources);
			PDStream stream = new PDStream(document);
			try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
				o.write("/F1 Do\n".getBytes(StandardCharsets.ISO_8859_1));
			}
			page.setContents(stream);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form(PDDocument document, String content,
			String inner, org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject innerForm) throws IOException {
		PDStream stream = new PDStream(document);
		try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
			o.write(content.getBytes(StandardCharsets.ISO_8859_1));
		}
		org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form = new org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject(
				stream);
		form.setBBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(0, 0, 10, 10));
		org.apache.pdfbox.pdmodel.PDResources resources = new org.apache.pdfbox.pdmodel.PDResources();
		if (inner != null) {
			resources.put(COSName.getPDFName(inner), innerForm);
		}
		form.setResources(resources);
		return form;
	}

	/** {@code padding} zero bytes, deflated. */
	public static byte[] deflatedZeros(long padding) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9), 1 << 16)) {
				byte[] block = new byte[1 << 20];
				for (long n = 0; n < padding; n += block.length) {
					d.write(block);
				}
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An 8 × 8 grey JPEG whose header claims {@code side} × {@code side} pixels. */
	public static byte[] jpeg(int side) {
		try {
			return jpegClaiming(side);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] jpegClaiming(int side) throws IOException {
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "jpeg", jpeg);
		byte[] b = jpeg.toByteArray();
		for (int i = 2; i + 8 < b.length;) {
			int marker = b[i + 1] & 0xFF;
			int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
			if (marker == 0xC0) {
				b[i + 5] = (byte) (side >> 8);
				b[i + 6] = (byte) side;
				b[i + 7] = (byte) (side >> 8);
				b[i + 8] = (byte) side;
				return b;
			}
			i += 2 + length;
		}
		throw new IllegalStateException("no SOF0 marker");
	}

	private static byte[] deflated(byte[] head, long padding) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9), 1 << 16)) {
			d.write(head);
			byte[] block = new byte[1 << 20];
			Arrays.fill(block, (byte) ' ');
			for (long n = 0; n < padding; n += block.length) {
				d.write(block);
			}
		}
		return out.toByteArray();
	}

	private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeInt(data.length);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeInt((int) crc.getValue());
	}

	private static void row(ByteArrayOutputStream out, int type, int field, int generation) {
		out.write(type);
		out.write(field >>> 24);
		out.write(field >>> 16);
		out.write(field >>> 8);
		out.write(field);
		out.write(generation >>> 8);
		out.write(generation);
	}

	private static void write(ByteArrayOutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
	}

}
