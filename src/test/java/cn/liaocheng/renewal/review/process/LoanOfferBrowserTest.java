package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium, an enterprise asks up to three banks for a loan (four are refused
 * next to the field), sees each bank's decision on its case page and accepts one grant.
 * The city finance bureau then decides the interest subsidy in Tasklist. Screenshots:
 * loan-banks-too-many, loan-offers, loan-offer-accepted,
 * tasklist-finance-interest-subsidy, loan-interest-subsidy-decided.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class LoanOfferBrowserTest extends ReviewProcessTest {

	private static final By COMPLETE = By
		.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']");

	private Browser browser;

	private final TaskService tasks;

	@Autowired
	LoanOfferBrowserTest(ApplicationContext context) {
		super(context);
		this.tasks = context.getBean(TaskService.class);
	}

	@Test
	void anEnterpriseMayNameThreeBanksNotFour() {
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications/new?kind=LOAN");
		List<WebElement> banks = browser.driver().findElements(By.cssSelector(".bank-choices input[type=checkbox]"));
		assertThat(banks).hasSizeGreaterThanOrEqualTo(4);
		banks.subList(0, 4).forEach(WebElement::click);
		browser.driver().findElement(By.id("save")).click();

		WebElement error = browser.waitUntil(visibilityOfElementLocated(By.cssSelector(".bank-choices .field-error")));
		assertThat(error.getText()).isEqualTo("意向银行最多选择 3 家");
		assertThat(browser.driver().findElements(By.cssSelector(".bank-choices input:checked"))).hasSize(4);
		browser.screenshot("loan-banks-too-many");
	}

	@Test
	void anEnterpriseSeesEachBanksDecisionAndAcceptsOneGrant() {
		Case loan = review.listedLoan("icbc", "abc", "boc");
		review.decline(loan, "abc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");

		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications/" + loan.id());
		WebElement offers = browser.waitFor(By.id("loan-offers"));
		assertThat(offers.getText()).contains("中国工商银行聊城分行", "同意放贷", "5,000,000.00 元", "固定资产贷款")
			.contains("中国农业银行聊城分行", "不予放贷", ReviewFixture.opinionFor("DECLINED"));
		List<WebElement> accept = offers.findElements(By.xpath(".//button[normalize-space()='接受该行贷款']"));
		assertThat(accept).as("only the grant can be accepted").hasSize(1);
		browser.screenshot("loan-offers");

		accept.get(0).click();
		// Accepting closes the other banks' reviews: the page asks first.
		Alert confirm = browser.waitUntil(alertIsPresent());
		assertThat(confirm.getText()).isEqualTo("接受中国工商银行聊城分行的贷款后，其他银行尚未完成的审贷随即关闭，不能改选其他银行。确定接受？");
		confirm.accept();
		browser.waitUntil(d -> d.getPageSource().contains("已接受中国工商银行聊城分行的贷款"));
		review.runJobs(loan);
		browser.open("/enterprise/applications/" + loan.id());

		// The city finance bureau reviews the interest subsidy before anything is
		// decided.
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.INTEREST_REVIEW);
		String page = browser.waitFor(By.id("loan-offers")).getText();
		assertThat(page).contains("已接受").contains("已关闭（企业已接受其他银行的贷款）");
		assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='接受该行贷款']"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("interest-subsidy")).getText()).startsWith("市财政局正在核定")
			.doesNotContain("150,000.00");
		browser.screenshot("loan-offer-accepted");

		theFinanceBureauAgreesInTasklist(loan);
		browser.forgetEverything();
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications/" + loan.id());

		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.APPROVED);
		// 5,000,000 × 1.5 % × 2 years
		assertThat(browser.waitFor(By.id("interest-subsidy")).getText()).startsWith("核定总额不超过 150,000.00 元");
		browser.screenshot("loan-interest-subsidy-decided");
	}

	/**
	 * The city finance bureau's reviewer opens the interest-subsidy review in Tasklist,
	 * sees the loan, the computed amount and its grounds, and agrees.
	 */
	private void theFinanceBureauAgreesInTasklist(Case loan) {
		Task review = this.review.task(loan, "Task_FinanceInterestReview");
		tasks.claim(review.getId(), "lc-finance");
		browser.forgetEverything();
		browser.logIn("lc-finance", DemoUsers.PASSWORD);
		browser.open("/camunda/app/tasklist/default/#/?task=" + review.getId());

		browser.waitUntil(
				d -> "150,000.00".equals(d.findElement(Browser.formControl("测算贴息额度", "input")).getAttribute("value")));
		String terms = browser.driver().findElement(Browser.formControl("放贷情况", "textarea")).getAttribute("value");
		assertThat(terms).contains("中国工商银行聊城分行", "放贷金额 5,000,000.00 元", "放款日期 2026年3月16日");
		assertThat(browser.driver().findElement(Browser.formControl("测算依据", "textarea")).getAttribute("value"))
			.contains("每年 1.5 个百分点贴息 24 个月");
		assertThat(browser.driver().findElement(Browser.formControl("测算结论", "textarea")).getAttribute("value"))
			.isEqualTo("符合贴息条件。");

		WebElement agree = browser.waitFor(By.xpath(Browser.formField("核定结论") + "//label[normalize-space()='同意测算结果']"));
		// The form is longer than the window: bring the choice above Tasklist's footer.
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", agree);
		browser.waitUntil(elementToBeClickable(agree)).click();
		WebElement opinion = browser.waitFor(Browser.formControl("审核意见", "textarea"));
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				opinion);
		opinion.sendKeys("放贷情况与测算依据相符，同意按测算结果核定贴息。");
		browser.screenshot("tasklist-finance-interest-subsidy");
		browser.waitUntil(elementToBeClickable(COMPLETE)).click();
		browser.waitUntil(d -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
		this.review.runJobs(loan);
	}

}
