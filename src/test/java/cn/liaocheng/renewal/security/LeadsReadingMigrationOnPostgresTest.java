package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.JavaMigrations;
import cn.liaocheng.renewal.support.PostgresContext;
import db.migration.common.V142__LeadsReadTheirBodysOpenTasks;

/**
 * V142 on PostgreSQL (lower-case engine tables): the lead group of a task's body gets
 * reading of a task opened before it was given with each task, and the task's history
 * grant names the case's root process instance as the engine's own grants do; a second
 * run adds nothing.
 */
@PostgresContext
class LeadsReadingMigrationOnPostgresTest {

	private static final String LEAD = GroupNames.lead(CountyReviewTasks.BODY);

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	DataSource dataSource;

	@Test
	void theLeadOfAnOpenTasksBodyReadsItAfterTheMigration() throws Exception {
		Task task = new CountyReviewTasks(applications, identity, tasks).heldBy("gx-industry");
		String root = authorizations.createAuthorizationQuery()
			.groupIdIn(CountyReviewTasks.BODY)
			.resourceType(Resources.HISTORIC_TASK)
			.resourceId(task.getId())
			.singleResult()
			.getRootProcessInstanceId();
		for (Resources resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
			authorizations.deleteAuthorization(grant(resource, task.getId()).getId());
		}

		JavaMigrations.run(new V142__LeadsReadTheirBodysOpenTasks(), dataSource);

		Authorization read = grant(Resources.TASK, task.getId());
		assertThat(read.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(read.isPermissionGranted(Permissions.TASK_WORK)).isFalse();
		Authorization history = grant(Resources.HISTORIC_TASK, task.getId());
		assertThat(history.isPermissionGranted(HistoricTaskPermissions.READ)).isTrue();
		assertThat(history.getRootProcessInstanceId()).isNotNull().isEqualTo(root);
		identity.setAuthentication("gx-industry-lead", List.of(LEAD));
		try {
			assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
		}
		finally {
			identity.clearAuthentication();
		}

		long before = authorizations.createAuthorizationQuery().groupIdIn(LEAD).count();
		JavaMigrations.run(new V142__LeadsReadTheirBodysOpenTasks(), dataSource);
		assertThat(authorizations.createAuthorizationQuery().groupIdIn(LEAD).count()).isEqualTo(before);
	}

	private Authorization grant(Resources resource, String taskId) {
		return authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(LEAD)
			.resourceType(resource)
			.resourceId(taskId)
			.singleResult();
	}

}
