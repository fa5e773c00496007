package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.review.process.StoredNotices;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A visitor searches the public notice board and turns its pages in a real browser:
 * twenty notices a page, the search kept on the next page, nothing running off a phone's
 * screen.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class NoticeBoardBrowserTest {

	private Browser browser;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVisitorSearchesTheBoardAndTurnsItsPages() {
		String marker = "翻页" + UUID.randomUUID().toString().substring(0, 4);
		Instant now = Instant.now();
		try (StoredNotices stored = new StoredNotices(jdbc)) {
			for (int i = 1; i <= 23; i++) {
				stored.add("LC-" + marker + "-" + i, "聊城市" + marker + "精密机械有限公司", "第" + i + "号数控加工生产线更新项目",
						now.minus(30 - i, ChronoUnit.MINUTES));
			}
			browser.forgetEverything();
			browser.driver().manage().window().setSize(new Dimension(1366, 900));
			browser.open("/notices");
			browser.waitFor(By.id("notice-q")).sendKeys(marker);
			browser.driver().findElement(By.cssSelector("#notice-search button")).click();

			// The board before the search has a count too: read it once the answer's page
			// has replaced it (a count read from the page being replaced goes stale).
			assertThat(countOnceItReads("第 1 / 2 页")).isEqualTo("查到正在公示的 23 个项目，第 1 / 2 页，每页 20 个");
			assertThat(browser.driver().findElements(By.cssSelector("main .card[id^=notice-]"))).hasSize(20);
			browser.fullPageScreenshot("public-notices-search");
			WebElement next = browser.driver().findElement(By.cssSelector("#notice-pager a[rel=next]"));
			next.click();

			assertThat(countOnceItReads("第 2 / 2 页")).contains("第 2 / 2 页");
			assertThat(browser.driver().findElements(By.cssSelector("main .card[id^=notice-]"))).hasSize(3);
			assertThat(browser.driver().findElement(By.id("notice-q")).getAttribute("value")).isEqualTo(marker);
			browser.driver().manage().window().setSize(new Dimension(390, 900));
			browser.fullPageScreenshot("public-notices-page-2-390");
			long scrollWidth = ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth"))
				.longValue();
			long clientWidth = ((Number) browser.driver().executeScript("return document.documentElement.clientWidth"))
				.longValue();
			assertThat(scrollWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(clientWidth);
		}
	}

	/** The board's count line, once it names {@code page}. */
	private String countOnceItReads(String page) {
		return browser.waitUntil(d -> {
			String text = d.findElement(By.id("notice-count")).getText();
			return text.contains(page) ? text : null;
		});
	}

}
