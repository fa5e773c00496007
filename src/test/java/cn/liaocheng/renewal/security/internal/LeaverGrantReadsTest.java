package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Someone leaving a body loses the personal grants on its open tasks, and the engine
 * reads no grant on the history of tasks long completed to find them: those pile up over
 * the years and stay.
 */
@WebIntegrationTest
class LeaverGrantReadsTest {

	private static final String COLLEAGUE = CountyReviewTasks.COLLEAGUE;

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	Applications applications;

	@Test
	void shouldRevokeTheOpenTasksGrantsWithoutReadingTheHistoryGrantsOfCompletedTasks() {
		CountyReviewTasks county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
		Task open = county.heldBy(COLLEAGUE);
		String completed = "completed-" + UUID.randomUUID();
		Authorization history = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		history.setUserId(COLLEAGUE);
		history.setResource(Resources.HISTORIC_TASK);
		history.setResourceId(completed);
		history.addPermission(HistoricTaskPermissions.READ);
		authorizations.saveAuthorization(history);
		try {
			List<AuthorizationEntity> read = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
				.getCommandExecutorTxRequired()
				.execute(command -> {
					identity.deleteMembership(COLLEAGUE, CountyReviewTasks.BODY);
					return command.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class);
				});

			assertThat(read).extracting(Authorization::getResourceId).doesNotContain(completed);
			assertThat(grants(Resources.TASK, open.getId())).isZero();
			assertThat(grants(Resources.HISTORIC_TASK, open.getId())).isZero();
			assertThat(grants(Resources.HISTORIC_TASK, completed)).isOne();
		}
		finally {
			authorizations.deleteAuthorization(history.getId());
			if (identity.createUserQuery().memberOfGroup(CountyReviewTasks.BODY).userId(COLLEAGUE).count() == 0) {
				identity.createMembership(COLLEAGUE, CountyReviewTasks.BODY);
			}
		}
	}

	private long grants(Resources resource, String resourceId) {
		return authorizations.createAuthorizationQuery()
			.userIdIn(COLLEAGUE)
			.resourceType(resource)
			.resourceId(resourceId)
			.count();
	}

}
