package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.browser.BrowserExtension;
import cn.liaocheng.renewal.ledger.internal.LedgerAccrual;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * In a real Chromium, the granting bank's officer records a disbursement and a repayment
 * on the ledger page (a refused entry comes back with its reason and the input kept), and
 * city finance approves and pays a period. Screenshots: ledger-bank, ledger-bank-refused,
 * ledger-finance-paid.
 */
@WebIntegrationTest
@ExtendWith(BrowserExtension.class)
class LoanLedgerBrowserTest extends ReviewProcessTest {

	@Autowired
	LedgerAccrual accrual;

	private Browser browser;

	@Autowired
	LoanLedgerBrowserTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void theBankRecordsItsLoanAndFinancePaysAPeriod() {
		Case loan = grantedLoan();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		// The first disbursement is on the day the bank reported with its grant.
		LocalDate disbursed = ReviewFixture.GRANT_DATE;
		LocalDate repaid = disbursed.plusMonths(1).plusDays(9);

		browser.logIn(DemoUsers.BANK_OFFICER, DemoUsers.PASSWORD);
		browser.open("/ledger");
		browser.waitFor(By.id("ledger-loans")).findElement(By.linkText(review.referenceNo(loan))).click();
		assertThat(record("DISBURSEMENT", disbursed, "3000000", "ICBC-LC-" + disbursed, ""))
			.isEqualTo("登记后不能修改或删除；如登记有误，须书面告知市财政局。确定登记？");
		assertThat(browser.waitFor(By.cssSelector(".alert.info")).getText()).isEqualTo("已登记放款。");
		// An entry that ends the subsidy is named as such; declined, nothing is recorded.
		fill("EARLY_REPAYMENT", repaid, "", "", "");
		browser.driver().findElement(By.cssSelector("#record-event button[type=submit]")).click();
		Alert closing = browser.waitUntil(ExpectedConditions.alertIsPresent());
		assertThat(closing.getText()).isEqualTo("登记提前结清或逾期/违约后，自该日起停止贴息，此后不能再登记放款或还款。确定登记？");
		closing.dismiss();
		assertThat(browser.driver().findElement(By.cssSelector(".alert.info")).getText()).isEqualTo("已登记放款。");
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain("已提前结清");
		record("REPAYMENT", repaid, "4000000", "", "");
		WebElement error = browser.waitFor(By.id("ledger-error"));
		assertThat(error.getText()).contains("归还本金不能超过贷款余额（3,000,000.00元）");
		assertThat(browser.driver().findElement(By.id("amount")).getAttribute("value")).isEqualTo("4000000");
		browser.screenshot("ledger-bank-refused");
		record("REPAYMENT", repaid, "1000000", "", "");
		assertThat(browser.waitFor(By.id("loan-balance")).getText()).isEqualTo("2,000,000.00 元");
		accrual.accrueAll(today);
		browser.open("/ledger/loans/" + loan.id());
		assertThat(browser.waitFor(By.id("subsidy-ledger")).getText()).contains(disbursed.toString().substring(0, 7),
				"已计提");
		assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='审核通过']")))
			.as("a bank approves nothing")
			.isEmpty();
		browser.fullPageScreenshot("ledger-bank");

		browser.forgetEverything();
		browser.logIn("lc-finance", DemoUsers.PASSWORD);
		browser.open("/ledger/loans/" + loan.id());
		assertThat(browser.driver().findElements(By.id("record-event"))).as("finance records nothing").isEmpty();
		browser.driver().findElements(By.xpath("//button[normalize-space()='审核通过']")).get(0).click();
		assertThat(confirmed()).isEqualTo("审核通过后该期贴息金额即确定，银行不能再补录该期及以前日期的放款或还款。确定审核通过？");
		WebElement approved = browser.waitFor(By.cssSelector(".alert.info"));
		assertThat(approved.getText()).endsWith("期贴息已审核。");
		// Whoever approved the period does not pay it: another officer of the bureau
		// does.
		assertThat(browser.driver().findElements(By.cssSelector("form.inline-form"))).isEmpty();
		assertThat(browser.driver().findElement(By.id("subsidy-ledger")).getText()).contains("已由您审核，请由其他人员登记拨付");
		browser.forgetEverything();
		browser.logIn("lc-finance-pay", DemoUsers.PASSWORD);
		browser.open("/ledger/loans/" + loan.id());
		approved = browser.waitFor(By.id("subsidy-ledger"));
		WebElement payment = browser.driver().findElement(By.cssSelector("form.inline-form"));
		browser.setValue(By.cssSelector("form.inline-form input[name=paidOn]"), today.toString());
		payment.findElement(By.name("voucherNo")).sendKeys("LCCZ-" + today);
		payment.findElement(By.tagName("button")).click();
		assertThat(confirmed()).isEqualTo("登记拨付后系统立即签发该期《贴息资金拨付通知书》，拨付记录和通知书不能修改。确定登记拨付？");
		// The approval's notice stays on screen until the payment's answer replaces the
		// page.
		browser.waitUntilGone(approved);
		assertThat(browser.waitFor(By.cssSelector(".alert.info")).getText()).endsWith("拨付通知书已签发。");
		assertThat(browser.driver().findElement(By.id("subsidy-ledger")).getText()).contains("已拨付", "拨付通知书");
		browser.fullPageScreenshot("ledger-finance-paid");

		// The month's ledger across loans, from the list of loans.
		browser.open("/ledger");
		browser.waitFor(By.id("monthly-link")).click();
		browser.waitFor(By.id("monthly-filter"));
		browser.setValue(By.id("month"), disbursed.toString().substring(0, 7));
		browser.driver().findElement(By.cssSelector("#monthly-filter button[type=submit]")).click();
		browser.waitUntil(d -> d.getCurrentUrl().contains("month=" + disbursed.toString().substring(0, 7)));
		WebElement line = browser.waitFor(By.id("monthly-lines"))
			.findElement(By.xpath(".//tr[td/a[normalize-space()='" + review.referenceNo(loan) + "']]"));
		assertThat(line.getText()).contains("中国工商银行聊城分行", "已拨付", "LCCZ-" + today);
		assertThat(browser.driver().findElement(By.id("monthly-totals")).getText()).contains("已拨付");
		browser.fullPageScreenshot("ledger-monthly");
	}

	/** Records an entry, confirming it; returns what the page asked. */
	private String record(String type, LocalDate date, String amount, String contract, String note) {
		fill(type, date, amount, contract, note);
		browser.driver().findElement(By.cssSelector("#record-event button[type=submit]")).click();
		return confirmed();
	}

	private void fill(String type, LocalDate date, String amount, String contract, String note) {
		new Select(browser.waitFor(By.id("type"))).selectByValue(type);
		browser.setValue(By.id("date"), date.toString());
		browser.setValue(By.id("amount"), amount);
		browser.setValue(By.id("contractNo"), contract);
		browser.setValue(By.id("note"), note);
	}

	/** Accepts the confirmation the page asks for; returns its question. */
	private String confirmed() {
		Alert confirm = browser.waitUntil(ExpectedConditions.alertIsPresent());
		String question = confirm.getText();
		confirm.accept();
		return question;
	}

	private Case grantedLoan() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET");
		return loan;
	}

}
