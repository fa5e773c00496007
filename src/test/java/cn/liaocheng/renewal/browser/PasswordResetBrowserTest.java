package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A county officer resets a forgotten enterprise password in a real Chromium: the
 * temporary password is shown once with its validity in Beijing time, and the accountant
 * who logs in with it lands on the password change and nowhere else until it is changed.
 *
 * <p>
 * Screenshots go to target/screenshots (password-reset-shown,
 * password-reset-must-change).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class PasswordResetBrowserTest {

	private static final String NEW_PASSWORD = "Lc@Renew2026-Acct";

	@LocalServerPort
	int port;

	@Autowired
	EnterpriseRegistry registry;

	private Browser browser;

	@Test
	void theOfficerSeesTheTemporaryPasswordOnceAndTheAccountantMustChangeIt() {
		Enterprise enterprise = activeEnterprise();
		browser.forgetEverything();
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open("/county/enterprises?q=" + enterprise.userId());
		browser.setValue(By.id("verification-" + enterprise.id()), "经办人持营业执照副本和身份证到局核验");
		browser.driver()
			.findElement(By.cssSelector("form.password-reset input#verification-" + enterprise.id()))
			.findElement(By.xpath("./following-sibling::button"))
			.click();
		browser.waitUntil(alertIsPresent()).accept();
		String temporary;
		try {
			temporary = browser.waitFor(By.id("temporary-password")).getText();
		}
		finally {
			browser.savePageSource("password-reset-after-submit");
		}
		String page = browser.driver().findElement(By.tagName("main")).getText();
		browser.fullPageScreenshot("password-reset-shown");
		assertThat(temporary).hasSize(14);
		assertThat(page).contains("已设置临时密码", enterprise.userId(), "临时密码只在本页显示这一次", "72 小时");
		// Nothing the page shows of the password reaches the address bar.
		assertThat(browser.driver().getCurrentUrl()).doesNotContain(temporary);

		browser.forgetEverything();
		browser.logIn(enterprise.userId(), temporary);
		browser.open("/enterprise/applications");
		browser.waitFor(By.id("password"));
		assertThat(browser.driver().getCurrentUrl()).endsWith("/account");
		assertThat(browser.waitFor(By.id("temporary-password-notice")).getText()).contains("您正在使用", "临时密码登录",
				"请先在下方“修改密码”中设置新密码");
		browser.fullPageScreenshot("password-reset-must-change");
		browser.setValue(By.id("currentPassword"), temporary);
		browser.setValue(By.id("newPassword"), NEW_PASSWORD);
		browser.setValue(By.id("confirmPassword"), NEW_PASSWORD);
		browser.driver().findElement(By.cssSelector("#password button[type=submit]")).click();
		browser.waitFor(By.id("notice"));
		browser.open("/account");
		assertThat(browser.driver().findElements(By.id("temporary-password-notice"))).isEmpty();
		browser.open("/enterprise/applications");
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/enterprise/applications"));
	}

	private Enterprise activeEnterprise() {
		return Registrations.activeEnterprise(port, registry);
	}

}
