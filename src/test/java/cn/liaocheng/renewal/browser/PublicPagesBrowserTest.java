package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The pages a stranger or a phone user meets first, in a real browser at desktop (1366
 * px) and phone (390 px) width: the start page, an error page, the notice board and the
 * verification page. Nothing may run off the screen to the side, and the header's parts
 * may not overlap. Screenshots go to target/screenshots.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class PublicPagesBrowserTest {

	private Browser browser;

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 1366, 390 })
	void publicPagesFitTheScreenWithoutOverlapOrSidewaysScrolling(int width) {
		browser.forgetEverything();
		browser.driver().manage().window().setSize(new Dimension(width, 900));

		check("/", "welcome", width);
		assertThat(browser.driver().findElement(By.id("contacts")).getText()).contains("冠县工业和信息化局");
		check("/notices", "notices", width);
		check("/verify", "verify", width);
		check("/verify?code=7KQ2M9XH4P", "verify-code", width);
		// The objection lookup's answer: it is sent by POST, so it is reached through its
		// form.
		browser.open("/notices/objections");
		browser.waitFor(By.id("receipt")).sendKeys("YY-0000-0000");
		browser.driver().findElement(By.id("lookup-phone")).sendKeys("13900001111");
		browser.driver().findElement(By.cssSelector("#objection-lookup button[type=submit]")).click();
		assertThat(browser.waitFor(By.cssSelector("#objection-lookup .alert.error")).getText()).contains("没有找到该回执号的异议");
		measure("/notices/objections", "objection-lookup", width);
		check("/guide", "guide", width);
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		check("/enterprise/no-such-page", "error-404", width);
		assertThat(browser.driver().findElement(By.id("error-detail")).getText()).contains("不存在");
		check("/", "home-enterprise", width);
	}

	private void check(String path, String name, int width) {
		browser.open(path);
		measure(path, name, width);
	}

	/** Checks the page the browser shows now ({@code path}, as named in a failure). */
	private void measure(String path, String name, int width) {
		browser.fullPageScreenshot("public-" + name + "-" + width);
		long scrollWidth = ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth"))
			.longValue();
		long clientWidth = ((Number) browser.driver().executeScript("return document.documentElement.clientWidth"))
			.longValue();
		assertThat(scrollWidth).as("%s at %d px: page wider than the screen", path, width)
			.isLessThanOrEqualTo(clientWidth);
		Boolean overlap = (Boolean) browser.driver()
			.executeScript(
					"""
							const parts = [...document.querySelectorAll('header.top > *')].map(e => e.getBoundingClientRect());
							for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) {
							  const a = parts[i], b = parts[j];
							  if (a.width && b.width && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) return true;
							}
							return false;""");
		assertThat(overlap).as("%s at %d px: header parts overlap", path, width).isFalse();
	}

}
