package cn.liaocheng.renewal.decision.internal;

import static cn.liaocheng.renewal.decision.internal.PageFlow.LEFT;
import static cn.liaocheng.renewal.decision.internal.PageFlow.RED;
import static cn.liaocheng.renewal.decision.internal.PageFlow.RIGHT;
import static cn.liaocheng.renewal.decision.internal.PageFlow.WIDTH;
import static cn.liaocheng.renewal.decision.internal.PageFlow.mm;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * Lays a decision out in the manner of GB/T 9704 official documents: the issuing body's
 * name in red, the document number, a red rule, the title, the addressee, the text, then
 * the body's name and the date under its seal, with a QR code that leads to the public
 * check. Produces the unsigned PDF.
 */
final class DecisionRenderer {

	static final String INFO_CODE = "VerificationCode";

	static final String INFO_NUMBER = "DecisionNumber";

	private static final float BODY = 16;

	private static final float LEADING = mm(225) / 22;

	private static final float QR = mm(24);

	private static final float SIGNATURE_HEIGHT = LEADING + Seal.DIAMETER + mm(10);

	private DecisionRenderer() {
	}

	record Header(String bodyName, String number, LocalDate date, String code, String verifyUrl) {
	}

	static byte[] render(Letter letter, Header header) {
		try (ChineseFont font = ChineseFont.borrow(); PDDocument document = new PDDocument()) {
			PageFlow flow = new PageFlow(document, font.font());
			flow.newPage();
			masthead(flow, header);
			flow.centred(letter.title(), 22, 22 * 1.5f, Color.BLACK, true);
			flow.down(LEADING * 0.5f);
			flow.paragraph(letter.addressee(), BODY, LEADING, 0, false);
			List<Letter.Block> blocks = letter.blocks();
			for (int i = 0; i < blocks.size(); i++) {
				Letter.Block block = blocks.get(i);
				if (i == blocks.size() - 1) {
					// GB/T 9704 7.3.5.3: the seal and date never stand alone on a page;
					// the last paragraph goes with them.
					flow.ensureRoom(flow.paragraphHeight(block.text(), BODY, LEADING, 2) + SIGNATURE_HEIGHT);
				}
				flow.paragraph(block.text(), BODY, LEADING, 2, block.kind() == Letter.Kind.HEADING);
			}
			signatureAndSeal(flow, header);
			flow.close();
			describe(document.getDocumentInformation(), letter, header);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot render decision " + header.number(), e);
		}
	}

	private static void masthead(PageFlow flow, Header header) throws IOException {
		String name = header.bodyName();
		float size = Math.min(40, WIDTH * 0.92f / name.codePointCount(0, name.length()));
		flow.centred(name, size, size * 1.6f, RED, true);
		flow.down(LEADING * 0.6f);
		flow.centred(header.number(), BODY, LEADING, Color.BLACK, false);
		float rule = flow.y() - mm(4);
		flow.out().setStrokingColor(RED);
		flow.out().setLineWidth(1.5f);
		flow.out().moveTo(LEFT, rule);
		flow.out().lineTo(RIGHT, rule);
		flow.out().stroke();
		flow.down(mm(4) + LEADING);
	}

	/**
	 * GB/T 9704 7.3.5.1: the date four characters from the right edge, the body's name
	 * centred above it, the seal pressing on both with its centre a little above them.
	 * The QR code takes the empty left side of that band.
	 */
	private static void signatureAndSeal(PageFlow flow, Header header) throws IOException {
		flow.ensureRoom(SIGNATURE_HEIGHT);
		flow.down(LEADING);
		String date = ChineseFormats.date(header.date());
		float dateRight = RIGHT - 4 * BODY;
		float dateX = dateRight - flow.width(date, BODY);
		float centreX = dateX + flow.width(date, BODY) / 2;
		float sealTop = flow.y();
		float centreY = sealTop - Seal.DIAMETER / 2;
		String name = header.bodyName();
		float nameBaseline = centreY - BODY * 0.9f;
		float dateBaseline = nameBaseline - LEADING;
		float nameX = Math.min(centreX - flow.width(name, BODY) / 2, RIGHT - flow.width(name, BODY));
		flow.text(name, nameX, nameBaseline, BODY, Color.BLACK, false);
		flow.text(date, dateX, dateBaseline, BODY, Color.BLACK, false);
		Seal.draw(flow, name, centreX, centreY);
		QrCode.draw(flow.out(), header.verifyUrl(), LEFT, sealTop - mm(2), QR);
		float textX = LEFT + QR + mm(3);
		float line = sealTop - mm(2) - 10;
		flow.text("扫码或登录网址核验真伪", textX, line, 9, Color.DARK_GRAY, false);
		flow.text("验证码：" + header.code(), textX, line - 14, 10.5f, Color.BLACK, true);
		flow.text(header.verifyUrl().replaceFirst("\\?.*$", ""), textX, line - 28, 8, Color.DARK_GRAY, false);
		flow.down(Seal.DIAMETER);
	}

	private static void describe(PDDocumentInformation info, Letter letter, Header header) {
		info.setTitle(letter.title() + " " + header.number());
		info.setAuthor(header.bodyName());
		info.setSubject(header.number());
		info.setCreator("聊城市工业领域设备更新审批系统");
		info.setProducer("Apache PDFBox");
		Calendar created = new GregorianCalendar(ChinaTime.timeZone());
		info.setCreationDate(created);
		info.setCustomMetadataValue(INFO_NUMBER, header.number());
		info.setCustomMetadataValue(INFO_CODE, header.code());
	}

}
