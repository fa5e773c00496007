package cn.liaocheng.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The engine settings the reviewers' task lists depend on with many open tasks
 * (docs/performance.md, "Lists with many open cases") are the ones the running engine
 * has, not only the ones the configuration file names: the Spring Boot starter sets the
 * revocation check from its own property after the generic properties, so a generic
 * property of that name was silently undone once.
 */
@WebIntegrationTest
class TaskQuerySettingsTest {

	@Autowired
	ProcessEngine engine;

	@Test
	void authorizationsAreCheckedPerTaskAndTheProcessDefinitionIsAnInnerJoin() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		assertThat(configuration.getAuthorizationCheckRevokes()).as("authorization check revokes")
			.isEqualTo(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
		assertThat(configuration.isCmmnEnabled()).as("CMMN").isFalse();
		assertThat(configuration.isStandaloneTasksEnabled()).as("tasks of no process").isFalse();
		assertThat(configuration.isAuthorizationEnabled()).as("authorization checks").isTrue();
	}

}
