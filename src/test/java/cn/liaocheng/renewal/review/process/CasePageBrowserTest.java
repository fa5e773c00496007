package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium at a desktop width (1366 px) and a phone width (390 px): the case
 * page of a returned case and of a case in joint review, and the subsidy form's invoice
 * warning as the enterprise types. Screenshots: case-returned-{1366,390}[-top,-progress],
 * case-joint-review-{1366,390}[-progress], subsidy-invoice-warning.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class CasePageBrowserTest extends ReviewProcessTest {

	private Browser browser;

	@Autowired
	CasePageBrowserTest(ApplicationContext context) {
		super(context);
	}

	@BeforeEach
	void logInAsTheEnterprise() {
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
	}

	@Test
	void aReturnedCaseShowsTheBannerFirstOnADesktopAndOnAPhone() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN", "请补充上传加盖公章的营业执照副本，并核对建设地点");

		for (int width : new int[] { 1366, 390 }) {
			browser.driver().manage().window().setSize(new Dimension(width, 900));
			browser.open("/enterprise/applications/" + project.id());
			WebElement banner = browser.waitFor(By.id("action-needed"));
			assertThat(banner.getText()).contains("需要您处理", "请补充上传加盖公章的营业执照副本", "补正期限");
			assertThat(banner.getLocation().getY()).as("banner above the case card at %d px", width)
				.isLessThan(browser.driver().findElement(By.id("status")).getLocation().getY());
			assertThat(banner.getSize().getWidth()).as("banner fits the window at %d px", width)
				.isLessThanOrEqualTo(width);
			assertThat(browser.driver().findElement(By.cssSelector("#progress .stage-returned")).getText())
				.contains("县级初审与推荐", "待您补正");
			browser.fullPageScreenshot("case-returned-" + width);
			browser.screenshot("case-returned-" + width + "-top");
			scrollTo("progress");
			browser.screenshot("case-returned-" + width + "-progress");
		}
	}

	@Test
	void aCaseInJointReviewShowsEachBodysProgressOnADesktopAndOnAPhone() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		review.complete(review.tasks(project, "Task_JointReview").get(0),
				Map.of("decision", "APPROVE", "opinion", "同意"));
		review.runJobs(project);

		for (int width : new int[] { 1366, 390 }) {
			browser.driver().manage().window().setSize(new Dimension(width, 900));
			browser.open("/enterprise/applications/" + project.id());
			WebElement joint = browser.waitFor(By.id("joint-review"));
			assertThat(joint.getText()).contains("1 / 3 个部门已完成", "已提出意见", "审查中");
			assertThat(browser.driver().findElement(By.id("current-step")).getText()).isEqualTo("市级联审");
			assertThat(browser.driver().findElements(By.id("action-needed"))).isEmpty();
			browser.fullPageScreenshot("case-joint-review-" + width);
			scrollTo("progress");
			browser.screenshot("case-joint-review-" + width + "-progress");
		}
	}

	@Test
	void aGrantedLoanShowsTheBanksTermsAndTheInterestSubsidy() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.passCountyReview(loan);
		review.passCityReview(loan);
		review.decide(loan, "Task_PbocListing", "APPROVE");
		review.grant(loan, "5000000.00", true);

		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open("/enterprise/applications/" + loan.id());
		WebElement outcomes = browser.waitFor(By.id("outcomes"));
		assertThat(outcomes.getText()).contains("放贷银行", "5,000,000.00 元", "3.1%", "36 个月", "财政贴息");
		assertThat(browser.driver().findElement(By.id("status")).getAttribute("class")).contains("badge-approved");
		scrollTo("progress");
		browser.screenshot("case-loan-granted-1366");
	}

	@Test
	void theSubsidyFormWarnsAsTheEnterpriseTypesAnInvoiceAmountThatDiffers() {
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open("/enterprise/applications/new?kind=SUBSIDY");
		browser.setValue(By.id("equipment0.quantity"), "2");
		browser.setValue(By.id("equipment0.unitPrice"), "185000.00");
		browser.setValue(By.id("equipment0.invoiceAmount"), "370000.00");
		WebElement warning = browser.driver()
			.findElement(By.cssSelector("#equipment tbody tr:first-child .invoice-warning"));
		assertThat(warning.isDisplayed()).as("equal amounts: no warning").isFalse();

		browser.setValue(By.id("equipment0.invoiceAmount"), "371000.00");

		assertThat(warning.isDisplayed()).isTrue();
		assertThat(warning.getText()).isEqualTo("与数量×单价 370,000.00 元不一致，请核对");
		browser.screenshot("subsidy-invoice-warning");
	}

	private void scrollTo(String id) {
		browser.driver().executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
	}

}
