package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A county reviewer does a formal review in Tasklist, in a real Chromium (zh-CN), on a
 * real project registration of ent-gx submitted through the application module: the task
 * is found under 本部门待办, claimed (认领), its Camunda Form shows the case in Chinese, the
 * dossier link opens the dossier page, completing without an opinion is refused by the
 * form, an opinion with a direction override is refused by the engine with a Chinese
 * reason Tasklist shows, and completing with 通过 and an opinion moves the case to the
 * county recommendation and records the opinion.
 *
 * <p>
 * Screenshots go to target/screenshots (tasklist-county-review-form, reviewer-dossier,
 * tasklist-county-review-missing-opinion, tasklist-county-review-refused-by-server,
 * tasklist-county-review-completed), the DOM at the end to target/page-sources.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class ReviewInTasklistBrowserTest {

	private static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final String FORMAL_REVIEW = "Task_CountyFormalReview";

	private static final String RECOMMENDATION = "Task_CountyRecommendation";

	private static final String COUNTY_INDUSTRY = "county-371525-industry";

	private static final String ENTERPRISE_NAME = "冠县演示轴承制造有限公司";

	private static final String APPROVE_LABEL = "通过";

	private static final By FILTER_NAMES = By
		.cssSelector("section.task-filters .task-filter .name, " + "section.task-filters [cam-tasklist-filters] .name");

	private static final By TASK_LINKS = By.cssSelector("section.tasks-list li.task h4.task a");

	/** The task's Camunda Form (form-js) inside Tasklist's task pane. */
	private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");

	private static final By CLAIM = By.cssSelector("[cam-tasklist-task-meta] button.claim, button.claim");

	private static final By COMPLETE = By
		.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']");

	private static final By FORM_ERRORS = By.cssSelector(".fjs-form-field-error");

	private static final By NOTIFICATIONS = By.cssSelector(".notifications .alert, .notifications .notification");

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private Browser browser;

	private ApplicationSummary application;

	private Task formalReview;

	@BeforeAll
	void submitAnApplication() {
		application = new SubmittedProjects(applications, identity).submitProject(DemoUsers.ENTERPRISE);
		formalReview = tasks.createTaskQuery()
			.processInstanceBusinessKey(key())
			.taskDefinitionKey(FORMAL_REVIEW)
			.singleResult();
		assertThat(formalReview).as("formal review of application %s", application.id()).isNotNull();
		assertThat(tasks.getIdentityLinksForTask(formalReview.getId()).stream().map(IdentityLink::getGroupId))
			.contains(COUNTY_INDUSTRY);
		assertThat(formalReview.getAssignee()).isNull();
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
	void countyReviewerPassesTheFormalReviewInTasklist() {
		openTheTaskFromTheDepartmentFilter();
		claimAndSeeTheChineseForm();
		openTheDossierAndComeBack();
		completingWithoutAnOpinionIsRefusedByTheForm();
		anOpinionTheServerRefusesIsShownInTasklist();
		approveWithAnOpinion();
	}

	/**
	 * The holder delegates the formal review to a colleague (委派), who fills in the
	 * conclusion and opinion and hands it back. The holder opens it in Tasklist, sees the
	 * colleague's words in the form and completes it as shown: Tasklist sends the whole
	 * form, so the opinion of record is the holder's, in the words the holder submitted,
	 * though the holder's completion no longer keeps a value the holder did not send.
	 */
	@Test
	void theHolderCompletesInTasklistWhatAColleagueFilledInAndHandedBack() {
		ApplicationSummary delegated = new SubmittedProjects(applications, identity)
			.submitProject(DemoUsers.ENTERPRISE);
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(delegated.id()))
			.taskDefinitionKey(FORMAL_REVIEW)
			.singleResult();
		tasks.claim(task.getId(), DemoUsers.COUNTY_REVIEWER);
		new CountyReviewTasks(applications, identity, tasks).ensureColleague();
		HttpResponse<String> delegation = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD)
			.postJson("/api/review/tasks/" + task.getId() + "/delegate",
					"{\"to\":\"" + CountyReviewTasks.COLLEAGUE + "\",\"reason\":\"请协助形式审查\"}");
		assertThat(delegation.statusCode()).as(delegation.body()).isEqualTo(200);
		String opinion = "同事拟写：材料齐全，同意通过（" + UUID.randomUUID().toString().substring(0, 8) + "）";
		HttpResponse<String> handedBack = new WebClient(port).withBasic(CountyReviewTasks.COLLEAGUE, DemoUsers.PASSWORD)
			.postJson("/engine-rest/task/" + task.getId() + "/submit-form",
					"{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"" + opinion
							+ "\"}}}");
		assertThat(handedBack.statusCode()).as(handedBack.body()).isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
			.isEqualTo(DemoUsers.COUNTY_REVIEWER);

		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?task=" + task.getId());
		browser.waitFor(FORM);
		browser.waitUntil(d -> delegated.referenceNo().equals(readonlyValue("申报编号")));
		WebElement textarea = browser.waitFor(Browser.formControl("审查意见", "textarea"));
		browser.waitUntil(d -> opinion.equals(textarea.getAttribute("value")));
		browser.screenshot("tasklist-delegated-review-handed-back");
		int notificationsBefore = visibleTexts(NOTIFICATIONS).size();
		browser.waitUntil(elementToBeClickable(COMPLETE)).click();
		browser.waitUntil(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0
				|| visibleTexts(NOTIFICATIONS).size() > notificationsBefore);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
			.as("Tasklist completed the handed-back review; it shows: %s", visibleTexts(NOTIFICATIONS))
			.isZero();
		assertThat(
				jdbc.sql("SELECT reviewer || '|' || decision || '|' || opinion FROM review_opinion WHERE task_id = ?")
					.param(task.getId())
					.query(String.class)
					.list())
			.containsExactly(DemoUsers.COUNTY_REVIEWER + "|APPROVE|" + opinion);
	}

	/**
	 * Portal login → Tasklist → 本部门待办 → the 县级形式审查 whose readonly fields show this
	 * application.
	 */
	private void openTheTaskFromTheDepartmentFilter() {
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST);
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("section.task-filters"), "本部门待办"));
		browser.waitUntil(d -> d.findElements(FILTER_NAMES)
			.stream()
			.filter(e -> e.getText().contains("本部门待办"))
			.findFirst()
			.map(e -> {
				e.click();
				return true;
			})
			.orElse(false));
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("section.tasks-list"), "县级形式审查"));

		// The list is newest first; other tests of the shared context may have left
		// formal reviews of ent-gx too, so the reviewer opens them in turn until the form
		// shows this application's reference number.
		int candidates = formalReviewLinks().size();
		assertThat(candidates).as("县级形式审查 tasks under 本部门待办").isPositive();
		boolean found = false;
		for (int i = 0; i < candidates && !found; i++) {
			int index = i;
			// Tasklist may redraw the list meanwhile: a link gone stale is found again.
			String href = browser.waitUntil(d -> {
				WebElement link = formalReviewLinks().get(index);
				String target = link.getAttribute("href");
				link.click();
				return target;
			});
			browser.waitUntil(urlContains(taskParameterOf(href)));
			browser.waitUntil(d -> !readonlyValue("申报编号").isEmpty());
			found = application.referenceNo().equals(readonlyValue("申报编号"));
		}
		assertThat(found).as("a 县级形式审查 in 本部门待办 shows reference number %s", application.referenceNo()).isTrue();
		assertThat(browser.driver().getCurrentUrl()).as("the task opened is the application's formal review")
			.contains(formalReview.getId());
		assertThat(readonlyValue("申报企业")).isEqualTo(ENTERPRISE_NAME);
		assertThat(readonlyValue("申报事项")).contains(SubmittedProjects.PROJECT_NAME);
	}

	private void claimAndSeeTheChineseForm() {
		WebElement claim = browser.waitUntil(elementToBeClickable(CLAIM));
		assertThat(claim.getText().strip()).as("the claim button in Chinese").isEqualTo("认领");
		claim.click();
		browser.waitUntil(invisibilityOfElementLocated(By.cssSelector("button.claim")));
		browser.waitUntil(d -> DemoUsers.COUNTY_REVIEWER
			.equals(tasks.createTaskQuery().taskId(formalReview.getId()).singleResult().getAssignee()));

		WebElement form = browser.waitFor(FORM);
		String text = form.getText();
		assertThat(text).as("the form's Chinese labels")
			.contains("县级形式审查", "申报编号", "申报企业", "申报事项", "审查结论", APPROVE_LABEL, "退回补正", "不予通过", "审查意见",
					"查看完整申报材料、设备清单、附件和历次审核意见");
		assertThat(browser.waitFor(COMPLETE).getText()).isEqualTo("完成");
		assertThat(readonlyInput("申报编号").getAttribute("readonly")).as("申报编号 is read-only").isNotNull();

		// A taller window, so that the whole form (with the complete button) is in the
		// picture.
		browser.driver().manage().window().setSize(new Dimension(1400, 1500));
		new Actions(browser.driver()).moveToElement(form).perform();
		browser.screenshot("tasklist-county-review-form");
	}

	/**
	 * The link in the form leads to the access-checked dossier page; the browser's back
	 * button returns to the task.
	 */
	private void openTheDossierAndComeBack() {
		String tasklistUrl = browser.driver().getCurrentUrl();
		String originalWindow = browser.driver().getWindowHandle();
		WebElement link = browser.waitFor(By.xpath("//div[contains(@class,'fjs-form')]//a[contains(., '查看完整申报材料')]"));
		assertThat(link.getAttribute("href")).endsWith("/review/applications/" + application.id());
		link.click();

		boolean newTab = false;
		try {
			browser.waitUntil(
					d -> d.getWindowHandles().size() > 1 || d.getCurrentUrl().contains("/review/applications/"),
					Duration.ofSeconds(10));
		}
		finally {
			if (browser.driver().getWindowHandles().size() > 1) {
				newTab = true;
				String other = browser.driver()
					.getWindowHandles()
					.stream()
					.filter(h -> !h.equals(originalWindow))
					.findFirst()
					.orElseThrow();
				browser.driver().switchTo().window(other);
			}
		}
		browser.waitUntil(urlContains("/review/applications/" + application.id()));
		WebElement heading = browser.waitFor(By.cssSelector("main .card h2"));
		assertThat(browser.documentStatus()).as("HTTP status of the dossier page").isEqualTo(200);
		assertThat(heading.getText()).contains(SubmittedProjects.PROJECT_NAME);
		String page = browser.driver().findElement(By.tagName("main")).getText();
		assertThat(page).contains(application.referenceNo(), ENTERPRISE_NAME, "91371525MA3CB7K21F", "冠县经济开发区演示路 8 号");
		String lines = browser.waitFor(By.id("equipment-lines")).getText();
		assertThat(lines).contains(SubmittedProjects.EQUIPMENT_NAME, SubmittedProjects.EQUIPMENT_MODEL);
		assertThat(page).contains("附件").contains(SubmittedProjects.ATTACHMENTS);
		// Where the case stands, as the enterprise's page says it.
		assertThat(browser.waitFor(By.id("current-step")).getText()).isEqualTo("县级初审与推荐");
		assertThat(browser.waitFor(By.id("handling")).getText()).isEqualTo("冠县工业和信息化局");
		assertThat(browser.waitFor(By.id("due-date")).getText()).contains("个工作日");
		assertThat(browser.waitFor(By.id("progress")).getText()).contains("提交申报", "县级初审与推荐", "办理中");
		browser.fullPageScreenshot("reviewer-dossier");

		if (newTab) {
			browser.driver().close();
			browser.driver().switchTo().window(originalWindow);
		}
		else {
			browser.driver().navigate().back();
		}
		browser.waitUntil(urlContains(formalReview.getId()));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(tasklistUrl);
		browser.waitFor(FORM);
		browser.waitUntil(d -> application.referenceNo().equals(readonlyValue("申报编号")));
	}

	/**
	 * form-js checks the required fields itself: nothing is sent to the engine, the task
	 * stays open.
	 */
	private void completingWithoutAnOpinionIsRefusedByTheForm() {
		browser.waitUntil(elementToBeClickable(COMPLETE)).click();

		browser.waitUntil(visibilityOfElementLocated(FORM_ERRORS));
		List<String> errors = visibleTexts(FORM_ERRORS);
		System.out.println("[ReviewInTasklistBrowserTest] form-js errors without decision and opinion: " + errors
				+ "; notifications: " + visibleTexts(NOTIFICATIONS));
		assertThat(errors).as("errors of the two required fields").hasSizeGreaterThanOrEqualTo(2);
		assertThat(errorOf("审查结论")).as("error under 审查结论").isNotEmpty();
		assertThat(errorOf("审查意见")).as("error under 审查意见").isNotEmpty();
		browser.screenshot("tasklist-county-review-missing-opinion");

		// With a decision but still no opinion the form stays invalid, and Tasklist keeps
		// 完成 disabled.
		chooseDecision(APPROVE_LABEL);
		browser.waitUntil(d -> errorOf("审查结论").isEmpty());
		assertThat(errorOf("审查意见")).as("error under 审查意见 once a decision is chosen").isNotEmpty();
		assertThat(browser.waitFor(COMPLETE).isEnabled()).as("完成 while the opinion is missing").isFalse();
		pause(Duration.ofSeconds(1));

		assertThat(tasks.createTaskQuery().taskId(formalReview.getId()).count()).as("the formal review is still open")
			.isEqualTo(1);
		assertThat(opinionsOfRecord()).as("no opinion of record yet").isEmpty();
	}

	/**
	 * form-js lets a direction override (U+202E) through; the engine's check of the form
	 * refuses the completion and Tasklist shows its Chinese reason. The task stays open
	 * and nothing is recorded.
	 */
	private void anOpinionTheServerRefusesIsShownInTasklist() {
		chooseDecision(APPROVE_LABEL);
		WebElement textarea = browser.waitFor(Browser.formControl("审查意见", "textarea"));
		textarea.clear();
		textarea.sendKeys("材料齐全\u202E件条持支合符");
		browser.waitUntil(d -> errorOf("审查意见").isEmpty());

		browser.waitUntil(elementToBeClickable(COMPLETE)).click();

		browser.waitUntil(d -> String.join("\n", visibleTexts(NOTIFICATIONS)).contains("「审查意见」"));
		assertThat(String.join("\n", visibleTexts(NOTIFICATIONS))).as("Tasklist's notification")
			.contains("提交未被接受：「审查意见」含有改变文字方向的控制字符");
		browser.screenshot("tasklist-county-review-refused-by-server");
		assertThat(tasks.createTaskQuery().taskId(formalReview.getId()).count()).as("the formal review is still open")
			.isEqualTo(1);
		assertThat(opinionsOfRecord()).as("no opinion of record yet").isEmpty();
	}

	private void approveWithAnOpinion() {
		String opinion = "材料齐全，符合实施方案的支持条件（浏览器测试 " + UUID.randomUUID().toString().substring(0, 8) + "）。";
		chooseDecision(APPROVE_LABEL);
		WebElement textarea = browser.waitFor(Browser.formControl("审查意见", "textarea"));
		textarea.clear();
		textarea.sendKeys(opinion);
		browser.waitUntil(d -> errorOf("审查意见").isEmpty());

		int notificationsBefore = visibleTexts(NOTIFICATIONS).size();
		browser.waitUntil(elementToBeClickable(COMPLETE)).click();

		// Either the engine completed the task, or Tasklist shows a new notification
		// saying why it did not (e.g. the listener's 请选择审核结论).
		browser.waitUntil(d -> tasks.createTaskQuery().taskId(formalReview.getId()).count() == 0
				|| visibleTexts(NOTIFICATIONS).size() > notificationsBefore);
		if (tasks.createTaskQuery().taskId(formalReview.getId()).count() != 0) {
			browser.screenshot("tasklist-county-review-refused");
			fail("Tasklist did not complete the formal review; it shows: " + visibleTexts(NOTIFICATIONS));
		}
		// Tasklist drops the task from the list and empties the task pane.
		browser.waitUntil(d -> d
			.findElements(By.cssSelector("section.tasks-list li.task h4.task a[href*='" + formalReview.getId() + "']"))
			.isEmpty());
		browser.waitUntil(invisibilityOfElementLocated(FORM));
		browser.screenshot("tasklist-county-review-completed");

		HistoricTaskInstance done = history.createHistoricTaskInstanceQuery()
			.taskId(formalReview.getId())
			.singleResult();
		assertThat(done.getDeleteReason()).as("how the formal review ended").isEqualTo("completed");
		assertThat(done.getAssignee()).isEqualTo(DemoUsers.COUNTY_REVIEWER);

		// The recommendation follows at once or after the job executor ran an
		// asynchronous continuation.
		Task recommendation = browser.waitUntil(
				d -> Optional
					.ofNullable(tasks.createTaskQuery()
						.processInstanceBusinessKey(key())
						.taskDefinitionKey(RECOMMENDATION)
						.singleResult())
					.orElse(null));
		assertThat(tasks.getIdentityLinksForTask(recommendation.getId()).stream().map(IdentityLink::getGroupId))
			.contains(COUNTY_INDUSTRY);
		assertThat(runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(key())
			.processDefinitionKey("county-review")
			.count()).isEqualTo(1);

		List<String> opinions = opinionsOfRecord();
		assertThat(opinions).as("the opinion of record of the formal review")
			.containsExactly(
					FORMAL_REVIEW + "|APPROVE|" + DemoUsers.COUNTY_REVIEWER + "|" + COUNTY_INDUSTRY + "|" + opinion);
		assertThat(jdbc.sql("SELECT task_id FROM review_opinion WHERE application_id = ?")
			.param(application.id())
			.query(String.class)
			.single()).isEqualTo(formalReview.getId());
	}

	// --- form-js inside Tasklist

	private List<WebElement> formalReviewLinks() {
		return browser.waitUntil(
				d -> d.findElements(TASK_LINKS).stream().filter(a -> a.getText().strip().equals("县级形式审查")).toList());
	}

	private static String taskParameterOf(String href) {
		int at = href.indexOf("task=");
		return at < 0 ? href : href.substring(at).split("&")[0];
	}

	private WebElement readonlyInput(String label) {
		return browser.driver().findElement(Browser.formControl(label, "input"));
	}

	private String readonlyValue(String label) {
		List<WebElement> inputs = browser.driver().findElements(Browser.formControl(label, "input"));
		if (inputs.isEmpty()) {
			return "";
		}
		String value = inputs.get(0).getAttribute("value");
		return value == null ? "" : value;
	}

	private String errorOf(String label) {
		return browser.driver()
			.findElements(By.xpath(Browser.formField(label) + "//*[contains(@class,'fjs-form-field-error')]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.filter(t -> !t.isBlank())
			.findFirst()
			.orElse("");
	}

	/** Clicks the radio option's label, as a user does. */
	private void chooseDecision(String optionLabel) {
		WebElement label = browser.waitUntil(elementToBeClickable(
				By.xpath(Browser.formField("审查结论") + "//label[normalize-space()='" + optionLabel + "']")));
		label.click();
		browser.waitUntil(d -> {
			String id = label.getAttribute("for");
			WebElement radio = id != null && !id.isEmpty() ? d.findElement(By.id(id)) : label
				.findElement(By.xpath("(.//input[@type='radio'] | preceding-sibling::input[@type='radio'])[1]"));
			return radio.isSelected();
		});
	}

	/**
	 * Texts of the visible matches; an element Tasklist removes while they are read (a
	 * notification fading) is skipped.
	 */
	private List<String> visibleTexts(By locator) {
		List<String> texts = new java.util.ArrayList<>();
		for (WebElement element : browser.driver().findElements(locator)) {
			try {
				if (element.isDisplayed() && !element.getText().isBlank()) {
					texts.add(element.getText());
				}
			}
			catch (org.openqa.selenium.StaleElementReferenceException gone) {
				// removed from the page between finding and reading it
			}
		}
		return texts;
	}

	// --- the case

	private String key() {
		return Long.toString(application.id());
	}

	private List<String> opinionsOfRecord() {
		return jdbc
			.sql("SELECT step, decision, reviewer, body_group, opinion FROM review_opinion WHERE application_id = ?")
			.param(application.id())
			.query((rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
