package cn.liaocheng.renewal.decision.internal;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * The picture of a seal the application draws for a body: a red ring, the body's name
 * along its upper arc and a five-pointed star. It is an image of authority for the
 * reader, not a seal: the cryptographic signature is what proves the document. Multiplied
 * onto the page, so the signature line and date under it stay legible.
 */
final class Seal {

	static final float DIAMETER = PageFlow.mm(42);

	private static final float KAPPA = 0.5523f;

	private Seal() {
	}

	static void draw(PageFlow flow, String bodyName, float cx, float cy) throws IOException {
		PDPageContentStream out = flow.out();
		out.saveGraphicsState();
		PDExtendedGraphicsState multiply = new PDExtendedGraphicsState();
		multiply.setBlendMode(BlendMode.MULTIPLY);
		multiply.setNonStrokingAlphaConstant(0.9f);
		multiply.setStrokingAlphaConstant(0.9f);
		out.setGraphicsStateParameters(multiply);
		out.setStrokingColor(PageFlow.RED);
		out.setNonStrokingColor(PageFlow.RED);
		float radius = DIAMETER / 2;
		float ring = PageFlow.mm(1.2f);
		out.setLineWidth(ring);
		circle(out, cx, cy, radius - ring / 2);
		out.stroke();
		star(out, cx, cy, radius * 0.32f);
		out.fill();
		name(flow, bodyName, cx, cy, radius - ring - PageFlow.mm(1.2f));
		out.restoreGraphicsState();
	}

	private static void name(PageFlow flow, String bodyName, float cx, float cy, float outer) throws IOException {
		String text = flow.drawable(bodyName);
		int n = text.codePointCount(0, text.length());
		double span = Math.toRadians(Math.min(250, Math.max(190, 26 * n)));
		float size = (float) Math.min(18, outer * 0.8 * span / (n * 1.08));
		float base = outer - size * 0.92f;
		PDType0Font font = flow.font();
		PDPageContentStream out = flow.out();
		int[] chars = text.codePoints().toArray();
		for (int i = 0; i < n; i++) {
			double theta = Math.PI / 2 + span / 2 - (n == 1 ? span / 2 : i * span / (n - 1));
			String c = new String(Character.toChars(chars[i]));
			float w = font.getStringWidth(c) / 1000 * size;
			double nx = Math.cos(theta);
			double ny = Math.sin(theta);
			float x = (float) (cx + base * nx - w / 2 * ny);
			float y = (float) (cy + base * ny + w / 2 * nx);
			out.beginText();
			out.setFont(font, size);
			out.setRenderingMode(RenderingMode.FILL_STROKE);
			out.setLineWidth(size * 0.04f);
			out.setTextMatrix(Matrix.getRotateInstance(theta - Math.PI / 2, x, y));
			out.showText(c);
			out.endText();
		}
	}

	private static void circle(PDPageContentStream out, float cx, float cy, float r) throws IOException {
		float k = KAPPA * r;
		out.moveTo(cx + r, cy);
		out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
		out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
		out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
		out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
		out.closePath();
	}

	private static void star(PDPageContentStream out, float cx, float cy, float r) throws IOException {
		float inner = r * 0.382f;
		for (int i = 0; i < 10; i++) {
			double angle = Math.PI / 2 + i * Math.PI / 5;
			float rr = i % 2 == 0 ? r : inner;
			float x = (float) (cx + rr * Math.cos(angle));
			float y = (float) (cy + rr * Math.sin(angle));
			if (i == 0) {
				out.moveTo(x, y);
			}
			else {
				out.lineTo(x, y);
			}
		}
		out.closePath();
	}

}
