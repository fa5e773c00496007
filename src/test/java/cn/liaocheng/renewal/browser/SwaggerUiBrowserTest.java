package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Swagger UI in a real Chromium, logged in through the portal: "Try it out" reads the
 * list and makes a change (a POST, which needs the CSRF token), and the change is refused
 * once the token's cookie is gone. Screenshots in target/screenshots (swagger-*.png).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class SwaggerUiBrowserTest {

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	@BeforeEach
	void logIn() {
		browser.forgetEverything();
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/swagger-ui/index.html");
		browser.waitUntil(d -> d.findElement(By.cssSelector(".information-container .title"))
			.getText()
			.contains("聊城市工业领域设备更新审批系统 API"));
		// The document's first server is the configured public address; the test server
		// runs on a port of its own.
		new Select(browser.waitFor(By.cssSelector(".servers select"))).selectByValue("/");
	}

	@Test
	void aLoggedInEnterpriseTriesOutTheListAndAChangeInSwaggerUi() {
		browser.screenshot("swagger-overview");

		String list = tryOut("get", "/api/applications", null);
		browser.screenshot("swagger-list-tried");
		long before = tokensOfTheEnterprise();
		String created = tryOut("post", "/api/tokens", "{\"name\": \"Swagger UI 试用\"}");
		browser.screenshot("swagger-post-tried");

		assertThat(list).isEqualTo("200");
		assertThat(created).isEqualTo("201");
		assertThat(tokensOfTheEnterprise()).isEqualTo(before + 1);
	}

	@Test
	void withoutTheCsrfCookieAChangeIsRefused() {
		browser.driver().manage().deleteCookieNamed("RENEWAL_XSRF");
		long before = tokensOfTheEnterprise();

		String refused = tryOut("post", "/api/tokens", "{\"name\": \"无 CSRF\"}");

		assertThat(refused).isEqualTo("403");
		assertThat(tokensOfTheEnterprise()).isEqualTo(before);
	}

	@Test
	void theTokenPageReachedFromTheHeaderShowsANewTokenOnce() {
		browser.open("/");
		browser.waitFor(By.id("api-tokens-link")).click();
		browser.waitFor(By.id("name")).sendKeys("财务系统对接");
		browser.driver().findElement(By.cssSelector("#create-token button[type=submit]")).click();
		String token = browser.waitFor(By.id("token-value")).getAttribute("value");
		browser.fullPageScreenshot("api-token-created");

		browser.open("/enterprise/api-tokens");
		browser.fullPageScreenshot("api-token-list");

		assertThat(token).matches("lcr_[A-Za-z0-9_-]{43}");
		assertThat(browser.driver().getPageSource()).doesNotContain(token);
		assertThat(browser.driver().findElement(By.cssSelector("#tokens .token .name")).getText()).isEqualTo("财务系统对接");
	}

	/**
	 * Opens the operation, presses "Try it out" and "Execute", and returns the status
	 * Swagger UI shows.
	 */
	private String tryOut(String method, String path, String body) {
		By block = By.xpath("//div[contains(@class,'opblock-" + method + "')][.//*[@data-path='" + path + "']]");
		WebElement operation = browser.waitFor(block);
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
				operation);
		if (!operation.getAttribute("class").contains("is-open")) {
			operation.findElement(By.cssSelector(".opblock-summary")).click();
		}
		WebElement tryOut = browser
			.waitUntil(d -> d.findElement(block).findElement(By.cssSelector("button.try-out__btn")));
		tryOut.click();
		if (body != null) {
			WebElement text = browser
				.waitUntil(d -> d.findElement(block).findElement(By.cssSelector("textarea.body-param__text")));
			text.clear();
			text.sendKeys(body);
		}
		browser.waitUntil(d -> d.findElement(block).findElement(By.cssSelector("button.execute"))).click();
		By status = By.cssSelector(".live-responses-table .response .response-col_status");
		String shown = browser.waitUntil(d -> {
			String text = d.findElement(block).findElement(status).getText().strip();
			return text.isEmpty() ? null : text.split("\\s+")[0];
		});
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				browser.driver().findElement(block).findElement(By.cssSelector(".live-responses-table")));
		return shown;
	}

	@org.junit.jupiter.api.AfterEach
	void revokeWhatTheTestMade() {
		jdbc.sql(
				"UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP, slot = NULL WHERE user_id = ? AND revoked_at IS NULL")
			.param(DemoUsers.ENTERPRISE)
			.update();
	}

	private long tokensOfTheEnterprise() {
		return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE user_id = ?")
			.param(DemoUsers.ENTERPRISE)
			.query(Long.class)
			.single();
	}

}
