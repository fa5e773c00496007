package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import cn.liaocheng.renewal.support.TrustedDeployment;

/**
 * Tasklist as a county reviewer's Chromium (language zh-CN) shows it: Chinese labels, the
 * ready-made filters in their order, no 发起流程 or 新建任务, and no Camunda 8 migration banner;
 * a Camunda Form's validation messages and dates in Chinese (yyyy-MM-dd), its links
 * opening a new tab, the overdue reminder in the task's history, Tasklist's error for a
 * task that is gone in Chinese; Cockpit and Admin in Chinese for the administrator. Two
 * tasks of the reviewer's county are started first, one of them with a form.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class TasklistChineseBrowserTest {

	private static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final By COMPLETE = By
		.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']");

	private static final By FILTER_NAMES = By
		.cssSelector("section.task-filters .task-filter .name, " + "section.task-filters [cam-tasklist-filters] .name");

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.TaskService tasks;

	private Browser browser;

	private String deploymentId;

	private String formTaskInstance;

	@BeforeAll
	void startATask() {
		deploymentId = TrustedDeployment
			.deploy(repository.createDeployment()
				.name("tasklist-zh-probe")
				.addString("tasklist-zh-probe.bpmn",
						"""
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
				.addString("tasklist-zh-form-probe.bpmn",
						"""
								<?xml version="1.0" encoding="UTF-8"?>
								<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
								    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="tasklist-zh-form-probe-definitions"
								    targetNamespace="http://liaocheng.cn/renewal/test">
								  <bpmn:process id="tasklist-zh-form-probe" name="表单测试流程" isExecutable="true" camunda:historyTimeToLive="P1D">
								    <bpmn:startEvent id="start"/>
								    <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="review"/>
								    <bpmn:userTask id="review" name="表单核验（界面测试）" camunda:candidateGroups="county-371525-industry"
								        camunda:formRef="tasklist-zh-form-probe" camunda:formRefBinding="latest"/>
								  </bpmn:process>
								</bpmn:definitions>
								""")
				.addString("tasklist-zh-form-probe.form", """
						{
						  "executionPlatform": "Camunda Platform",
						  "executionPlatformVersion": "7.24.0",
						  "schemaVersion": 16,
						  "id": "tasklist-zh-form-probe",
						  "type": "default",
						  "components": [
						    { "id": "Field_deadline", "type": "datetime", "subtype": "date", "key": "deadline",
						      "dateLabel": "补正期限" },
						    { "id": "Field_opinion", "type": "textfield", "key": "opinion", "label": "审查意见",
						      "validate": { "required": true } },
						    { "id": "Field_dossier", "type": "text",
						      "text": "[查看完整申报材料](/review/applications/1)" }
						  ]
						}
						"""))
			.getId();
		runtime.startProcessInstanceByKey("tasklist-zh-probe");
		formTaskInstance = runtime.startProcessInstanceByKey("tasklist-zh-form-probe", Map.of("deadline", "2026-03-15"))
			.getId();
	}

	@AfterAll
	void removeTheTask() {
		if (deploymentId != null) {
			repository.deleteDeployment(deploymentId, true);
		}
	}

	@AfterEach
	void keepTheDom(org.junit.jupiter.api.TestInfo test) {
		browser.savePageSource(test.getTestMethod().orElseThrow().getName());
	}

	@Test
	void aCountyReviewerSeesTasklistInChineseWithTheReadyMadeFilters() {
		browser.forgetEverything();
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
		// Away from the filter whose description shows as a tooltip while the pointer
		// rests on it.
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
		assertThat(page).as("Chinese labels of Tasklist").contains("创建时间", "键盘快捷键");
		assertThat(page).as("useless for reviewers, so hidden").doesNotContain("发起流程", "新建任务");
		assertThat(page).doesNotContain("Start process", "Create task", "It is time to migrate");
		assertThat(browser.driver()
			.findElements(By.cssSelector(".start-process-action, .create-task-action"))
			.stream()
			.filter(WebElement::isDisplayed)).isEmpty();
		assertThat(browser.driver()
			.findElements(By.cssSelector(".ce-eol-banner"))
			.stream()
			.filter(WebElement::isDisplayed)).as("the Camunda 8 migration banner is hidden").isEmpty();
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
		// The profile's own forms would fail for a reviewer, who may only read their
		// identity record: hidden, and the links lead to the portal's password page.
		assertThat(page).doesNotContain("编辑个人资料");
		assertThat(browser.driver().findElement(By.cssSelector(".custom-links a[href='/me/password']")).getText())
			.isEqualTo("修改密码");
	}

	@Test
	void aCamundaFormSpeaksChineseShowsDatesAsYearMonthDayAndOpensLinksInANewTab() {
		String taskId = formTask();
		browser.forgetEverything();
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?task=" + taskId);

		WebElement date = browser.waitFor(By.cssSelector("[cam-tasklist-form-camunda] .fjs-datepicker input"));
		browser.waitUntil(d -> "2026-03-15".equals(date.getAttribute("value")));
		assertThat(date.getAttribute("placeholder")).as("the date field's hint").isEqualTo("yyyy-mm-dd");
		WebElement link = browser.waitFor(By.xpath("//div[contains(@class,'fjs-form')]//a[contains(., '查看完整申报材料')]"));
		browser.waitUntil(d -> "_blank".equals(link.getAttribute("target")));
		assertThat(link.getAttribute("rel")).contains("noopener");

		browser.waitUntil(elementToBeClickable(COMPLETE)).click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".fjs-form-field-error"), "此项为必填项。"));
		date.click();
		WebElement calendar = browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));
		browser.waitUntil(d -> calendar.getText().contains("三月"));
		browser.screenshot("tasklist-form-zh");

		String form = browser.driver().findElement(By.cssSelector("[cam-tasklist-form-camunda]")).getText();
		assertThat(form).doesNotContain("Field is required", "mm/dd/yyyy");
		assertThat(calendar.getText()).contains("一", "六").doesNotContain("March", "Mon", "Sat");
		assertThat(browser.driver().findElement(By.cssSelector(".flatpickr-monthDropdown-months")).getText())
			.contains("三月")
			.doesNotContain("March");
	}

	@Test
	void theOverdueReminderShowsInTheHistoryOfTheTask() {
		String taskId = formTask();
		String reminder = "「表单核验（界面测试）」已超过办理期限，已提醒冠县工业和信息化局尽快办理。";
		tasks.createComment(taskId, formTaskInstance, reminder);
		browser.forgetEverything();
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?task=" + taskId + "&detailsTab=history");

		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task]"), reminder));
		browser.screenshot("tasklist-task-history-zh");
	}

	@Test
	void aTaskThatIsGoneIsSaidInChinese() {
		browser.forgetEverything();
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?task=00000000-0000-0000-0000-000000000000");

		browser.waitUntil(textToBePresentInElementLocated(By.tagName("body"), "该任务已不存在"));
		browser.screenshot("tasklist-task-gone-zh");
		assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("No matching task",
				"<task>", "with id");
	}

	@Test
	void cockpitAndAdminAreInChineseForTheAdministrator() {
		browser.forgetEverything();
		browser.logIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		browser.open("/camunda/app/cockpit/default/");
		firstLoad(textToBePresentInElementLocated(By.tagName("body"), "运行中的流程实例"));
		browser.screenshot("cockpit-zh");
		assertThat(bodyText()).contains("流程", "决策", "部署")
			.doesNotContain("Dashboard", "Processes", "Decisions", "Human Tasks", "Deployments",
					"Running Process Instances", "Open Incidents", "It is time to migrate");

		browser.open("/camunda/app/cockpit/default/#/processes");
		browser.waitUntil(textToBePresentInElementLocated(By.tagName("body"), "流程定义"));
		browser.waitUntil(d -> !bodyText().contains("正在加载"));
		browser.screenshot("cockpit-processes-zh");
		assertThat(bodyText()).doesNotContain("Process Definitions", "Running Instances", "Incidents");

		browser.open("/camunda/app/admin/default/");
		firstLoad(textToBePresentInElementLocated(By.tagName("body"), "授权"));
		browser.screenshot("admin-zh");
		assertThat(bodyText()).contains("用户", "组", "授权")
			.doesNotContain("Dashboard", "Users", "Groups", "Authorizations", "Tenants", "System");

		browser.open("/camunda/app/admin/default/#/users");
		browser.waitUntil(textToBePresentInElementLocated(By.tagName("body"), "用户列表"));
		browser.waitUntil(d -> !bodyText().contains("正在加载"));
		browser.screenshot("admin-users-zh");
		assertThat(bodyText()).doesNotContain("List of Users", "Create new user", "First Name", "Last Name");
	}

	/**
	 * Cockpit and Admin load some 5 MB of scripts the first time; on a busy machine that
	 * takes longer than 30 s.
	 */
	private void firstLoad(Function<? super WebDriver, ?> condition) {
		browser.waitUntil(condition, Duration.ofSeconds(120));
	}

	private String bodyText() {
		return browser.driver().findElement(By.tagName("body")).getText();
	}

	/**
	 * The form probe's task, claimed by the county reviewer as the engine would let them.
	 */
	private String formTask() {
		org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery()
			.processInstanceId(formTaskInstance)
			.singleResult();
		if (task.getAssignee() == null) {
			tasks.claim(task.getId(), DemoUsers.COUNTY_REVIEWER);
		}
		return task.getId();
	}

}
