package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A county reviewer opens 已办 from the header, finds the case the body approved, and
 * searches for it; the search's 导出 Excel is there to click.
 */
@WebIntegrationTest
class HandledCasesBrowserTest {

	private static final String ENTERPRISE = "ent-dcf";

	private static final String REVIEWER = "dcf-industry";

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Test
	void aCountyReviewerFindsTheCasesItsBodyHandled() {
		ApplicationSummary project = new SubmittedProjects(applications, identity).submitProject(ENTERPRISE);
		Task review = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(project.id()))
			.taskDefinitionKey("Task_CountyFormalReview")
			.singleResult();
		identity.setAuthentication(REVIEWER,
				identity.createGroupQuery()
					.groupMember(REVIEWER)
					.list()
					.stream()
					.map(org.camunda.bpm.engine.identity.Group::getId)
					.toList());
		try {
			tasks.claim(review.getId(), REVIEWER);
			tasks.complete(review.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，同意。"));
		}
		finally {
			identity.clearAuthentication();
		}

		try (Browser browser = Browser.start(port)) {
			browser.logIn(REVIEWER, DemoUsers.PASSWORD);
			browser.open("/");
			browser.waitFor(By.id("handled-link")).click();
			String table = browser.waitFor(By.id("handled-cases")).getText();
			assertThat(table).contains("东昌府区演示精细化工有限公司", "县级初审中", "县级形式审查");
			browser.screenshot("handled-cases-1366");

			browser.setValue(By.id("q"), "精细化工");
			WebElement unsearched = browser.driver().findElement(By.id("handled-cases"));
			browser.driver().findElement(By.cssSelector(".search-form button")).click();
			// The search answers with a new page: read the table only once the old one is
			// gone.
			browser.waitUntilGone(unsearched);
			assertThat(browser.waitFor(By.id("handled-cases")).getText()).contains("东昌府区演示精细化工有限公司");
			// 导出 Excel exports what was searched for.
			String searched = "/review/handled/export.xlsx?q=" + URLEncoder.encode("精细化工", StandardCharsets.UTF_8);
			WebElement export = browser.waitUntil(driver -> {
				WebElement link = driver.findElement(By.id("handled-export"));
				String href = link.getDomAttribute("href");
				return href != null && href.startsWith(searched) ? link : null;
			});
			assertThat(export.isDisplayed()).isTrue();
			assertThat(export.getText()).isEqualTo("导出 Excel");

			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.open("/review/handled");
			browser.waitFor(By.id("handled-cases"));
			Long overflow = (Long) browser.driver()
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).as("sideways scrolling at 390 px").isLessThanOrEqualTo(0L);
			browser.screenshot("handled-cases-390");
		}
	}

}
