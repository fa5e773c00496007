package cn.liaocheng.renewal.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.organization.EngineStartupWork;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import cn.liaocheng.renewal.support.TrustedDeployment;

/**
 * The ready-made Tasklist filters: created once, shared with reviewers only, and showing
 * each reviewer their own tasks.
 */
@WebIntegrationTest
class ReviewerFiltersTest {

	static final String MY_TASKS = "我的待办";

	static final String MY_DEPARTMENT = "本部门待办";

	static final String DUE_SOON = "即将超期";

	static final List<String> NAMES = List.of(MY_TASKS, MY_DEPARTMENT, DUE_SOON);

	/** The leads' filter, shared with the lead groups only. */
	static final String LED_DEPARTMENT = "本部门在办";

	static final List<String> ALL_NAMES = List.of(MY_TASKS, MY_DEPARTMENT, DUE_SOON, LED_DEPARTMENT);

	private static final String GX_INDUSTRY = "county-371525-industry";

	private static final String LQ_INDUSTRY = "county-371581-industry";

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	FilterService filters;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	cn.liaocheng.renewal.application.Applications applications;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	TaskService tasks;

	@Test
	void eachFilterExistsOnceAndAgainAfterTheInitializerRunsTwice() throws Exception {
		assertEachFilterExistsOnce();
		Map<String, Long> grantsBefore = readGrantsPerFilter();

		EngineStartupWork initializer = initializer();
		initializer.run();
		initializer.run();

		assertEachFilterExistsOnce();
		assertThat(readGrantsPerFilter()).isEqualTo(grantsBefore);
	}

	@Test
	void theFiltersCarryTheirQueriesAndTasklistProperties() throws Exception {
		WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		JsonNode mine = restFilter(admin, MY_TASKS);
		JsonNode department = restFilter(admin, MY_DEPARTMENT);
		JsonNode dueSoon = restFilter(admin, DUE_SOON);
		JsonNode led = restFilter(admin, LED_DEPARTMENT);

		assertThat(mine.at("/query/assigneeExpression").asText()).isEqualTo("${currentUser()}");
		// The bodies one works for, and of them one's own groups' tasks or the unclaimed
		// ones: for a lead, the bodies they lead too.
		assertThat(department.at("/query/candidateGroupsExpression").asText()).isEqualTo("${currentUserBodies()}");
		assertThat(department.at("/query/includeAssignedTasks").asBoolean()).isTrue();
		assertThat(department.at("/query/orQueries")).hasSize(1);
		assertThat(department.at("/query/orQueries/0/candidateGroupsExpression").asText())
			.isEqualTo("${currentUserGroups()}");
		assertThat(department.at("/query/orQueries/0/includeAssignedTasks").asBoolean()).isTrue();
		assertThat(department.at("/query/orQueries/0/unassigned").asBoolean()).isTrue();
		assertThat(dueSoon.at("/query/candidateGroupsExpression").asText()).isEqualTo("${currentUserBodies()}");
		assertThat(dueSoon.at("/query/followUpBeforeExpression").asText()).isEqualTo("${now()}");
		assertThat(dueSoon.at("/query/sorting/0/sortBy").asText()).isEqualTo("dueDate");
		assertThat(dueSoon.at("/query/sorting/0/sortOrder").asText()).isEqualTo("asc");
		assertThat(led.at("/query/candidateGroupsExpression").asText()).isEqualTo("${currentUserBodies()}");
		assertThat(led.at("/query/includeAssignedTasks").asBoolean()).isTrue();
		assertThat(led.at("/query/sorting").isMissingNode() || led.at("/query/sorting").isEmpty()).isTrue();
		for (JsonNode filter : List.of(mine, department, dueSoon, led)) {
			assertThat(filter.at("/properties/refresh").asBoolean()).isTrue();
			assertThat(filter.at("/properties/variables").findValuesAsText("name")).containsExactly("referenceNo",
					"enterpriseName", "kindName", "applicationTitle");
			assertThat(filter.at("/properties/variables").findValuesAsText("label")).containsExactly("申报编号", "申报企业",
					"申报类型", "申报事项");
		}
		for (JsonNode filter : List.of(mine, dueSoon, led)) {
			assertThat(filter.toString()).doesNotContain("orQueries\":[{");
		}
		assertThat(List.of(mine, department, dueSoon, led)).extracting(f -> f.at("/properties/priority").asInt())
			.containsExactly(10, 20, 30, 40);
	}

	private JsonNode restFilter(WebClient client, String name) throws Exception {
		HttpResponse<String> response = client.get("/engine-rest/filter/" + filter(name).getId());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	@Test
	void anAdministratorsChangesToAFilterSurviveTheNextStart() throws Exception {
		Filter department = filter(MY_DEPARTMENT);
		Map<String, Object> original = department.getProperties();
		Map<String, Object> edited = new java.util.LinkedHashMap<>(original);
		edited.put("priority", 99);
		edited.put("description", "管理员修改过的说明");
		department.setProperties(edited);
		filters.saveFilter(department);
		try {
			initializer().run();

			Filter after = filter(MY_DEPARTMENT);
			assertThat(after.getId()).isEqualTo(department.getId());
			assertThat(after.getProperties()).containsEntry("priority", 99).containsEntry("description", "管理员修改过的说明");
		}
		finally {
			Filter restore = filter(MY_DEPARTMENT);
			restore.setProperties(original);
			filters.saveFilter(restore);
		}
	}

	@Test
	void reviewersOfEveryKindSeeTheFiltersThroughTheRestApi() throws Exception {
		for (String reviewer : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER)) {
			HttpResponse<String> response = new WebClient(port).withBasic(reviewer, DemoUsers.PASSWORD)
				.get("/engine-rest/filter?resourceType=Task");
			assertThat(response.statusCode()).as(reviewer + ": " + response.body()).isEqualTo(200);
			List<String> names = new ArrayList<>();
			json.readTree(response.body()).forEach(f -> names.add(f.get("name").asText()));
			assertThat(names).as(reviewer).containsAll(NAMES);
		}
	}

	@Test
	void theLeadsFilterIsSharedWithEveryLeadGroupAndNoOtherGroup() {
		List<String> shared = authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filter(LED_DEPARTMENT).getId())
			.list()
			.stream()
			.map(a -> a.getGroupId())
			.toList();
		assertThat(shared).isNotEmpty().allSatisfy(group -> assertThat(group).endsWith("-lead"));
		assertThat(shared).contains(GX_INDUSTRY + "-lead", "city-industry-lead", "bank-icbc-lead");
	}

	@Test
	void anEnterpriseIsRefusedTheFilters() {
		HttpResponse<String> response = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/engine-rest/filter");
		assertThat(response.statusCode()).isEqualTo(403);
		// Nor would the engine let it read them if the door were open.
		List<String> groups = identity.createGroupQuery()
			.groupMember(DemoUsers.ENTERPRISE)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		for (String name : ALL_NAMES) {
			assertThat(authorizations.isUserAuthorized(DemoUsers.ENTERPRISE, groups, Permissions.READ, Resources.FILTER,
					filter(name).getId()))
				.as(name)
				.isFalse();
		}
	}

	@Test
	void aCountyReviewerRunningTheFiltersGetsOnlyTheirCountysTasks() throws Exception {
		String deploymentId = TrustedDeployment
			.deploy(repository.createDeployment()
				.name("tasklist-filter-probe")
				.addString("tasklist-filter-probe.bpmn", probeDefinitions()))
			.getId();
		try {
			String gxProcess = runtime.startProcessInstanceByKey("tasklist-filter-probe-gx").getId();
			String lqProcess = runtime.startProcessInstanceByKey("tasklist-filter-probe-lq").getId();
			Task gxTask = tasks.createTaskQuery().processInstanceId(gxProcess).singleResult();
			Task lqTask = tasks.createTaskQuery().processInstanceId(lqProcess).singleResult();
			WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);

			List<String> department = taskIds(reviewer, filter(MY_DEPARTMENT));
			assertThat(department).contains(gxTask.getId()).doesNotContain(lqTask.getId());
			assertThat(taskIds(reviewer, filter(MY_TASKS))).doesNotContain(gxTask.getId(), lqTask.getId());

			// Due soon from a moment passed (the follow-up date, two working days before
			// the due day): listed.
			setDueSoonFrom(gxTask.getId(), Instant.now().minus(1, ChronoUnit.HOURS));
			setDueSoonFrom(lqTask.getId(), Instant.now().minus(1, ChronoUnit.HOURS));
			assertThat(taskIds(reviewer, filter(DUE_SOON))).contains(gxTask.getId()).doesNotContain(lqTask.getId());
			setDueSoonFrom(gxTask.getId(), Instant.now().plus(2, ChronoUnit.DAYS));
			assertThat(taskIds(reviewer, filter(DUE_SOON))).doesNotContain(gxTask.getId());

			// Claimed: in 我的待办, and still in 本部门待办 for colleagues.
			tasks.claim(gxTask.getId(), DemoUsers.COUNTY_REVIEWER);
			assertThat(taskIds(reviewer, filter(MY_TASKS))).contains(gxTask.getId()).doesNotContain(lqTask.getId());
			assertThat(taskIds(reviewer, filter(MY_DEPARTMENT))).contains(gxTask.getId());
		}
		finally {
			repository.deleteDeployment(deploymentId, true);
		}
	}

	private void setDueSoonFrom(String taskId, Instant from) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		task.setFollowUpDate(Date.from(from));
		tasks.saveTask(task);
	}

	private List<String> taskIds(WebClient client, Filter filter) throws Exception {
		HttpResponse<String> response = client
			.postJson("/engine-rest/filter/" + filter.getId() + "/list?maxResults=1000", "{}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode task : json.readTree(response.body())) {
			ids.add(task.get("id").asText());
		}
		return ids;
	}

	/** Two one-task processes: one for 冠县's industry bureau, one for 临清市's. */
	private static String probeDefinitions() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="tasklist-filter-probe"
				    targetNamespace="http://liaocheng.cn/renewal/test">
				""" + probeProcess("tasklist-filter-probe-gx", GX_INDUSTRY)
				+ probeProcess("tasklist-filter-probe-lq", LQ_INDUSTRY) + "</bpmn:definitions>\n";
	}

	private static String probeProcess(String key, String candidateGroup) {
		return """
				  <bpmn:process id="%1$s" name="过滤器测试" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="%1$s-start"/>
				    <bpmn:sequenceFlow id="%1$s-flow" sourceRef="%1$s-start" targetRef="%1$s-review"/>
				    <bpmn:userTask id="%1$s-review" name="过滤器测试审核" camunda:candidateGroups="%2$s"/>
				  </bpmn:process>
				""".formatted(key, candidateGroup);
	}

	private void assertEachFilterExistsOnce() {
		for (String name : ALL_NAMES) {
			assertThat(filters.createTaskFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
		}
	}

	private Map<String, Long> readGrantsPerFilter() {
		Map<String, Long> grants = new java.util.TreeMap<>();
		for (String name : ALL_NAMES) {
			grants.put(name,
					authorizations.createAuthorizationQuery()
						.resourceType(Resources.FILTER)
						.resourceId(filter(name).getId())
						.count());
		}
		assertThat(grants.values()).allSatisfy(n -> assertThat(n).isGreaterThan(100));
		return grants;
	}

	@Test
	void dueSoonListsTheTasksWithAtMostTwoWorkingDaysLeft() throws Exception {
		CountyReviewTasks county = new CountyReviewTasks(applications, identity, tasks);
		Task soon = county.open();
		Task later = county.open();
		// Each review task becomes due soon at the start of the day two working days
		// before its due day.
		for (Task task : List.of(soon, later)) {
			java.time.LocalDate dueDay = java.time.LocalDate.ofInstant(task.getDueDate().toInstant(),
					WorkingDays.CHINA);
			assertThat(task.getFollowUpDate().toInstant())
				.isEqualTo(workingDays.minusWorkingDays(dueDay, 2).atStartOfDay(WorkingDays.CHINA).toInstant());
		}
		// Five working days are given; let the clock reach the first task's follow-up
		// date.
		Task reached = tasks.createTaskQuery().taskId(soon.getId()).singleResult();
		reached.setFollowUpDate(Date.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
		tasks.saveTask(reached);

		WebClient reviewer = new WebClient(port).withBasic("gx-industry", DemoUsers.PASSWORD);
		HttpResponse<String> listed = reviewer.postJson("/engine-rest/filter/" + filter(DUE_SOON).getId() + "/list",
				"{}");

		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		json.readTree(listed.body()).forEach(task -> ids.add(task.path("id").asText()));
		assertThat(ids).contains(soon.getId()).doesNotContain(later.getId());
	}

	@Test
	void tasklistsListOfTasksNamesTheCaseOfEachTask() throws Exception {
		Task task = new CountyReviewTasks(applications, identity, tasks).open();
		WebClient reviewer = new WebClient(port).withBasic("gx-industry", DemoUsers.PASSWORD);

		// As Tasklist asks for a filter's list: HAL, with the variables the filter names
		// embedded.
		HttpResponse<String> listed = reviewer.postJson(
				"/engine-rest/filter/" + filter(MY_DEPARTMENT).getId() + "/list?firstResult=0&maxResults=200", "{}",
				"Accept", "application/hal+json");

		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		JsonNode page = json.readTree(listed.body());
		JsonNode variables = null;
		for (JsonNode embedded : page.at("/_embedded/task")) {
			if (embedded.path("id").asText().equals(task.getId())) {
				variables = embedded.at("/_embedded/variable");
			}
		}
		assertThat(variables).as("the task and its variables in the list").isNotNull();
		Map<String, String> shown = new java.util.HashMap<>();
		variables.forEach(v -> shown.put(v.path("name").asText(), v.path("value").asText()));
		assertThat(shown.get("referenceNo")).startsWith("XM-");
		assertThat(shown.get("enterpriseName")).isEqualTo("冠县演示轴承制造有限公司");
		assertThat(shown.get("applicationTitle")).contains("项目入库申请");
		assertThat(shown.get("kindName")).isEqualTo("项目入库");
	}

	@Test
	void aDueSoonFilterAsFirstShippedCountsWorkingDaysAfterTheNextStart() throws Exception {
		Filter dueSoon = filter(DUE_SOON);
		Map<String, Object> properties = dueSoon.getProperties();
		asShippedForOwnGroups(dueSoon,
				t -> t.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.dueBeforeExpression("${dateTime().plusDays(2)}")
					.orderByDueDate()
					.asc(),
				"本部门两天内到期或已超期的任务，按截止日期排序");

		initializer().run();

		assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter(DUE_SOON).getQuery()).getExpressions())
			.containsEntry("followUpBefore", "${now()}")
			.doesNotContainValue("${dateTime().plusDays(2)}");
		// And on to the query and description of today: a lead's bodies too.
		assertThat(json(filter(DUE_SOON))).isEqualTo(json(asShipped(DUE_SOON)));
		assertThat(filter(DUE_SOON).getProperties()).isEqualTo(properties);
	}

	@Test
	void theDepartmentsFiltersAsFirstShippedLeaveTheOrderToTasklistsSortingAfterTheNextStart() throws Exception {
		Filter mine = filter(MY_TASKS);
		mine.setQuery(
				tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskCreateTime().desc());
		filters.saveFilter(mine);
		Filter department = filter(MY_DEPARTMENT);
		department.setQuery(tasks.createTaskQuery()
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.includeAssignedTasks()
			.orderByTaskPriority()
			.asc());
		filters.saveFilter(department);
		try {
			initializer().run();

			assertThat(
					((org.camunda.bpm.engine.impl.TaskQueryImpl) filter(MY_TASKS).getQuery()).getOrderingProperties())
				.isEmpty();
			assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) filter(MY_DEPARTMENT).getQuery())
				.getOrderingProperties()).as("an administrator's own order stays").hasSize(1);
			assertThat(
					((org.camunda.bpm.engine.impl.TaskQueryImpl) filter(DUE_SOON).getQuery()).getOrderingProperties())
				.as("即将超期 keeps the most urgent first")
				.hasSize(1);
		}
		finally {
			Filter restored = filter(MY_DEPARTMENT);
			restored.setQuery(asShipped(MY_DEPARTMENT));
			filters.saveFilter(restored);
		}
	}

	/**
	 * A filter holding its first-shipped query plus a criterion an administrator added
	 * (or an order of their own) is theirs: the next start leaves it exactly as it is.
	 */
	@Test
	void aFilterAsFirstShippedThatAnAdministratorEditedIsLeftAsItIs() throws Exception {
		Map<String, Object> dueSoonProperties = filter(DUE_SOON).getProperties();
		try {
			asShippedForOwnGroups(filter(DUE_SOON),
					t -> t.createTaskQuery()
						.taskCandidateGroupInExpression("${currentUserGroups()}")
						.includeAssignedTasks()
						.dueBeforeExpression("${dateTime().plusDays(2)}")
						.processDefinitionKey("county-review")
						.orderByDueDate()
						.asc(),
					"本部门两天内到期或已超期的任务，按截止日期排序");
			Filter mine = filter(MY_TASKS);
			mine.setQuery(tasks.createTaskQuery()
				.taskAssigneeExpression("${currentUser()}")
				.processDefinitionKey("joint-review")
				.orderByTaskCreateTime()
				.desc());
			filters.saveFilter(mine);
			Filter department = filter(MY_DEPARTMENT);
			department.setQuery(tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserGroups()}")
				.includeAssignedTasks()
				.orderByTaskCreateTime()
				.desc()
				.orderByDueDate()
				.asc());
			filters.saveFilter(department);
			String dueSoonBefore = json(filter(DUE_SOON));
			String mineBefore = json(filter(MY_TASKS));
			String departmentBefore = json(filter(MY_DEPARTMENT));

			initializer().run();

			assertThat(json(filter(DUE_SOON))).as("即将超期 with the administrator's process").isEqualTo(dueSoonBefore);
			assertThat(((TaskQueryImpl) filter(DUE_SOON).getQuery()).getExpressions()).containsEntry("dueBefore",
					"${dateTime().plusDays(2)}");
			assertThat(json(filter(MY_TASKS))).as("我的待办 with the administrator's process").isEqualTo(mineBefore);
			assertThat(json(filter(MY_DEPARTMENT))).as("本部门待办 with a second order").isEqualTo(departmentBefore);
		}
		finally {
			asShippedForOwnGroups(filter(DUE_SOON), OWN_GROUPS_DUE_SOON, "本部门剩余不超过两个工作日或已超期的任务，按截止日期排序");
			Filter mine = filter(MY_TASKS);
			mine.setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
			filters.saveFilter(mine);
			Filter department = filter(MY_DEPARTMENT);
			department.setQuery(asShipped(MY_DEPARTMENT));
			filters.saveFilter(department);
			initializer().run();
		}
		assertThat(json(filter(DUE_SOON))).isEqualTo(json(asShipped(DUE_SOON)));
		assertThat(filter(DUE_SOON).getProperties()).isEqualTo(dueSoonProperties);
	}

	/**
	 * 本部门待办 and 即将超期 as shipped before they showed a lead the bodies they lead (the
	 * runner's own groups only) get the new query at the next start, and their
	 * description with it. A copy whose criteria or description an administrator changed
	 * keeps them.
	 */
	@Test
	void theDepartmentAndDueSoonFiltersAsShippedForOwnGroupsShowALeadTheirBodiesAfterTheNextStart() throws Exception {
		Filter department = filter(MY_DEPARTMENT);
		Filter dueSoon = filter(DUE_SOON);
		Map<String, Object> departmentProperties = department.getProperties();
		Map<String, Object> dueSoonProperties = dueSoon.getProperties();
		try {
			asShippedForOwnGroups(department, OWN_GROUPS_DEPARTMENT, "本部门（我所在的组）的全部任务，含已被同事认领的任务");
			asShippedForOwnGroups(dueSoon, OWN_GROUPS_DUE_SOON, "本部门剩余不超过两个工作日或已超期的任务，按截止日期排序");

			initializer().run();

			assertThat(json(filter(MY_DEPARTMENT))).isEqualTo(json(asShipped(MY_DEPARTMENT)));
			assertThat(json(filter(DUE_SOON))).isEqualTo(json(asShipped(DUE_SOON)));
			assertThat(filter(MY_DEPARTMENT).getProperties()).isEqualTo(departmentProperties);
			assertThat(filter(DUE_SOON).getProperties()).isEqualTo(dueSoonProperties);

			// Edited by an administrator: a criterion of their own, or a description of
			// their own.
			Filter edited = filter(MY_DEPARTMENT);
			edited.setQuery(tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserGroups()}")
				.includeAssignedTasks()
				.processDefinitionKey("county-review"));
			Map<String, Object> shippedDescription = new java.util.LinkedHashMap<>(departmentProperties);
			shippedDescription.put("description", "本部门（我所在的组）的全部任务，含已被同事认领的任务");
			edited.setProperties(shippedDescription);
			filters.saveFilter(edited);
			asShippedForOwnGroups(filter(DUE_SOON), OWN_GROUPS_DUE_SOON, "本科室的任务，两个工作日内到期");

			initializer().run();

			TaskQueryImpl department2 = (TaskQueryImpl) filter(MY_DEPARTMENT).getQuery();
			assertThat(department2.getExpressions()).containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");
			assertThat(department2.getProcessDefinitionKey()).isEqualTo("county-review");
			assertThat(department2.getQueries()).hasSize(1);
			assertThat(json(filter(DUE_SOON))).isEqualTo(json(OWN_GROUPS_DUE_SOON.apply(tasks)));
			assertThat(filter(DUE_SOON).getProperties()).containsEntry("description", "本科室的任务，两个工作日内到期");
		}
		finally {
			asShippedForOwnGroups(filter(MY_DEPARTMENT), OWN_GROUPS_DEPARTMENT, "本部门（我所在的组）的全部任务，含已被同事认领的任务");
			asShippedForOwnGroups(filter(DUE_SOON), OWN_GROUPS_DUE_SOON, "本部门剩余不超过两个工作日或已超期的任务，按截止日期排序");
			initializer().run();
		}
		assertThat(json(filter(MY_DEPARTMENT))).isEqualTo(json(asShipped(MY_DEPARTMENT)));
		assertThat(json(filter(DUE_SOON))).isEqualTo(json(asShipped(DUE_SOON)));
	}

	/** The queries of 本部门待办 and 即将超期 as shipped for the runner's own groups only. */
	private static final java.util.function.Function<TaskService, TaskQuery> OWN_GROUPS_DEPARTMENT = tasks -> tasks
		.createTaskQuery()
		.taskCandidateGroupInExpression("${currentUserGroups()}")
		.includeAssignedTasks();

	private static final java.util.function.Function<TaskService, TaskQuery> OWN_GROUPS_DUE_SOON = tasks -> tasks
		.createTaskQuery()
		.taskCandidateGroupInExpression("${currentUserGroups()}")
		.includeAssignedTasks()
		.followUpBeforeExpression("${now()}")
		.orderByDueDate()
		.asc();

	private void asShippedForOwnGroups(Filter filter, java.util.function.Function<TaskService, TaskQuery> query,
			String description) {
		filter.setQuery(query.apply(tasks));
		Map<String, Object> properties = new java.util.LinkedHashMap<>(filter.getProperties());
		properties.put("description", description);
		filter.setProperties(properties);
		filters.saveFilter(filter);
	}

	/** The query a filter is shipped with now. */
	private TaskQuery asShipped(String name) {
		return switch (name) {
			case MY_DEPARTMENT -> tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserBodies()}")
				.includeAssignedTasks()
				.or()
				.taskCandidateGroupInExpression("${currentUserGroups()}")
				.includeAssignedTasks()
				.taskUnassigned()
				.endOr();
			case DUE_SOON -> tasks.createTaskQuery()
				.taskCandidateGroupInExpression("${currentUserBodies()}")
				.includeAssignedTasks()
				.followUpBeforeExpression("${now()}")
				.orderByDueDate()
				.asc();
			default -> throw new IllegalArgumentException(name);
		};
	}

	/** A task query in the JSON form the engine stores in a filter. */
	private static String json(Object filterOrQuery) {
		TaskQuery query = filterOrQuery instanceof Filter filter ? (TaskQuery) filter.getQuery()
				: (TaskQuery) filterOrQuery;
		return new JsonTaskQueryConverter().toJsonObject(query).toString();
	}

	@Test
	void aFilterShowingTheCaseAsFirstShippedShowsTheKindTooAfterTheNextStart() throws Exception {
		Filter mine = filter(MY_TASKS);
		Map<String, Object> properties = new java.util.LinkedHashMap<>(mine.getProperties());
		properties.put("variables",
				List.of(Map.of("name", "referenceNo", "label", "申报编号"),
						Map.of("name", "enterpriseName", "label", "申报企业"),
						Map.of("name", "applicationTitle", "label", "申报事项")));
		mine.setProperties(properties);
		filters.saveFilter(mine);
		Filter department = filter(MY_DEPARTMENT);
		Map<String, Object> edited = new java.util.LinkedHashMap<>(department.getProperties());
		edited.put("variables", List.of(Map.of("name", "referenceNo", "label", "编号")));
		department.setProperties(edited);
		filters.saveFilter(department);
		try {
			initializer().run();

			assertThat(filter(MY_TASKS).getProperties().get("variables").toString()).contains("kindName", "申报类型");
			assertThat(filter(MY_DEPARTMENT).getProperties().get("variables").toString())
				.as("an administrator's own list stays")
				.doesNotContain("kindName");
		}
		finally {
			Filter restored = filter(MY_DEPARTMENT);
			Map<String, Object> back = new java.util.LinkedHashMap<>(restored.getProperties());
			back.put("variables", filter(MY_TASKS).getProperties().get("variables"));
			restored.setProperties(back);
			filters.saveFilter(restored);
		}
	}

	private Filter filter(String name) {
		return filters.createTaskFilterQuery().filterName(name).singleResult();
	}

	private EngineStartupWork initializer() {
		return context.getBean("reviewerFilterInitializer", EngineStartupWork.class);
	}

}
