package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import cn.liaocheng.renewal.support.TrustedDeployment;

/**
 * Tries to make the server evaluate an expression of the caller's choosing, as a county
 * reviewer, a bank officer and an administrator, through both REST roots and the path
 * spellings the servlet container accepts, in task queries, in filters saved and in
 * filters run; then through a model deployed past the administrators' door. The
 * expression sets a system property by reflection, so a test can tell whether it ran.
 */
@WebIntegrationTest
class ExpressionInjectionTest {

	private static final String PWNED = "renewal.pwned";

	/**
	 * Sets {@value #PWNED} through reflection (proved to work on an unguarded engine by
	 * ReflectionGuardTest).
	 */
	static final String ATTACK = "${''.getClass().forName('java.lang.System').getMethod('setProperty', "
			+ "''.getClass(), ''.getClass()).invoke(null, '" + PWNED + "', 'yes')}";

	private static final String IN_OR_QUERY = "{\"orQueries\":[{\"assigneeExpression\":\"" + ATTACK + "\"}]}";

	private static final String AT_TOP = "{\"candidateGroupExpression\":\"" + ATTACK + "\"}";

	private static final List<String> BODIES = List.of(IN_OR_QUERY, AT_TOP);

	private static final List<String> USERS = List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.BANK_OFFICER,
			DemoUsers.ADMIN);

	private static final String REST = "/engine-rest";

	private static final String WEBAPP = "/camunda/api/engine/engine/default";

	/** The task query as the servlet container accepts it, beneath either root. */
	private static final List<String> TASK_QUERY_SPELLINGS = List.of("/task", "/task/", "//task", "/task;x=y",
			"/%74ask", "/task/count", "/task/count/", "/task;jsessionid=x/count");

	private static final String MY_TASKS = "我的待办";

	/**
	 * The Tasklist filters every reviewer gets; their stored expressions are the only
	 * ones allowed.
	 */
	private static final List<String> REVIEWER_FILTERS = List.of(MY_TASKS, "本部门待办", "即将超期");

	@LocalServerPort
	int port;

	@Autowired
	FilterService filters;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	DecisionService decisions;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	@AfterEach
	void noPropertyYet() {
		System.clearProperty(PWNED);
	}

	@Test
	void taskQueriesCarryingAnExpressionAreRefusedOnEverySpellingOfTheRestApi() {
		for (String user : USERS) {
			WebClient client = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
			for (String spelling : TASK_QUERY_SPELLINGS) {
				for (String body : BODIES) {
					assertRefused(client.postJson(REST + spelling, body),
							user + " POST " + REST + spelling + " " + body);
				}
			}
			for (String query : queryStrings()) {
				assertRefused(client.get(REST + query), user + " GET " + query);
			}
		}
	}

	@Test
	void taskQueriesCarryingAnExpressionAreRefusedOnEverySpellingOfTheWebappsApi() {
		for (String user : USERS) {
			Webapp webapp = webapp(user);
			for (String spelling : TASK_QUERY_SPELLINGS) {
				for (String body : BODIES) {
					assertRefused(webapp.post(WEBAPP + spelling, body),
							user + " POST " + WEBAPP + spelling + " " + body);
				}
			}
			for (String query : queryStrings()) {
				assertRefused(webapp.client.get(WEBAPP + query), user + " GET " + WEBAPP + query);
			}
		}
	}

	@Test
	void theEngineItselfRefusesAndSaysWhyInChinese() {
		for (String user : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.BANK_OFFICER)) {
			WebClient rest = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
			Webapp webapp = webapp(user);
			for (String spelling : List.of("/task", "/task/", "/task/count")) {
				for (HttpResponse<String> response : List.of(rest.postJson(REST + spelling, IN_OR_QUERY),
						webapp.post(WEBAPP + spelling, IN_OR_QUERY))) {
					assertThat(response.statusCode()).as(user + " " + spelling).isEqualTo(400);
					assertThat(response.body()).contains("查询条件中不允许使用表达式", "taskAssigneeExpression");
				}
			}
		}
	}

	@Test
	void filtersCannotBeCreatedWithAnExpressionAtTheTopOrInOrQueries() {
		long before = filters.createFilterQuery().count();
		for (String user : USERS) {
			WebClient rest = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
			Webapp webapp = webapp(user);
			for (String query : BODIES) {
				String filter = "{\"resourceType\":\"Task\",\"name\":\"注入测试\",\"query\":" + query + "}";
				assertRefused(rest.postJson(REST + "/filter/create", filter), user + " REST create " + query);
				assertRefused(rest.postJson(REST + "/filter/create/", filter), user + " REST create/ " + query);
				assertRefused(webapp.post(WEBAPP + "/filter/create", filter), user + " webapp create " + query);
			}
		}
		assertThat(filters.createFilterQuery().count()).isEqualTo(before);
	}

	@Test
	void anAdministratorCannotChangeAFilterToCarryAnExpression() {
		Filter mine = filters.createTaskFilterQuery().filterName(MY_TASKS).singleResult();
		Map<String, String> expressions = storedExpressions(mine.getId());
		WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		for (String query : BODIES) {
			HttpResponse<String> response = admin.putJson(REST + "/filter/" + mine.getId(),
					"{\"resourceType\":\"Task\",\"name\":\"" + MY_TASKS + "\",\"query\":" + query + "}");

			assertRefused(response, "PUT " + query);
			assertThat(response.body()).contains("任务筛选器中只能使用以下表达式");
		}
		assertThat(storedExpressions(mine.getId())).isEqualTo(expressions);
	}

	@Test
	void filtersCannotBeRunWithAnExpressionInTheQueryTheyAreExtendedWith() {
		String mine = filters.createTaskFilterQuery().filterName(MY_TASKS).singleResult().getId();
		for (String user : USERS) {
			WebClient rest = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
			Webapp webapp = webapp(user);
			for (String run : List.of("/list", "/count", "/singleResult", "/list/",
					"/list?firstResult=0&maxResults=15")) {
				for (String body : BODIES) {
					String path = "/filter/" + mine + run;
					assertRefused(rest.postJson(REST + path, body), user + " REST " + path + " " + body);
					assertRefused(webapp.post(WEBAPP + path, body), user + " webapp " + path + " " + body);
				}
			}
		}
	}

	@Test
	void aFilterThatWasStoredWithAnExpressionBeforeIsRefusedWhenRun() {
		Filter planted = filters.saveFilter(filters.newTaskFilter("早先存入的筛选器"));
		try {
			// As a filter saved before the guard existed would look: written past the
			// engine, straight into its table.
			jdbc.update("update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?", IN_OR_QUERY, planted.getId());
			grantRead(planted.getId(), DemoUsers.COUNTY_REVIEWER);
			for (String user : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.ADMIN)) {
				WebClient rest = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
				String path = REST + "/filter/" + planted.getId();
				assertRefused(rest.get(path + "/list"), user + " GET list");
				assertRefused(rest.get(path + "/count"), user + " GET count");
				assertRefused(rest.postJson(path + "/list", "{}"), user + " POST list");
				assertRefused(rest.get(path + "?itemCount=true"), user + " GET itemCount");
				assertRefused(webapp(user).post(WEBAPP + "/filter/" + planted.getId() + "/count", "{}"),
						user + " webapp");
			}
		}
		finally {
			filters.deleteFilter(planted.getId());
		}
	}

	@Test
	void theReviewersFiltersAndOrdinaryQueriesStillRun() {
		for (String user : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.BANK_OFFICER)) {
			WebClient rest = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
			for (String name : REVIEWER_FILTERS) {
				String path = REST + "/filter/"
						+ filters.createTaskFilterQuery().filterName(name).singleResult().getId();
				HttpResponse<String> list = rest.postJson(path + "/list",
						"{\"orQueries\":[{\"assignee\":\"nobody\",\"nameLike\":\"%审%\"}],\"sorting\":[{\"sortBy\":\"created\","
								+ "\"sortOrder\":\"desc\"}]}");
				assertThat(list.statusCode()).as(user + " " + name + ": " + list.body()).isEqualTo(200);
				assertThat(rest.get(path + "/count").statusCode()).as(user + " " + name).isEqualTo(200);
			}
			assertThat(rest.get(REST + "/filter?resourceType=Task&itemCount=true").statusCode()).as(user)
				.isEqualTo(200);
			assertThat(webapp(user).post(WEBAPP + "/task/count", "{\"orQueries\":[{\"assignee\":\"nobody\"}]}")
				.statusCode()).as(user).isEqualTo(200);
		}
	}

	@Test
	void aModelDeployedPastTheAdministratorsDoorCannotReachReflectionBeansOrScripts() {
		// Deployed as trusted, past the administrators' check: only the engine stands in
		// the way.
		String deployment = TrustedDeployment
			.deploy(repository.createDeployment()
				.name("expression-injection-probe")
				.addString("el-probe.bpmn", probeProcesses())
				.addString("el-probe.dmn", probeDecision()))
			.getId();
		try {
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("el-probe-reflection"))
				.isInstanceOf(ProcessEngineException.class)
				.hasStackTraceContaining("表达式不允许使用反射或访问系统资源");
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("el-probe-script"))
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("juel");
			assertThatThrownBy(() -> runtime.startProcessInstanceByKey("el-probe-bean"))
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageContaining("identityService");
			assertThatThrownBy(() -> decisions.evaluateDecisionByKey("el-probe-table").evaluate())
				.hasStackTraceContaining("表达式不允许使用反射或访问系统资源");
			assertThat(System.getProperty(PWNED)).isNull();
			assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("el-probe-bean").count()).isZero();
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

	/**
	 * Nothing ran and the answer is a refusal: 400 from the engine (or from Spring's
	 * firewall, for {@code //} and {@code ;}), 403, or 404 where a spelling leads to no
	 * resource at all ({@code %74ask}); never a result, never 500.
	 */
	private void assertRefused(HttpResponse<String> response, String attempt) {
		assertThat(System.getProperty(PWNED)).as("expression ran: " + attempt).isNull();
		assertThat(response.statusCode()).as(attempt + " → " + response.body()).isIn(400, 403, 404);
	}

	private static List<String> queryStrings() {
		String attack = URLEncoder.encode(ATTACK, StandardCharsets.UTF_8);
		return List.of("/task?assigneeExpression=" + attack, "/task/?candidateGroupsExpression=" + attack,
				"/task/count?ownerExpression=" + attack, "/%74ask?assigneeLikeExpression=" + attack);
	}

	private Map<String, String> storedExpressions(String filterId) {
		AbstractQuery<?, ?> query = filters.getFilter(filterId).getQuery();
		return Map.copyOf(query.getExpressions());
	}

	private void grantRead(String filterId, String userId) {
		Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		read.setUserId(userId);
		read.setResource(Resources.FILTER);
		read.setResourceId(filterId);
		read.addPermission(Permissions.READ);
		authorizations.saveAuthorization(read);
	}

	/**
	 * A user in Tasklist: logged in, with the token Camunda's CSRF filter wants on every
	 * change.
	 */
	private Webapp webapp(String user) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);
		client.get("/camunda/app/tasklist/default/");
		String token = client.cookie("XSRF-TOKEN");
		assertThat(token).as("Camunda's XSRF cookie for " + user).isNotNull();
		return new Webapp(client, token);
	}

	private record Webapp(WebClient client, String token) {

		HttpResponse<String> post(String path, String json) {
			return client.postJson(path, json, "X-XSRF-TOKEN", token);
		}

	}

	private static String probeProcesses() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ElProbe"
				    targetNamespace="http://liaocheng.cn/renewal/test">
				  <bpmn:process id="el-probe-reflection" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Reflection"/>
				    <bpmn:sequenceFlow id="SequenceFlow_Reflection" sourceRef="StartEvent_Reflection" targetRef="Task_Reflection"/>
				    <bpmn:serviceTask id="Task_Reflection" name="反射" camunda:expression="%s"/>
				  </bpmn:process>
				  <bpmn:process id="el-probe-script" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Script"/>
				    <bpmn:sequenceFlow id="SequenceFlow_Script" sourceRef="StartEvent_Script" targetRef="Task_Script"/>
				    <bpmn:scriptTask id="Task_Script" name="脚本" scriptFormat="juel"><bpmn:script>%s</bpmn:script></bpmn:scriptTask>
				  </bpmn:process>
				  <bpmn:process id="el-probe-bean" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Bean"/>
				    <bpmn:sequenceFlow id="SequenceFlow_Bean" sourceRef="StartEvent_Bean" targetRef="Task_Bean"/>
				    <bpmn:serviceTask id="Task_Bean" name="引擎服务" camunda:expression="${identityService.createUserQuery().count()}"
				        camunda:resultVariable="users"/>
				    <bpmn:sequenceFlow id="SequenceFlow_BeanEnd" sourceRef="Task_Bean" targetRef="UserTask_Wait"/>
				    <bpmn:userTask id="UserTask_Wait"/>
				  </bpmn:process>
				</bpmn:definitions>
				"""
			.formatted(ATTACK, ATTACK);
	}

	private static String probeDecision() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
				    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_ElProbe" name="探测" namespace="http://liaocheng.cn/test">
				  <decision id="el-probe-table" name="探测" camunda:historyTimeToLive="P1D">
				    <variable id="Variable_Result" name="result" typeRef="string"/>
				    <literalExpression id="LiteralExpression_Result" expressionLanguage="juel"><text>%s</text></literalExpression>
				  </decision>
				</definitions>
				"""
			.formatted(ATTACK);
	}

}
