package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
		record("DISBURSEMENT", disbursed, "3000000", "ICBC-LC-" + disbursed, "");
		assertThat(browser.waitFor(By.cssSelector(".alert.info")).getText()).isEqualTo("已登记放款。");
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
		// The approval's notice stays on screen until the payment's answer replaces the
		// page.
		browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(approved));
		assertThat(browser.waitFor(By.cssSelector(".alert.info")).getText()).endsWith("拨付通知书已签发。");
		assertThat(browser.driver().findElement(By.id("subsidy-ledger")).getText()).contains("已拨付", "拨付通知书");
		browser.fullPageScreenshot("ledger-finance-paid");
	}

	private void record(String type, LocalDate date, String amount, String contract, String note) {
		new Select(browser.waitFor(By.id("type"))).selectByValue(type);
		browser.setValue(By.id("date"), date.toString());
		browser.setValue(By.id("amount"), amount);
		browser.setValue(By.id("contractNo"), contract);
		browser.setValue(By.id("note"), note);
		browser.driver().findElement(By.cssSelector("#record-event button[type=submit]")).click();
	}

	private Case grantedLoan() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET");
		return loan;
	}

}
