package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A form whose security token went stale (a login in another window, or a page left open
 * past the session) is not lost: the page that explains it sends the same input again
 * with a fresh token, in a real browser at phone width.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class ExpiredFormBrowserTest {

	private Browser browser;

	@Test
	void aDraftSentWithAStaleTokenIsSavedWithItsInputAfterOneMoreClick() {
		browser.forgetEverything();
		browser.driver().manage().window().setSize(new Dimension(390, 900));
		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications/new?kind=PROJECT");
		browser.waitFor(By.id("projectName")).sendKeys("过期后重新提交的技改项目");
		browser.driver()
			.executeScript("document.querySelector('#save').form.querySelector('input[name=_csrf]').value = 'stale';");

		browser.driver().findElement(By.id("save")).click();
		browser.waitUntil(d -> d.getPageSource().contains("页面已过期"));
		browser.driver().findElement(By.cssSelector("#resubmit summary")).click();
		browser.fullPageScreenshot("form-expired-390");
		// Listed by the form's labels and words, without the form's machinery.
		assertThat(browser.driver().findElement(By.cssSelector("dl.kept")).getText()).contains("项目名称", "过期后重新提交的技改项目")
			.doesNotContain("projectName", "creationKey", "_needs", "version");
		assertThat(browser.driver().findElement(By.id("resubmit")).getAttribute("action"))
			.endsWith("/enterprise/applications");

		browser.driver().findElement(By.cssSelector("#resubmit button[type=submit]")).click();
		browser.waitUntil(d -> d.getCurrentUrl().matches(".*/enterprise/applications/\\d+.*"));
		browser.fullPageScreenshot("form-expired-resubmitted-390");
		assertThat(browser.driver().getPageSource()).contains("过期后重新提交的技改项目").contains("草稿已保存");
	}

}
