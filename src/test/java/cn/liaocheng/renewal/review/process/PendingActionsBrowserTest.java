package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.aftercare.internal.EnterpriseSteps;
import cn.liaocheng.renewal.aftercare.internal.EvidenceCategory;
import cn.liaocheng.renewal.aftercare.internal.Upload;
import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium: an accountant whose project was ordered to rectify and whose other
 * project has a clawback's prior notice open finds both on the start page's 需要您处理 card,
 * each with what to do, the last day and a button to the form where it is done; a
 * rectification sent leaves the card. Screenshots: home-pending-actions-1366,
 * home-pending-actions-390.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class PendingActionsBrowserTest extends ReviewProcessTest {

	private static final LocalDate TODAY = ChinaTime.today();

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseSteps steps;

	private Browser browser;

	@Autowired
	PendingActionsBrowserTest(ApplicationContext context) {
		super(context);
	}

	@BeforeEach
	void logInAsTheEnterprise() {
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
	}

	@Test
	void theStartPageListsAfterAwardStepsWithTheirDeadlinesAndTheWayToEach() {
		LocalDate deadline = review.workingDay(TODAY.plusDays(12));
		Case rectify = rectificationOrdered(deadline);
		Case notified = priorNoticeGiven();

		for (int width : new int[] { 390, 1366 }) {
			browser.driver().manage().window().setSize(new Dimension(width, 900));
			browser.open("/?width=" + width);
			browser.waitFor(By.id("needs-action"));
			browser.fullPageScreenshot("home-pending-actions-" + width);
		}
		WebElement row = row(rectify);
		assertThat(row.getText()).contains(review.referenceNo(rectify), "限期整改", "逾期未提交的，转入奖补资金追回程序",
				deadline.getYear() + "年" + deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日", "含当日，还剩");
		assertThat(row(notified).getText()).contains("追回事先告知", "阅读告知书并陈述、申辩");

		row.findElement(By.linkText("提交整改材料")).click();
		browser.waitUntil(
				d -> d.getCurrentUrl().endsWith("/enterprise/applications/" + rectify.id() + "#rectification-form"));
		assertThat(browser.waitFor(By.id("rectification-form")).isDisplayed()).isTrue();

		steps.submitRectification(review.enterprise(), rectify.id(), "已将除尘设备接入生产线。",
				List.of(new Upload(EvidenceCategory.RECTIFICATION, "整改报告.pdf",
						"%PDF-1.4\n% rectification\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))));
		review.runJobs(rectify);
		browser.open("/");
		browser.waitFor(By.id("needs-action"));
		assertThat(browser.driver().findElements(By.cssSelector("tr[data-application='" + rectify.id() + "']")))
			.as("sent: nothing left to do")
			.isEmpty();
	}

	private WebElement row(Case c) {
		return browser.driver()
			.findElement(By.id("needs-action"))
			.findElement(By.cssSelector("tr[data-application='" + c.id() + "']"));
	}

	private Case allocatedAndPaid() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.runJobs(claim);
		review.complete(review.task(claim, "Task_RecordPayment"), Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。",
				"paymentDate", TODAY.toString(), "paidAmount", 37000.0, "voucherNo", "GK-PB-" + claim.id()));
		review.runJobs(claim);
		return claim;
	}

	private Case rectificationOrdered(LocalDate deadline) {
		Case claim = allocatedAndPaid();
		steps.applyForAcceptance(review.enterprise(), claim.id(), "数控磨床两台已安装调试完毕并投入生产。",
				List.of(pdf(EvidenceCategory.COMMISSIONING), pdf(EvidenceCategory.PHOTO),
						pdf(EvidenceCategory.FINAL_ACCOUNTS)));
		review.runJobs(claim);
		review.decide(claim, "Task_CountyAcceptanceCheck", "APPROVE", "材料齐全，报市级验收。");
		review.complete(review.task(claim, "Task_CityOnsiteAcceptance"), Map.of("decision", "RETURN", "opinion",
				"除尘设备未接入生产线，请整改后报验。", "rectificationDeadline", deadline.toString()));
		review.runJobs(claim);
		return claim;
	}

	private Case priorNoticeGiven() {
		Case claim = allocatedAndPaid();
		HttpResponse<String> started = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD)
			.postJson("/api/clawbacks",
					"{\"applicationId\":" + claim.id() + ",\"facts\":\"经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		review.complete(review.task(claim, "Task_DetermineClawback"),
				Map.of("decision", "APPROVE", "opinion", "发票系虚开，追回奖补资金。", "clawbackAmount", 37000.0,
						"repaymentDeadline", review.workingDay(TODAY.plusDays(30)).toString(), "listNegative", false));
		review.complete(review.task(claim, "Task_ConfirmClawback"),
				Map.of("decision", "APPROVE", "opinion", "与拨付记录核对一致。"));
		review.runJobs(claim);
		return claim;
	}

	private static Upload pdf(EvidenceCategory category) {
		return new Upload(category, category.name().toLowerCase() + ".pdf",
				("%PDF-1.4\n% " + category + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
	}

}
