package cn.liaocheng.renewal.document;

import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * Renders pages of a {@link BoundedPdf} so that no image is decoded larger than needed.
 * PDFBox decodes an image at full size unless told it may subsample, and then only as far
 * as the image's scale on the page allows: an image drawn large, or one whose soft mask
 * is larger than itself, is still decoded whole. Here every image is read with at least
 * the subsampling that keeps its picture within {@code drawnImageBytes}; a stencil mask,
 * which PDFBox always draws at full size, must fit in the limit of images decoded whole
 * as it is; inline images are checked before PDFBox decodes them. A page is drawn with at
 * most {@link #MAX_OPERATIONS} operations (those of forms drawn by a form count each time
 * they are drawn: forms drawing forms a thousand times each pass every bound on streams,
 * yet draw a billion times) and for at most {@link #MAX_SECONDS} seconds.
 */
final class BoundedRenderer extends PDFRenderer {

	/** Far above any drawing a scan, a form or an invoice needs. */
	static final long MAX_OPERATIONS = 5_000_000;

	static final long MAX_SECONDS = 15;

	private final BoundedPdf.Limits limits;

	private final long drawnImageBytes;

	BoundedRenderer(PDDocument document, BoundedPdf.Limits limits, long drawnImageBytes) {
		super(document);
		this.limits = limits;
		this.drawnImageBytes = drawnImageBytes;
		setSubsamplingAllowed(true);
	}

	@Override
	protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
		return new Drawer(parameters);
	}

	/** A decoded picture takes 4 bytes a pixel (ARGB). */
	private static long pictureBytes(long width, long height, long subsampling) {
		return ceilDiv(width, subsampling) * ceilDiv(height, subsampling) * 4;
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

	private final class Drawer extends PageDrawer {

		private final BoundedPdf.InlineImages inline = new BoundedPdf.InlineImages(limits);

		private final long started = System.nanoTime();

		private long operations;

		Drawer(PageDrawerParameters parameters) throws IOException {
			super(parameters);
		}

		@Override
		protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
			if (++operations > MAX_OPERATIONS) {
				throw new BoundedPdf.TooLarge("a page of more than " + MAX_OPERATIONS + " drawing operations");
			}
			if ((operations & 4095) == 0 && System.nanoTime() - started > MAX_SECONDS * 1_000_000_000L) {
				throw new BoundedPdf.TooLarge("a page that takes more than " + MAX_SECONDS + " s to draw");
			}
			if ("BI".equals(operator.getName()) && operator.getImageParameters() != null) {
				inline.admit(operator.getImageParameters(), operator.getImageData());
			}
			super.processOperator(operator, operands);
		}

		@Override
		public void drawImage(PDImage image) throws IOException {
			if (image.isStencil() && pictureBytes(image.getWidth(), image.getHeight(), 1) > limits.wholeImageBytes()) {
				throw new BoundedPdf.TooLarge(
						"a stencil mask of " + image.getWidth() + " × " + image.getHeight() + " pixels");
			}
			super.drawImage(image);
		}

		@Override
		protected int getSubsampling(PDImage image, AffineTransform at) {
			long width = Math.max(1, image.getWidth());
			long height = Math.max(1, image.getHeight());
			if (image instanceof PDImageXObject xobject) {
				for (COSStream stream : new COSStream[] { xobject.getCOSObject(),
						xobject.getCOSObject().getCOSStream(COSName.SMASK),
						xobject.getCOSObject().getCOSStream(COSName.MASK) }) {
					if (stream != null) {
						long[] pixels = BoundedPdf.pixels(stream);
						width = Math.max(width, pixels[0]);
						height = Math.max(height, pixels[1]);
					}
				}
			}
			int subsampling = (int) Math.max(Math.max(1, super.getSubsampling(image, at)),
					Math.sqrt((double) width * height * 4 / drawnImageBytes));
			while (pictureBytes(width, height, subsampling) > drawnImageBytes) {
				subsampling++;
			}
			return subsampling;
		}

	}

}
