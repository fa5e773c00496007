package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.and;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.security.internal.LoginFailureRows;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The single login seen through a real Chromium: one login page opens the portal and
 * Camunda's webapps, which then render as the logged-in user without a login of their
 * own; a user without the role gets the Chinese 403 page.
 *
 * <p>
 * One Spring context and one browser serve the whole class; every scenario starts without
 * cookies. Screenshots go to target/screenshots, the DOM at the end of every scenario to
 * target/page-sources.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class SingleSignOnBrowserTest {

	private static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final String COCKPIT = "/camunda/app/cockpit/default/";

	private static final String ADMIN = "/camunda/app/admin/default/";

	/**
	 * The user menu of Camunda's header: rendered only when the webapp knows who is
	 * logged in.
	 */
	private static final By CAMUNDA_USER_MENU = By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle");

	/** Camunda's own login form, which the single login makes unnecessary. */
	private static final By CAMUNDA_LOGIN_FORM = By.cssSelector("form[name='signinForm']");

	/** Camunda's failure notifications and inline failure alerts. */
	private static final By CAMUNDA_ERRORS = By.cssSelector(".notifications .alert-danger, .alert-danger .status");

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	@BeforeEach
	void startWithoutSession() {
		browser.forgetEverything();
	}

	@AfterEach
	void keepTheDom(TestInfo test) {
		browser.savePageSource(test.getTestMethod().orElseThrow().getName());
	}

	@Test
	void countyReviewerLogsInOnceAndTasklistRendersAsThem() {
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

		assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url("/"));
		assertThat(browser.waitFor(By.cssSelector("main .card h2")).getText()).contains("冠县工业和信息化局审核员");
		assertThat(browser.driver().findElements(By.cssSelector("a.tile[href='" + COCKPIT + "']")))
			.as("a county reviewer is not offered Cockpit")
			.isEmpty();

		browser.waitUntil(elementToBeClickable(By.cssSelector("#tasklist-tile a[href='" + TASKLIST + "']"))).click();

		// Logged in: the header names the user, and the filter and task columns have
		// finished loading.
		browser.waitUntil(textToBePresentInElementLocated(CAMUNDA_USER_MENU, "冠县工业和信息化局"));
		browser.waitUntil(and(visibilityOfElementLocated(By.cssSelector("section.task-filters [cam-tasklist-filters]")),
				visibilityOfElementLocated(By.cssSelector("section.tasks-list .well, section.tasks-list li.task"))));
		browser.screenshot("tasklist-county-reviewer");

		assertThat(browser.driver().getCurrentUrl()).startsWith(browser.url(TASKLIST)).doesNotContain("login");
		assertThat(browser.driver().findElements(CAMUNDA_LOGIN_FORM)).isEmpty();
		assertThat(visibleTexts(CAMUNDA_ERRORS)).as("Camunda failure messages").isEmpty();
	}

	@Test
	void administratorOpensCamundaAdminLoggedIn() {
		browser.logIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		browser.waitUntil(elementToBeClickable(By.cssSelector("a.tile[href='" + ADMIN + "']"))).click();

		browser.waitUntil(textToBePresentInElementLocated(CAMUNDA_USER_MENU, "管理员"));
		WebElement users = browser
			.waitUntil(elementToBeClickable(By.cssSelector(".dashboard h1.section-title a[href='#/users']")));
		browser.screenshot("admin-administrator");
		assertThat(browser.driver().getCurrentUrl()).startsWith(browser.url(ADMIN)).doesNotContain("login");
		assertThat(browser.driver().findElements(CAMUNDA_LOGIN_FORM)).isEmpty();

		// The engine API answers the webapp with the same session: the user list shows
		// the demo accounts.
		users.click();
		browser.waitUntil(urlContains("#/users"));
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("table tbody"), DemoUsers.COUNTY_REVIEWER));
		browser.screenshot("admin-users-administrator");
		assertThat(visibleTexts(CAMUNDA_ERRORS)).as("Camunda failure messages").isEmpty();
	}

	@Test
	void loggingOutOfTasklistEndsTheSingleLoginAndShowsTheSystemsLoginPage() {
		browser.logIn(DemoUsers.CITY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST);
		browser.waitUntil(textToBePresentInElementLocated(CAMUNDA_USER_MENU, "聊城市生态环境局"));

		browser.waitUntil(elementToBeClickable(CAMUNDA_USER_MENU)).click();
		browser.waitUntil(elementToBeClickable(By.cssSelector("[cam-widget-header] li.logout > a"))).click();

		browser.waitUntil(urlToBe(browser.url("/login?logout")));
		assertThat(browser.waitFor(By.cssSelector(".login-box .alert.info")).getText()).isEqualTo("您已安全退出。");
		browser.screenshot("tasklist-logout");
		assertThat(browser.driver().findElements(CAMUNDA_LOGIN_FORM)).as("Camunda's own login form").isEmpty();
		// The start page is open to visitors; a page behind the login sends to the login
		// page.
		browser.open("/enterprise/applications");
		assertThat(browser.driver().getCurrentUrl()).as("the portal after Tasklist's logout")
			.isEqualTo(browser.url("/login"));
		browser.open(TASKLIST);
		assertThat(browser.driver().getCurrentUrl()).as("Tasklist after its logout").isEqualTo(browser.url("/login"));
	}

	@Test
	void enterpriseIsRefusedTasklistWithTheChinesePage() {
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(browser.driver().findElements(By.cssSelector("#tasklist-tile, a[href^='" + TASKLIST + "']")))
			.as("an enterprise is not offered Tasklist, nor a count of its filters")
			.isEmpty();

		browser.open(TASKLIST);

		WebElement heading = browser.waitFor(By.cssSelector("main .card h2"));
		browser.screenshot("tasklist-enterprise-refused");
		assertThat(heading.getText()).isEqualTo("无权访问");
		assertThat(browser.documentStatus()).as("HTTP status of the page").isEqualTo(403);
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url(TASKLIST));
		assertThat(browser.driver().getTitle()).startsWith("无权访问");
	}

	/**
	 * A reviewer changes their own password on the portal's page, opened from the header;
	 * a confirmation that does not match is said in Chinese beside the field, nothing
	 * typed is shown again, and the new password is the one that logs in.
	 */
	@Test
	void aReviewerChangesTheirOwnPasswordOnThePortal() {
		String userId = "browser-own-password";
		User user = identity.newUser(userId);
		user.setFirstName("审核员");
		user.setLastName("聊城市生态环境局");
		user.setPassword("Browser@2026own");
		identity.saveUser(user);
		identity.createMembership(userId, "city-ecology");
		try {
			browser.logIn(userId, "Browser@2026own");
			browser.waitUntil(elementToBeClickable(By.linkText("修改密码"))).click();
			browser.waitFor(By.id("currentPassword")).sendKeys("Browser@2026own");
			browser.driver().findElement(By.id("newPassword")).sendKeys("Renewal#2027safe");
			browser.driver().findElement(By.id("confirmPassword")).sendKeys("Renewal#2027safX");
			browser.driver().findElement(By.cssSelector("#password button[type=submit]")).click();
			assertThat(browser.waitFor(By.cssSelector("#password .field-error")).getText()).isEqualTo("两次输入的新密码不一致");
			assertThat(browser.driver().findElement(By.id("newPassword")).getAttribute("value")).isEmpty();
			browser.screenshot("staff-password-mismatch");

			browser.waitFor(By.id("currentPassword")).sendKeys("Browser@2026own");
			browser.driver().findElement(By.id("newPassword")).sendKeys("Renewal#2027safe");
			browser.driver().findElement(By.id("confirmPassword")).sendKeys("Renewal#2027safe");
			browser.driver().findElement(By.cssSelector("#password button[type=submit]")).click();
			assertThat(browser.waitFor(By.id("notice")).getText()).startsWith("密码已修改");
			browser.screenshot("staff-password-changed");
			assertThat(identity.checkPassword(userId, "Renewal#2027safe")).isTrue();
		}
		finally {
			identity.deleteUser(userId);
		}
	}

	@Test
	void wrongPasswordShowsTheChineseErrorOnTheLoginPage() {
		// An account of its own: a failed login locks the account for a moment, which
		// must not hit other scenarios (or other test classes sharing this Spring
		// context).
		String userId = "browser-typo";
		User user = identity.newUser(userId);
		user.setFirstName("密码错误测试");
		user.setLastName("");
		user.setPassword("Browser@2026typo");
		identity.saveUser(user);
		try {
			browser.submitLogin(userId, "Browser@2026type");

			WebElement error = browser.waitFor(By.cssSelector(".login-box .alert.error"));
			browser.screenshot("login-error");
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url("/login?error"));
			assertThat(error.getText()).as("message after the first wrong password of an existing account")
				.contains("用户名或密码错误");
			assertThat(browser.driver().findElement(By.id("password")).getAttribute("value")).isEmpty();
		}
		finally {
			identity.deleteUser(userId);
		}
	}

	/**
	 * A network locked after failed logins is told how long to wait, in Chinese; the
	 * administrator sees the lock with the network it came from and lifts it, and the
	 * user logs in at once.
	 */
	@Test
	void aLockedLoginSaysHowLongAndTheAdministratorSeesItsNetworkAndLiftsIt() {
		String userId = "browser-locked";
		String password = "Browser@2026lock";
		User user = identity.newUser(userId);
		user.setFirstName("锁定演示");
		user.setLastName("");
		user.setPassword(password);
		identity.saveUser(user);
		try {
			browser.submitLogin(userId, "wrong-1");
			browser.waitFor(By.cssSelector(".login-box .alert.error"));
			browser.submitLogin(userId, "wrong-2");
			browser.waitFor(By.cssSelector(".login-box .alert.error"));
			// The second failure's 2 s may pass while the browser types: a minute, as
			// after more failures.
			LoginFailureRows rows = new LoginFailureRows(jdbc);
			rows.set(userId, rows.networkOf(userId), 2, Instant.now().plusSeconds(60));
			browser.submitLogin(userId, password);
			WebElement locked = browser.waitFor(By.cssSelector(".login-box .alert.error"));
			assertThat(locked.getText()).contains("暂时锁定", "秒后重试");
			browser.screenshot("login-locked");

			browser.forgetEverything();
			browser.logIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
			browser.open("/admin/login-locks");
			WebElement row = browser.waitFor(By.cssSelector("tr.lock[data-login-id='" + userId + "']"));
			assertThat(row.findElement(By.cssSelector(".attempts")).getText()).isEqualTo("2");
			assertThat(row.findElement(By.cssSelector(".networks")).getText()).isNotBlank();
			assertThat(row.getText()).contains("锁定演示");
			browser.fullPageScreenshot("admin-login-locks");
			row.findElement(By.cssSelector("button[type='submit']")).click();
			assertThat(browser.waitFor(By.id("message")).getText()).contains("已解除“" + userId + "”的登录锁定");

			browser.forgetEverything();
			browser.logIn(userId, password);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url("/"));
		}
		finally {
			identity.deleteUser(userId);
		}
	}

	private List<String> visibleTexts(By locator) {
		return browser.driver()
			.findElements(locator)
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
	}

}
