package cn.liaocheng.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
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

}
