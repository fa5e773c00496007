package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium: an accountant whose subsidy claim a city body returned for
 * correction reads, on the case page and at the top of the edit form, which parts the
 * correction may not change and why, and finds those sections marked, before changing
 * anything (the invoices, contracts and payment vouchers among the attachments too,
 * offered neither for deletion nor for upload); before, this was said only when the
 * resubmission was refused. A claim returned at the invoice check, which runs again,
 * marks nothing. Screenshots: correction-settled-detail, correction-settled-form.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class SettledPartsPagesBrowserTest extends ReviewProcessTest {

	private static final BigDecimal CLAIM = new BigDecimal("370000.00");

	@LocalServerPort
	int port;

	private Browser browser;

	@Autowired
	SettledPartsPagesBrowserTest(ApplicationContext context) {
		super(context);
	}

	@BeforeEach
	void logInAsTheEnterprise() {
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
	}

	@Test
	void theCasePageAndTheEditFormNameWhatTheCorrectionMayNotChange() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.passCountyReview(claim);
		review.decide(claim, "Task_CityAcceptance", "APPROVE");
		review.decideEach(claim, "Task_JointReview", group -> group.equals("city-tax") ? "RETURN" : "APPROVE");

		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open("/enterprise/applications/" + claim.id());
		WebElement notice = browser.waitFor(By.id("settled-parts"));
		browser.fullPageScreenshot("correction-settled-detail");
		assertThat(notice.getText())
			.contains("本次补正不能修改以下内容", "设备明细及发票、设备投用日期：县级财政部门已核验设备明细和发票", "所属入库项目：市级联审单位已按重点任务、要素需求和所属入库项目确定",
					"请撤回本申报后重新申报")
			.as("a subsidy claim is not told of fields its form does not have")
			.doesNotContain("重点任务、要素需求：", "重点任务、要素需求、");

		assertThat(browser.driver().findElements(By.id("equipment-import")))
			.as("no import that would replace the settled equipment")
			.isEmpty();
		assertThat(notice.getText()).contains("附件中的设备购置发票、设备购置合同、付款凭证也已核验，不能上传或删除");
		assertThat(browser.driver().findElement(By.id("attachments")).findElements(By.cssSelector(".settled-mark")))
			.as("the invoice, the contract and the payment voucher, each without a delete button")
			.hasSize(3);
		assertThat(browser.driver().findElement(By.id("attachments")).findElements(By.tagName("form")))
			.as("only the upload form, offering other materials")
			.hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector("#category option"))).extracting(WebElement::getText)
			.containsExactly("其他材料");
		assertThat(browser.waitFor(By.id("settled-attachments")).getText()).contains("本次补正不能上传或删除设备购置发票、设备购置合同、付款凭证附件");

		browser.open("/enterprise/applications/" + claim.id() + "/edit");
		WebElement atTop = browser.waitFor(By.id("settled-parts"));
		browser.fullPageScreenshot("correction-settled-form");
		assertThat(atTop.getText()).contains("设备明细及发票、设备投用日期", "所属入库项目");
		assertThat(browser.driver().findElements(By.cssSelector(".settled-mark")))
			.as("marked: the project referred to, the commissioning date, the equipment and invoices")
			.hasSize(3)
			.allSatisfy(mark -> assertThat(mark.getText()).isEqualTo("本次补正不可修改"));
		assertThat(browser.driver().findElement(By.id("equipment")).findElements(By.cssSelector(".settled-mark")))
			.hasSize(1);

		// Another enterprise reads nothing of it.
		HttpResponse<String> other = new WebClient(port).withBasic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD)
			.get("/enterprise/applications/" + claim.id() + "/edit");
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).doesNotContain("本次补正不能修改");
	}

	@Test
	void aProjectIsToldOfItsPolicyTaskAndFactorNeedsNotOfAProjectItRefersTo() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.passJointReview(project);
		review.decide(project, "Task_IndustryDecision", "RETURN");

		browser.open("/enterprise/applications/" + project.id() + "/edit");
		assertThat(browser.waitFor(By.id("settled-parts")).getText()).contains("重点任务、要素需求：市级联审单位已按重点任务、要素需求和所属入库项目确定")
			.doesNotContain("设备明细及发票", "、所属入库项目：", "要素需求、所属入库项目");
		assertThat(browser.driver().findElements(By.cssSelector(".settled-mark")))
			.as("the policy task and factor needs")
			.hasSize(2);
	}

	@Test
	void aReturnFromTheInvoiceCheckWhichRunsAgainMarksNothing() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.decide(claim, "Task_CountyFormalReview", "APPROVE");
		review.decide(claim, "Task_CountyInvoiceCheck", "RETURN");

		browser.open("/enterprise/applications/" + claim.id() + "/edit");
		browser.waitFor(By.id("equipment"));
		assertThat(browser.driver().findElements(By.id("settled-parts"))).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector(".settled-mark"))).isEmpty();
		browser.open("/enterprise/applications/" + claim.id());
		browser.waitFor(By.id("action-needed"));
		assertThat(browser.driver().findElements(By.id("settled-parts"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("equipment-import"))).hasSize(1);
	}

}
