package cn.liaocheng.renewal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.junit.jupiter.api.Test;

/**
 * A PDF with a script, an action that starts a program, or an embedded file is refused at
 * upload, however the file packs or spells it; links to web addresses and jumps inside
 * the document are taken.
 */
class PdfActiveContentTest {

	private static final String ADVICE = "，审核人员下载打开时可能自动运行，不能作为申报材料；请用“打印为 PDF”另存，或上传扫描件";

	@Test
	void aScriptRunWhenTheFileOpensIsRefusedPackedInObjectStreamsOrNot() throws IOException {
		for (CompressParameters packing : List.of(CompressParameters.DEFAULT_COMPRESSION,
				CompressParameters.NO_COMPRESSION)) {
			byte[] pdf = save(
					document -> document.getDocumentCatalog()
						.setOpenAction(new PDActionJavaScript("app.launchURL('http://example.invalid/beacon');")),
					packing);
			assertThat(Previews.uploadProblem("营业执照.pdf", pdf)).as(packing.toString())
				.hasValue("“营业执照.pdf”含有脚本（JavaScript）" + ADVICE);
		}
		assertThat(BoundedPdf.mentions(
				save(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1);")),
						CompressParameters.DEFAULT_COMPRESSION),
				"/JavaScript"))
			.as("packed in an object stream, the name is not in the file's own bytes")
			.isFalse();
	}

	@Test
	void aDocumentScriptInTheNameTreeIsRefused() throws IOException {
		byte[] pdf = save(document -> {
			PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
			scripts.setNames(Map.of("init", new PDActionJavaScript("this.submitForm('http://example.invalid');")));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			names.setJavascript(scripts);
			document.getDocumentCatalog().setNames(names);
		}, CompressParameters.DEFAULT_COMPRESSION);
		assertThat(Previews.uploadProblem("合同.pdf", pdf)).hasValue("“合同.pdf”含有脚本（JavaScript）" + ADVICE);
	}

	@Test
	void aLinkThatStartsAProgramIsRefused() throws IOException {
		byte[] pdf = save(document -> {
			PDActionLaunch launch = new PDActionLaunch();
			launch.setFile(new PDSimpleFileSpecification(new COSString("C:\\Windows\\System32\\cmd.exe")));
			link(document.getPage(0), launch);
		}, CompressParameters.DEFAULT_COMPRESSION);
		assertThat(Previews.uploadProblem("发票.pdf", pdf)).hasValue("“发票.pdf”含有启动程序或打开其他文件的动作" + ADVICE);
	}

	/**
	 * An embedded program is refused, named; an e-invoice's data embedded beside it (a
	 * PDF/A-3 invoice carries its XML) is a document and is taken.
	 */
	@Test
	void anEmbeddedProgramIsRefusedAndAnInvoicesDataIsTaken() throws IOException {
		assertThat(Previews.uploadProblem("设备清单.pdf", embedding("setup.exe", "MZ")))
			.hasValue("“设备清单.pdf”含有嵌入的文件“setup.exe”" + ADVICE);
		assertThat(Previews.uploadProblem("电子发票.pdf", embedding("invoice.xml", "<EInvoice/>"))).isEmpty();
		// Every name a reader may show must be a data file's.
		byte[] twoNames = save(document -> {
			PDEmbeddedFile file = new PDEmbeddedFile(document,
					new ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII)));
			PDComplexFileSpecification specification = new PDComplexFileSpecification();
			specification.setFileUnicode("data.xml");
			specification.setFile("setup.exe");
			specification.setEmbeddedFile(file);
			PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
			files.setNames(Map.of("data.xml", specification));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			names.setEmbeddedFiles(files);
			document.getDocumentCatalog().setNames(names);
		}, CompressParameters.DEFAULT_COMPRESSION);
		assertThat(Previews.uploadProblem("电子发票.pdf", twoNames)).hasValue("“电子发票.pdf”含有嵌入的文件“setup.exe”" + ADVICE);
	}

	private static byte[] embedding(String fileName, String content) throws IOException {
		return save(document -> {
			PDEmbeddedFile file = new PDEmbeddedFile(document,
					new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)));
			PDComplexFileSpecification specification = new PDComplexFileSpecification();
			specification.setFile(fileName);
			specification.setEmbeddedFile(file);
			PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
			files.setNames(Map.of(fileName, specification));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			names.setEmbeddedFiles(files);
			document.getDocumentCatalog().setNames(names);
		}, CompressParameters.DEFAULT_COMPRESSION);
	}

	/**
	 * A reader decodes {@code #xx} in names, so {@code /Java#53cript} is a script; the
	 * escaped spelling (which also shifts the file's offsets, so it is read repaired) is
	 * refused as the plain one is.
	 */
	@Test
	void anEscapedSpellingOfTheActionIsRefusedToo() throws IOException {
		byte[] plain = save(document -> {
			PDActionLaunch launch = new PDActionLaunch();
			launch.setFile(new PDSimpleFileSpecification(new COSString("calc.exe")));
			document.getDocumentCatalog().setOpenAction(launch);
		}, CompressParameters.NO_COMPRESSION);
		String text = new String(plain, StandardCharsets.ISO_8859_1);
		assertThat(text).contains("/Launch");
		byte[] escaped = text.replace("/Launch", "/La#75nch").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(BoundedPdf.mentions(escaped, "/Launch")).isFalse();
		assertThat(Previews.uploadProblem("营业执照.pdf", escaped)).hasValue("“营业执照.pdf”含有启动程序或打开其他文件的动作" + ADVICE);
	}

	/**
	 * A file PDFBox cannot read and that has no object streams is judged by the names in
	 * its own syntax, read as a reader reads them (escapes decoded, strings skipped; its
	 * stream data read too, so that a stray keyword hides nothing): refused if one names
	 * a script, taken (as damaged files were) if none names anything active. One with
	 * object streams, whose objects cannot be read, is refused: a desktop reader repairs
	 * more than PDFBox does.
	 */
	@Test
	void aDamagedFileIsJudgedByTheNamesItsReaderWouldSee() throws IOException {
		assertThat(Previews.uploadProblem("扫描件.pdf",
				bytes("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /Java#53cript /J#53 (x) >> ... garbage")))
			.hasValue("“扫描件.pdf”含有脚本（JavaScript）" + ADVICE);
		assertThat(Previews.uploadProblem("扫描件.pdf", bytes("%PDF-1.7\n1 0 obj << /Type /Catalog ... garbage")))
			.isEmpty();
		assertThat(Previews.uploadProblem("扫描件.pdf", bytes(
				"%PDF-1.7\n1 0 obj << /Title (a /JavaScript \\) in (nested) words) /Type /Catalog >> ... garbage")))
			.as("names in a string are not names")
			.isEmpty();

		byte[] packed = save(
				document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1);")),
				CompressParameters.DEFAULT_COMPRESSION);
		String text = new String(packed, StandardCharsets.ISO_8859_1);
		int startxref = text.lastIndexOf("startxref");
		byte[] broken = (text.substring(0, startxref) + "startxref\n99999999\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(Previews.uploadProblem("营业执照.pdf", broken)).hasValue("“营业执照.pdf”" + UNCHECKABLE);

		// An object stream named with an escape, which PDFBox's repair would not find.
		byte[] escaped = text.replace("/ObjStm", "/Obj#53tm").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(Previews.uploadProblem("营业执照.pdf", escaped)).hasValue("“营业执照.pdf”" + UNCHECKABLE);

		// A stray keyword does not hide what follows it in a damaged file.
		assertThat(Previews.uploadProblem("扫描件.pdf", bytes(
				"%PDF-1.7\nx stream\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> ... garbage")))
			.hasValue("“扫描件.pdf”含有脚本（JavaScript）" + ADVICE);
	}

	private static final String UNCHECKABLE = "文件结构已损坏，无法确认其中不含可自动运行的内容，审核人员也无法预览；请用“打印为 PDF”另存，或重新扫描后上传";

	@Test
	void aLinkThatOpensAnotherFileAndAScriptAtTheEndOfALongChainAreRefused() throws IOException {
		byte[] remote = save(document -> {
			COSDictionary goTo = new COSDictionary();
			goTo.setItem(COSName.S, COSName.getPDFName("GoToR"));
			goTo.setString(COSName.F, "\\\\fileserver\\share\\x.pdf");
			document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("OpenAction"), goTo);
		}, CompressParameters.DEFAULT_COMPRESSION);
		assertThat(Previews.uploadProblem("合同.pdf", remote)).hasValue("“合同.pdf”含有打开其他文件的动作" + ADVICE);

		byte[] chained = save(document -> {
			COSDictionary last = new PDActionJavaScript("app.alert(1);").getCOSObject();
			COSDictionary first = last;
			for (int i = 0; i < 200; i++) {
				COSDictionary before = new COSDictionary();
				before.setItem(COSName.S, COSName.getPDFName("GoTo"));
				before.setItem(COSName.NEXT, first);
				first = before;
			}
			document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("OpenAction"), first);
		}, CompressParameters.NO_COMPRESSION);
		assertThat(Previews.uploadProblem("合同.pdf", chained)).hasValue("“合同.pdf”含有脚本（JavaScript）" + ADVICE);
	}

	/**
	 * A long scan whose pages' images decode to far more than a preview may hold at once
	 * is taken: the check reads the file's dictionaries, not its pictures.
	 */
	@Test
	void aLongScanIsCheckedWithoutDecodingItsPictures() throws IOException {
		byte[] scan = save(document -> {
			document.removePage(0);
			BufferedImage page = new BufferedImage(3000, 4000, BufferedImage.TYPE_BYTE_GRAY);
			for (int i = 0; i < 8; i++) {
				PDPage added = new PDPage(PDRectangle.A4);
				document.addPage(added);
				PDImageXObject image = LosslessFactory.createFromImage(document, page);
				try (PDPageContentStream content = new PDPageContentStream(document, added)) {
					content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
				}
			}
		}, CompressParameters.DEFAULT_COMPRESSION);
		assertThat(Previews.uploadProblem("设备发票扫描件.pdf", scan)).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void aLinkToAWebAddressAndAJumpInsideTheDocumentAreTaken() throws IOException {
		byte[] pdf = save(document -> {
			PDActionURI uri = new PDActionURI();
			uri.setURI("https://www.liaocheng.gov.cn/");
			link(document.getPage(0), uri);
			PDPageFitDestination first = new PDPageFitDestination();
			first.setPage(document.getPage(0));
			PDActionGoTo jump = new PDActionGoTo();
			jump.setDestination(first);
			document.getDocumentCatalog().setOpenAction(jump);
		}, CompressParameters.DEFAULT_COMPRESSION);
		assertThat(Previews.uploadProblem("项目备案证明.pdf", pdf)).isEmpty();
	}

	private static void link(PDPage page, PDAction action) throws IOException {
		PDAnnotationLink link = new PDAnnotationLink();
		link.setRectangle(new PDRectangle(50, 50, 200, 20));
		link.setAction(action);
		page.getAnnotations().add(link);
	}

	private interface Content {

		void add(PDDocument document) throws IOException;

	}

	private static byte[] save(Content content, CompressParameters packing) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			content.add(document);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out, packing);
			return out.toByteArray();
		}
	}

}
