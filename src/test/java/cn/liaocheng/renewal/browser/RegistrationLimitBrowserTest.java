package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An applicant whose network has used up the day's registration attempts sees, in a real
 * browser, why nothing was registered and whom to call, with what it typed kept in the
 * form (the passwords aside). The test fills the counter its browser's connection uses
 * and empties it afterwards.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class RegistrationLimitBrowserTest {

	@Value("${renewal.registration.attempts-per-address}")
	int limit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	private Browser browser;

	private String counter;

	@AfterEach
	void emptyTheCounter() {
		if (counter != null) {
			jdbc.sql("DELETE FROM daily_quota WHERE quota_key = ?").param(counter).update();
		}
	}

	@Test
	void theApplicantIsToldTheDailyLimitIsReachedAndKeepsWhatItTyped() {
		browser.forgetEverything();
		Map<String, Integer> before = counters();
		fillAndSubmit(Registrations.freshCreditCode("371525"), DemoUsers.COUNTY_REVIEWER);
		browser.waitFor(By.id("userId-error"));
		List<String> grown = counters().entrySet()
			.stream()
			.filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(grown).as("the counter of the browser's network").hasSize(1);
		counter = grown.get(0);
		jdbc.sql("UPDATE daily_quota SET used = ? WHERE quota_key = ? AND quota_day = ?")
			.params(limit, counter, Date.valueOf(today()))
			.update();

		String code = Registrations.freshCreditCode("371525");
		String userId = Registrations.freshUserId();
		fillAndSubmit(code, userId);

		String alert = browser.waitFor(By.cssSelector(".alert.error")).getText();
		browser.fullPageScreenshot("register-limit-reached");
		assertThat(alert).contains("今天从您所在网络提交的注册已达 " + limit + " 次", "请明天再试", "工业和信息化局");
		assertThat(browser.driver().findElement(By.id("creditCode")).getAttribute("value")).isEqualTo(code);
		assertThat(browser.driver().findElement(By.id("userId")).getAttribute("value")).isEqualTo(userId);
		assertThat(browser.driver().findElement(By.id("password")).getAttribute("value")).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector(".field-error"))).as("nothing was checked").isEmpty();
		assertThat(registry.findByUser(userId)).isEmpty();
	}

	private void fillAndSubmit(String creditCode, String userId) {
		WebElement submit = RegistrationForm.fill(browser, creditCode, userId);
		submit.click();
		browser.waitUntilGone(submit);
	}

	private Map<String, Integer> counters() {
		Map<String, Integer> counters = new HashMap<>();
		jdbc.sql("SELECT quota_key, used FROM daily_quota WHERE quota_key LIKE 'registration:%' AND quota_day = ?")
			.param(Date.valueOf(today()))
			.query(rs -> {
				counters.put(rs.getString(1), rs.getInt(2));
			});
		return counters;
	}

	private static LocalDate today() {
		return LocalDate.now(ChinaTime.ZONE);
	}

}
