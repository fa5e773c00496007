package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium: the enterprise's case page after the award — the payments, the
 * acceptance application sent with files through the page's own form, the county's check,
 * and the city's order to rectify with its deadline and the rectification form; the
 * performance report, whose output total is never set against the increase the project
 * promised. Screenshots: aftercare-apply-1366, aftercare-rectify-1366,
 * aftercare-rectify-390, aftercare-performance-1366.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class AftercareCasePageBrowserTest extends ReviewProcessTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private Browser browser;

	@Autowired
	AftercareCasePageBrowserTest(ApplicationContext context) {
		super(context);
	}

	@BeforeEach
	void logInAsTheEnterprise() {
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
	}

	@Test
	void theCasePageShowsPaymentsAndAcceptanceAndTakesTheEnterprisesFiles() throws IOException {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new java.math.BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		pay(claim, "20000.00", "GK-2026-0101");
		pay(claim, "17000.00", "GK-2026-0102");

		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open("/enterprise/applications/" + claim.id() + "#aftercare");
		String section = browser.waitFor(By.id("aftercare")).getText();
		assertThat(section).contains("项目后续管理", "GK-2026-0101", "20,000.00 元", "37,000.00 元", "已全额拨付", "申请项目验收");
		browser.fullPageScreenshot("aftercare-apply-1366");

		applyForAcceptance(claim);

		// The county sends it back: the banner says so, as the 需要您处理 list does.
		review.decide(claim, "Task_CountyAcceptanceCheck", "RETURN", "竣工决算未加盖公章，请补充后重新申请。");
		browser.open("/enterprise/applications/" + claim.id() + "?returned");
		assertThat(browser.waitFor(By.id("aftercare-action")).getText()).contains("需要您处理：验收材料待补充", "县级验收初核退回，请按")
			.doesNotContain("项目建成投用后");
		assertThat(browser.driver().findElement(By.id("aftercare")).getText()).contains("竣工决算未加盖公章");
		browser.fullPageScreenshot("aftercare-returned-1366");
		applyForAcceptance(claim);

		review.decide(claim, "Task_CountyAcceptanceCheck", "APPROVE", "调试记录、现场照片和竣工决算齐全，报市级验收。");
		LocalDate deadline = review.workingDay(LocalDate.now(CHINA).plusDays(30));
		review.complete(review.task(claim, "Task_CityOnsiteAcceptance"), Map.of("decision", "RETURN", "opinion",
				"除尘设备未接入生产线，请整改并提交整改后的运行记录。", "rectificationDeadline", deadline.toString()));
		review.runJobs(claim);

		for (int width : new int[] { 1366, 390 }) {
			browser.driver().manage().window().setSize(new Dimension(width, 900));
			// Not "#aftercare": the browser is already there after the upload, and a
			// same-page link does not reload.
			browser.open("/enterprise/applications/" + claim.id() + "?width=" + width);
			String shown = browser.waitFor(By.id("aftercare")).getText();
			assertThat(shown).contains("限期整改", "除尘设备未接入生产线", "commissioning.pdf", "提交整改材料");
			assertThat(browser.driver().findElement(By.id("aftercare-action")).getText()).contains("需要您处理：限期整改",
					"前往项目后续管理");
			assertThat(browser.driver().findElement(By.id("aftercare-due")).getText())
				.isEqualTo(deadline.getYear() + "年" + deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日");
			browser.fullPageScreenshot("aftercare-rectify-" + width);
			browser.driver().executeScript("document.getElementById('aftercare').scrollIntoView()");
			browser.screenshot("aftercare-rectify-" + width + "-section");
		}
	}

	@Test
	void theOutputTotalReportedIsNeverShownAsIfComparableWithTheIncreasePromised() throws IOException {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new java.math.BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		pay(claim, "37000.00", "GK-2026-0201");
		Path dir = Files.createTempDirectory("aftercare");
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open("/enterprise/applications/" + claim.id() + "#aftercare");
		browser.waitFor(By.id("acceptance-form"));
		for (String id : new String[] { "commissioning", "photos", "finalAccounts" }) {
			Path file = dir.resolve(id + ".pdf");
			Files.write(file, ("%PDF-1.4\n% " + id + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
			browser.driver().findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
		}
		browser.setValue(By.id("acceptance-statement"), "数控磨床两台已安装调试完毕并投入生产。");
		browser.driver().findElement(By.id("apply-acceptance")).click();
		browser.waitFor(By.cssSelector(".alert.info"));
		review.runJobs(claim);
		review.decide(claim, "Task_CountyAcceptanceCheck", "APPROVE", "材料齐全，报市级验收。");
		review.decide(claim, "Task_CityOnsiteAcceptance", "APPROVE", "现场核查设备到位、运行正常，验收通过。");
		review.fireTimer(claim, "Event_PerformanceDue");

		// The project promised 预计年新增产值 8,000,000.00 元 (an increase); the enterprise
		// reports its 实际年产值 (a total).
		browser.open("/enterprise/applications/" + claim.id() + "?step=performance");
		browser.waitFor(By.id("performance-form"));
		assertThat(browser.driver().findElement(By.cssSelector("label[for=outputValue]")).getText())
			.isEqualTo("实际年产值（总额，元，必填）");
		assertThat(browser.driver().findElement(By.id("outputValue-hint")).getText()).contains("年产值总额，不是较项目实施前的新增额",
				"预计年新增产值 8,000,000.00 元（新增额），与年产值总额口径不同，不能直接对比");
		assertThat(browser.driver().findElement(By.id("aftercare")).getText()).doesNotContain("申报预期 ", "申报时：");
		// Registration asks no digital indicators: the other benefits it did ask are
		// named as what they are, beside the statement.
		assertThat(browser.driver().findElement(By.cssSelector("label[for=digitalIndicators]")).getText())
			.isEqualTo("数字化指标完成情况");
		assertThat(browser.driver().findElement(By.id("promised-other-benefits")).getText())
			.isEqualTo("申报时填报的其他效益：降低能耗，减少废品。如有，请在自评说明中写明完成情况。");
		assertThat(browser.driver().findElement(By.id("performance-statement")).getAttribute("aria-describedby"))
			.isEqualTo("promised-other-benefits");
		browser.fullPageScreenshot("aftercare-performance-1366");

		// A figure the system cannot read is refused, and what was typed is kept.
		browser.setValue(By.id("outputValue"), "九百万元");
		browser.setValue(By.id("energySaving"), "120.5");
		browser.setValue(By.id("performance-statement"), "较项目实施前年新增产值 780 万元。");
		browser.driver().findElement(By.id("report-performance")).click();
		browser.waitFor(By.cssSelector("#aftercare .alert.error"));
		assertThat(browser.driver().findElement(By.id("outputValue")).getAttribute("value")).isEqualTo("九百万元");
		assertThat(browser.driver().findElement(By.id("energySaving")).getAttribute("value")).isEqualTo("120.5");
		assertThat(browser.driver().findElement(By.id("performance-statement")).getAttribute("value"))
			.isEqualTo("较项目实施前年新增产值 780 万元。");
		assertThat(browser.driver().findElement(By.cssSelector("#aftercare .alert.error")).getText())
			.contains("填写的文字已保留");
		browser.fullPageScreenshot("aftercare-performance-refused-kept");

		browser.setValue(By.id("outputValue"), "9000000");
		browser.setValue(By.id("energySaving"), "120.5");
		browser.setValue(By.id("performance-statement"), "较项目实施前年新增产值 780 万元，未达到申报预计年新增产值。");
		browser.driver().findElement(By.id("report-performance")).click();
		assertThat(browser.waitFor(By.cssSelector(".alert.info")).getText()).contains("绩效自评已报送");
		assertThat(browser.waitFor(By.id("aftercare-submissions")).getText()).contains("实际年产值（总额）9,000,000.00 元")
			.doesNotContain("申报预期");

		// The reviewers' page names the promise as what it is.
		review.runJobs(claim);
		browser.forgetEverything();
		browser.logIn("lc-industry", DemoUsers.PASSWORD);
		browser.open("/review/aftercare/" + claim.id());
		assertThat(browser.waitFor(By.id("promised-output-increase")).getText())
			.isEqualTo("8,000,000.00 元（新增额；企业绩效自评填报的实际年产值为总额，口径不同，不能直接对比）");
		String page = browser.driver().findElement(By.tagName("main")).getText();
		assertThat(page).contains("申报预计年新增产值", "实际年产值（总额）9,000,000.00 元").doesNotContain("申报预期年产值");
	}

	/**
	 * The enterprise applies for acceptance on the case page it has open, with its three
	 * files.
	 */
	private void applyForAcceptance(Case claim) throws IOException {
		Path dir = Files.createTempDirectory("aftercare");
		for (String id : new String[] { "commissioning", "photos", "finalAccounts" }) {
			// Asked for by the browser before sending: a refusal from the server would
			// drop the files already chosen.
			assertThat(browser.driver().findElement(By.id(id)).getDomProperty("required")).as(id).isEqualTo("true");
			Path file = dir.resolve(id + ".pdf");
			Files.write(file, ("%PDF-1.4\n% " + id + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
			browser.driver().findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
		}
		browser.setValue(By.id("acceptance-statement"), "数控磨床两台已于上月安装调试完毕，试运行正常并投入生产。");
		browser.driver().findElement(By.id("apply-acceptance")).click();
		assertThat(browser.waitFor(By.cssSelector(".alert.info")).getText()).contains("验收申请已提交");
		review.runJobs(claim);
	}

	private void pay(Case claim, String amount, String voucher) {
		review.complete(review.task(claim, "Task_RecordPayment"),
				Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。", "paymentDate", LocalDate.now(CHINA).toString(),
						"paidAmount", Double.valueOf(amount), "voucherNo", voucher));
		review.runJobs(claim);
	}

}
