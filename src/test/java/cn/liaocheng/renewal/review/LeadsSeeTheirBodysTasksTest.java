package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.JavaMigrations;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import db.migration.common.V142__LeadsReadTheirBodysOpenTasks;

/**
 * A body's lead (负责人) sees every open task of the body, waiting or claimed by a
 * colleague, from the moment it is created: in Tasklist's filter 本部门在办 and through the
 * engine's REST API, so that 改派, 收回 and 催办 are reachable before a task is overdue; in
 * 本部门待办 the body's tasks nobody has claimed yet, in 即将超期 the body's tasks near their due
 * date. Only reading: the lead does not claim or complete a task they do not hold, and no
 * lead sees another body's tasks, in the same county or another.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadsSeeTheirBodysTasksTest {

	private static final String LEAD = "gx-industry-lead";

	/** The lead of the same department in another county (临清市). */
	private static final String OTHER_COUNTY_LEAD = "lq-industry-lead";

	/** The lead of another department in the same county (冠县财政局). */
	private static final String OTHER_BODY_LEAD = "gx-finance-lead";

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	/** A reviewer of the same department in another county (临清市). */
	private static final String OTHER_COUNTY_REVIEWER = "lq-industry";

	private static final String LEADS_FILTER = "本部门在办";

	private static final String DEPARTMENT_FILTER = "本部门待办";

	private static final String DUE_SOON_FILTER = "即将超期";

	private final ObjectMapper json = new ObjectMapper();

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
	AuthorizationService authorizations;

	@Autowired
	DataSource dataSource;

	private CountyReviewTasks county;

	@BeforeAll
	void fixture() {
		county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
	}

	@Test
	void theLeadSeesAWaitingTaskAndOneAColleagueHoldsInTheirFilterAndThroughTheRestApi() throws Exception {
		Task waiting = county.open();
		Task held = county.heldBy(COLLEAGUE);
		List<String> both = List.of(waiting.getId(), held.getId());

		assertThat(filterList(LEAD)).containsAll(both);
		assertThat(filterCount(LEAD, both)).isEqualTo(2);
		assertThat(restList(LEAD, both)).containsExactlyInAnyOrderElementsOf(both);
		assertThat(restCount(LEAD, both)).isEqualTo(2);
		HttpResponse<String> one = as(LEAD).get("/engine-rest/task/" + held.getId());
		assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
		assertThat(one.body()).contains(COLLEAGUE);
		assertThat(as(LEAD).get("/engine-rest/task/" + held.getId() + "/comment").statusCode())
			.as("the task's notes (the overdue reminder among them)")
			.isEqualTo(200);
		// What Tasklist shows on each card of the list: the county and the working days
		// left.
		String ids = String.join(",", both);
		assertThat(as(LEAD).get("/api/review/tasks/cards?ids=" + ids).body()).contains(waiting.getId(), held.getId(),
				"冠县");
		assertThat(as(LEAD).get("/api/review/tasks/remaining-days?ids=" + ids).body()).contains(waiting.getId(),
				held.getId(), "剩余");
	}

	@Test
	void noOtherBodysLeadSeesThemInTheCountyOrAnother() throws Exception {
		Task waiting = county.open();
		Task held = county.heldBy(COLLEAGUE);
		List<String> both = List.of(waiting.getId(), held.getId());

		for (String stranger : List.of(OTHER_COUNTY_LEAD, OTHER_BODY_LEAD)) {
			assertThat(filterList(stranger)).as(stranger).doesNotContainAnyElementsOf(both);
			assertThat(filterCount(stranger, both)).as(stranger).isZero();
			assertThat(restList(stranger, both)).as(stranger).isEmpty();
			assertThat(restCount(stranger, both)).as(stranger).isZero();
			assertThat(as(stranger).get("/engine-rest/task/" + held.getId()).statusCode()).as(stranger).isIn(403, 404);
			HttpResponse<String> byGroup = as(stranger)
				.get("/engine-rest/task/count?candidateGroup=" + CountyReviewTasks.BODY + "&includeAssignedTasks=true");
			assertThat(byGroup.body()).as(stranger).isEqualTo("{\"count\":0}");
			String ids = String.join(",", both);
			assertThat(as(stranger).get("/api/review/tasks/cards?ids=" + ids).body()).as(stranger).isEqualTo("[]");
			assertThat(as(stranger).get("/api/review/tasks/remaining-days?ids=" + ids).body()).as(stranger)
				.isEqualTo("[]");
		}
	}

	@Test
	void theLeadReadsButDoesNotClaimOrCompleteATaskTheyDoNotHold() {
		Task waiting = county.open();
		Task held = county.heldBy(COLLEAGUE);

		assertThat(as(LEAD).postJson("/engine-rest/task/" + waiting.getId() + "/claim", "{\"userId\":\"" + LEAD + "\"}")
			.statusCode()).isEqualTo(403);
		assertThat(as(LEAD).postJson("/engine-rest/task/" + held.getId() + "/submit-form", approval()).statusCode())
			.isEqualTo(403);
		assertThat(as(LEAD).postJson("/engine-rest/task/" + held.getId() + "/complete", approval()).statusCode())
			.isEqualTo(403);
		assertThat(as(LEAD)
			.putJson("/engine-rest/task/" + held.getId() + "/localVariables/opinion",
					"{\"value\":\"负责人代填\",\"type\":\"String\"}")
			.statusCode()).isEqualTo(403);
		assertThat(tasks.createTaskQuery().taskId(waiting.getId()).singleResult().getAssignee()).isNull();
		assertThat(tasks.createTaskQuery().taskId(held.getId()).singleResult().getAssignee()).isEqualTo(COLLEAGUE);
	}

	@Test
	void theLeadTakesBackAndGivesOutAColleaguesTaskFoundInTheirFilter() throws Exception {
		Task held = county.heldBy(COLLEAGUE);
		assertThat(filterList(LEAD)).contains(held.getId());
		String operations = "/api/review/tasks/" + held.getId() + "/operations";
		assertThat(as(LEAD).get(operations).body()).contains("reassign", "urge");

		HttpResponse<String> back = as(LEAD).postJson("/api/review/tasks/" + held.getId() + "/reassign",
				"{\"reason\":\"办理人请假，收回本部门待办\"}");
		assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
		assertThat(tasks.createTaskQuery().taskId(held.getId()).singleResult().getAssignee()).isNull();
		assertThat(filterList(LEAD)).as("still in the lead's view, now waiting").contains(held.getId());

		HttpResponse<String> given = as(LEAD).postJson("/api/review/tasks/" + held.getId() + "/reassign",
				"{\"to\":\"" + DemoUsers.COUNTY_REVIEWER + "\",\"reason\":\"改由本部门其他同事办理\"}");
		assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
		assertThat(tasks.createTaskQuery().taskId(held.getId()).singleResult().getAssignee())
			.isEqualTo(DemoUsers.COUNTY_REVIEWER);
		HttpResponse<String> urged = as(LEAD).postJson("/api/review/tasks/" + held.getId() + "/urge",
				"{\"reason\":\"请尽快办理\"}");
		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
	}

	/**
	 * 本部门待办 shows the lead the body's tasks nobody has claimed yet (the body's backlog)
	 * and what is escalated to the lead group, not a task a colleague holds in time (that
	 * one is in 本部门在办). A reviewer of the body sees what they always saw, claimed or not;
	 * nobody of another body or county sees these tasks.
	 */
	@Test
	void theLeadsDepartmentListShowsTheBodysUnclaimedTasksAndWhatIsEscalatedToThem() throws Exception {
		Task waiting = county.open();
		Task held = county.heldBy(COLLEAGUE);
		Task escalated = county.heldBy(COLLEAGUE);
		tasks.addCandidateGroup(escalated.getId(), GroupNames.lead(CountyReviewTasks.BODY));
		List<String> all = List.of(waiting.getId(), held.getId(), escalated.getId());

		assertThat(filterList(LEAD, DEPARTMENT_FILTER)).contains(waiting.getId(), escalated.getId())
			.doesNotContain(held.getId());
		assertThat(filterCount(LEAD, DEPARTMENT_FILTER, all)).isEqualTo(2);
		assertThat(filterList(DemoUsers.COUNTY_REVIEWER, DEPARTMENT_FILTER)).as("a reviewer of the body, as before")
			.containsAll(all);
		assertThat(filterCount(DemoUsers.COUNTY_REVIEWER, DEPARTMENT_FILTER, all)).isEqualTo(3);
		for (String stranger : List.of(OTHER_COUNTY_LEAD, OTHER_BODY_LEAD, OTHER_COUNTY_REVIEWER)) {
			assertThat(filterList(stranger, DEPARTMENT_FILTER)).as(stranger).doesNotContainAnyElementsOf(all);
			assertThat(filterCount(stranger, DEPARTMENT_FILTER, all)).as(stranger).isZero();
		}
		assertThat(as(DemoUsers.ENTERPRISE)
			.postJson("/engine-rest/filter/" + filter(DEPARTMENT_FILTER).getId() + "/list", "{}")
			.statusCode()).isIn(403, 404);
	}

	/**
	 * 即将超期 shows the lead the body's tasks near their due date, waiting or held by a
	 * colleague, as it shows a reviewer of the body their department's; not a task with
	 * time left, nor another body's or county's.
	 */
	@Test
	void theLeadsDueSoonListShowsTheBodysTasksNearTheirDueDateClaimedOrNot() throws Exception {
		Task soonWaiting = county.open();
		Task soonHeld = county.heldBy(COLLEAGUE);
		Task later = county.open();
		for (Task task : List.of(soonWaiting, soonHeld)) {
			Task due = tasks.createTaskQuery().taskId(task.getId()).singleResult();
			due.setFollowUpDate(Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
			tasks.saveTask(due);
		}
		List<String> all = List.of(soonWaiting.getId(), soonHeld.getId(), later.getId());

		for (String ofTheBody : List.of(LEAD, DemoUsers.COUNTY_REVIEWER)) {
			assertThat(filterList(ofTheBody, DUE_SOON_FILTER)).as(ofTheBody)
				.contains(soonWaiting.getId(), soonHeld.getId())
				.doesNotContain(later.getId());
			assertThat(filterCount(ofTheBody, DUE_SOON_FILTER, all)).as(ofTheBody).isEqualTo(2);
		}
		for (String stranger : List.of(OTHER_COUNTY_LEAD, OTHER_BODY_LEAD, OTHER_COUNTY_REVIEWER)) {
			assertThat(filterList(stranger, DUE_SOON_FILTER)).as(stranger).doesNotContainAnyElementsOf(all);
		}
		assertThat(as(DemoUsers.ENTERPRISE)
			.postJson("/engine-rest/filter/" + filter(DUE_SOON_FILTER).getId() + "/count", "{}")
			.statusCode()).isIn(403, 404);
	}

	@Test
	void onlyLeadsAreGivenTheFilter() throws Exception {
		assertThat(filterNames(LEAD)).contains(LEADS_FILTER, "我的待办", "本部门待办", "即将超期");
		for (String reviewer : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER)) {
			assertThat(filterNames(reviewer)).as(reviewer).doesNotContain(LEADS_FILTER).contains("本部门待办");
		}
		assertThat(as(DemoUsers.ENTERPRISE).get("/engine-rest/filter").statusCode()).isEqualTo(403);
	}

	@Test
	void theLeadsGrantIsReadingOnly() {
		Task waiting = county.open();
		String lead = GroupNames.lead(CountyReviewTasks.BODY);

		Authorization task = grant(lead, Resources.TASK, waiting.getId());
		assertThat(task).isNotNull();
		assertThat(task.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(task.isPermissionGranted(Permissions.TASK_WORK)).isFalse();
		assertThat(task.isPermissionGranted(Permissions.UPDATE)).isFalse();
		Authorization history = grant(lead, Resources.HISTORIC_TASK, waiting.getId());
		assertThat(history).isNotNull();
		assertThat(history.isPermissionGranted(HistoricTaskPermissions.READ)).isTrue();
		assertThat(grant(GroupNames.lead("county-371581-industry"), Resources.TASK, waiting.getId())).isNull();
	}

	/**
	 * From the task, the lead opens the case's dossier (查看完整申报材料) as the body does; the
	 * lead of another body does not.
	 */
	@Test
	void theLeadOpensTheDossierOfTheirBodysCase() {
		Task waiting = county.open();
		long applicationId = CountyReviewTasks.applicationOf(waiting, runtime);
		String dossier = "/review/applications/" + applicationId;

		HttpResponse<String> lead = as(LEAD).get(dossier);
		assertThat(lead.statusCode()).as(lead.body()).isEqualTo(200);
		assertThat(lead.body()).contains((String) tasks.getVariableLocal(waiting.getId(), "referenceNo"));
		// Another county's lead learns nothing of the case; the county finance bureau's,
		// whose project library lists every case of its county, is told it may not open
		// this one.
		assertThat(as(OTHER_COUNTY_LEAD).get(dossier).statusCode()).isEqualTo(404);
		HttpResponse<String> otherBody = as(OTHER_BODY_LEAD).get(dossier);
		assertThat(otherBody.statusCode()).isEqualTo(403);
		assertThat(otherBody.body()).contains("无权查看该案件卷宗")
			.doesNotContain((String) tasks.getVariableLocal(waiting.getId(), "referenceNo"));
	}

	/**
	 * Tasklist's list offers the 批量认领 check box where the card says the caller may claim:
	 * a lead reads the body's tasks but claims only what is escalated to the lead group,
	 * a member claims what nobody holds. Each answer is what the engine then does with
	 * the claim.
	 */
	@Test
	void theCardsSayWhoMayClaimAsTheEngineDecidesIt() throws Exception {
		Task waiting = county.open();
		Task held = county.heldBy(COLLEAGUE);
		Task escalated = county.open();
		tasks.addCandidateGroup(escalated.getId(), GroupNames.lead(CountyReviewTasks.BODY));
		String ids = String.join(",", waiting.getId(), held.getId(), escalated.getId());

		assertThat(claimable(LEAD, ids)).containsEntry(waiting.getId(), false)
			.containsEntry(held.getId(), false)
			.containsEntry(escalated.getId(), true);
		assertThat(claimable(DemoUsers.COUNTY_REVIEWER, ids)).containsEntry(waiting.getId(), true)
			.containsEntry(held.getId(), false)
			.containsEntry(escalated.getId(), true);
		assertThat(claimable(OTHER_BODY_LEAD, ids)).as("another body's lead is answered nothing").isEmpty();

		assertThat(as(LEAD).postJson("/engine-rest/task/" + waiting.getId() + "/claim", "{\"userId\":\"" + LEAD + "\"}")
			.statusCode()).isEqualTo(403);
		assertThat(
				as(LEAD).postJson("/engine-rest/task/" + escalated.getId() + "/claim", "{\"userId\":\"" + LEAD + "\"}")
					.statusCode())
			.isEqualTo(204);
		assertThat(claimable(DemoUsers.COUNTY_REVIEWER, escalated.getId()))
			.as("held by the lead now: nobody is offered it")
			.containsEntry(escalated.getId(), false);
	}

	private java.util.Map<String, Boolean> claimable(String user, String ids) throws Exception {
		HttpResponse<String> cards = as(user).get("/api/review/tasks/cards?ids=" + ids);
		assertThat(cards.statusCode()).as(cards.body()).isEqualTo(200);
		java.util.Map<String, Boolean> answer = new java.util.LinkedHashMap<>();
		for (JsonNode card : json.readTree(cards.body())) {
			answer.put(card.get("taskId").asText(), card.get("claimable").asBoolean());
		}
		return answer;
	}

	/**
	 * An overdue task is escalated as before: its lead becomes a candidate and may then
	 * claim it, as the reviewer guide says.
	 */
	@Test
	void anEscalatedTaskMayStillBeClaimedByTheLead() {
		Task waiting = county.open();
		tasks.addCandidateGroup(waiting.getId(), GroupNames.lead(CountyReviewTasks.BODY));

		Authorization task = grant(GroupNames.lead(CountyReviewTasks.BODY), Resources.TASK, waiting.getId());
		assertThat(task.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(task.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
		assertThat(authorizations.createAuthorizationQuery()
			.groupIdIn(GroupNames.lead(CountyReviewTasks.BODY))
			.resourceType(Resources.TASK)
			.resourceId(waiting.getId())
			.count()).as("one grant, widened").isEqualTo(1);
		assertThat(as(LEAD).postJson("/engine-rest/task/" + waiting.getId() + "/claim", "{\"userId\":\"" + LEAD + "\"}")
			.statusCode()).isEqualTo(204);
		// Holding it, the lead is offered what the hand-over endpoints then allow.
		assertThat(as(LEAD).get("/api/review/tasks/" + waiting.getId() + "/operations").body()).contains("\"release\"",
				"\"transfer\"");
	}

	/**
	 * Tasks opened before the leads were given their reading get it from V142; a task
	 * that already has a lead's grant (escalated) keeps it as it is.
	 */
	@Test
	void theMigrationGivesTheLeadsOfTasksOpenedBeforeTheirReading() throws Exception {
		String lead = GroupNames.lead(CountyReviewTasks.BODY);
		Task before = county.heldBy(COLLEAGUE);
		Task escalated = county.open();
		tasks.addCandidateGroup(escalated.getId(), lead);
		for (Resources resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
			authorizations.deleteAuthorization(grant(lead, resource, before.getId()).getId());
		}
		assertThat(restList(LEAD, List.of(before.getId()))).isEmpty();
		assertThat(filterList(LEAD)).doesNotContain(before.getId());

		JavaMigrations.run(new V142__LeadsReadTheirBodysOpenTasks(), dataSource);
		JavaMigrations.run(new V142__LeadsReadTheirBodysOpenTasks(), dataSource);

		assertThat(restList(LEAD, List.of(before.getId()))).containsExactly(before.getId());
		assertThat(filterList(LEAD)).contains(before.getId(), escalated.getId());
		Authorization task = grant(lead, Resources.TASK, before.getId());
		assertThat(task.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(task.isPermissionGranted(Permissions.TASK_WORK)).isFalse();
		assertThat(
				grant(lead, Resources.HISTORIC_TASK, before.getId()).isPermissionGranted(HistoricTaskPermissions.READ))
			.isTrue();
		assertThat(grant(lead, Resources.TASK, escalated.getId()).isPermissionGranted(Permissions.TASK_WORK))
			.as("the escalated task's grant is left as it was")
			.isTrue();
		for (String stranger : List.of(OTHER_COUNTY_LEAD, OTHER_BODY_LEAD)) {
			assertThat(restList(stranger, List.of(before.getId()))).as(stranger).isEmpty();
		}
		assertThat(as(LEAD).postJson("/engine-rest/task/" + before.getId() + "/submit-form", approval()).statusCode())
			.isEqualTo(403);
	}

	private Authorization grant(String groupId, Resources resource, String taskId) {
		return authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(taskId)
			.singleResult();
	}

	private Filter filter(String name) {
		return filters.createTaskFilterQuery().filterName(name).singleResult();
	}

	private List<String> filterList(String user) throws Exception {
		return filterList(user, LEADS_FILTER);
	}

	private List<String> filterList(String user, String filterName) throws Exception {
		HttpResponse<String> response = as(user)
			.postJson("/engine-rest/filter/" + filter(filterName).getId() + "/list?maxResults=2000", "{}");
		assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
		return ids(response.body());
	}

	private long filterCount(String user, List<String> taskIds) throws Exception {
		return filterCount(user, LEADS_FILTER, taskIds);
	}

	private long filterCount(String user, String filterName, List<String> taskIds) throws Exception {
		HttpResponse<String> response = as(user).postJson(
				"/engine-rest/filter/" + filter(filterName).getId() + "/count",
				"{\"taskIdIn\":" + json.writeValueAsString(taskIds) + "}");
		assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("count").asLong();
	}

	private List<String> restList(String user, List<String> taskIds) throws Exception {
		HttpResponse<String> response = as(user).get("/engine-rest/task?taskIdIn=" + String.join(",", taskIds));
		assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
		return ids(response.body());
	}

	private long restCount(String user, List<String> taskIds) throws Exception {
		HttpResponse<String> response = as(user).get("/engine-rest/task/count?taskIdIn=" + String.join(",", taskIds));
		assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("count").asLong();
	}

	private List<String> filterNames(String user) throws Exception {
		HttpResponse<String> response = as(user).get("/engine-rest/filter?resourceType=Task");
		assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		json.readTree(response.body()).forEach(f -> names.add(f.path("name").asText()));
		return names;
	}

	private List<String> ids(String body) throws Exception {
		List<String> ids = new ArrayList<>();
		for (JsonNode task : json.readTree(body)) {
			ids.add(task.path("id").asText());
		}
		return ids;
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String approval() {
		return "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"材料齐全，同意推荐。\"}}}";
	}

}
