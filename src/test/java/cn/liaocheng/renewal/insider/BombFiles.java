package cn.liaocheng.renewal.insider;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Small files that make the server allocate far more memory than they weigh: what an
 * outsider can send to the public decision check or an enterprise can upload and preview.
 */
public final class BombFiles {

	private BombFiles() {
	}

	/**
	 * A PDF whose document information (the verification code the public check reads
	 * first) sits in a FlateDecode object stream that inflates to {@code padding} more
	 * bytes: about 1 MB on the wire for 1 GB inflated.
	 */
	public static byte[] objectStreamPdf(long padding) {
		try {
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			write(pdf, "%PDF-1.7\n");
			int catalog = pdf.size();
			write(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
			int pages = pdf.size();
			write(pdf, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
			String header = "4 0 ";
			byte[] data = deflated(
					(header + "<< /VerificationCode (ABCDEFGHJK) >>").getBytes(StandardCharsets.US_ASCII), padding);
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
	 * A complete PNG of {@code width} × {@code height} pixels, RGBA at 16 bits a sample
	 * (8 bytes a pixel once decoded), all zero: some 300 kB for 6000 × 6600.
	 */
	public static byte[] png16(int width, int height) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			DataOutputStream out = new DataOutputStream(bytes);
			out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
			ByteBuffer ihdr = ByteBuffer.allocate(13);
			ihdr.putInt(width).putInt(height).put((byte) 16).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
			chunk(out, "IHDR", ihdr.array());
			ByteArrayOutputStream idat = new ByteArrayOutputStream();
			try (DeflaterOutputStream d = new DeflaterOutputStream(idat, new Deflater(9), 1 << 16)) {
				byte[] row = new byte[1 + width * 8];
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
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDImageXObject image = JPEGFactory.createFromByteArray(document, jpegClaiming(side));
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 0, 0, 600, 780);
			}
			document.save(out);
			return out.toByteArray();
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
