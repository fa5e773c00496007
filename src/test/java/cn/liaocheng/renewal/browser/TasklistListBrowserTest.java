package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Tasklist's list as a county reviewer uses it in Chromium: each task names its case
 * (申报编号, enterprise, kind, project) and shows the working days left; a search by 申报编号 and
 * a sorting by enterprise in one click; 批量认领 of two tasks; the unread messages in the
 * navbar. And each card's county and its 补正后重新提交 or 退回重办 label, as the city and the
 * county see them. Screenshots: target/screenshots/tasklist-list-*.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class TasklistListBrowserTest {

	private static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String CITY_INDUSTRY = "lc-industry";

	private static final By CARDS = By.cssSelector("section.tasks-list li.task");

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	FilterService filters;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskOperations operations;

	private Browser browser;

	private CountyReviewTasks county;

	@BeforeAll
	void start() {
		county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
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
	void eachTaskNamesItsCaseAndTheWorkingDaysLeftAndTheListIsSearchedAndSortedByTheCase() {
		Task onTime = county.open();
		Task late = county.open();
		LocalDate dueDay = workingDays.minusWorkingDays(LocalDate.now(CHINA), 2);
		Task current = tasks.createTaskQuery().taskId(late.getId()).singleResult();
		current.setDueDate(Date.from(dueDay.atTime(23, 59, 59).atZone(CHINA).toInstant()));
		tasks.saveTask(current);
		int lateBy = workingDays.workingDaysBetween(dueDay, LocalDate.now(CHINA));

		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?filter=" + departmentFilter());
		// Tasklist redraws its list when it refreshes, so each card is found again rather
		// than kept.
		browser.waitUntil(d -> card(onTime).getText().contains("剩余 5 个工作日"));
		browser.waitUntil(d -> card(late).getText().contains("已超期 " + lateBy + " 个工作日"));
		browser.screenshot("tasklist-list-remaining");

		String onTimeText = browser.waitUntil(d -> card(onTime).getText());
		assertThat(onTimeText).contains(referenceNo(onTime), "冠县演示轴承制造有限公司", "项目入库", "县级形式审查", "冠县轴承生产线绿色化改造");
		String onTimeClass = browser.waitUntil(d -> remainingClass(onTime));
		String lateClass = browser.waitUntil(d -> remainingClass(late));
		assertThat(onTimeClass).contains("renewal-on-time");
		assertThat(lateClass).contains("renewal-overdue");
		String header = browser.driver().findElement(By.cssSelector("[cam-sorting-choices]")).getText();
		assertThat(header).as("the sorting pill in Chinese").contains("创建时间").doesNotContain("CREATION_DATE");
		assertThat(
				browser.driver().findElement(By.cssSelector("[cam-widget-search] input")).getAttribute("placeholder"))
			.isEqualTo("筛选任务");

		// As when Tasklist builds its sorting bar and search box before its Chinese texts
		// have loaded: the raw keys are replaced by the Chinese texts.
		browser.driver()
			.executeScript(
					"""
							const walker = document.createTreeWalker(document.querySelector('[cam-sorting-choices]'), NodeFilter.SHOW_TEXT);
							for (let n = walker.nextNode(); n; n = walker.nextNode()) {
							  if (n.nodeValue.trim() === '创建时间') { n.nodeValue = 'CREATION_DATE'; }
							}
							document.querySelector('[cam-widget-search] input').setAttribute('placeholder', 'SEARCH_PLACEHOLDER');""");
		browser.waitUntil(d -> {
			String bar = d.findElement(By.cssSelector("[cam-sorting-choices]")).getText();
			String placeholder = d.findElement(By.cssSelector("[cam-widget-search] input")).getAttribute("placeholder");
			return bar.contains("创建时间") && !bar.contains("CREATION_DATE") && "筛选任务".equals(placeholder);
		});

		// Search by 申报编号, as the search pill keeps it in the address.
		String search = "[{\"type\":\"taskVariables\",\"operator\":\"eq\",\"value\":\"" + referenceNo(late)
				+ "\",\"name\":\"referenceNo\"}]";
		browser.open(TASKLIST + "#/?filter=" + departmentFilter() + "&searchQuery="
				+ URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
		browser.waitUntil(d -> {
			List<WebElement> cards = d.findElements(CARDS);
			return cards.size() == 1 && cards.get(0).getText().contains(referenceNo(late));
		});
		browser.waitFor(By.cssSelector("li.task .renewal-remaining"));
		browser.screenshot("tasklist-list-search");
		assertThat(browser.driver().findElement(By.cssSelector("[cam-widget-search]")).getText()).contains("任务变量",
				referenceNo(late));

		// Sorted by enterprise in one click; the sorting pill names the variable by its
		// label.
		browser.driver().findElement(By.cssSelector("[cam-widget-search] a.remove-search")).click();
		card(onTime);
		new Select(browser.waitFor(By.cssSelector("select.renewal-sort"))).selectByValue("enterpriseName");
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector("[cam-sorting-choices]"), "申报企业"));
		assertThat(browser.driver().getCurrentUrl()).contains("taskVariable").contains("enterpriseName");
		browser.waitFor(CARDS);
		browser.screenshot("tasklist-list-sorted");
	}

	@Test
	void twoSelectedTasksAreClaimedInOneAction() {
		Task first = county.open();
		Task second = county.open();
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?filter=" + departmentFilter());
		for (Task task : List.of(first, second)) {
			WebElement box = card(task).findElement(By.cssSelector("input.renewal-select"));
			box.click();
		}
		WebElement claim = browser.waitFor(By.cssSelector("button.renewal-batch-claim"));
		browser.waitUntil(d -> claim.getText().contains("已选 2 项"));
		browser.screenshot("tasklist-list-selected");
		claim.click();
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-claim-result"), "已认领 2 项"));
		browser.screenshot("tasklist-list-claimed");
		assertThat(browser.driver().findElement(By.cssSelector(".renewal-claim-result")).getText())
			.contains(referenceNo(first), referenceNo(second));
		assertThat(tasks.createTaskQuery().taskId(first.getId()).singleResult().getAssignee())
			.isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(tasks.createTaskQuery().taskId(second.getId()).singleResult().getAssignee())
			.isEqualTo(DemoUsers.COUNTY_REVIEWER);
		// After the list reloads, the result is still shown and the cards show the new
		// assignee.
		browser.waitUntil(d -> !card(first).findElements(By.cssSelector("h5.assignee")).isEmpty());
		browser.waitUntil(textToBePresentInElementLocated(By.cssSelector(".renewal-claim-result"), "已认领 2 项"));
		browser.screenshot("tasklist-list-claimed-reloaded");
	}

	@Test
	void theNavbarShowsTheUnreadMessagesAndLinksToTheMessageCentre() {
		county.open(); // a new task of the body: a notice for each member
		long unread = jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND read_at IS NULL")
			.param(DemoUsers.COUNTY_REVIEWER)
			.query(Long.class)
			.single();
		assertThat(unread).isPositive();

		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST);
		WebElement link = browser.waitFor(By.cssSelector("a.renewal-messages"));
		String shown = unread > 99 ? "99+" : Long.toString(unread);
		browser.waitUntil(
				textToBePresentInElementLocated(By.cssSelector("a.renewal-messages .renewal-unread-count"), shown));
		browser.screenshot("tasklist-list-messages");
		assertThat(link.getText()).startsWith("消息");
		assertThat(link.getAttribute("href")).endsWith("/messages");
		// Beside it, the portal's start page, 已办 and the page for one's own password, and
		// from the portal's every page back to 待办.
		assertThat(browser.driver().findElement(By.cssSelector("a.renewal-portal")).getAttribute("href"))
			.isEqualTo(browser.url("/"));
		WebElement password = browser.driver().findElement(By.cssSelector("a.renewal-password"));
		assertThat(password.getText()).isEqualTo("修改密码");
		assertThat(password.getAttribute("href")).isEqualTo(browser.url("/me/password"));
		browser.driver().findElement(By.cssSelector("a.renewal-handled")).click();
		browser.waitUntil(d -> d.getCurrentUrl().endsWith("/review/handled"));
		browser.waitFor(By.id("tasklist-link")).click();
		browser.waitFor(By.cssSelector("a.renewal-messages"));
	}

	@Test
	void aCityReviewerSeesEachCasesCountyAndWhichCaseCameBackAfterACorrection() {
		SubmittedProjects projects = new SubmittedProjects(applications, identity);
		String corrected = atCityAcceptance(projects.submitProject(DemoUsers.ENTERPRISE).id());
		tasks.complete(only(corrected, "Task_CityAcceptance").getId(),
				Map.of("decision", "RETURN", "opinion", "项目实施方案缺少设备清单，请补正后重新提交。"));
		// The correction opens in an asynchronous step, which the job executor runs.
		browser.waitUntil(d -> tasks.createTaskQuery()
			.processInstanceBusinessKey(corrected)
			.taskDefinitionKey("Task_EnterpriseCorrection")
			.singleResult());
		projects.resubmit(DemoUsers.ENTERPRISE, Long.parseLong(corrected));
		Task again = only(corrected, "Task_CityAcceptance");
		Task fresh = only(atCityAcceptance(projects.submitProject(DemoUsers.OTHER_ENTERPRISE).id()),
				"Task_CityAcceptance");

		browser.logIn(CITY_INDUSTRY, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?filter=" + departmentFilter());
		browser.waitUntil(d -> card(again).getText().contains("补正后重新提交"));
		browser.waitUntil(d -> card(fresh).getText().contains("临清市"));
		browser.screenshot("tasklist-list-city-county-and-correction");

		WebElement againCard = card(again);
		assertThat(againCard.findElement(By.cssSelector(".renewal-county")).getText()).isEqualTo("冠县");
		WebElement label = againCard.findElement(By.cssSelector(".renewal-again"));
		assertThat(label.getText()).isEqualTo("补正后重新提交");
		assertThat(label.getAttribute("class")).contains("renewal-again-corrected");
		assertThat(label.getAttribute("title")).startsWith("本环节曾退回企业补正，企业于 ").endsWith("申报材料未作修改");
		WebElement freshCard = card(fresh);
		assertThat(freshCard.findElement(By.cssSelector(".renewal-county")).getText()).isEqualTo("临清市");
		assertThat(freshCard.findElements(By.cssSelector(".renewal-again"))).as("a first look").isEmpty();
	}

	@Test
	void aCountyReviewerSeesTheStepTheCitySentBack() {
		String key = atCityAcceptance(
				new SubmittedProjects(applications, identity).submitProject(DemoUsers.ENTERPRISE).id());
		Task acceptance = only(key, "Task_CityAcceptance");
		tasks.claim(acceptance.getId(), CITY_INDUSTRY);
		operations.returnToPrevious(CITY_INDUSTRY, acceptance.getId(), "推荐意见未说明产能情况，请补充");
		Task again = only(key, "Task_CountyRecommendation");
		Task firstLook = county.open();

		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open(TASKLIST + "#/?filter=" + departmentFilter());
		browser.waitUntil(d -> card(again).getText().contains("退回重办"));
		browser.waitUntil(d -> card(firstLook).getText().contains("冠县"));
		browser.screenshot("tasklist-list-county-returned");

		WebElement label = card(again).findElement(By.cssSelector(".renewal-again"));
		assertThat(label.getAttribute("class")).contains("renewal-again-returned");
		assertThat(label.getAttribute("title")).contains("退回本环节重新办理", "推荐意见未说明产能情况，请补充");
		assertThat(card(firstLook).findElements(By.cssSelector(".renewal-again"))).isEmpty();
	}

	// --- helpers

	/**
	 * Takes a submitted project of the county through its formal review and
	 * recommendation (as the engine, with the county's approvals); answers its business
	 * key.
	 */
	private String atCityAcceptance(long applicationId) {
		String key = Long.toString(applicationId);
		for (String step : List.of(CountyReviewTasks.FORMAL_REVIEW, "Task_CountyRecommendation")) {
			tasks.complete(only(key, step).getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，同意推荐。"));
		}
		return key;
	}

	/** The case's one open task of a step, once the engine has reached it. */
	private Task only(String key, String step) {
		return browser.waitUntil(
				d -> tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(step).singleResult());
	}

	private String departmentFilter() {
		return filters.createTaskFilterQuery().filterName("本部门待办").singleResult().getId();
	}

	/** The card of {@code task} in the list, once its working days are shown. */
	private WebElement card(Task task) {
		return browser.tasklistCard(task.getId());
	}

	private String remainingClass(Task task) {
		return card(task).findElement(By.cssSelector(".renewal-remaining")).getAttribute("class");
	}

	private String referenceNo(Task task) {
		return (String) tasks.getVariableLocal(task.getId(), "referenceNo");
	}

}
