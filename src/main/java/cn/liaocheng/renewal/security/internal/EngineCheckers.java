package cn.liaocheng.renewal.security.internal;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What the product's rules inside the engine share: who counts as a signed-in user who is
 * not an administrator (each rule is made a checker by
 * {@link cn.liaocheng.renewal.security.CommandCheckers}).
 */
final class EngineCheckers {

	private EngineCheckers() {
	}

	/**
	 * Whether the current engine command runs for a signed-in user who is not an
	 * administrator, with authorization checks on. The product's own code, which runs
	 * without a signed-in user, is not such a caller.
	 */
	static boolean signedInNonAdministrator() {
		CommandContext context = Context.getCommandContext();
		return context != null && context.getAuthenticatedUserId() != null && context.isAuthorizationCheckEnabled()
				&& !context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication());
	}

}
