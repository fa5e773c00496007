package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A form that changes something is sent once, whatever the user's hands do: a second
 * press while the first answer is on its way is not sent, so the page shows the answer to
 * the one request (注册成功), not the refusal of a repeat (已注册). A form whose own
 * confirmation is cancelled stays usable.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class OneSubmissionBrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	private Browser browser;

	@Test
	void aDoublePressedRegistrationIsSentOnceAndSaysItSucceeded() {
		browser.forgetEverything();
		String code = Registrations.freshCreditCode("371525");
		String userId = Registrations.freshUserId();
		WebElement submit = RegistrationForm.fill(browser, code, userId);
		int before = registrationAttempts();

		// Two presses 30 ms apart, as a double click gives: the first request is on its
		// way (the server hashes the password), the page is still there.
		browser.driver()
			.executeScript("var b = arguments[0], f = b.form; f.requestSubmit(b);"
					+ " setTimeout(function () { f.requestSubmit(b); }, 30);", submit);
		browser.waitUntilGone(submit);

		assertThat(browser.waitFor(By.tagName("h2")).getText()).isEqualTo("注册成功，账户待激活");
		browser.fullPageScreenshot("registration-pressed-twice");
		assertThat(registrationAttempts() - before).as("requests the server received").isEqualTo(1);
		assertThat(registry.findByUser(userId)).isPresent();
	}

	@Test
	void aFormWhoseConfirmationWasCancelledCanBeSentAfterwards() {
		browser.forgetEverything();
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String name = "对接" + UUID.randomUUID().toString().substring(0, 6);
		browser.open("/enterprise/api-tokens");
		browser.waitFor(By.id("name")).sendKeys(name);
		browser.driver().findElement(By.cssSelector("#create-token button[type=submit]")).click();
		browser.waitFor(By.id("token-value"));
		browser.open("/enterprise/api-tokens");
		By row = By.xpath("//tr[contains(@class,'token')][td[@class='name'][text()='" + name + "']]");
		WebElement revoke = browser.waitFor(row).findElement(By.cssSelector("button[type=submit]"));

		revoke.click();
		answer(false);
		WebElement revokeForm = browser.driver().findElement(row).findElement(By.tagName("form"));
		assertThat(revokeForm.getAttribute("data-submitting")).as("cancelled, not on its way").isNull();
		assertThat(revoke.isEnabled()).isTrue();
		assertThat(tokenRevoked(name)).isFalse();

		revoke.click();
		answer(true);
		browser.waitUntilGone(revoke);
		assertThat(tokenRevoked(name)).isTrue();
	}

	private void answer(boolean accept) {
		browser.waitUntil(d -> {
			try {
				Alert alert = d.switchTo().alert();
				if (accept) {
					alert.accept();
				}
				else {
					alert.dismiss();
				}
				return true;
			}
			catch (NoAlertPresentException notYet) {
				return false;
			}
		});
	}

	private boolean tokenRevoked(String name) {
		return jdbc.sql("SELECT revoked_at IS NOT NULL FROM api_token WHERE name = ?")
			.param(name)
			.query(Boolean.class)
			.single();
	}

	private int registrationAttempts() {
		return jdbc
			.sql("SELECT COALESCE(SUM(used), 0) FROM daily_quota WHERE quota_key LIKE 'registration:%'"
					+ " AND quota_day = ?")
			.param(Date.valueOf(LocalDate.now(ChinaTime.ZONE)))
			.query(Integer.class)
			.single();
	}

}
