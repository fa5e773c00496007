package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A city reviewer opens 项目库 from the header, narrows it to one county, one policy task
 * and every status, and finds the case with the export link carrying the same search.
 */
@WebIntegrationTest
class LibraryBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Test
	void aCityReviewerSearchesTheLibrary() {
		ApplicationSummary project = new SubmittedProjects(applications, identity).submitProject("ent-dcf");
		try (Browser browser = Browser.start(port)) {
			browser.logIn("lc-industry", DemoUsers.PASSWORD);
			browser.open("/");
			browser.waitFor(By.id("library-nav-link")).click();
			browser.waitFor(By.id("library-filter"));
			new Select(browser.driver().findElement(By.id("division"))).selectByVisibleText("东昌府区");
			new Select(browser.driver().findElement(By.id("task"))).selectByValue("7");
			new Select(browser.driver().findElement(By.id("status"))).selectByVisibleText("全部");
			browser.setValue(By.id("q"), "精细化工");
			browser.driver().findElement(By.cssSelector("#library-filter button[type=submit]")).click();
			browser.waitUntil(d -> d.getCurrentUrl().contains("division=371502"));
			String table = browser.waitFor(By.id("library")).getText();
			assertThat(table).contains(project.referenceNo(), "东昌府区演示精细化工有限公司", "7. 加强节能降碳改造（绿色化）", "东昌府区", "县级初审中");
			assertThat(browser.driver().findElement(By.id("library-title")).getText()).contains("（全部状态）");
			assertThat(browser.driver().findElement(By.id("library-export")).getAttribute("href"))
				.contains("/review/library/export.xlsx?", "division=371502", "task=7", "status=ALL");
			browser.screenshot("library-search-1366");

			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.driver().navigate().refresh();
			browser.waitFor(By.id("library"));
			Long overflow = (Long) browser.driver()
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).as("sideways scrolling at 390 px").isLessThanOrEqualTo(0L);
			browser.screenshot("library-search-390");
		}
	}

}
