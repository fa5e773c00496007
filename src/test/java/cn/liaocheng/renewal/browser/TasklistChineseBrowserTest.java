package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Tasklist as a county reviewer's Chromium (language zh-CN) shows it: Chinese labels, the ready-made filters in their
 * order, and no Camunda 8 migration banner. A task of the reviewer's county is started first so that the list is not
 * empty.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistChineseBrowserTest {

	private static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final By FILTER_NAMES = By.cssSelector("section.task-filters .task-filter .name, "
			+ "section.task-filters [cam-tasklist-filters] .name");

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	private Browser browser;

	private String deploymentId;

	@BeforeAll
	void startBrowserAndATask() {
		deploymentId = repository.createDeployment()
			.name("tasklist-zh-probe")
			.addString("tasklist-zh-probe.bpmn", """
					<?xml version="1.0" encoding="UTF-8"?>
					<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
					    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="tasklist-zh-probe-definitions"
					    targetNamespace="http://liaocheng.cn/renewal/test">
					  <bpmn:process id="tasklist-zh-probe" name="界面测试流程" isExecutable="true" camunda:historyTimeToLive="P1D">
					    <bpmn:startEvent id="start"/>
					    <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="review"/>
					    <bpmn:userTask id="review" name="县级初审（界面测试）" camunda:candidateGroups="county-371525-industry"/>
					  </bpmn:process>
					</bpmn:definitions>
					""")
			.deploy()
			.getId();
		runtime.startProcessInstanceByKey("tasklist-zh-probe");
		browser = Browser.start(port);
		browser.forgetEverything();
	}

	@AfterAll
	void stopBrowserAndRemoveTheTask() {
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			if (deploymentId != null) {
				repository.deleteDeployment(deploymentId, true);
			}
		}
	}

	@AfterEach
	void keepTheDom(org.junit.jupiter.api.TestInfo test) {
		browser.savePageSource(test.getTestMethod().orElseThrow().getName());
	}

	@Test
	void aCountyReviewerSeesTasklistInChineseWithTheReadyMadeFilters() {
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST);

		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("section.task-filters"), "我的待办"));
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("section.task-filters"), "即将超期"));
		// Select 本部门待办, which holds the task started above.
		browser.waitUntil(d -> d.findElements(FILTER_NAMES)
			.stream()
			.filter(e -> e.getText().contains("本部门待办"))
			.findFirst()
			.map(e -> {
				e.click();
				return true;
			})
			.orElse(false));
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("section.tasks-list"), "县级初审（界面测试）"));
		browser.waitUntil(visibilityOfElementLocated(By.cssSelector("section.tasks-list li.task")));
		// Away from the filter whose description shows as a tooltip while the pointer rests on it.
		new org.openqa.selenium.interactions.Actions(browser.driver())
			.moveToElement(browser.driver().findElement(By.cssSelector("section.tasks-list")))
			.perform();
		browser.screenshot("tasklist-zh");

		List<String> filterNames = browser.driver()
			.findElements(FILTER_NAMES)
			.stream()
			.map(WebElement::getText)
			// A filter shows its task count after its name, e.g. "本部门待办 1".
			.map(s -> s.replaceAll("\\s*\\(?\\d+\\)?$", "").trim())
			.filter(s -> !s.isEmpty())
			.distinct()
			.toList();
		assertThat(filterNames).as("filters in Tasklist, by priority").containsSubsequence("我的待办", "本部门待办", "即将超期");
		String page = browser.driver().findElement(By.tagName("body")).getText();
		assertThat(page).as("Chinese labels of Tasklist").contains("创建时间", "发起流程", "新建任务", "键盘快捷键");
		assertThat(page).doesNotContain("Start process", "Create task", "It is time to migrate");
		assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed))
			.as("the Camunda 8 migration banner is hidden")
			.isEmpty();
	}

	@Test
	void theWelcomePageIsInChineseToo() {
		browser.forgetEverything();
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open("/camunda/app/welcome/default/");

		browser.waitUntil(textToBePresentInElementLocated(By.tagName("body"), "个人资料"));
		browser.screenshot("welcome-zh");
		String page = browser.driver().findElement(By.tagName("body")).getText();
		assertThat(page).contains("应用").doesNotContain("Applications", "It is time to migrate");
	}

}
