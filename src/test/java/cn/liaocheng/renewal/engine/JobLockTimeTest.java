package cn.liaocheng.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A node killed mid-job leaves the job locked until the lock expires; then any node takes
 * it at its next look for jobs. Both bounds together are the recovery time the fault
 * suite measures ({@code DecisionSigningCrashTest}); this keeps them in the default run,
 * so that a change of configuration is caught without the slow suite.
 */
@WebIntegrationTest
class JobLockTimeTest {

	@Autowired
	ProcessEngine engine;

	@Test
	void jobsOfADeadNodeAreFreeAgainWellWithinAMinute() {
		JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getJobExecutor();
		assertThat(executor.getLockTimeInMillis()).as("lock time (Camunda's default: 5 minutes)").isEqualTo(30_000);
		assertThat(executor.getMaxWait()).as("longest wait of an idle node between acquisitions")
			.isLessThanOrEqualTo(10_000);
		assertThat(executor.getLockTimeInMillis() + executor.getMaxWait())
			.as("worst-case recovery of a dead node's job")
			.isLessThan(60_000);
	}

	/**
	 * A dropped connection costs a job ten seconds, a restarted database less than an
	 * hour of waiting; only then is it an incident (and the administrators are told).
	 */
	@Test
	void aFailedJobIsTriedAgainForAboutAnHourBeforeItBecomesAnIncident() {
		FailedJobRetryConfiguration retries = ParseUtil.parseRetryIntervals(
				((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getFailedJobRetryTimeCycle());
		assertThat(retries.getRetries()).as("the first run and five more").isEqualTo(6);
		assertThat(retries.getRetryIntervals()).first().isEqualTo("PT10S");
		assertThat(retries.getRetryIntervals().stream().map(java.time.Duration::parse).reduce(java.time.Duration::plus))
			.hasValueSatisfying(total -> assertThat(total).isBetween(java.time.Duration.ofMinutes(30),
					java.time.Duration.ofMinutes(90)));
	}

	/**
	 * Every node runs the jobs of every deployment: a release that changes a model, or a
	 * model an administrator deployed on another node, leaves the running cases on the
	 * deployment before, which no node has registered since its start. A node that took
	 * only the jobs of deployments it registered would leave those cases' decisions,
	 * timers and deadlines waiting for ever, without an incident.
	 */
	@Test
	void aNodeTakesTheJobsOfDeploymentsItDidNotMake() throws InterruptedException {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		String model = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
				  <process id="JobOfAnotherDeployment" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <startEvent id="Start"/>
				    <sequenceFlow id="ToWork" sourceRef="Start" targetRef="Work"/>
				    <task id="Work" camunda:asyncBefore="true"/>
				    <sequenceFlow id="ToEnd" sourceRef="Work" targetRef="End"/>
				    <endEvent id="End"/>
				  </process>
				</definitions>
				""";
		String deployment = engine.getRepositoryService()
			.createDeployment()
			.addString("job-of-another-deployment.bpmn", model)
			.deploy()
			.getId();
		try {
			// As after a restart, or on a node that did not make the deployment.
			engine.getManagementService().unregisterDeploymentForJobExecutor(deployment);
			String instance = engine.getRuntimeService().startProcessInstanceByKey("JobOfAnotherDeployment").getId();
			JobExecutor executor = configuration.getJobExecutor();
			if (executor.isActive()) {
				// This node's executor runs it within its next acquisitions.
				long until = System.nanoTime() + 30_000_000_000L;
				while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() > 0
						&& System.nanoTime() < until) {
					Thread.sleep(100);
				}
				assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
					.as("the job ran")
					.isZero();
			}
			else {
				String job = engine.getManagementService()
					.createJobQuery()
					.processInstanceId(instance)
					.singleResult()
					.getId();
				AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
					.execute(new AcquireJobsCmd(executor, 1_000));
				assertThat(acquired.getJobIdBatches().stream().flatMap(java.util.List::stream).toList()).contains(job);
			}
		}
		finally {
			engine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

}
