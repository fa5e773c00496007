package cn.liaocheng.renewal.admin.internal;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls in the name of the logged-in administrator, with their groups, so
 * that Camunda's authorizations, its operation log and the deployment checks and audit
 * all see who acts.
 */
@Component
class ActingUser {

	private final IdentityService identity;

	ActingUser(IdentityService identity) {
		this.identity = identity;
	}

	<T> T as(String userId, Supplier<T> work) {
		identity.setAuthentication(userId,
				identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
