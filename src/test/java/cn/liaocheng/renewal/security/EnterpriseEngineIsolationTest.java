package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Enterprises are kept out of the engine's REST API and webapps by the web layer's path
 * rules; what holds behind those rules is that the engine grants an enterprise account
 * nothing of a case under review. Signed in to the engine as the enterprise whose own
 * case waits at the county's review (as any door that reached the engine would sign it
 * in), it sees nothing of that case (task, instance, executions, subscriptions, history),
 * no process definition and no filter but its own; of all tasks it reads only those
 * assigned to it (its own 补正 steps, which correction.bpmn assigns to the account); and it
 * cannot claim, complete or move its case. The county reviewer, signed in the same way,
 * sees the task (the control that the queries can find it).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterpriseEngineIsolationTest {

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
	RepositoryService repository;

	@Autowired
	FilterService filters;

	private CountyReviewTasks countyTasks;

	@BeforeAll
	void fixture() {
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
	}

	@Test
	void theEngineGrantsAnEnterpriseNothingEvenOnItsOwnCase() {
		Task task = countyTasks.open();
		String key = runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();

		assertThat(as(DemoUsers.COUNTY_REVIEWER, () -> tasks.createTaskQuery().processInstanceBusinessKey(key).count()))
			.as("the county reviewer sees the task")
			.isPositive();

		String instance = task.getProcessInstanceId();
		assertThat(as(DemoUsers.ENTERPRISE, () -> tasks.createTaskQuery().processInstanceBusinessKey(key).count()))
			.isZero();
		// The only tasks an enterprise account reads are those assigned to it: its own
		// correction steps (补正), from other cases of the suite.
		assertThat(as(DemoUsers.ENTERPRISE, () -> tasks.createTaskQuery().list()))
			.allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo(DemoUsers.ENTERPRISE));
		assertThat(as(DemoUsers.ENTERPRISE,
				() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()))
			.isZero();
		assertThat(as(DemoUsers.ENTERPRISE, () -> runtime.createExecutionQuery().processInstanceId(instance).count()))
			.isZero();
		assertThat(as(DemoUsers.ENTERPRISE,
				() -> runtime.createEventSubscriptionQuery().processInstanceId(instance).count()))
			.isZero();
		assertThat(as(DemoUsers.ENTERPRISE,
				() -> repository.createProcessDefinitionQuery().processDefinitionKey("project-registration").count()))
			.isZero();
		assertThat(as(DemoUsers.ENTERPRISE,
				() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count()))
			.isZero();
		assertThat(as(DemoUsers.ENTERPRISE,
				() -> history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()))
			.isZero();
		assertThat(as(DemoUsers.ENTERPRISE,
				() -> history.createHistoricActivityInstanceQuery().processInstanceId(instance).count()))
			.isZero();
		assertThat(as(DemoUsers.ENTERPRISE, () -> filters.createFilterQuery().list()))
			.allSatisfy(f -> assertThat(f.getOwner()).isEqualTo(DemoUsers.ENTERPRISE));
		assertThatThrownBy(
				() -> as(DemoUsers.ENTERPRISE, () -> history.createHistoricVariableInstanceQuery().list().size()))
			.isInstanceOf(ProcessEngineException.class);

		assertThatThrownBy(() -> as(DemoUsers.ENTERPRISE, () -> {
			tasks.claim(task.getId(), DemoUsers.ENTERPRISE);
			return 0;
		})).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> as(DemoUsers.ENTERPRISE, () -> {
			tasks.complete(task.getId(), Map.of("decision", "APPROVE", "opinion", "同意"));
			return 0;
		})).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> as(DemoUsers.ENTERPRISE, () -> {
			runtime.createProcessInstanceModification(task.getProcessInstanceId())
				.cancelAllForActivity(CountyReviewTasks.FORMAL_REVIEW)
				.execute();
			return 0;
		})).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> as(DemoUsers.ENTERPRISE, () -> {
			runtime.startProcessInstanceByKey("project-registration", key);
			return 0;
		})).isInstanceOf(AuthorizationException.class);

		Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(after).as("the task is still open").isNotNull();
		assertThat(after.getAssignee()).isNull();
	}

	/** Runs {@code work} signed in to the engine as {@code userId} with their groups. */
	private <T> T as(String userId, Supplier<T> work) {
		List<String> groups = identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		identity.setAuthentication(userId, groups);
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
