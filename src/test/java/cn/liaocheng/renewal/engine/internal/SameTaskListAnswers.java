package cn.liaocheng.renewal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;

/**
 * The task query's list and page, and the groups holding authorizations, as the product
 * runs them (EngineStatements.xml) answer exactly what the engine's own statements
 * answer, for the same users and queries, with grants and revocations an insider or an
 * administrator may have added: a revocation on one task for one reviewer, a revocation
 * for the whole body (which the body's own grant on the task outweighs), a grant of one
 * task to another county's reviewer, and a grant to a user who is in no review group.
 * Each query runs once through the product's statement and once through the engine's (the
 * plugin's mapping taken away for that call); the counts show that both lists are
 * complete. On H2 ({@link TaskListQueryTest}) and PostgreSQL
 * ({@link TaskListQueryOnPostgresTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SameTaskListAnswers {

	private static final String REVIEWER = DemoUsers.COUNTY_REVIEWER;

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	private static final String OTHER_COUNTY = "lq-industry";

	private static final String BODY = CountyReviewTasks.BODY;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	AuthorizationService authorizations;

	private final List<String> added = new ArrayList<>();

	private Task revokedForReviewer;

	private Task revokedForBody;

	private Task grantedToOtherCounty;

	private Task heldByColleague;

	private Task plain;

	@BeforeAll
	void fixture() {
		CountyReviewTasks county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
		revokedForReviewer = county.open();
		revokedForBody = county.open();
		grantedToOtherCounty = county.open();
		heldByColleague = county.heldBy(COLLEAGUE);
		plain = county.open();
		revoke(REVIEWER, null, revokedForReviewer);
		revoke(null, BODY, revokedForBody);
		grant(OTHER_COUNTY, grantedToOtherCounty);
		grant(DemoUsers.ENTERPRISE, plain);
	}

	@AfterAll
	void removeAuthorizations() {
		added.forEach(authorizations::deleteAuthorization);
	}

	@Test
	void theEnginesTaskListStatementIsMappedToTheProducts() {
		DbSqlSessionFactory sessions = sessions();
		assertThat(sessions.mapStatement("selectTaskByQueryCriteria"))
			.isEqualTo(EngineStatementsPlugin.NAMESPACE + ".selectTaskPage");
		assertThat(sessions.mapStatement("selectTaskCountByQueryCriteria")).isEqualTo("selectTaskCountByQueryCriteria");
	}

	@Test
	void theGroupsHoldingAuthorizationsAreTheEnginesAnswer() {
		assertThat(sessions().mapStatement("selectAuthorizedGroupIds"))
			.isEqualTo(EngineStatementsPlugin.NAMESPACE + ".selectGroupsHoldingAuthorizations");
		List<String> products = groupsHoldingAuthorizations();
		List<String> engines = withEnginesStatements(this::groupsHoldingAuthorizations);
		assertThat(engines).as("the engine's answer").contains(BODY).hasSizeGreaterThan(10);
		// The engine drops the null group (users' own authorizations) from its answer.
		assertThat(products).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(engines.stream().filter(Objects::nonNull).distinct().toList());
	}

	@Test
	void theReviewerSeesTheBodysTasksButTheOneRevokedForHimAndTheEngineAgrees() {
		Map<String, List<String>> answers = sameAnswers(REVIEWER);
		List<String> visible = answers.get("body, newest first");
		assertThat(visible).doesNotContain(revokedForReviewer.getId())
			.contains(revokedForBody.getId(), grantedToOtherCounty.getId(), heldByColleague.getId(), plain.getId());
		assertThat(answers.get("body, count")).containsExactly(Integer.toString(visible.size()));
		assertThat(answers.get("body, newest first, 2nd page of 2")).hasSize(2).isSubsetOf(visible);
	}

	@Test
	void theColleagueSeesTheTaskRevokedForTheReviewerAndTheEngineAgrees() {
		List<String> visible = sameAnswers(COLLEAGUE).get("body, newest first");
		assertThat(visible).contains(revokedForReviewer.getId(), revokedForBody.getId(), heldByColleague.getId(),
				plain.getId());
	}

	@Test
	void anotherCountysReviewerSeesOnlyTheTaskGrantedToHimAndTheEngineAgrees() {
		Map<String, List<String>> answers = sameAnswers(OTHER_COUNTY);
		assertThat(answers.get("body, newest first")).containsExactly(grantedToOtherCounty.getId());
		assertThat(answers.get("body, count")).containsExactly("1");
	}

	@Test
	void anEnterpriseSeesOnlyTheTaskGrantedToItAndTheEngineAgrees() {
		Map<String, List<String>> answers = sameAnswers(DemoUsers.ENTERPRISE);
		assertThat(answers.get("body, newest first")).containsExactly(plain.getId());
		// Beside it, only the enterprise's own tasks: the context is shared, and another
		// test may have returned one of its cases for correction.
		List<String> all = answers.get("all, unordered page");
		assertThat(answers.get("all, count")).containsExactly(Integer.toString(all.size()));
		assertThat(all).contains(plain.getId());
		assertThat(all.stream()
			.filter(id -> !id.equals(plain.getId()))
			.map(id -> tasks.createTaskQuery().taskId(id).singleResult().getAssignee()))
			.as("the other tasks an enterprise sees are its own")
			.allMatch(DemoUsers.ENTERPRISE::equals);
	}

	@Test
	void aCityReviewerSeesNoneOfTheCountysTasksAndTheEngineAgrees() {
		Map<String, List<String>> answers = sameAnswers(DemoUsers.CITY_REVIEWER);
		assertThat(answers.get("body, newest first")).isEmpty();
		assertThat(answers.get("body, count")).containsExactly("0");
	}

	/**
	 * Runs every query as {@code userId} through the product's statements and through the
	 * engine's, asserts that they answer the same and returns the answers by name.
	 */
	private Map<String, List<String>> sameAnswers(String userId) {
		Map<String, List<String>> product = answers(userId);
		Map<String, List<String>> engines = withEnginesStatements(() -> answers(userId));
		assertThat(product).as("the product's answers to %s against the engine's", userId).isEqualTo(engines);
		return product;
	}

	private Map<String, List<String>> answers(String userId) {
		List<String> groups = identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		identity.setAuthentication(userId, groups);
		try {
			Map<String, List<String>> answers = new LinkedHashMap<>();
			answers.put("body, newest first", ids(bodyNewestFirst().list()));
			answers.put("body, newest first, 1st page of 2", ids(bodyNewestFirst().listPage(0, 2)));
			answers.put("body, newest first, 2nd page of 2", ids(bodyNewestFirst().listPage(2, 2)));
			answers.put("body, count", List.of(Long.toString(bodyNewestFirst().count())));
			answers.put("body, unclaimed, oldest first",
					ids(tasks.createTaskQuery().taskCandidateGroup(BODY).orderByTaskCreateTime().asc().list()));
			answers.put("body, unclaimed, count",
					List.of(Long.toString(tasks.createTaskQuery().taskCandidateGroup(BODY).count())));
			answers.put("own groups (本部门待办), by due date",
					ids(tasks.createTaskQuery()
						.taskCandidateGroupIn(groups.isEmpty() ? List.of("-") : groups)
						.includeAssignedTasks()
						.orderByDueDate()
						.asc()
						.orderByTaskCreateTime()
						.desc()
						.listPage(0, 15)));
			answers.put("body, by reference number",
					ids(tasks.createTaskQuery()
						.taskCandidateGroup(BODY)
						.includeAssignedTasks()
						.orderByTaskVariable("referenceNo", ValueType.STRING)
						.desc()
						.listPage(0, 3)));
			answers.put("body, by name in any case",
					ids(tasks.createTaskQuery()
						.taskCandidateGroup(BODY)
						.includeAssignedTasks()
						.orderByTaskNameCaseInsensitive()
						.asc()
						.orderByTaskCreateTime()
						.asc()
						.list()));
			answers.put("body or held by the colleague",
					ids(tasks.createTaskQuery()
						.or()
						.taskCandidateGroup(BODY)
						.taskAssignee(COLLEAGUE)
						.endOr()
						.orderByTaskCreateTime()
						.desc()
						.list()));
			answers.put("all, count", List.of(Long.toString(tasks.createTaskQuery().count())));
			answers.put("all, unordered page", ids(tasks.createTaskQuery().listPage(0, 50)));
			return answers;
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private TaskQuery bodyNewestFirst() {
		return tasks.createTaskQuery().taskCandidateGroup(BODY).includeAssignedTasks().orderByTaskCreateTime().desc();
	}

	/**
	 * Runs the queries with the engine's own statements: the plugin's mappings are taken
	 * away for the call and put back after it.
	 */
	private <T> T withEnginesStatements(Supplier<T> queries) {
		DbSqlSessionFactory sessions = sessions();
		Map<String, String> product = sessions.getStatementMappings();
		Map<String, String> engines = new HashMap<>(product);
		EngineStatementsPlugin.STATEMENTS.keySet().forEach(engines::remove);
		sessions.setStatementMappings(engines);
		try {
			return queries.get();
		}
		finally {
			sessions.setStatementMappings(product);
		}
	}

	/** What the engine reads in every command of a signed-in user. */
	private List<String> groupsHoldingAuthorizations() {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> context.getDbEntityManager().<String>selectList("selectAuthorizedGroupIds"));
	}

	private DbSqlSessionFactory sessions() {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
	}

	private static List<String> ids(List<Task> list) {
		return list.stream().map(Task::getId).toList();
	}

	private void revoke(String userId, String groupId, Task task) {
		Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setUserId(userId);
		revoke.setGroupId(groupId);
		revoke.setResource(Resources.TASK);
		revoke.setResourceId(task.getId());
		revoke.removePermission(Permissions.READ);
		added.add(authorizations.saveAuthorization(revoke).getId());
	}

	private void grant(String userId, Task task) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId(userId);
		grant.setResource(Resources.TASK);
		grant.setResourceId(task.getId());
		grant.addPermission(Permissions.READ);
		added.add(authorizations.saveAuthorization(grant).getId());
	}

}
