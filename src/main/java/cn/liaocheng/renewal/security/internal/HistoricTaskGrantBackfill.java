package cn.liaocheng.renewal.security.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupNames;

/**
 * Gives the open tasks created before historic instance permissions were switched on
 * ({@link TaskWorkPlugin}) what Camunda gives every task since: whoever holds a grant on
 * the task (candidate group, candidate user, assignee, owner) may read the task's
 * history. Runs at every start, reads the task grants and the history grants once each,
 * and finds nothing to do once done. Several nodes starting together may add the same
 * grant twice, which only repeats a permission.
 */
@Component
class HistoricTaskGrantBackfill implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(HistoricTaskGrantBackfill.class);

	private final AuthorizationService authorizations;

	HistoricTaskGrantBackfill(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = backfill();
		if (added > 0) {
			LOG.info("Granted READ on the history of {} open tasks to who may work them", added);
		}
	}

	int backfill() {
		Set<String> present = new HashSet<>();
		for (Authorization grant : grants(Resources.HISTORIC_TASK)) {
			if (grant.isPermissionGranted(HistoricTaskPermissions.READ)) {
				present.add(principalAndTask(grant));
			}
		}
		int added = 0;
		for (Authorization grant : grants(Resources.TASK)) {
			if (Authorization.ANY.equals(grant.getResourceId()) || GroupNames.ADMINISTRATORS.equals(grant.getGroupId())
					|| !present.add(principalAndTask(grant))) {
				continue;
			}
			Authorization history = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			history.setUserId(grant.getUserId());
			history.setGroupId(grant.getGroupId());
			history.setResource(Resources.HISTORIC_TASK);
			history.setResourceId(grant.getResourceId());
			history.addPermission(HistoricTaskPermissions.READ);
			authorizations.saveAuthorization(history);
			added++;
		}
		return added;
	}

	private List<Authorization> grants(Resources resource) {
		return authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.resourceType(resource)
			.list();
	}

	private static String principalAndTask(Authorization grant) {
		return (grant.getUserId() != null ? "u:" + grant.getUserId() : "g:" + grant.getGroupId()) + "|"
				+ grant.getResourceId();
	}

}
