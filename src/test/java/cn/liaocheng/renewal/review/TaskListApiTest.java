package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.browser.SubmittedProjects;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Tasklist's list: the working days left on each task (counted when asked), search and
 * sorting by the case's task variables, and 批量认领. Each answers only about the caller's
 * own tasks: another body's task, whatever id or search reaches it, is unknown and stays
 * unchanged.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListApiTest {

	private static final String REVIEWER = DemoUsers.COUNTY_REVIEWER;

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	private static final String OTHER_COUNTY = "lq-industry";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	FilterService filters;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	JdbcClient jdbc;

	private CountyReviewTasks countyTasks;

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
		countyTasks.ensureColleague();
	}

	// --- working days left

	@Test
	void eachTaskOfTheReviewersBodyGetsItsWorkingDaysLeftAndAnOverdueOneSaysByHowMany() throws Exception {
		Task fresh = countyTasks.open();
		Task late = countyTasks.open();
		LocalDate today = LocalDate.now(CHINA);
		LocalDate threeWorkingDaysAgo = workingDays.minusWorkingDays(today, 3);
		setDue(late, threeWorkingDaysAgo.atTime(23, 59, 59).atZone(CHINA).toInstant());

		HttpResponse<String> response = as(REVIEWER).get(remaining(fresh.getId(), late.getId()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode list = JSON.readTree(response.body());
		assertThat(list).hasSize(2);
		assertThat(list.get(0).path("taskId").asText()).isEqualTo(fresh.getId());
		// A new review task is due at the end of its fifth working day.
		assertThat(list.get(0).path("workingDays").asInt()).isEqualTo(5);
		assertThat(list.get(0).path("overdue").asBoolean()).isFalse();
		assertThat(list.get(0).path("text").asText()).isEqualTo("剩余 5 个工作日");
		assertThat(list.get(0).path("due").asText()).endsWith("+08:00");
		assertThat(list.get(1).path("overdue").asBoolean()).isTrue();
		// Three on a working day; on a weekend, the working days since the due day.
		int lateBy = workingDays.workingDaysBetween(threeWorkingDaysAgo, today);
		assertThat(list.get(1).path("workingDays").asInt()).isEqualTo(-lateBy);
		assertThat(list.get(1).path("text").asText()).isEqualTo("已超期 " + lateBy + " 个工作日");
	}

	@Test
	void aTaskHeldByAColleagueCountsForTheBodyButAnotherBodysTaskOrAnUnknownIdIsLeftOut() throws Exception {
		Task colleagues = countyTasks.heldBy(COLLEAGUE);
		Task foreign = otherCountysTask();

		JsonNode list = JSON.readTree(
				as(REVIEWER).get(remaining(colleagues.getId(), foreign.getId(), "no-such-task", "%3Cscript%3E", ""))
					.body());

		assertThat(list.findValuesAsText("taskId")).containsExactly(colleagues.getId());
		for (String outsider : List.of(OTHER_COUNTY, DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER)) {
			HttpResponse<String> response = as(outsider).get(remaining(colleagues.getId()));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).as(outsider).isEqualTo("[]");
		}
	}

	@Test
	void theRemainingDaysDoorIsForSignedInStaffAndRefusesTooManyIds() {
		Task task = countyTasks.open();
		assertThat(new WebClient(port).get(remaining(task.getId())).statusCode()).as("anonymous").isEqualTo(401);
		assertThat(as(DemoUsers.ENTERPRISE).get(remaining(task.getId())).statusCode()).as("an enterprise")
			.isEqualTo(403);
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 51; i++) {
			many.add("t" + i);
		}
		HttpResponse<String> tooMany = as(REVIEWER).get(remaining(many.toArray(String[]::new)));
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("一次最多查询 50 个任务");
	}

	// --- search and sort by the case's task variables

	@Test
	void searchingTheTaskVariablesFindsOwnTasksAndNeverAnotherBodys() throws Exception {
		Task own = countyTasks.open();
		Task foreign = otherCountysTask();
		assertThat(tasks.getVariableLocal(own.getId(), "kindName")).isEqualTo("项目入库");
		String ownReference = (String) tasks.getVariableLocal(own.getId(), "referenceNo");
		String foreignReference = (String) tasks.getVariableLocal(foreign.getId(), "referenceNo");
		String foreignEnterprise = (String) tasks.getVariableLocal(foreign.getId(), "enterpriseName");
		String department = filters.createTaskFilterQuery().filterName("本部门待办").singleResult().getId();
		WebClient reviewer = as(REVIEWER);

		// As Tasklist's search pills send them: task variables, = or like (%…%).
		assertThat(listed(reviewer, department, search("referenceNo", "eq", ownReference))).contains(own.getId());
		assertThat(listed(reviewer, department, search("referenceNo", "eq", foreignReference))).isEmpty();
		assertThat(listed(reviewer, department, search("enterpriseName", "like", "%" + foreignEnterprise + "%")))
			.doesNotContain(foreign.getId());
		assertThat(listed(reviewer, department, search("kindName", "eq", "项目入库"))).contains(own.getId())
			.doesNotContain(foreign.getId());
		// The same searches through the task query itself, without a filter, as an
		// insider might send them.
		for (String query : List.of(search("referenceNo", "eq", foreignReference),
				search("enterpriseName", "like", "%" + foreignEnterprise + "%"), search("kindName", "like", "%"))) {
			HttpResponse<String> direct = reviewer.postJson("/engine-rest/task?maxResults=1000", query);
			assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
			assertThat(direct.body()).doesNotContain(foreign.getId());
		}

		// Sorting by a task variable, as Tasklist sends it.
		String sorted = "{\"sorting\":[{\"sortBy\":\"taskVariable\",\"sortOrder\":\"asc\","
				+ "\"parameters\":{\"variable\":\"referenceNo\",\"type\":\"String\"}}]}";
		HttpResponse<String> response = reviewer.postJson("/engine-rest/filter/" + department + "/list?maxResults=1000",
				sorted);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> references = new ArrayList<>();
		for (JsonNode task : JSON.readTree(response.body())) {
			Object reference = tasks.getVariableLocal(task.path("id").asText(), "referenceNo");
			if (reference != null) {
				references.add(reference.toString());
			}
		}
		assertThat(references).isSorted().contains(ownReference).doesNotContain(foreignReference);
	}

	// --- 批量认领

	@Test
	void aBatchClaimTakesTheBodysOpenTasksAndReportsEveryOtherOneWithoutTouchingIt() throws Exception {
		Task first = countyTasks.open();
		Task second = countyTasks.open();
		Task colleagues = countyTasks.heldBy(COLLEAGUE);
		Task foreign = otherCountysTask();
		String body = claimBody(first.getId(), second.getId(), colleagues.getId(), foreign.getId(), "no-such-task",
				first.getId());

		HttpResponse<String> response = as(REVIEWER).postJson("/api/review/tasks/claim", body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode outcome = JSON.readTree(response.body());
		assertThat(outcome.path("claimed").asInt()).isEqualTo(2);
		assertThat(outcome.path("refused").asInt()).isEqualTo(3);
		JsonNode results = outcome.path("results");
		assertThat(results).hasSize(5);
		assertThat(results.get(0).path("claimed").asBoolean()).isTrue();
		assertThat(results.get(0).path("referenceNo").asText()).startsWith("XM-");
		assertThat(results.get(1).path("claimed").asBoolean()).isTrue();
		assertThat(results.get(2).path("message").asText()).startsWith("该任务已由").endsWith("认领");
		assertThat(results.get(3).path("message").asText()).isEqualTo("任务不存在，或不是您所在部门的任务");
		assertThat(results.get(3).path("referenceNo").isValueNode()).as("nothing of another body's case").isFalse();
		assertThat(results.get(3).path("taskName").isValueNode()).isFalse();
		assertThat(response.body())
			.doesNotContain(String.valueOf(tasks.getVariableLocal(foreign.getId(), "referenceNo")));
		assertThat(results.get(4).path("message").asText()).isEqualTo("任务不存在，或不是您所在部门的任务");

		assertThat(assigneeOf(first)).isEqualTo(REVIEWER);
		assertThat(assigneeOf(second)).isEqualTo(REVIEWER);
		assertThat(assigneeOf(colleagues)).isEqualTo(COLLEAGUE);
		assertThat(assigneeOf(foreign)).isEqualTo(OTHER_COUNTY);

		long applicationId = CountyReviewTasks.applicationOf(first, runtime);
		assertThat(jdbc
			.sql("SELECT operation || '|' || actor || '|' || target_name || '|' || reason FROM review_operation"
					+ " WHERE application_id = ?")
			.param(applicationId)
			.query(String.class)
			.list()).containsExactly("CLAIM|" + REVIEWER + "|冠县工业和信息化局|批量认领");
		assertThat(jdbc.sql("SELECT message FROM application_event WHERE application_id = ? AND action = 'TASK_CLAIM'")
			.param(applicationId)
			.query(String.class)
			.list()).singleElement().satisfies(message -> assertThat(message).contains("「县级形式审查」由", "认领办理（批量认领）"));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject = ? AND action = 'TASK_CLAIM'")
			.param("application:" + applicationId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		long foreignApplication = CountyReviewTasks.applicationOf(foreign, runtime);
		assertThat(jdbc.sql("SELECT count(*) FROM review_operation WHERE application_id = ?")
			.param(foreignApplication)
			.query(Integer.class)
			.single()).isZero();

		// Claimed again: already one's own, reported, nothing recorded twice.
		JsonNode again = JSON
			.readTree(as(REVIEWER).postJson("/api/review/tasks/claim", claimBody(first.getId())).body());
		assertThat(again.path("claimed").asInt()).isZero();
		assertThat(again.at("/results/0/message").asText()).isEqualTo("该任务已在您名下，无需认领");
	}

	@Test
	void twoColleaguesClaimingTheSameTasksAtOnceGetEachTaskOnceBetweenThem() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(countyTasks.open().getId());
		}
		String body = claimBody(ids.toArray(String[]::new));
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (String user : List.of(REVIEWER, COLLEAGUE)) {
				WebClient client = as(user);
				answers.add(pool.submit(() -> {
					start.await();
					return client.postJson("/api/review/tasks/claim", body);
				}));
			}
			start.countDown();
			int claimed = 0;
			for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				claimed += JSON.readTree(response.body()).path("claimed").asInt();
			}
			assertThat(claimed).as("each task claimed once, by one of the two").isEqualTo(4);
		}
		finally {
			pool.shutdownNow();
		}
		for (String id : ids) {
			assertThat(tasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isIn(REVIEWER, COLLEAGUE);
			assertThat(jdbc.sql("SELECT count(*) FROM review_operation WHERE operation = 'CLAIM' AND task_id = ?")
				.param(id)
				.query(Integer.class)
				.single()).as("one record per task").isEqualTo(1);
		}
	}

	@Test
	void otherBodiesAndRolesClaimNothingOfTheCounty() throws Exception {
		Task task = countyTasks.open();
		for (String outsider : List.of(OTHER_COUNTY, "gx-finance", DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER,
				DemoUsers.ADMIN)) {
			HttpResponse<String> response = as(outsider).postJson("/api/review/tasks/claim", claimBody(task.getId()));
			assertThat(response.statusCode()).as("%s: %s", outsider, response.body()).isEqualTo(200);
			assertThat(JSON.readTree(response.body()).path("claimed").asInt()).as(outsider).isZero();
			assertThat(response.body()).doesNotContain("县级形式审查");
		}
		assertThat(as(DemoUsers.ENTERPRISE).postJson("/api/review/tasks/claim", claimBody(task.getId())).statusCode())
			.isEqualTo(403);
		assertThat(assigneeOf(task)).isNull();
	}

	/**
	 * An administrator who adds their own account to a body's group (in Admin) still acts
	 * for no body at the product's doors, as at the engine's: no claim, and a task put in
	 * their name (in Cockpit) is not transferred, delegated or copied by them.
	 */
	@Test
	void anAdministratorAddedToTheBodyActsForItAtNoDoor() throws Exception {
		Task task = countyTasks.open();
		identity.createMembership(DemoUsers.ADMIN, CountyReviewTasks.BODY);
		try {
			WebClient admin = as(DemoUsers.ADMIN);
			HttpResponse<String> claim = admin.postJson("/api/review/tasks/claim", claimBody(task.getId()));
			assertThat(claim.statusCode()).as(claim.body()).isEqualTo(200);
			assertThat(JSON.readTree(claim.body()).path("claimed").asInt()).isZero();
			assertThat(assigneeOf(task)).isNull();

			tasks.setAssignee(task.getId(), DemoUsers.ADMIN);
			assertThat(JSON.readTree(admin.get("/api/review/tasks/" + task.getId() + "/operations").body()).toString())
				.doesNotContain("transfer", "delegate", "copy", "returnToPrevious");
			for (String door : List.of("transfer", "delegate")) {
				HttpResponse<String> handedOver = admin.postJson("/api/review/tasks/" + task.getId() + "/" + door,
						"{\"to\":\"" + COLLEAGUE + "\",\"reason\":\"请协助办理\"}");
				assertThat(handedOver.statusCode()).as("%s: %s", door, handedOver.body()).isIn(403, 404);
			}
			assertThat(assigneeOf(task)).isEqualTo(DemoUsers.ADMIN);
		}
		finally {
			identity.deleteMembership(DemoUsers.ADMIN, CountyReviewTasks.BODY);
			tasks.setAssignee(task.getId(), null);
		}
	}

	@Test
	void anExtraFieldClaimsForTheCallerOnlyAndBadRequestsAreRefusedInChinese() throws Exception {
		Task task = countyTasks.open();
		HttpResponse<String> extra = as(REVIEWER).postJson("/api/review/tasks/claim", "{\"taskIds\":[\"" + task.getId()
				+ "\"],\"userId\":\"" + COLLEAGUE + "\",\"assignee\":\"" + COLLEAGUE + "\"}");
		assertThat(extra.statusCode()).as(extra.body()).isEqualTo(200);
		assertThat(assigneeOf(task)).isEqualTo(REVIEWER);

		for (String bad : List.of("{}", "{\"taskIds\":[]}", "{\"taskIds\":\"abc\"}", "not json", "null",
				claimBody(fiftyOne()))) {
			HttpResponse<String> response = as(REVIEWER).postJson("/api/review/tasks/claim", bad);
			assertThat(response.statusCode()).as("%s: %s", bad, response.body()).isEqualTo(400);
			assertThat(JSON.readTree(response.body()).path("detail").asText()).as(bad).containsPattern("\\p{IsHan}");
		}
	}

	@Test
	void theClaimDoorWantsASignedInCallerWithTheCsrfTokenAndNoOtherSpelling() {
		Task task = countyTasks.open();
		// Anonymous: refused before anything is read (the CSRF check comes first for a
		// caller without a session).
		assertThat(new WebClient(port).postJson("/api/review/tasks/claim", claimBody(task.getId())).statusCode())
			.as("anonymous")
			.isIn(401, 403);

		WebClient browser = new WebClient(port);
		assertThat(browser.login(REVIEWER, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.postJson("/api/review/tasks/claim", claimBody(task.getId())).statusCode()).as("no token")
			.isEqualTo(403);
		for (String spelling : List.of("/api/review/tasks/claim/", "/API/review/tasks/claim",
				"/api/review/tasks//claim", "/api/review/tasks/./claim", "/api/review/tasks/claim;x=1",
				"/api/review/tasks/%63laim")) {
			HttpResponse<String> response = as(DemoUsers.ENTERPRISE).postJson(spelling, claimBody(task.getId()));
			assertThat(response.statusCode()).as(spelling).isIn(400, 401, 403, 404, 405);
		}
		assertThat(assigneeOf(task)).isNull();

		Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(browser.get("/").body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> sent = browser.postJson("/api/review/tasks/claim", claimBody(task.getId()), "X-CSRF-TOKEN",
				token.group(1));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(assigneeOf(task)).isEqualTo(REVIEWER);
	}

	// --- helpers

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private Task otherCountysTask() {
		Task foreign = tasks.createTaskQuery()
			.processInstanceBusinessKey(Long
				.toString(new SubmittedProjects(applications, identity).submitProject(DemoUsers.OTHER_ENTERPRISE).id()))
			.taskDefinitionKey(CountyReviewTasks.FORMAL_REVIEW)
			.singleResult();
		tasks.claim(foreign.getId(), OTHER_COUNTY);
		return foreign;
	}

	private void setDue(Task task, Instant due) {
		Task current = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		current.setDueDate(Date.from(due));
		tasks.saveTask(current);
	}

	private String assigneeOf(Task task) {
		return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private static String remaining(String... ids) {
		return "/api/review/tasks/remaining-days?ids=" + String.join(",", ids);
	}

	private static String claimBody(String... ids) {
		return JSON.createObjectNode().set("taskIds", JSON.valueToTree(List.of(ids))).toString();
	}

	private static String[] fiftyOne() {
		String[] ids = new String[51];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = "t" + i;
		}
		return ids;
	}

	private static String search(String name, String operator, String value) {
		return JSON.createObjectNode()
			.set("taskVariables", JSON.valueToTree(List.of(Map.of("name", name, "operator", operator, "value", value))))
			.toString();
	}

	private List<String> listed(WebClient client, String filterId, String query) throws Exception {
		HttpResponse<String> response = client.postJson("/engine-rest/filter/" + filterId + "/list?maxResults=1000",
				query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode task : JSON.readTree(response.body())) {
			ids.add(task.path("id").asText());
		}
		return ids;
	}

}
