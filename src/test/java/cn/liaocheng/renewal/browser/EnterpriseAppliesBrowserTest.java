package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise applies for project registration the way a new user would, in a real
 * Chromium: from the home page to the form, a first attempt with mistakes (the Chinese
 * errors stand next to the fields), the corrected dossier with three equipment lines, two
 * PDF attachments, the submission, and the list. Then another enterprise tries the same
 * addresses and gets the Chinese 404 page.
 *
 * <p>
 * Screenshots go to target/screenshots (application-form-errors, application-submitted,
 * application-other-enterprise-404), the DOM at the end of the scenario to
 * target/page-sources.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class EnterpriseAppliesBrowserTest {

	private static final String LIST = "/enterprise/applications";

	private static final By FIELD_ERRORS = By.cssSelector(".field-error");

	private Browser browser;

	@Autowired
	JdbcClient jdbc;

	private Path files;

	@BeforeAll
	void makeTheFilesDirectory() throws IOException {
		files = Files.createTempDirectory("renewal-uploads-");
	}

	@AfterAll
	void removeTheFiles() throws IOException {
		if (files != null) {
			try (var paths = Files.list(files)) {
				for (Path p : paths.toList()) {
					Files.deleteIfExists(p);
				}
			}
			Files.deleteIfExists(files);
		}
	}

	@BeforeEach
	void startWithoutSession() {
		browser.forgetEverything();
	}

	@AfterEach
	void keepTheDom(TestInfo test) {
		browser.savePageSource(test.getTestMethod().orElseThrow().getName());
	}

	@Test
	void enterpriseAppliesForProjectRegistrationAndOtherEnterpriseCannotSeeIt() throws IOException {
		// The shared Spring context may hold other tests' applications: a name of this
		// run's own.
		String projectName = "轴承热处理线节能降碳改造项目-" + UUID.randomUUID().toString().substring(0, 6);

		openNewProjectForm();
		firstAttemptShowsErrorsNextToTheFields(projectName);
		String detailUrl = fillInProperlyAndSave(projectName);
		String downloadUrl = uploadBothRequiredAttachments();
		String referenceNo = submitAndSeeCountyReview(projectName);
		listShowsTheSubmission(projectName, referenceNo);
		otherEnterpriseGetsNotFound(projectName, detailUrl, downloadUrl);
	}

	/**
	 * An enterprise its county disabled opens its list and then the address of a new
	 * application's form: the page says why, with whom to speak, and offers no 新建.
	 * Screenshot: disabled-enterprise-list.
	 */
	@Test
	void aDisabledEnterpriseReadsWhyItCanNoLongerApply() {
		String before = jdbc.sql("SELECT status FROM enterprise WHERE user_id = ?")
			.param(DemoUsers.OTHER_ENTERPRISE)
			.query(String.class)
			.single();
		jdbc.sql("UPDATE enterprise SET status = 'DISABLED' WHERE user_id = ?")
			.param(DemoUsers.OTHER_ENTERPRISE)
			.update();
		try {
			browser.logIn(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);
			browser.open(LIST);
			assertThat(browser.waitFor(By.id("account-refusal")).getText()).contains("企业账户已停用", "不能新建、修改或提交申报",
					"仍可查看和撤回申报", "请联系所在县（市、区）工业和信息化局");
			assertThat(browser.driver().findElements(By.cssSelector("a.button[href*='/applications/new']"))).isEmpty();
			browser.open("/enterprise/applications/new?kind=PROJECT");
			browser.waitUntil(urlMatches(".*/enterprise/applications$"));
			assertThat(browser.waitFor(By.id("account-refusal")).isDisplayed()).isTrue();
			assertThat(browser.driver().findElements(By.cssSelector("main .alert.error"))).as("said once").isEmpty();
			browser.screenshot("disabled-enterprise-list");
		}
		finally {
			jdbc.sql("UPDATE enterprise SET status = ? WHERE user_id = ?")
				.params(before, DemoUsers.OTHER_ENTERPRISE)
				.update();
		}
	}

	/**
	 * An accountant types the 8-digit number printed on an older VAT invoice: the form
	 * asks for the invoice code with it, and keeps code and number as one invoice.
	 */
	@Test
	void anAccountantTypesAnOlderInvoiceWithItsCode() {
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications/new?kind=SUBSIDY");
		assertThat(browser.waitFor(By.cssSelector("#equipment .hint")).getText()).contains("发票代码-发票号码",
				"3700221130-12345678");
		String number = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		equipmentLine(0, "数控轴承套圈磨床", "MK2110", "1", "980000", "DOMESTIC");
		type(By.name("equipment[0].invoiceNo"), number);
		browser.setValue(By.name("equipment[0].invoiceDate"), "2026-05-06");
		type(By.name("equipment[0].invoiceAmount"), "980000");
		WebElement save = browser.driver().findElement(By.id("save"));
		save.click();
		browser.waitUntilGone(save);
		browser.waitUntil(d -> settledText(By.cssSelector("main .alert.error")).contains("需要修改"));

		assertThat(errorNextTo(By.name("equipment[0].invoiceNo"))).startsWith("8 位发票号码须连同发票代码填写")
			.contains("3700221130-" + number);
		assertThat(browser.driver().findElements(FIELD_ERRORS)).as("no error elsewhere").hasSize(1);
		browser.driver()
			.executeScript(
					"document.getElementsByName('equipment[0].invoiceNo')[0].scrollIntoView({block: 'center'});");
		browser.fullPageScreenshot("subsidy-form-invoice-code");

		type(By.name("equipment[0].invoiceNo"), "3700221130 " + number);
		browser.driver().findElement(By.id("save")).click();
		browser.waitUntil(urlMatches(".*/enterprise/applications/\\d+$"));
		assertThat(browser.driver().findElement(By.cssSelector("#equipment-lines tbody tr")).getText())
			.contains("3700221130-" + number);
	}

	/** Home page → 进入我的申报 → 新建项目入库申请, as a user finds them. */
	private void openNewProjectForm() {
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.waitUntil(elementToBeClickable(By.id("my-applications"))).click();
		browser.waitUntil(urlMatches(".*/enterprise/applications$"));
		assertThat(browser.driver().getTitle()).startsWith("我的申报");

		browser.waitUntil(elementToBeClickable(By.linkText("新建项目入库申请"))).click();
		browser.waitUntil(urlContains("/enterprise/applications/new?kind=PROJECT"));
		browser.waitFor(By.id("projectName"));
		assertThat(browser.driver().getTitle()).startsWith("项目入库申请");
		assertThat(browser.driver().findElements(By.cssSelector("#equipment table.lines tbody tr")))
			.as("blank equipment rows offered by a new form")
			.hasSize(3);
	}

	private void firstAttemptShowsErrorsNextToTheFields(String projectName) {
		type(By.id("projectName"), projectName);
		type(By.id("totalInvestment"), "abc");
		type(By.name("equipment[0].name"), "高效节能热处理炉");
		// Enter in a cell of the equipment table saves the draft: it does not add rows.
		browser.driver().findElement(By.name("equipment[0].name")).sendKeys(Keys.ENTER);

		WebElement summary = browser.waitFor(By.cssSelector("main .alert.error"));
		assertThat(summary.getText()).contains("申报材料有 5 处需要修改");
		// The summary names each problem with its field and takes the user there.
		List<WebElement> links = browser.waitUntil(d -> {
			List<WebElement> found = d.findElements(By.cssSelector("#problem-summary .problem-list a"));
			return found.size() == 5 ? found : null;
		});
		assertThat(links).extracting(WebElement::getText)
			.contains("总投资（元）：总投资应为金额（元），例如 1250000.00", "第1行 规格型号：请填写规格型号");
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("the summary is read first")
			.isEqualTo("problem-summary");
		links.stream().filter(link -> link.getText().startsWith("第1行 单价")).findFirst().orElseThrow().click();
		assertThat(browser.driver().switchTo().activeElement().getAttribute("name"))
			.isEqualTo("equipment[0].unitPrice");
		assertThat(browser.driver().findElement(By.name("equipment[0].unitPrice")).getAttribute("aria-invalid"))
			.isEqualTo("true");
		String describedBy = browser.driver().findElement(By.id("totalInvestment")).getAttribute("aria-describedby");
		assertThat(
				browser.driver().findElement(By.id(describedBy.substring(describedBy.lastIndexOf(' ') + 1))).getText())
			.startsWith("总投资应为金额");
		assertThat(browser.driver().getCurrentUrl()).as("the form comes back, not the detail page")
			.doesNotContainPattern("/enterprise/applications/\\d+");

		assertThat(errorNextTo(By.id("totalInvestment"))).startsWith("总投资应为金额");
		assertThat(errorNextTo(By.name("equipment[0].model"))).isEqualTo("请填写规格型号");
		assertThat(errorNextTo(By.name("equipment[0].quantity"))).isEqualTo("请填写数量");
		assertThat(errorNextTo(By.name("equipment[0].unitPrice"))).isEqualTo("请填写单价");
		assertThat(errorNextTo(By.name("equipment[0].origin"))).isEqualTo("请选择国产或进口");
		assertThat(browser.driver().findElements(FIELD_ERRORS)).as("no error elsewhere").hasSize(5);
		assertThat(browser.driver().findElements(By.cssSelector(".invalid #totalInvestment"))).hasSize(1);

		// What was typed stays, the user only corrects the mistakes.
		assertThat(value(By.id("projectName"))).isEqualTo(projectName);
		assertThat(value(By.id("totalInvestment"))).isEqualTo("abc");
		assertThat(value(By.name("equipment[0].name"))).isEqualTo("高效节能热处理炉");
		assertThat(browser.driver().findElements(By.cssSelector("#equipment table.lines tbody tr"))).hasSize(3);

		browser.driver().executeScript("document.getElementById('totalInvestment').scrollIntoView({block: 'center'});");
		browser.fullPageScreenshot("application-form-errors");
	}

	/**
	 * Corrects the mistakes, completes the dossier and saves: the detail page of the
	 * draft, with three lines.
	 */
	private String fillInProperlyAndSave(String projectName) {
		new Select(browser.driver().findElement(By.id("policyTask"))).selectByValue("7");
		type(By.id("location"), "冠县经济开发区振兴路 18 号");
		browser.setValue(By.id("constructionStart"), "2026-03-01");
		browser.setValue(By.id("constructionEnd"), "2026-12-31");
		type(By.id("totalInvestment"), "5000000");
		type(By.id("equipmentInvestment"), "3000000");

		equipmentLine(0, "高效节能热处理炉", "RX3-90-9", "2", "650000", "DOMESTIC");
		type(By.name("equipment[0].replacesEquipment"), "老式箱式电阻炉");
		type(By.name("equipment[0].replacedAgeYears"), "12");
		equipmentLine(1, "数控轴承套圈磨床", "MK2110", "1", "980000", "IMPORTED");
		new Select(browser.driver().findElement(By.name("equipment[1].efficiencyGrade"))).selectByValue("1");
		equipmentLine(2, "余热回收换热机组", "YR-200", "1", "420000", "DOMESTIC");

		assertThat(value(By.id("constructionStart"))).isEqualTo("2026-03-01");
		assertThat(value(By.id("constructionEnd"))).isEqualTo("2026-12-31");

		browser.driver().findElement(By.id("save")).click();
		browser.waitUntil(urlMatches(".*/enterprise/applications/\\d+$"));
		assertThat(browser.waitFor(By.cssSelector("main .alert.info")).getText()).isEqualTo("草稿已保存。请上传附件，核对无误后提交。");
		assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("草稿");
		assertThat(browser.driver().findElement(By.cssSelector("main .card h2")).getText()).startsWith(projectName);
		assertThat(fact("重点任务")).contains("加强节能降碳改造");
		assertThat(fact("建设期")).isEqualTo("2026年3月1日 至 2026年12月31日");
		assertThat(fact("总投资")).isEqualTo("5,000,000.00 元");
		assertThat(fact("设备投资")).isEqualTo("3,000,000.00 元");

		List<WebElement> lines = browser.driver().findElements(By.cssSelector("#equipment-lines tbody tr"));
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).getText()).contains("高效节能热处理炉", "RX3-90-9", "650,000.00", "国产", "老式箱式电阻炉（12 年）");
		assertThat(lines.get(1).getText()).contains("数控轴承套圈磨床", "MK2110", "980,000.00", "进口", "1 级");
		assertThat(lines.get(2).getText()).contains("余热回收换热机组", "YR-200", "420,000.00", "国产");
		assertThat(browser.driver()
			.findElement(By.cssSelector("#equipment-lines"))
			.findElement(By.xpath("preceding-sibling::h2"))
			.getText()).isEqualTo("设备明细（3 条，合计 2,700,000.00 元）");
		browser.fullPageScreenshot("application-draft-saved");
		return browser.driver().getCurrentUrl();
	}

	/**
	 * Two small real PDFs through the file input; returns the download address of the
	 * first.
	 */
	private String uploadBothRequiredAttachments() throws IOException {
		upload("BUSINESS_LICENCE", pdf("营业执照副本.pdf"));
		upload("PROJECT_PLAN", pdf("项目实施方案.pdf"));

		List<WebElement> rows = browser.driver().findElements(By.cssSelector("#attachments table tbody tr"));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).getText()).contains("营业执照", "营业执照副本.pdf");
		assertThat(rows.get(1).getText()).contains("项目实施方案或可行性研究报告", "项目实施方案.pdf");
		assertThat(browser.driver().findElements(By.xpath("//div[contains(@class,'hint')][contains(.,'提交前还需')]")))
			.as("nothing left to do before submitting")
			.isEmpty();

		browser.fullPageScreenshot("application-attachments-uploaded");

		String downloadUrl = rows.get(0).findElement(By.tagName("a")).getAttribute("href");
		// The owner gets the file at that address (so the 404 for the other enterprise is
		// not a wrong address).
		@SuppressWarnings("unchecked")
		Map<String, Object> download = (Map<String, Object>) browser.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ " fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status,"
					+ " type: r.headers.get('Content-Type'), head: t.substring(0, 8)})));", downloadUrl);
		assertThat(download).containsEntry("status", 200L).containsEntry("head", "%PDF-1.4");
		assertThat((String) download.get("type")).startsWith("application/pdf");
		return downloadUrl;
	}

	private String submitAndSeeCountyReview(String projectName) {
		browser.waitUntil(elementToBeClickable(By.id("declarationConfirmed"))).click();
		WebElement submit = browser.driver().findElement(By.id("submit"));
		submit.click();
		// The answer replaces the page: wait for the old one to go first, or the status
		// may be read from a node that is being swapped out.
		browser.waitUntilGone(submit);
		browser.waitUntil(d -> settledText(By.id("status")).contains("县级初审中"));
		assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("县级初审中");
		assertThat(browser.waitFor(By.cssSelector("main .alert.info")).getText())
			.isEqualTo("申报已提交，等待冠县工业和信息化局形式审查（一般在 5 个工作日内办理）。");
		String referenceNo = fact("申报编号");
		assertThat(referenceNo).matches("XM-\\d{4}-\\d{6}");
		assertThat(browser.driver().findElements(By.id("upload"))).as("no more uploads once submitted").isEmpty();
		assertThat(browser.driver().findElements(By.id("submit"))).isEmpty();
		assertThat(browser.driver().findElement(By.cssSelector("main .card h2")).getText()).startsWith(projectName);
		browser.fullPageScreenshot("application-submitted");
		return referenceNo;
	}

	private void listShowsTheSubmission(String projectName, String referenceNo) {
		browser.driver().findElement(By.cssSelector("main > p a[href='" + LIST + "']")).click();
		browser.waitUntil(urlMatches(".*/enterprise/applications$"));
		WebElement row = browser
			.waitFor(By.xpath("//table[@id='applications']//tr[td[2][contains(., '" + projectName + "')]]"));
		assertThat(row.findElement(By.xpath("td[1]")).getText()).isEqualTo(referenceNo);
		assertThat(row.findElement(By.cssSelector(".tag.status")).getText()).isEqualTo("县级初审中");
		browser.screenshot("application-list");
	}

	/**
	 * Logs out with the header's button, forgets everything, and tries the addresses as
	 * ent-lq.
	 */
	private void otherEnterpriseGetsNotFound(String projectName, String detailUrl, String downloadUrl) {
		browser.driver().findElement(By.xpath("//header//button[normalize-space()='退出登录']")).click();
		browser.waitUntil(urlContains("/login"));
		browser.forgetEverything();
		browser.logIn(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD);

		browser.open(detailUrl);
		WebElement heading = browser.waitFor(By.cssSelector("main .card h2"));
		browser.fullPageScreenshot("application-other-enterprise-404");
		assertThat(heading.getText()).isEqualTo("页面不存在");
		assertThat(browser.documentStatus()).as("HTTP status of the detail page").isEqualTo(404);
		assertThat(browser.driver().getTitle()).startsWith("页面不存在");
		assertThat(browser.driver().getPageSource()).doesNotContain(projectName);

		browser.open(downloadUrl);
		heading = browser.waitFor(By.cssSelector("main .card h2"));
		assertThat(heading.getText()).isEqualTo("页面不存在");
		assertThat(browser.documentStatus()).as("HTTP status of the attachment download").isEqualTo(404);
		browser.screenshot("application-other-enterprise-download-404");

		browser.open(LIST);
		browser.waitFor(By.cssSelector("main .card h2"));
		assertThat(browser.driver().getTitle()).startsWith("我的申报");
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain(projectName);
		browser.screenshot("application-list-other-enterprise");
	}

	private void equipmentLine(int row, String name, String model, String quantity, String unitPrice, String origin) {
		String p = "equipment[" + row + "].";
		type(By.name(p + "name"), name);
		type(By.name(p + "model"), model);
		type(By.name(p + "quantity"), quantity);
		type(By.name(p + "unitPrice"), unitPrice);
		new Select(browser.driver().findElement(By.name(p + "origin"))).selectByValue(origin);
	}

	private void upload(String category, Path file) {
		new Select(browser.waitFor(By.id("category"))).selectByValue(category);
		browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.driver().findElement(By.id("upload")).click();
		String name = file.getFileName().toString();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("main .alert.info"), "附件《" + name + "》已上传。"));
		assertThat(browser.driver().findElements(By.cssSelector("#attachments .alert.error"))).isEmpty();
		assertThat(browser.driver().findElement(By.cssSelector("#attachments table")).getText()).contains(name);
	}

	/**
	 * A small, valid one-page PDF (each with its own content, as real documents would
	 * be).
	 */
	private Path pdf(String name) throws IOException {
		String body = "%PDF-1.4\n" + "% " + UUID.randomUUID() + "\n"
				+ "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
				+ "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
				+ "trailer << /Root 1 0 R >>\n" + "%%EOF\n";
		return Files.write(files.resolve(name), body.getBytes(StandardCharsets.US_ASCII));
	}

	private void type(By locator, String text) {
		WebElement field = browser.waitFor(locator);
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * The element's text once the page has settled: while Chromium swaps one document for
	 * the next, reading a node may fail with "Node with given id does not belong to the
	 * document"; that counts as not yet, and the wait asks again.
	 */
	private String settledText(By locator) {
		try {
			return browser.driver().findElement(locator).getText();
		}
		catch (WebDriverException swapping) {
			return "";
		}
	}

	private String value(By locator) {
		return browser.driver().findElement(locator).getDomProperty("value");
	}

	/** The error shown in the same field box (or table cell) as the control. */
	private String errorNextTo(By control) {
		WebElement box = browser.driver()
			.findElement(control)
			.findElement(By
				.xpath("ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' field ') or self::td][1]"));
		assertThat(box.getAttribute("class")).as("the box around %s is marked invalid", control).contains("invalid");
		return box.findElement(FIELD_ERRORS).getText();
	}

	/** The value after a label of the detail page's facts. */
	private String fact(String label) {
		return browser.driver()
			.findElement(
					By.xpath("//dl[@class='facts']/dt[normalize-space()='" + label + "']/following-sibling::dd[1]"))
			.getText();
	}

}
