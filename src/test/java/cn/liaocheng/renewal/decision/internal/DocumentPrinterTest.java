package cn.liaocheng.renewal.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.decision.PrintedDocument;

/**
 * What an enterprise types on several lines (a loan's purpose, a statement, a reviewer's
 * opinion) prints on several lines, not with the line breaks as □: the font draws no line
 * break, CR or tab.
 */
class DocumentPrinterTest {

	@Test
	void printsTheLinesTypedInATextareaAsLines() throws IOException {
		PrintedDocument doc = new PrintedDocument("聊城市推动工业领域设备更新", "设备更新贷款申请书", "DK-2026-371525-0001",
				"https://example.invalid/enterprise/applications/1",
				List.of(new PrintedDocument.Section("贷款信息",
						List.of(new PrintedDocument.Fact("贷款用途", "1、购置数控机床\r\n2、改造生产线\n3、\t购置检测设备")),
						List.of("第一段\r第二段"))),
				null, "打印时间：2026年12月7日");
		byte[] printed = new DocumentPrinter().pdf(doc);
		// Kept for a look (pdftoppm) with the browser tests' screenshots.
		Path kept = Path.of("target", "screenshots", "dossier-line-breaks.pdf");
		Files.createDirectories(kept.getParent());
		Files.write(kept, printed);
		String text;
		try (PDDocument pdf = Loader.loadPDF(printed)) {
			text = new PDFTextStripper().getText(pdf);
		}
		assertThat(text).doesNotContain("□")
			.contains("1、购置数控机床\n", "2、改造生产线\n", "第一段\n", "第二段")
			.containsPattern("3、\\s+购置检测设备");
	}

	@Test
	void startsANewLineAtEachLineBreakAndKeepsAnEmptyLine() throws IOException {
		try (PDDocument document = new PDDocument(); ChineseFont font = ChineseFont.borrow()) {
			PageFlow flow = new PageFlow(document, font.font());
			assertThat(flow.wrap("甲\r\n乙\n\n丙\r丁", 12, PageFlow.WIDTH, PageFlow.WIDTH)).containsExactly("甲", "乙", "",
					"丙", "丁");
			assertThat(flow.wrap("甲\t乙", 12, PageFlow.WIDTH, PageFlow.WIDTH)).containsExactly("甲 乙");
		}
	}

}
