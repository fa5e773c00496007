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
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.PrintedDocument;
import cn.liaocheng.renewal.decision.Printing;

/**
 * Prints a dossier in the decisions' family: the same page, margins, font and red rule,
 * the number under the title, a QR code at the top right that leads to the case page,
 * then label–value facts in two columns and lists. Not signed: it is a copy of what was
 * submitted, not an act of a body.
 */
@Component
class DocumentPrinter implements Printing {

	static final String INFO_NUMBER = "ReferenceNumber";

	private static final float BODY = 12;

	private static final float LEADING = BODY * 1.75f;

	private static final float LABEL = mm(40);

	private static final float QR = mm(22);

	@Override
	public byte[] pdf(PrintedDocument doc) {
		try (ChineseFont font = ChineseFont.borrow(); PDDocument document = new PDDocument()) {
			PageFlow flow = new PageFlow(document, font.font());
			flow.newPage();
			masthead(flow, doc);
			for (PrintedDocument.Section section : doc.sections()) {
				section(flow, section);
			}
			if (doc.closing() != null) {
				List<String> paragraphs = doc.closing().paragraphs();
				flow.ensureRoom(LEADING * 3 + (float) paragraphs.stream()
					.mapToDouble(p -> flow.paragraphHeight(p, BODY, LEADING, 0))
					.sum());
				section(flow, doc.closing());
			}
			if (doc.footer() != null) {
				flow.down(LEADING * 0.5f);
				for (String line : flow.wrap(doc.footer(), 9, WIDTH, WIDTH)) {
					flow.ensureRoom(14);
					flow.text(line, LEFT, flow.y() - 10, 9, Color.DARK_GRAY, false);
					flow.down(14);
				}
			}
			flow.close();
			describe(document.getDocumentInformation(), doc);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot print " + doc.number(), e);
		}
	}

	private static void masthead(PageFlow flow, PrintedDocument doc) throws IOException {
		float top = flow.y();
		QrCode.draw(flow.out(), doc.link(), RIGHT - QR, top + mm(12), QR);
		flow.text("扫码查看办理进度", RIGHT - QR, top + mm(12) - QR - 10, 8, Color.DARK_GRAY, false);
		flow.centred(doc.heading(), 14, 14 * 1.6f, RED, true);
		flow.centred(doc.title(), 22, 22 * 1.6f, Color.BLACK, true);
		flow.centred("申报编号：" + doc.number(), BODY + 2, LEADING, Color.BLACK, false);
		float rule = flow.y() - mm(2);
		flow.out().setStrokingColor(RED);
		flow.out().setLineWidth(1.5f);
		flow.out().moveTo(LEFT, rule);
		flow.out().lineTo(RIGHT, rule);
		flow.out().stroke();
		flow.down(mm(5));
	}

	private static void section(PageFlow flow, PrintedDocument.Section section) throws IOException {
		flow.ensureRoom(LEADING * 3);
		flow.down(LEADING * 0.3f);
		flow.paragraph(section.heading(), BODY + 2, LEADING, 0, true);
		for (PrintedDocument.Fact fact : section.facts()) {
			fact(flow, fact);
		}
		for (String paragraph : section.paragraphs()) {
			flow.paragraph(paragraph, BODY, LEADING, 0, false);
		}
	}

	/** The label in grey in the left column, the value wrapped in the right one. */
	private static void fact(PageFlow flow, PrintedDocument.Fact fact) throws IOException {
		String value = fact.value() == null || fact.value().isBlank() ? "—" : fact.value();
		List<String> lines = flow.wrap(value, BODY, WIDTH - LABEL, WIDTH - LABEL);
		for (int i = 0; i < lines.size(); i++) {
			flow.ensureRoom(LEADING);
			float baseline = flow.y() - (LEADING + BODY) / 2 + BODY * 0.12f;
			if (i == 0) {
				flow.text(fact.label(), LEFT, baseline, BODY, Color.DARK_GRAY, false);
			}
			flow.text(lines.get(i), LEFT + LABEL, baseline, BODY, Color.BLACK, false);
			flow.down(LEADING);
		}
	}

	private static void describe(PDDocumentInformation info, PrintedDocument doc) {
		info.setTitle(doc.title() + " " + doc.number());
		info.setSubject(doc.number());
		info.setCreator("聊城市工业领域设备更新审批系统");
		info.setProducer("Apache PDFBox");
		info.setCreationDate(new GregorianCalendar(ChinaTime.timeZone()));
		info.setCustomMetadataValue(INFO_NUMBER, doc.number());
	}

}
