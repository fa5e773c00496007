package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A database from before TASK_WORK holds what Camunda granted by default then: UPDATE on
 * each task for its candidate groups and assignee, ALL for each user on their own record.
 * The start-up downgrade brings those to TASK_WORK and READ, leaves the administrators'
 * grants alone, and finds nothing to do the second time.
 */
@WebIntegrationTest
class LegacyGrantDowngradeTest {

	@Autowired
	LegacyGrantDowngrade downgrade;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	Applications applications;

	@Test
	void grantsMadeBeforeTaskWorkAreDowngradedOnceAndTheAdministratorsAreKept() {
		Task task = new CountyReviewTasks(applications, identity, tasks).heldBy(DemoUsers.COUNTY_REVIEWER);
		List<Authorization> taskGrants = workGrantsOn(task);
		assertThat(taskGrants).hasSize(2);
		taskGrants.forEach(grant -> legacy(grant, Permissions.READ, Permissions.UPDATE));
		User user = identity.newUser("legacy-" + System.nanoTime());
		user.setFirstName("旧");
		user.setLastName("账户");
		identity.saveUser(user);
		grantsOn(Resources.USER, user.getId()).forEach(grant -> legacy(grant, Permissions.ALL));

		assertThat(downgrade.downgradeTaskGrants()).isGreaterThanOrEqualTo(2);
		assertThat(downgrade.downgradeOwnUserGrants()).isGreaterThanOrEqualTo(1);

		assertThat(workGrantsOn(task)).hasSize(2).allSatisfy(grant -> {
			assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
			assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
			assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
		});
		assertThat(grantsOn(Resources.USER, user.getId())).singleElement().satisfies(grant -> {
			assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
			assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
			assertThat(grant.isPermissionGranted(Permissions.DELETE)).isFalse();
		});
		for (Resources resource : List.of(Resources.TASK, Resources.USER)) {
			assertThat(authorizations.createAuthorizationQuery()
				.groupIdIn(GroupNames.ADMINISTRATORS)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.singleResult()
				.isEveryPermissionGranted()).as("administrators on every %s", resource).isTrue();
		}

		assertThat(downgrade.downgradeTaskGrants()).as("a second start").isZero();
		assertThat(downgrade.downgradeOwnUserGrants()).as("a second start").isZero();
		identity.deleteUser(user.getId());
	}

	/**
	 * The grants of who may work the task (its candidate group and its holder), as
	 * Camunda made them before TASK_WORK; not the lead group's reading, which came later.
	 */
	private List<Authorization> workGrantsOn(Task task) {
		return grantsOn(Resources.TASK, task.getId()).stream()
			.filter(grant -> grant.getGroupId() == null || !grant.getGroupId().endsWith(GroupNames.LEAD_SUFFIX))
			.toList();
	}

	private List<Authorization> grantsOn(Resources resource, String resourceId) {
		return authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId).list();
	}

	private void legacy(Authorization grant, Permission... permissions) {
		grant.setPermissions(permissions);
		authorizations.saveAuthorization(grant);
	}

}
