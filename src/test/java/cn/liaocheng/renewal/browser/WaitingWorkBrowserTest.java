package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The start page says what waits for the user who logs in. A reviewer sees how many tasks
 * each Tasklist filter holds before opening Tasklist, which itself counts only the
 * selected filter (a county reviewer landing on 我的待办 (0) saw nothing of the department's
 * unclaimed work). Tasklist itself now counts every filter too. A county industry bureau
 * sees how many registrations wait for it to activate them. An enterprise sees the cases
 * returned to it for correction first, on the start page and above 我的申报, which used to
 * list them at the bottom, after the application windows. Screenshots:
 * target/screenshots/home-waiting-*.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserExtension.class)
class WaitingWorkBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	FilterService filters;

	private Browser browser;

	private CountyReviewTasks county;

	@BeforeAll
	void start() {
		county = new CountyReviewTasks(applications, identity, tasks);
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
	void theStartPageCountsEachTasklistFilterAndLinksToIt() {
		Task waiting = county.open();
		long department = tasks.createTaskQuery()
			.taskCandidateGroup(CountyReviewTasks.BODY)
			.includeAssignedTasks()
			.count();
		long mine = tasks.createTaskQuery().taskAssignee(DemoUsers.COUNTY_REVIEWER).count();

		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open("/");
		WebElement tile = browser.waitFor(By.id("tasklist-tile"));
		browser.screenshot("home-waiting-tasks");

		assertThat(count(tile, "本部门待办")).isEqualTo(department).isPositive();
		assertThat(count(tile, "我的待办")).isEqualTo(mine);
		assertThat(tile.findElements(By.cssSelector("a[data-filter='即将超期']"))).hasSize(1);
		String filterId = filters.createTaskFilterQuery().filterName("本部门待办").singleResult().getId();
		assertThat(tile.findElement(By.cssSelector("a[data-filter='本部门待办']")).getAttribute("href"))
			.endsWith("/camunda/app/tasklist/default/#/?filter=" + filterId);

		tasks.claim(waiting.getId(), DemoUsers.COUNTY_REVIEWER);
		browser.open("/");
		tile = browser.waitFor(By.id("tasklist-tile"));
		assertThat(count(tile, "我的待办")).isEqualTo(mine + 1);
		assertThat(count(tile, "本部门待办")).as("claimed tasks stay in the department's list").isEqualTo(department);
	}

	@Test
	void anEnterpriseSeesItsReturnedCaseFirstWithTheWayToCorrectIt() {
		SubmittedProjects projects = new SubmittedProjects(applications, identity);
		ApplicationSummary returned = projects.submitProject(DemoUsers.ENTERPRISE);
		String key = Long.toString(returned.id());
		Task review = browser.waitUntil(d -> tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey(CountyReviewTasks.FORMAL_REVIEW)
			.singleResult());
		tasks.complete(review.getId(), Map.of("decision", "RETURN", "opinion", "营业执照扫描件不清晰，请重新上传。"));
		// The correction opens in an asynchronous step, which the job executor runs.
		browser.waitUntil(d -> tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey("Task_EnterpriseCorrection")
			.singleResult());

		try {
			browser.logIn(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
			browser.open("/");
			WebElement waiting = browser.waitFor(By.id("needs-action"));
			browser.screenshot("home-waiting-enterprise");
			assertThat(browser.driver().findElements(By.id("tasklist-tile"))).isEmpty();
			WebElement item = waiting.findElement(By.xpath(".//tr[@data-application='" + returned.id() + "']"));
			assertThat(item.getText()).contains(returned.referenceNo(), "待补正", "已退回补正，请按退回理由修改后重新提交", "含当日，还剩");
			assertThat(waiting.findElement(By.tagName("h2")).getText()).matches("需要您处理（\\d+）");

			item.findElement(By.tagName("a")).click();
			browser.waitUntil(d -> d.getCurrentUrl().endsWith("/enterprise/applications/" + returned.id()));

			browser.open("/enterprise/applications");
			List<WebElement> cards = browser.driver().findElements(By.cssSelector("main > .card, main > section"));
			assertThat(cards.get(0).getAttribute("id")).as("the first card of 我的申报").isEqualTo("needs-action");
			assertThat(cards.get(0).getText()).contains(returned.referenceNo());
		}
		finally {
			// The shared context's ent-gx is left no correction task: other classes count
			// its tasks and its list exactly.
			projects.withdraw(DemoUsers.ENTERPRISE, returned.id());
		}
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
	}

	@Test
	void tasklistCountsEveryFilterNotOnlyTheSelectedOne() {
		county.open();
		long department = tasks.createTaskQuery()
			.taskCandidateGroup(CountyReviewTasks.BODY)
			.includeAssignedTasks()
			.count();
		String mine = filters.createTaskFilterQuery().filterName("我的待办").singleResult().getId();

		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open("/camunda/app/tasklist/default/#/?filter=" + mine);
		By departmentCount = By.xpath("//div[contains(@class,'task-filter')][.//a[contains(., '本部门待办')]]"
				+ "//span[contains(@class,'renewal-filter-count')]");
		WebElement shown = browser.waitUntil(d -> {
			List<WebElement> found = d.findElements(departmentCount);
			return found.isEmpty() || found.get(0).getText().isBlank() ? null : found.get(0);
		});
		browser.screenshot("home-waiting-tasklist-filters");
		assertThat(Long.parseLong(shown.getText().trim())).isEqualTo(department);
		assertThat(shown.isDisplayed()).isTrue();
		WebElement selected = browser.driver()
			.findElement(By.xpath("//div[contains(@class,'task-filter')][.//a[contains(., '我的待办')]]"));
		assertThat(selected.findElements(By.cssSelector(".renewal-filter-count")))
			.as("the selected filter shows Tasklist's own count only")
			.allSatisfy(count -> assertThat(count.isDisplayed()).isFalse());
	}

	/**
	 * A Tasklist left open in a tab nobody looks at asks for no counts: with many open
	 * cases each round of the filters' counts costs the database about a second
	 * (docs/performance.md), and reviewers keep Tasklist open all day. Seen again, it
	 * counts at once. The page's refresh of a minute is run every 300 ms here, and the
	 * tab's visibility is set by the test.
	 */
	@Test
	void aHiddenTasklistAsksForNoCountsUntilItIsSeenAgain() throws Exception {
		ChromeDriver driver = browser.driver();
		Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
				"""
						(function () {
						  var every = window.setInterval;
						  window.setInterval = function (f, ms) { return every(f, ms >= 60000 ? 300 : ms); };
						  var hidden = false;
						  Object.defineProperty(document, 'hidden', {configurable: true, get: function () { return hidden; }});
						  window.renewalSetHidden = function (h) {
						    hidden = h;
						    document.dispatchEvent(new Event('visibilitychange'));
						  };
						  window.renewalAsked = [];
						  var ask = window.fetch;
						  window.fetch = function (url) {
						    window.renewalAsked.push(String(url));
						    return ask.apply(this, arguments);
						  };
						})();"""));
		try {
			browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
			browser.open("/camunda/app/tasklist/default/");
			// The counts drawn beside the filters (until then the page asks again every
			// half second), and asked again by the refresh.
			By shownCount = By
				.xpath("//div[contains(@class,'task-filter')]//span[contains(@class,'renewal-filter-count')]");
			browser.waitUntil(
					d -> d.findElements(shownCount).stream().anyMatch(c -> !c.getText().isBlank()) ? true : null);
			long drawn = counts(driver);
			browser.waitUntil(d -> counts(driver) >= drawn + 2 ? true : null);

			driver.executeScript("window.renewalSetHidden(true);");
			long hiddenAt = counts(driver);
			Thread.sleep(2_000);
			assertThat(counts(driver))
				.as("hidden for six rounds of the refresh, nothing asked: %s",
						driver.executeScript("return window.renewalAsked.join('\\n');"))
				.isEqualTo(hiddenAt);

			driver.executeScript("window.renewalSetHidden(false);");
			browser.waitUntil(d -> counts(driver) >= hiddenAt + 2 ? true : null);
		}
		finally {
			driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
					Map.of("identifier", added.get("identifier")));
		}
	}

	/**
	 * How many times the page asked for the filters' counts and for the unread messages.
	 */
	private static long counts(ChromeDriver driver) {
		return (Long) driver.executeScript("""
				return window.renewalAsked ? window.renewalAsked.filter(function (u) {
				  return u.indexOf('itemCount=true') >= 0 || u.indexOf('unread-count') >= 0;
				}).length : 0;""");
	}

	@Test
	void aCountyIndustryBureauSeesHowManyRegistrationsWaitForActivation() {
		browser.logIn(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		browser.open("/");
		long before = pending();

		HttpResponse<String> registered = Registrations.submit(new WebClient(port),
				Registrations.validForm(Registrations.freshCreditCode("371525"), Registrations.freshUserId()));
		assertThat(registered.statusCode()).isEqualTo(302);

		browser.open("/");
		assertThat(pending()).isEqualTo(before + 1);
		browser.screenshot("home-waiting-activation");
		assertThat(browser.driver().findElement(By.id("activation-tile")).getAttribute("href"))
			.endsWith("/county/enterprises");
	}

	private long pending() {
		WebElement tile = browser.waitFor(By.id("activation-tile"));
		assertThat(tile.getText()).contains("待激活");
		return Long.parseLong(tile.findElement(By.cssSelector(".waiting strong")).getText().trim());
	}

	private static long count(WebElement tile, String filter) {
		return Long
			.parseLong(tile.findElement(By.cssSelector("a[data-filter='" + filter + "'] strong")).getText().trim());
	}

}
