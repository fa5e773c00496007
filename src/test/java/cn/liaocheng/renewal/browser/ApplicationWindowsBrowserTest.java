package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The city industry bureau publishes an application window on its page in a real browser;
 * a stranger then finds it on the start page and an enterprise where it creates
 * applications. Screenshots go to target/screenshots.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class ApplicationWindowsBrowserTest {

	private Browser browser;

	@Test
	void theBureauPublishesAWindowThatStrangersAndEnterprisesThenSee() {
		// Two years ahead, clear of the demo's windows (this year) and of other classes'
		// in the shared context.
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 2;
		String title = "关于组织申报" + year + "年度第一批设备更新项目入库的通知";
		browser.forgetEverything();
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.logIn("lc-industry", DemoUsers.PASSWORD);
		browser.open("/");
		browser.waitFor(By.id("batches-link")).click();
		browser.waitFor(By.id("window-form"));
		fill(year, year + "-03-01T09:00", year + "-03-31T17:00", title);
		browser.waitUntil(d -> !d.findElements(By.cssSelector(".alert.info")).isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector(".alert.info")).getText())
			.contains("已发布申报批次：" + year + "年度项目入库申请", year + "年3月1日 09:00 至 " + year + "年3月31日 17:00");
		assertThat(browser.driver().findElement(By.id("windows")).getText()).contains(title, "未开始", "申报中");
		browser.fullPageScreenshot("batches-bureau");

		// The same time again overlaps: refused with the other window named, what was
		// typed kept.
		fill(year, year + "-03-15T09:00", year + "-04-15T17:00", "重复的批次");
		WebElement errors = browser.waitFor(By.id("window-errors"));
		assertThat(errors.getText()).contains("时间重叠", title);
		assertThat(browser.driver().findElement(By.id("noticeTitle")).getAttribute("value")).isEqualTo("重复的批次");
		browser.fullPageScreenshot("batches-bureau-overlap");

		browser.forgetEverything();
		browser.open("/");
		String notice = browser.waitFor(By.id("application-windows")).getText();
		assertThat(notice).contains("申报中", "项目入库申请", "即将开始", year + "年度项目入库申请", year + "年3月1日 09:00");
		browser.fullPageScreenshot("public-windows");

		browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		browser.open("/enterprise/applications");
		assertThat(browser.waitFor(By.id("application-windows")).getText()).contains("申报中", "截止", year + "年度项目入库申请");
		browser.fullPageScreenshot("enterprise-windows");
	}

	private void fill(int year, String opens, String closes, String title) {
		browser.driver().findElement(By.id("year")).clear();
		browser.driver().findElement(By.id("year")).sendKeys(Integer.toString(year));
		new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("kind"))).selectByValue("PROJECT");
		// datetime-local fields take their value in the ISO form whatever the browser's
		// locale shows.
		browser.driver()
			.executeScript("document.getElementById('opensAt').value = arguments[0];"
					+ "document.getElementById('closesAt').value = arguments[1];", opens, closes);
		browser.driver().findElement(By.id("noticeTitle")).clear();
		browser.driver().findElement(By.id("noticeTitle")).sendKeys(title);
		browser.driver().findElement(By.id("documentNo")).clear();
		browser.driver().findElement(By.id("documentNo")).sendKeys("聊工信字〔" + year + "〕5号");
		browser.driver().findElement(By.id("noticeText")).clear();
		browser.driver().findElement(By.id("noticeText")).sendKeys("申报范围：全市工业企业设备更新项目。\n申报材料：营业执照、项目实施方案。");
		browser.driver().findElement(By.cssSelector("#window-form button[type=submit]")).click();
	}

}
