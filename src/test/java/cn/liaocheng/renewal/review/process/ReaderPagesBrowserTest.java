package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium: the library's rows a body may not open, the page a refused dossier
 * shows, the ledger's page for a body it is not for, the case page once a reviewer has
 * claimed the case, the stage of a loan waiting for its enterprise in 已办, and 查看 in the
 * message centre. Screenshots: library-not-openable, dossier-refused, ledger-outsider,
 * case-withdrawal-closed, handled-stage-label, ledger-list, message-unread,
 * message-opened.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class ReaderPagesBrowserTest extends ReviewProcessTest {

	private Browser browser;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderPagesBrowserTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aCountyFinanceBureauSeesWhichRowsItMayOpenAndWhyOthersDoNot() {
		Case pending = review.submitProject(7);
		String number = review.referenceNo(pending);
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.logIn("gx-finance", DemoUsers.PASSWORD);
		assertThat(browser.driver().findElements(By.id("ledger-link"))).as("no ledger link").isEmpty();

		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		browser.open("/review/library?year=" + year + "&status=ALL&q=" + number);
		WebElement row = browser.waitFor(By.cssSelector("#library tbody tr"));
		assertThat(row.getText()).contains(number, "本部门未参与审核");
		assertThat(row.findElements(By.tagName("a"))).isEmpty();
		browser.screenshot("library-not-openable");

		browser.open("/review/applications/" + pending.id());
		assertThat(browser.waitFor(By.id("dossier-refused")).getText()).contains("无权查看该案件卷宗", "返回项目库");
		assertThat(browser.documentStatus()).isEqualTo(403);
		browser.screenshot("dossier-refused");

		browser.open("/ledger");
		assertThat(browser.waitFor(By.id("ledger-outsider")).getText()).contains("贷款台账仅供市财政局");
		assertThat(browser.driver().findElements(By.id("no-loans"))).isEmpty();
		browser.screenshot("ledger-outsider");
	}

	@Test
	void theEnterpriseIsNotOfferedAWithdrawalOnceAReviewerClaimedTheCase() {
		Case project = review.submitProject(7);
		review.claimForItsBody(review.task(project, "Task_CountyFormalReview"));
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications/" + project.id());
		WebElement closed = browser.waitFor(By.id("withdraw-closed"));
		assertThat(closed.getText()).contains("审核人员已开始办理本申报，不能再撤回");
		assertThat(browser.driver().findElements(By.id("withdraw-before-review"))).isEmpty();
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", closed);
		browser.screenshot("case-withdrawal-closed");
	}

	@Test
	void handledCasesAndTheLedgerNameTheStageAsTheDossierDoes() {
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "5000000.00", false, "FIXED_ASSET");
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(DemoUsers.BANK_OFFICER, DemoUsers.PASSWORD);
		assertThat(browser.driver().findElements(By.id("ledger-link"))).as("the bank's ledger link").isNotEmpty();
		browser.open("/review/handled?q=" + review.referenceNo(loan));
		WebElement row = browser.waitFor(By.cssSelector("#handled-cases tbody tr"));
		assertThat(row.findElement(By.cssSelector(".tag.status")).getText()).isEqualTo("待确认贷款");
		browser.screenshot("handled-stage-label");
		review.acceptOnly(loan, "icbc");
		browser.open("/ledger");
		WebElement listed = browser.waitFor(By.cssSelector("#ledger-loans tbody tr"));
		assertThat(listed.getText()).contains(review.referenceNo(loan));
		assertThat(listed.findElement(By.cssSelector(".tag.status")).getText())
			.isEqualTo(review.listLine(loan).stageLabel());
		browser.screenshot("ledger-list");
	}

	@Test
	void viewingAMessageMarksItReadAndOpensItsCase() {
		Case project = review.submitProject(7);
		jdbc.sql("INSERT INTO notification (recipient_id, kind, title, body, link, application_id, created_at)"
				+ " VALUES (?, 'TASK_CREATED', ?, ?, ?, ?, ?)")
			.params(DemoUsers.COUNTY_REVIEWER, "新的待办任务：浏览器查看测试", "请查看案件。", "/review/applications/" + project.id(),
					project.id(), Timestamp.from(Instant.now().plusSeconds(3600)))
			.update();
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open("/messages");
		WebElement message = browser.waitFor(By.cssSelector("li.message.unread"));
		assertThat(message.getText()).contains("浏览器查看测试", "查看", "标为已读");
		browser.screenshot("message-unread");
		message.findElement(By.cssSelector("button.open-message")).click();
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/review/applications/" + project.id()));
		browser.waitFor(By.id("dossier-stage"));
		browser.open("/messages");
		WebElement read = browser.waitFor(By.cssSelector("li.message"));
		assertThat(read.getText()).contains("浏览器查看测试", "已读");
		assertThat(read.getAttribute("class")).contains("read").doesNotContain("unread");
		browser.screenshot("message-opened");
	}

}
