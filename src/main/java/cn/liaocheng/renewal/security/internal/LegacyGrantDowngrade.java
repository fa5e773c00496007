package cn.liaocheng.renewal.security.internal;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupNames;

/**
 * Brings the grants Camunda made before {@link TaskWorkPlugin} down to what it grants
 * now: per-task grants with {@code UPDATE} (to candidate groups, assignees, owners)
 * become {@code READ} and {@code TASK_WORK}, and a user's grant on their own identity
 * record becomes {@code READ}. Runs at every start and finds nothing once done; grants on
 * every task ({@code *}) and the administrators' are left alone. Several nodes starting
 * together may race for the same row: the loser's optimistic-locking failure means the
 * winner has already changed it.
 */
@Component
class LegacyGrantDowngrade implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(LegacyGrantDowngrade.class);

	private final AuthorizationService authorizations;

	LegacyGrantDowngrade(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		int tasks = downgradeTaskGrants();
		int users = downgradeOwnUserGrants();
		if (tasks + users > 0) {
			LOG.info("Downgraded {} task grants to TASK_WORK and {} own-user grants to READ", tasks, users);
		}
	}

	int downgradeTaskGrants() {
		int changed = 0;
		for (Authorization grant : grantsWithUpdate(Resources.TASK)) {
			if (Authorization.ANY.equals(grant.getResourceId())
					|| GroupNames.ADMINISTRATORS.equals(grant.getGroupId())) {
				continue;
			}
			Permission[] kept = grant.isPermissionGranted(TaskPermissions.READ_VARIABLE)
					? new Permission[] { Permissions.READ, Permissions.TASK_WORK, TaskPermissions.READ_VARIABLE }
					: new Permission[] { Permissions.READ, Permissions.TASK_WORK };
			grant.setPermissions(kept);
			changed += save(grant);
		}
		return changed;
	}

	int downgradeOwnUserGrants() {
		int changed = 0;
		for (Authorization grant : grantsWithUpdate(Resources.USER)) {
			if (grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId())) {
				grant.setPermissions(new Permission[] { Permissions.READ });
				changed += save(grant);
			}
		}
		return changed;
	}

	private List<Authorization> grantsWithUpdate(Resources resource) {
		return authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(resource)
			.hasPermission(Permissions.UPDATE)
			.list();
	}

	private int save(Authorization grant) {
		try {
			authorizations.saveAuthorization(grant);
			return 1;
		}
		catch (OptimisticLockingException e) {
			return 0;
		}
	}

}
