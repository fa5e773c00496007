package cn.liaocheng.renewal.decision.internal;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A QR code drawn as vector squares, so it stays sharp when printed at any size. */
final class QrCode {

	private QrCode() {
	}

	/** Draws the code with its top-left corner at (x, top), {@code size} points wide. */
	static void draw(PDPageContentStream out, String content, float x, float top, float size) throws IOException {
		BitMatrix matrix = encode(content);
		float module = size / matrix.getWidth();
		out.setNonStrokingColor(Color.BLACK);
		for (int row = 0; row < matrix.getHeight(); row++) {
			int col = 0;
			while (col < matrix.getWidth()) {
				if (!matrix.get(col, row)) {
					col++;
					continue;
				}
				int start = col;
				while (col < matrix.getWidth() && matrix.get(col, row)) {
					col++;
				}
				out.addRect(x + start * module, top - (row + 1) * module, (col - start) * module, module);
			}
		}
		out.fill();
	}

	static BitMatrix encode(String content) {
		try {
			// Width and height 0: one matrix cell per module; the quiet zone is left to
			// the page around it.
			return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("cannot encode " + content + " as QR code", e);
		}
	}

}
