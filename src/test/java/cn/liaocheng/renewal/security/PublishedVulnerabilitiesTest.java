package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Attacks on the two weaknesses of Camunda 7.24.0 that only paid patches fix upstream, as
 * they were published; the expression attack in every spelling, filter and model is in
 * {@link ExpressionInjectionTest}.
 */
@WebIntegrationTest
class PublishedVulnerabilitiesTest {

	private static final String SETUP = "/camunda/api/admin/setup/default/user/create";

	private static final String NEW_ADMIN = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\","
			+ "\"email\":\"x@example.invalid\"},\"credentials\":{\"password\":\"Zq9#mbv4TT0p\"}}";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	FilterService filters;

	@Test
	void firstRunSetupCannotCreateAnAdministratorEvenWhenTheAdminGroupHasNoDirectMembers() {
		// CVE-2026-77226's precondition: administrators exist, but none is a direct
		// member of camunda-admin.
		identity.deleteMembership(DemoUsers.ADMIN, GroupNames.ADMINISTRATORS);
		try {
			WebClient stranger = new WebClient(port);
			stranger.get("/camunda/app/admin/default/setup/");
			HttpResponse<String> response = stranger.postJson(SETUP, NEW_ADMIN, "X-XSRF-TOKEN",
					String.valueOf(stranger.cookie("XSRF-TOKEN")));
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
		}
		finally {
			identity.createMembership(DemoUsers.ADMIN, GroupNames.ADMINISTRATORS);
		}
	}

	@Test
	void firstRunSetupIsRefusedToLoggedInUsersToo() {
		for (String user : new String[] { DemoUsers.ADMIN, DemoUsers.COUNTY_REVIEWER }) {
			WebClient client = new WebClient(port);
			client.login(user, DemoUsers.PASSWORD);
			client.get("/camunda/app/tasklist/default/");
			HttpResponse<String> response = client.postJson(SETUP, NEW_ADMIN, "X-XSRF-TOKEN",
					String.valueOf(client.cookie("XSRF-TOKEN")));
			assertThat(response.statusCode()).as(user).isEqualTo(403);
			assertThat(response.body()).contains("初始化管理员功能已停用");
		}
		assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
	}

	@Test
	void setupPathVariantsDoNotSlipPastTheGuard() {
		WebClient client = new WebClient(port);
		for (String path : new String[] { "/camunda/api/admin/setup/default/user/create/",
				"/camunda/api/admin/SETUP/default/user/create", "/camunda/api/admin/setup/%64efault/user/create" }) {
			HttpResponse<String> response = client.postJson(path, NEW_ADMIN);
			assertThat(response.statusCode()).as(path).isIn(400, 401, 403, 404);
		}
		assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
	}

	@Test
	void taskQueryWithAnExpressionInsideOrQueriesIsRefusedOnTheRestApi() {
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		// The reported spelling: a trailing slash took the body past the URL filter that
		// guarded this before.
		for (String path : new String[] { "/engine-rest/task", "/engine-rest/task/" }) {
			HttpResponse<String> attack = reviewer.postJson(path,
					"{\"orQueries\":[{\"assigneeExpression\":\"${'x'.concat('y')}\"}]}");
			assertThat(attack.statusCode()).as(path).isEqualTo(400);
			assertThat(attack.body()).contains("查询条件中不允许使用表达式");
		}

		HttpResponse<String> count = reviewer.postJson("/engine-rest/task/count",
				"{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}");
		assertThat(count.statusCode()).isEqualTo(400);
	}

	@Test
	void taskQueryWithAnExpressionInsideOrQueriesIsRefusedOnTheTasklistApi() {
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		reviewer.get("/camunda/app/tasklist/default/");
		String xsrf = reviewer.cookie("XSRF-TOKEN");
		assertThat(xsrf).as("Camunda's XSRF cookie").isNotNull();
		HttpResponse<String> attack = reviewer.postJson("/camunda/api/engine/engine/default/task",
				"{\"orQueries\":[{\"assigneeExpression\":\"${'x'}\"}]}", "X-XSRF-TOKEN", xsrf);
		assertThat(attack.statusCode()).isEqualTo(400);
		assertThat(attack.body()).contains("查询条件中不允许使用表达式");

		String mine = filters.createTaskFilterQuery().filterName("我的待办").singleResult().getId();
		HttpResponse<String> filterRun = reviewer.postJson(
				"/camunda/api/engine/engine/default/filter/" + mine + "/list",
				"{\"orQueries\":[{\"ownerExpression\":\"${'x'}\"}]}", "X-XSRF-TOKEN", xsrf);
		assertThat(filterRun.statusCode()).isEqualTo(400);
		assertThat(filterRun.body()).contains("查询条件中不允许使用表达式");
	}

	@Test
	void ordinaryOrQueriesStillWork() {
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		HttpResponse<String> query = reviewer.postJson("/engine-rest/task",
				"{\"orQueries\":[{\"assignee\":\"gx-industry\",\"candidateGroup\":\"county-371525-industry\"}]}");
		assertThat(query.statusCode()).isEqualTo(200);
		assertThat(query.body()).startsWith("[");
	}

	@Test
	void topLevelExpressionsInAnAdHocQueryAreRefusedByTheEngineItself() {
		WebClient reviewer = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		HttpResponse<String> query = reviewer.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D");
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(query.body()).contains("查询条件中不允许使用表达式");
	}

}
