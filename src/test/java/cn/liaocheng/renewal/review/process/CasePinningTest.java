package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A review step acts only on the case its process was started for: the business key names
 * the application, and the root process instance must be the one the application recorded
 * ({@code ReviewedApplication}, {@code CasePins}).
 */
@WebIntegrationTest
class CasePinningTest extends ReviewProcessTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	Decisions decisions;

	@Autowired
	OpinionStore opinions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CasePinningTest(ApplicationContext context) {
		super(context);
	}

	/**
	 * A business key changed under a running case (as a model's form field, a literal
	 * {@code camunda:in businessKey} or the API can) does not carry the case's steps to
	 * the application the new key names.
	 */
	@Test
	void aStepRefusesToActOnTheCaseAChangedBusinessKeyNames() {
		Case own = review.submitProject(7);
		Case other = review.submitProject(7);
		ProcessInstance county = review.called(own, "county-review");
		rekey(county.getId(), other.key());
		Task formal = tasks.createTaskQuery()
			.processInstanceId(county.getId())
			.taskDefinitionKey("Task_CountyFormalReview")
			.singleResult();

		assertThatThrownBy(() -> review.complete(formal,
				Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE"))))
			.hasMessageContaining("不是申报 " + other.id() + " 的审核流程");
		assertThat(opinions.forApplication(other.id())).isEmpty();
		assertThat(opinions.forApplication(own.id())).isEmpty();
		assertThat(audited("CASE_PROCESS_MISMATCH", other)).isPositive();
	}

	/**
	 * The root instance's key changed: a step of the root (here an issuer the token was
	 * moved to) refuses to act on either case.
	 */
	@Test
	void aRootWhoseKeyWasChangedActsOnNoCase() {
		Case own = review.submitProject(7);
		Case other = review.submitProject(7);
		rekey(own.process().getId(), other.key());
		runtime.createProcessInstanceModification(own.process().getId())
			.startBeforeActivity("Task_IssueRegistration")
			.execute();
		String job = management.createJobQuery()
			.processInstanceId(own.process().getId())
			.messages()
			.singleResult()
			.getId();

		assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("不是申报 " + other.id() + " 的审核流程");
		assertThat(decisions.allForApplication(other.id())).isEmpty();
		assertThat(decisions.allForApplication(own.id())).isEmpty();
	}

	/**
	 * Changes a running instance's business key the way a model's expression or form
	 * field does ({@code execution.setProcessBusinessKey}).
	 */
	private void rekey(String processInstanceId, String businessKey) {
		((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				context.getExecutionManager().findExecutionById(processInstanceId).setProcessBusinessKey(businessKey);
				return null;
			});
	}

	private long audited(String action, Case c) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject = ?")
			.params(action, "application:" + c.id())
			.query(Long.class)
			.single();
	}

}
