package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium, an enterprise asks up to three banks for a loan (four are refused
 * next to the field), sees each bank's decision on its case page and accepts one grant.
 * Screenshots: loan-banks-too-many, loan-offers, loan-offer-accepted.
 */
@WebIntegrationTest
class LoanOfferBrowserTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	private Browser browser;

	@Autowired
	LoanOfferBrowserTest(ApplicationContext context) {
		super(context);
	}

	@BeforeEach
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
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
		Case loan = listedLoan("icbc", "abc", "boc");
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

		review.decide(loan, "Task_FinanceInterestReview", "APPROVE");
		browser.open("/enterprise/applications/" + loan.id());

		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.APPROVED);
		// 5,000,000 × 1.5 % × 2 years
		assertThat(browser.waitFor(By.id("interest-subsidy")).getText()).startsWith("150,000.00 元");
		browser.screenshot("loan-interest-subsidy-decided");
	}

	private Case listedLoan(String... banks) {
		DossierForm form = Dossiers.loan(review.registeredProject(7));
		form.setBankKeys(new ArrayList<>(List.of(banks)));
		form.setLoanAmount("6000000.00");
		Case loan = review.submitLoan(form);
		review.passCountyReview(loan);
		review.passCityReview(loan);
		review.decide(loan, "Task_PbocListing", "APPROVE");
		return loan;
	}

}
