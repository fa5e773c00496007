package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.security.AccountSessions;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 转办, 放回本部门待办, 撤回 and 催办 in Tasklist, in a real Chromium: the 办理操作 tab of the open task
 * and the 撤回 button of the navbar call the application's API with the session's CSRF
 * token, and the case history records each. Screenshots:
 * target/screenshots/tasklist-operations-*.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class ApprovalOperationsBrowserTest {

	private static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final String LEAD = "gx-industry-lead";

	private static final By PANEL = By.cssSelector(".renewal-operations");

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FilterService filters;

	@Autowired
	AccountSessions sessions;

	@Autowired
	RuntimeService runtime;

	private Browser browser;

	private CountyReviewTasks county;

	@BeforeAll
	void start() {
		county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
		if (identity.createUserQuery().userId(LEAD).count() == 0) {
			User lead = identity.newUser(LEAD);
			lead.setLastName("冠县工业和信息化局");
			lead.setFirstName("负责人");
			lead.setPassword(DemoUsers.PASSWORD);
			identity.saveUser(lead);
			identity.createMembership(LEAD, CountyReviewTasks.BODY + "-lead");
		}
	}

	@BeforeEach
	void freshSession() {
		browser.forgetEverything();
	}

	@AfterEach
	void keepTheDom(TestInfo test) {
		browser.savePageSource(test.getTestMethod().orElseThrow().getName());
	}

	@Test
	void theHolderTransfersTheTaskToAColleagueFromTheOperationsTab() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		openOperations(DemoUsers.COUNTY_REVIEWER, task);
		WebElement panel = browser.waitFor(PANEL);
		browser.waitUntil(d -> new Select(panel.findElement(By.name("to"))).getOptions().size() > 1);
		assertThat(panel.findElements(By.cssSelector("textarea, select, input, ul")))
			.as("every field and list of the panel is named for screen readers, not by a placeholder alone")
			.hasSizeGreaterThan(5)
			.allSatisfy(
					field -> assertThat(field.getAttribute("aria-label")).as(field.getAttribute("name")).isNotBlank());
		new Select(panel.findElement(By.name("to"))).selectByValue(CountyReviewTasks.COLLEAGUE);
		panel.findElement(By.name("transferReason")).sendKeys("本人下周出差，转同事办理");
		browser.screenshot("tasklist-operations-transfer-filled");
		assertThat(submit(panel, "转办")).startsWith("转办后任务即由").contains(CountyReviewTasks.COLLEAGUE, "不能撤回");
		browser
			.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-operations .alert-success"), "已转办给"));
		browser.screenshot("tasklist-operations-transferred");
		browser.waitUntilGone(panel); // Tasklist reloads after an operation;
										// then leave it
		browser.open("/review/applications/" + businessKeyOf(task));
		browser.waitUntil(textToBePresentInElementLocated(By.id("operations"), "转办"));
		browser.fullPageScreenshot("reviewer-dossier-operations");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
			.isEqualTo(CountyReviewTasks.COLLEAGUE);
		assertThat(operations(task)).containsExactly("TRANSFER");
	}

	/**
	 * 放回本部门待办: a reviewer claims a task in Tasklist, puts it back from the 办理操作 tab with
	 * a reason, and it is unclaimed in the body's list again, where a colleague may claim
	 * it.
	 */
	@Test
	void aReviewerWhoClaimedATaskByMistakePutsItBackIntoTheBodysList() {
		Task task = county.open();
		openTask(DemoUsers.COUNTY_REVIEWER, task);
		browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] button.claim")).click();
		browser.waitUntil(d -> DemoUsers.COUNTY_REVIEWER.equals(assigneeOf(task)));
		browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .assignee"));
		assertThat(shown("[cam-tasklist-task-meta] .unclaim")).as("Tasklist's ×, which the engine refuses a reviewer")
			.isEmpty();

		openTab("办理操作");
		WebElement panel = browser.waitFor(PANEL);
		browser.waitFor(By.name("releaseReason")).sendKeys("误领，不属于本人分工");
		assertThat(panel.findElement(By.name("releaseReason")).getAttribute("aria-label")).isEqualTo("放回原因");
		browser.screenshot("tasklist-operations-release-filled");
		submit(panel, "放回本部门待办");
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-operations .alert-success"),
				"已放回冠县工业和信息化局待办"));
		browser.screenshot("tasklist-operations-released");
		browser.waitUntilGone(panel); // Tasklist reloads after an operation
		assertThat(assigneeOf(task)).isNull();
		assertThat(operations(task)).containsExactly("RELEASE");
		// Reloaded, the task offers 认领 again.
		browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] button.claim"));

		String search = "[{\"type\":\"taskVariables\",\"operator\":\"eq\",\"value\":\"" + referenceNo(task)
				+ "\",\"name\":\"referenceNo\"}]";
		browser.open(TASKLIST + "#/?filter=" + departmentFilter() + "&searchQuery="
				+ URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
		By cards = By.cssSelector("section.tasks-list li.task");
		browser.waitUntil(d -> {
			List<WebElement> found = d.findElements(cards);
			return found.size() == 1 && found.get(0).getText().contains(referenceNo(task));
		});
		browser.screenshot("tasklist-operations-released-in-department-list");
		assertThat(browser.driver().findElement(cards).getText()).as("no holder on the card")
			.doesNotContain(shownNameOf(DemoUsers.COUNTY_REVIEWER));
	}

	/**
	 * Tasklist's own task administration (unclaim ×, naming another assignee, 添加组, the
	 * follow-up and due dates) needs a permission reviewers do not hold: a reviewer is
	 * not offered it, and should it show, the engine refuses and Tasklist says so in
	 * Chinese. An administrator keeps it.
	 */
	@Test
	void reviewersAreNotOfferedTheTaskAdministrationTheEngineRefusesThemAndItsRefusalIsInChinese() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		openTask(DemoUsers.COUNTY_REVIEWER, task);
		WebElement assignee = browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .assignee"));
		browser.waitUntil(d -> !assignee.getText().isBlank());
		browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .due-date"));
		assertThat(shown("[cam-tasklist-task-meta] .unclaim, [cam-tasklist-task-meta] .reset-assignee, "
				+ "[cam-tasklist-task-meta] .reset-due-date, [cam-tasklist-task-meta] .reset-follow-up-date, "
				+ "[cam-tasklist-task-meta] [translate=ADD_GROUPS], [cam-tasklist-task-meta] [translate=SET_DUE_DATE], "
				+ "[cam-tasklist-task-meta] [translate=SET_FOLLOW_UP_DATE]"))
			.isEmpty();
		// What remains is read: the due date, the follow-up date, the body and the holder
		// open no editor.
		for (String field : List.of(".due-date", ".followup-date", ".groups > span",
				".assignee [cam-widget-inline-field]")) {
			WebElement shown = browser.driver().findElement(By.cssSelector("[cam-tasklist-task-meta] " + field));
			assertThat(shown.isDisplayed()).as(field).isTrue();
			shown.click();
		}
		browser.screenshot("tasklist-task-meta-reviewer");
		assertThat(shown("[cam-tasklist-task-meta] .inline-editing, [cam-tasklist-task-meta] input, .modal-dialog"))
			.as("no editor and no 管理组 dialog opened")
			.isEmpty();

		// Shown anyway (as to an administrator), the × is refused by the engine, in
		// Chinese.
		browser.driver().executeScript("document.documentElement.classList.add('renewal-task-admin')");
		browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .unclaim")).click();
		WebElement refusal = browser.waitFor(By.cssSelector(".notifications .alert"));
		browser.waitUntil(d -> refusal.getText().contains("取消认领时出错"));
		browser.screenshot("tasklist-task-meta-refused");
		assertThat(refusal.getText()).as("the engine's refusal, in Chinese")
			.contains("您没有执行此操作的权限")
			.doesNotContainPattern("[A-Za-z]{3,}");
		assertThat(assigneeOf(task)).isEqualTo(DemoUsers.COUNTY_REVIEWER);
		// An engine text in English that reached a notification all the same is said in
		// Chinese: a missing permission as such, anything else as a general failure.
		String message = ".notifications .alert .message";
		browser.driver()
			.executeScript("document.querySelector(arguments[0]).textContent = arguments[1]", message,
					"The user with id 'gx-industry' does not have one of the following permissions: 'TASK_ASSIGN' permission on resource '"
							+ task.getId() + "' of type 'Task'");
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(message), "您没有执行此操作的权限"));
		browser.driver()
			.executeScript("document.querySelector(arguments[0]).textContent = arguments[1]", message,
					"Cannot unclaim task " + task.getId() + ": unexpected state");
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(message), "系统未能完成此操作"));
		assertThat(browser.driver().findElement(By.cssSelector(message)).getText())
			.doesNotContainPattern("[A-Za-z]{3,}");
		assertThat(browser.driver().findElement(By.cssSelector(message)).getAttribute("title"))
			.as("the engine's words kept for support")
			.contains("unexpected state");

		// The other controls fail too. Clearing the due date:
		Task before = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		browser.driver().findElement(By.cssSelector("[cam-tasklist-task-meta] .reset-due-date")).click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".notifications"), "任务保存失败"));
		// 添加组:
		browser.driver().findElement(By.cssSelector("[cam-tasklist-task-meta] .groups > span")).click();
		browser.waitFor(By.cssSelector(".groups-modal input[name=newGroup]")).sendKeys("county-371581-industry");
		browser.waitUntil(d -> d.findElement(By.cssSelector(".groups-modal form button.btn-link")).isEnabled());
		browser.driver().findElement(By.cssSelector(".groups-modal form button.btn-link")).click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".groups-modal"), "您没有执行此操作的权限"));
		browser.screenshot("tasklist-task-meta-refused-group");
		browser.driver().findElement(By.cssSelector(".modal-footer button")).click();
		browser.waitUntil(d -> d.findElements(By.cssSelector(".modal-dialog")).isEmpty());
		// Naming a colleague as the holder: a reviewer may not even look the colleague
		// up.
		browser.driver()
			.findElement(By.cssSelector("[cam-tasklist-task-meta] .assignee [cam-widget-inline-field] .glyphicon-user"))
			.click();
		WebElement input = browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .assignee input"));
		input.clear();
		input.sendKeys(CountyReviewTasks.COLLEAGUE);
		browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .assignee .has-error"));
		// Refused as it stands: the editor stays open in red and Tasklist sends nothing.
		input.sendKeys(Keys.ENTER);
		browser.screenshot("tasklist-task-meta-refused-assignee");
		Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(after.getAssignee()).isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
		assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.containsOnly(CountyReviewTasks.BODY, null);

		browser.forgetEverything();
		openTask(DemoUsers.ADMIN, task);
		browser.waitUntil(d -> !shown("[cam-tasklist-task-meta] .reset-assignee").isEmpty());
		browser.screenshot("tasklist-task-meta-administrator");
	}

	@Test
	void theHolderCopiesTheCaseToABodyItMayBeShownTo() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		openOperations(DemoUsers.COUNTY_REVIEWER, task);
		WebElement panel = browser.waitFor(PANEL);
		browser.waitUntil(d -> new Select(panel.findElement(By.name("copyBody"))).getOptions().size() > 1);
		java.util.List<String> offered = new Select(panel.findElement(By.name("copyBody"))).getOptions()
			.stream()
			.map(o -> o.getAttribute("value"))
			.filter(v -> !v.isEmpty())
			.toList();
		assertThat(offered).as("city bodies and 冠县's departments only, no bank for a project")
			.contains("city-ecology", "county-371525-finance")
			.allMatch(v -> v.startsWith("city-") || v.startsWith("county-371525-"));
		new Select(panel.findElement(By.name("copyBody"))).selectByValue("city-ecology");
		panel.findElement(By.name("copyReason")).sendKeys("涉及环保审批，请知悉");
		browser.screenshot("tasklist-operations-copy-filled");
		assertThat(submit(panel, "抄送")).isEqualTo("抄送后聊城市生态环境局即可查看本案件的卷宗（只读），抄送不能撤回。确定抄送？");
		browser.waitUntil(
				textToBePresentInElementLocated(By.cssSelector(".renewal-operations .alert-success"), "已抄送聊城市生态环境局"));
		assertThat(operations(task)).containsExactly("COPY");
	}

	@Test
	void theHolderPicksOnePersonOfABodyToCopyToAndNothingIsSentUntilTheQuestionIsAccepted() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		openOperations(DemoUsers.COUNTY_REVIEWER, task);
		WebElement panel = browser.waitFor(PANEL);
		browser.waitUntil(d -> new Select(panel.findElement(By.name("copyBody"))).getOptions().size() > 1);
		assertThat(panel.findElement(By.name("copyPerson")).isEnabled()).as("no body chosen yet").isFalse();
		new Select(panel.findElement(By.name("copyBody"))).selectByValue("city-finance");
		browser.waitUntil(d -> new Select(panel.findElement(By.name("copyPerson"))).getOptions()
			.stream()
			.anyMatch(o -> o.getAttribute("value").equals("lc-finance")));
		assertThat(new Select(panel.findElement(By.name("copyPerson"))).getOptions())
			.extracting(o -> o.getAttribute("value"))
			.as("the finance bureau's people only")
			.allMatch(v -> v.isEmpty() || v.startsWith("lc-finance"));
		new Select(panel.findElement(By.name("copyPerson"))).selectByValue("lc-finance");
		panel.findElement(By.name("copyReason")).sendKeys("请财政局经办人员知悉资金安排");
		browser.screenshot("tasklist-operations-copy-person");
		// A choice changed while the question is open closes it: it no longer says what
		// 确定 would do.
		WebElement copyButton = panel.findElements(By.cssSelector("button.renewal-op-submit"))
			.stream()
			.filter(b -> b.getText().strip().equals("抄送"))
			.findFirst()
			.orElseThrow();
		copyButton.click();
		WebElement open = browser.waitUntil(d -> copyButton.findElement(By.xpath("./ancestor::section[1]"))
			.findElements(By.cssSelector(".renewal-op-confirm"))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
		panel.findElement(By.name("copyReason")).sendKeys("。");
		browser.waitUntil(d -> !open.isDisplayed() && copyButton.isEnabled());
		String question = submit(panel, "抄送", false);
		assertThat(question).startsWith("抄送后聊城市财政局").contains("lc-finance", "不能撤回");
		assertThat(operations(task)).as("dismissed: nothing sent").isEmpty();
		assertThat(copiesOf(task)).isEmpty();
		submit(panel, "抄送");
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-operations .alert-success"), "已抄送"));
		assertThat(operations(task)).containsExactly("COPY");
		assertThat(copiesOf(task)).as("the person, not the body").containsExactly("user lc-finance");
	}

	@Test
	void aLeadUrgesAnEscalatedTaskFromTheOperationsTab() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		tasks.addCandidateGroup(task.getId(), CountyReviewTasks.BODY + "-lead"); // as the
																					// overdue
																					// check
																					// escalates
		openOperations(LEAD, task);
		WebElement panel = browser.waitFor(PANEL);
		browser.waitFor(By.name("urgeReason")).sendKeys("已超期，请今日办结");
		assertThat(panel.findElements(By.name("transferReason")))
			.as("a lead who does not hold the task is not offered 转办")
			.isEmpty();
		submit(panel, "催办");
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-operations .alert-success"), "已催办"));
		browser.screenshot("tasklist-operations-urged");
		assertThat(operations(task)).containsExactly("URGE");
	}

	@Test
	void aLeadReassignsAnEscalatedTaskOfAnAbsentHolderToAColleague() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		tasks.addCandidateGroup(task.getId(), CountyReviewTasks.BODY + "-lead"); // escalated
		openOperations(LEAD, task);
		WebElement panel = browser.waitFor(PANEL);
		browser.waitUntil(d -> new Select(panel.findElement(By.name("reassignTo"))).getOptions().size() > 1);
		new Select(panel.findElement(By.name("reassignTo"))).selectByValue(CountyReviewTasks.COLLEAGUE);
		panel.findElement(By.name("reassignReason")).sendKeys("原办理人病假，改由同事办理");
		browser.screenshot("tasklist-operations-reassign-filled");
		submit(panel, "改派");
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-operations .alert-success"), "已改派"));
		browser.screenshot("tasklist-operations-reassigned");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
			.isEqualTo(CountyReviewTasks.COLLEAGUE);
		assertThat(operations(task)).containsExactly("REASSIGN");
	}

	/**
	 * The lead finds a task a colleague holds, not overdue, in their own filter 本部门在办 and
	 * takes it back into the body's pool (收回) from the task's 办理操作 tab.
	 */
	@Test
	void aLeadFindsAColleaguesTaskInTheirFilterAndTakesItBackFromTheOperationsTab() {
		Task task = county.heldBy(CountyReviewTasks.COLLEAGUE);
		String filter = filters.createTaskFilterQuery().filterName("本部门在办").singleResult().getId();
		browser.logIn(LEAD, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?filter=" + filter);
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("section.task-filters"), "本部门在办"));
		browser.waitFor(By.cssSelector("section.tasks-list li.task h4.task a[href*='" + task.getId() + "']")).click();
		WebElement tab = browser.waitUntil(d -> d.findElements(By.cssSelector("ul.nav-tabs li a"))
			.stream()
			.filter(a -> a.getText().contains("办理操作"))
			.findFirst()
			.orElse(null));
		browser.screenshot("tasklist-lead-filter");
		tab.click();
		WebElement panel = browser.waitFor(PANEL);
		browser.waitFor(By.name("reassignReason")).sendKeys("办理人请假，收回本部门待办");
		submit(panel, "改派");
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-operations .alert-success"), "已收回"));
		browser.screenshot("tasklist-lead-taken-back");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
		assertThat(operations(task)).containsExactly("REASSIGN");
	}

	/**
	 * A lead opens a waiting task of the body from 本部门待办 and reads it: no 认领, which the
	 * engine would refuse, and its keyboard shortcut does nothing. Once the task is
	 * escalated to the lead group, 认领 is there, and the shortcut claims it.
	 */
	@Test
	void aLeadIsNotOfferedTheClaimOfATaskTheyOnlyReadUntilItIsEscalatedToThem() throws InterruptedException {
		Task task = county.open();
		browser.logIn(LEAD, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?filter=" + departmentFilter());
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("section.task-filters"), "本部门待办"));
		By card = By
			.xpath("//section[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//h4//a[contains(@href,'"
					+ task.getId() + "')]]");
		browser.waitFor(By
			.xpath("//section[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//h4//a[contains(@href,'"
					+ task.getId() + "')]]//span[contains(@class,'renewal-county')]")); // the
																						// card's
																						// answer
																						// is
																						// in
		assertThat(browser.driver().findElement(card).findElements(By.cssSelector("input.renewal-select")))
			.as("no 批量认领 check box on a task the lead only reads")
			.isEmpty();
		assertThat(browser.driver().findElement(By.cssSelector("button.renewal-select-all")).isEnabled())
			.as("nothing on the page to select")
			.isFalse();
		browser.waitFor(By.cssSelector("section.tasks-list li.task h4.task a[href*='" + task.getId() + "']")).click();
		WebElement unclaimed = browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .renewal-not-claimable"));
		assertThat(unclaimed.getText()).isEqualTo("尚未认领");
		browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] .groups"));
		browser.screenshot("tasklist-lead-reads-without-claim");
		assertThat(browser.driver().findElements(By.cssSelector("[cam-tasklist-task-meta] button.claim")))
			.as("Tasklist's button is there, not shown")
			.isNotEmpty()
			.noneMatch(WebElement::isDisplayed);
		assertThat(browser.driver().findElements(By.cssSelector("a.createCommentLink")))
			.as("nor 添加意见, a note the engine refuses the lead")
			.isNotEmpty()
			.noneMatch(WebElement::isDisplayed);
		claimShortcut();
		Thread.sleep(1500); // time for a claim's answer, had one been sent
		assertThat(shown(".notifications .alert")).as("no refused claim").isEmpty();
		assertThat(assigneeOf(task)).isNull();

		tasks.addCandidateGroup(task.getId(), CountyReviewTasks.BODY + "-lead"); // escalated
		browser.driver().navigate().refresh();
		browser.waitFor(By.cssSelector("[cam-tasklist-task-meta] button.claim"));
		browser.waitUntil(d -> !d.findElement(card).findElements(By.cssSelector("input.renewal-select")).isEmpty());
		assertThat(browser.driver().findElement(By.cssSelector("button.renewal-select-all")).isEnabled()).isTrue();
		browser.waitUntil(d -> d.findElement(By.cssSelector("a.createCommentLink")).isDisplayed());
		browser.screenshot("tasklist-lead-escalated-claim");
		assertThat(shown("[cam-tasklist-task-meta] .renewal-not-claimable")).isEmpty();
		claimShortcut();
		browser.waitUntil(d -> LEAD.equals(assigneeOf(task)));
	}

	/** Tasklist's keyboard shortcut for claiming the open task (config.js). */
	private void claimShortcut() {
		new org.openqa.selenium.interactions.Actions(browser.driver()).keyDown(Keys.CONTROL)
			.keyDown(Keys.ALT)
			.sendKeys("c")
			.keyUp(Keys.ALT)
			.keyUp(Keys.CONTROL)
			.perform();
	}

	@Test
	void theReviewerTakesBackAnApprovedStepFromTheNavbar() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		tasks.complete(task.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，同意"));
		WebElement mine = withdrawableInNavbar(task, "县级形式审查");
		mine.findElement(By.name("withdrawReason")).sendKeys("意见写错，需要更正");
		browser.screenshot("tasklist-operations-withdraw-list");
		assertThat(submit(mine, "撤回")).contains("回到您的待办重新办理，原来的意见不再作为结论");
		browser.waitUntil(d -> mine.getText().contains("已撤回"));
		browser.screenshot("tasklist-operations-withdrawn");
		Task again = tasks.createTaskQuery()
			.processInstanceId(task.getProcessInstanceId())
			.taskDefinitionKey(CountyReviewTasks.FORMAL_REVIEW)
			.singleResult();
		assertThat(again.getAssignee()).isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(operations(task)).containsExactly("WITHDRAW");
	}

	@Test
	void theReviewerTakesBackAMistakenReturnForCorrectionFromTheNavbar() throws InterruptedException {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		tasks.complete(task.getId(), Map.of("decision", "RETURN", "opinion", "请补充上传加盖公章的营业执照副本"));
		String key = businessKeyOf(task);
		for (int i = 0; i < 100 && tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey("Task_EnterpriseCorrection")
			.count() == 0; i++) {
			Thread.sleep(100); // the correction opens in a job of its own
		}
		WebElement mine = withdrawableInNavbar(task, "退回补正");
		assertThat(mine.getText()).contains("县级形式审查", "撤回后补正结束，企业将收到无需补正的通知");
		mine.findElement(By.name("withdrawReason")).sendKeys("材料其实齐全，退回有误");
		browser.screenshot("tasklist-operations-withdraw-return");
		assertThat(submit(mine, "撤回退回补正")).contains("企业将收到无需补正的通知");
		browser.waitUntil(d -> mine.getText().contains("已撤回"));
		assertThat(mine.getText()).contains("已通知企业无需补正");
		browser.screenshot("tasklist-operations-return-withdrawn");
		Task again = tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(CountyReviewTasks.FORMAL_REVIEW)
			.singleResult();
		assertThat(again.getAssignee()).isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).as("the correction ended")
			.isEqualTo(1);
	}

	@Test
	void theCityIndustryBureauAddsABodyToTheJointReview() {
		Task formal = county.open();
		String key = businessKeyOf(formal);
		tasks.complete(formal.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，同意"));
		completeOnly(key, "Task_CountyRecommendation");
		completeOnly(key, "Task_CityAcceptance");
		// Routing the joint review is an asynchronous job, which the job executor runs.
		Task industryJoint = browser.waitUntil(d -> tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey("Task_JointReview")
			.taskCandidateGroup("city-industry")
			.singleResult());
		long before = tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey("Task_JointReview")
			.count();

		openOperations("lc-industry", industryJoint);
		WebElement add = browser.waitFor(By.cssSelector(".renewal-op-add section"));
		browser.waitUntil(d -> new Select(add.findElement(By.name("body"))).getOptions().size() > 1);
		new Select(add.findElement(By.name("body"))).selectByValue("finance");
		add.findElement(By.name("addReason")).sendKeys("项目涉及财政资金，请市财政局参加联审");
		assertThat(submit(add, "加签")).contains("联审等其提出意见后才结束");
		browser
			.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-op-add .alert-success"), "已加签聊城市财政局"));
		browser.screenshot("tasklist-operations-joint-review-body-added");
		assertThat(
				tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_JointReview").count())
			.isEqualTo(before + 1);
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).taskCandidateGroup("city-finance").count())
			.isEqualTo(1);
	}

	@Test
	void aSavedOpinionPhraseIsOfferedAboveTheOpinionFieldOfTheForm() throws InterruptedException {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		jdbc.sql("DELETE FROM opinion_phrase WHERE user_id = ?").param(DemoUsers.COUNTY_REVIEWER).update();
		openOperations(DemoUsers.COUNTY_REVIEWER, task);
		WebElement panel = browser.waitFor(PANEL);
		WebElement phrase = browser.waitFor(By.name("phraseText"));
		phrase.sendKeys("材料齐全，符合申报条件，同意。");
		panel.findElement(By.cssSelector("button.renewal-phrase-add")).click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-phrase-list"), "材料齐全，符合申报条件，同意。"));

		browser.driver()
			.findElements(By.cssSelector("ul.nav-tabs li a"))
			.stream()
			.filter(a -> a.getText().strip().equals("表单"))
			.findFirst()
			.orElseThrow()
			.click();
		WebElement pick = browser.waitFor(By.cssSelector(".fjs-form .renewal-phrase-pick"));
		browser.waitUntil(d -> new Select(pick).getOptions().size() > 1);
		new Select(pick).selectByVisibleText("材料齐全，符合申报条件，同意。");
		WebElement opinion = pick
			.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]//textarea"));
		browser.waitUntil(d -> opinion.getAttribute("value").contains("材料齐全，符合申报条件，同意。"));
		// Picked after words of one's own, a phrase begins a sentence of its own.
		opinion.sendKeys("附件已核对");
		// As a reviewer does, not within the instant of typing: the form takes what is
		// typed into its own state a moment later, and a phrase picked before that would
		// be drawn over by the typing.
		Thread.sleep(600);
		new Select(pick).selectByVisibleText("材料齐全，符合申报条件，同意。");
		browser.waitUntil(d -> opinion.getAttribute("value").endsWith("附件已核对；材料齐全，符合申报条件，同意。"));
		browser.screenshot("tasklist-operations-phrase-in-form");
	}

	/**
	 * What a reviewer types and chooses in the form and has not completed is kept in this
	 * browser under their name: it is back after a switch to 办理操作, after a reload (which
	 * 抄送 and 加签 do), and after signing in again; it is gone once the task is completed,
	 * and a logout forgets it.
	 */
	@Test
	void anOpinionTypedAndNotCompletedSurvivesTheOperationsTabAReloadAndASignInAgain() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		String kept = "renewal.formDraft:" + DemoUsers.COUNTY_REVIEWER + ":" + task.getId();
		openTask(DemoUsers.COUNTY_REVIEWER, task);
		By opinion = By.cssSelector(".fjs-form .fjs-form-field-textarea textarea");
		By returnForCorrection = By
			.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='退回补正']/input");
		WebElement choice = browser.waitFor(returnForCorrection);
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", choice);
		choice.click();
		browser.waitFor(opinion).sendKeys("发票复印件不清晰，请补充原件扫描件");

		openTab("办理操作");
		browser.waitFor(PANEL);
		openTab("表单");
		browser.waitUntil(d -> "发票复印件不清晰，请补充原件扫描件".equals(d.findElement(opinion).getAttribute("value")));
		assertThat(browser.waitFor(returnForCorrection).isSelected()).isTrue();
		assertThat(browser.waitFor(By.cssSelector(".renewal-draft-restored")).getText()).contains("已恢复您在本机",
				"填写而未提交的内容");
		browser.screenshot("tasklist-form-draft-restored");

		// Typed on after the restore: the draft follows.
		browser.driver().findElement(opinion).sendKeys("。");
		browser.driver().navigate().refresh();
		browser.waitUntil(d -> !d.findElements(opinion).isEmpty()
				&& "发票复印件不清晰，请补充原件扫描件。".equals(d.findElement(opinion).getAttribute("value")));

		// Signed out by the session's end and in again: Tasklist's own form is empty, the
		// draft is put back.
		browser.driver().manage().deleteAllCookies();
		openTask(DemoUsers.COUNTY_REVIEWER, task);
		browser.waitUntil(d -> !d.findElements(opinion).isEmpty()
				&& "发票复印件不清晰，请补充原件扫描件。".equals(d.findElement(opinion).getAttribute("value")));
		assertThat(storageKeys()).contains(kept);

		// The login page after a logout (the session ended) forgets every draft of this
		// browser.
		browser.driver().manage().deleteAllCookies();
		browser.open("/login?logout");
		browser.waitUntil(d -> !storageKeys().contains(kept));

		// A draft of a task handed to a colleague meanwhile is dropped at the next visit;
		// so is one of a task completed meanwhile.
		openTask(DemoUsers.COUNTY_REVIEWER, task);
		browser.waitFor(opinion).sendKeys("同意");
		browser.waitUntil(d -> storageKeys().contains(kept));
		tasks.setAssignee(task.getId(), CountyReviewTasks.COLLEAGUE);
		browser.open(TASKLIST);
		browser.waitUntil(d -> !storageKeys().contains(kept));

		tasks.setAssignee(task.getId(), DemoUsers.COUNTY_REVIEWER);
		browser.open(TASKLIST + "#/?task=" + task.getId());
		browser.waitFor(opinion).sendKeys("同意");
		browser.waitUntil(d -> storageKeys().contains(kept));
		tasks.complete(task.getId(), Map.of("decision", "APPROVE", "opinion", "同意"));
		browser.open(TASKLIST);
		browser.waitUntil(d -> !storageKeys().contains(kept));
	}

	@SuppressWarnings("unchecked")
	private List<String> storageKeys() {
		return (List<String>) browser.driver().executeScript("return Object.keys(window.localStorage);");
	}

	/**
	 * The county reviewer's 撤回 panel, opened from Tasklist's navbar: the entry of
	 * {@code task}'s case whose description contains {@code described}.
	 */
	private WebElement withdrawableInNavbar(Task task, String described) {
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST);
		browser.waitFor(By.cssSelector("button.renewal-withdraw-open")).click();
		By item = By
			.xpath("//div[contains(@class,'renewal-withdraw-panel')]//section[.//p[contains(.,'" + described + "')]]");
		browser.waitFor(item);
		return browser.driver()
			.findElements(item)
			.stream()
			.filter(e -> e.getText().contains(referenceNo(task)))
			.findFirst()
			.orElseThrow();
	}

	private void completeOnly(String key, String step) {
		Task task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(step).singleResult();
		tasks.complete(task.getId(), Map.of("decision", "APPROVE", "opinion", "同意"));
	}

	private String businessKeyOf(Task task) {
		return jdbc.sql("SELECT business_key_ FROM act_ru_execution WHERE proc_inst_id_ = ? AND parent_id_ IS NULL")
			.param(task.getProcessInstanceId())
			.query(String.class)
			.single();
	}

	private void openOperations(String user, Task task) {
		openTask(user, task);
		openTab("办理操作");
	}

	/**
	 * Signed out while a task is open (the session ended at lunch), the reviewer's next
	 * click in Tasklist leads to the system's login page, which says the login expired
	 * and carries the page and the place in it; logging in there lands on the same task
	 * and tab, not the start page. A link to the task opened while signed out does the
	 * same.
	 */
	@Test
	void aReviewerSignedOutLandsOnTheSameTaskAfterLoggingInAgain() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		By opinion = By.cssSelector(".fjs-form .fjs-form-field-textarea textarea");
		openTask(DemoUsers.COUNTY_REVIEWER, task);
		browser.waitFor(opinion);

		// The session ends on the server, as at the end of its idle time; the browser
		// keeps its cookie.
		sessions.end(DemoUsers.COUNTY_REVIEWER, null);
		openTab("历史");
		browser.waitUntil(d -> d.getCurrentUrl().startsWith(browser.url("/login?expired")));
		String loginPage = browser.driver().getCurrentUrl();
		assertThat(loginPage).contains("next=%2Fcamunda%2Fapp%2Ftasklist%2Fdefault%2F", "task=" + task.getId(),
				"detailsTab=");
		assertThat(browser.waitFor(By.cssSelector(".login-box .alert.info")).getText()).isEqualTo("登录已超时，请重新登录。");
		browser.screenshot("login-expired-from-tasklist");

		// That login page, in a browser holding nothing else of the old session.
		browser.forgetEverything();
		browser.open(loginPage.substring(browser.url("").length()));
		logInBack();
		assertThat(browser.driver().getCurrentUrl()).contains("task=" + task.getId());
		browser.waitFor(
				By.xpath("//ul[contains(@class,'nav-tabs')]/li[contains(@class,'active')]/a[normalize-space(.)='历史']"));

		// The link in a message or an e-mail, opened while signed out.
		browser.forgetEverything();
		browser.open(TASKLIST + "#/?task=" + task.getId());
		browser.waitUntil(d -> d.getCurrentUrl().startsWith(browser.url("/login")));
		logInBack();
		assertThat(browser.driver().getCurrentUrl()).contains("task=" + task.getId());
		browser.waitFor(opinion);

		// A login of its own, later in the same tab, goes to the start page.
		browser.driver().manage().deleteAllCookies();
		browser.open("/login");
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url("/"));
	}

	/**
	 * 抄送我的 in Tasklist's navbar lists the copies newest first, with a search by 申报编号 or
	 * project name and the page it shows.
	 */
	@Test
	void copiesToMeAreFoundByTheirReferenceNumberInTasklist() {
		Task task = county.heldBy(DemoUsers.COUNTY_REVIEWER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		String referenceNo = jdbc.sql("SELECT reference_no FROM application WHERE id = ?")
			.param(applicationId)
			.query(String.class)
			.single();
		jdbc.sql("""
				INSERT INTO case_copy (application_id, recipient_user, actor, reason, created_at)
				VALUES (?, ?, ?, '请知悉发票核验情况', CURRENT_TIMESTAMP)""")
			.params(applicationId, DemoUsers.CITY_REVIEWER, DemoUsers.COUNTY_REVIEWER)
			.update();
		browser.logIn(DemoUsers.CITY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST);
		browser.waitUntil(elementToBeClickable(By.cssSelector(".renewal-copies-open"))).click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-copy-list"), referenceNo));
		assertThat(browser.waitFor(By.cssSelector(".renewal-copy-pager")).getText()).contains("第 1 页", "每页 50 件");

		WebElement box = browser.waitFor(By.cssSelector(".renewal-copy-search input[type=search]"));
		box.sendKeys("没有这个编号");
		browser.driver().findElement(By.cssSelector(".renewal-copy-search button[type=submit]")).click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-copy-results"), "没有找到"));
		box.clear();
		box.sendKeys(referenceNo);
		browser.driver().findElement(By.cssSelector(".renewal-copy-search button[type=submit]")).click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-copy-list"), "请知悉发票核验情况"));
		browser.screenshot("tasklist-copies-to-me");
	}

	/**
	 * Logs the county reviewer in on the login page a signed-out Tasklist led to, once
	 * the page has put the place to return to into its form, and waits for Tasklist.
	 */
	private void logInBack() {
		browser.waitUntil(d -> !d.findElements(By.cssSelector("form.login-form input[name='fragment']")).isEmpty());
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.waitUntil(d -> d.getCurrentUrl().startsWith(browser.url(TASKLIST)));
	}

	private void openTask(String user, Task task) {
		browser.logIn(user, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?task=" + task.getId());
	}

	private void openTab(String label) {
		WebElement tab = browser.waitUntil(d -> d.findElements(By.cssSelector("ul.nav-tabs li a"))
			.stream()
			.filter(a -> a.getText().contains(label))
			.findFirst()
			.orElse(null));
		tab.click();
	}

	/** The elements of the page matching {@code css} that are displayed. */
	private List<WebElement> shown(String css) {
		return browser.driver().findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
	}

	private String assigneeOf(Task task) {
		return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	/** A user's name as Tasklist shows a holder: first name, then last name. */
	private String shownNameOf(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		return user.getFirstName() + " " + user.getLastName();
	}

	private String departmentFilter() {
		return filters.createTaskFilterQuery().filterName("本部门待办").singleResult().getId();
	}

	/**
	 * Clicks the operation's button and answers 确定 to the question it asks under it
	 * first; answers the question.
	 */
	private String submit(WebElement section, String label) {
		return submit(section, label, true);
	}

	private String submit(WebElement section, String label, boolean accept) {
		WebElement button = section.findElements(By.cssSelector("button.renewal-op-submit"))
			.stream()
			.filter(b -> b.getText().strip().equals(label))
			.findFirst()
			.orElseThrow();
		button.click();
		WebElement operation = button.findElement(By.xpath("./ancestor::section[1]"));
		WebElement question = browser.waitUntil(d -> operation.findElements(By.cssSelector(".renewal-op-confirm"))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
		String text = question.findElement(By.cssSelector(".renewal-op-question")).getText();
		browser.screenshot("tasklist-operations-question");
		assertThat(button.isEnabled()).as("held while the question is open").isFalse();
		question.findElement(By.cssSelector(accept ? ".renewal-op-yes" : ".renewal-op-no")).click();
		if (!accept) {
			browser.waitUntil(d -> !question.isDisplayed() && button.isEnabled());
		}
		return text;
	}

	private String referenceNo(Task task) {
		return jdbc.sql(
				"SELECT reference_no FROM application a JOIN act_ru_execution e ON e.business_key_ = CAST(a.id AS VARCHAR(64)) WHERE e.proc_inst_id_ = ? AND e.parent_id_ IS NULL")
			.param(task.getProcessInstanceId())
			.query(String.class)
			.single();
	}

	private java.util.List<String> copiesOf(Task task) {
		return jdbc.sql(
				"SELECT COALESCE('group ' || c.recipient_group, 'user ' || c.recipient_user) FROM case_copy c JOIN act_hi_procinst p ON p.business_key_ = CAST(c.application_id AS VARCHAR(64)) WHERE p.proc_inst_id_ = ? ORDER BY c.id")
			.param(task.getProcessInstanceId())
			.query(String.class)
			.list();
	}

	private java.util.List<String> operations(Task task) {
		return jdbc.sql(
				"SELECT r.operation FROM review_operation r JOIN act_hi_procinst p ON p.business_key_ = CAST(r.application_id AS VARCHAR(64)) WHERE p.proc_inst_id_ = ? ORDER BY r.id")
			.param(task.getProcessInstanceId())
			.query(String.class)
			.list();
	}

}
