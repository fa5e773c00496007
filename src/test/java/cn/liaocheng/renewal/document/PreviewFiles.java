package cn.liaocheng.renewal.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Files for the preview tests: real PDFs of several pages, and a forged image header. */
public final class PreviewFiles {

	private PreviewFiles() {
	}

	/** An A4 PDF of {@code pages} pages, each saying which page it is. */
	public static byte[] pdf(int pages, String password) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 1; i <= pages; i++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream text = new PDPageContentStream(document, page)) {
					text.setNonStrokingColor(0.1f, 0.1f, 0.1f);
					text.addRect(60, 600, 300, 120);
					text.fill();
					text.beginText();
					text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
					text.newLineAtOffset(60, 760);
					text.showText("Business licence, page " + i + " of " + pages);
					text.endText();
				}
			}
			if (password != null) {
				StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password,
						new AccessPermission());
				policy.setEncryptionKeyLength(128);
				document.protect(policy);
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The file's SHA-256 in hex, as the file store records it. */
	public static String sha256(byte[] file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The first bytes of a PNG that claims {@code width} × {@code height} pixels: its
	 * header is well formed, its picture data is missing.
	 */
	public static byte[] pngHeader(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(17);
		ihdr.put(new byte[] { 'I', 'H', 'D', 'R' })
			.putInt(width)
			.putInt(height)
			.put((byte) 8)
			.put((byte) 2)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(ihdr.array());
		ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
		png.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })
			.putInt(13)
			.put(ihdr.array())
			.putInt((int) crc.getValue());
		return png.array();
	}

}
