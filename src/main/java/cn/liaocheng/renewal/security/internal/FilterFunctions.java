package cn.liaocheng.renewal.security.internal;

import java.lang.reflect.Method;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import cn.liaocheng.renewal.organization.GroupNames;

/**
 * A function the engine's expressions offer besides Camunda's {@code currentUser()} and
 * {@code currentUserGroups()}, for Tasklist's stored filters
 * ({@link QueryExpressionGuard} lets a filter hold it):
 * {@value #CURRENT_USER_BODIES}{@code ()}, the bodies the user running the query works
 * for, their own groups and those they lead (a {@code -lead} group stands for its body
 * too). Like Camunda's, it reads the query's authentication and takes nothing from the
 * caller. Public only because the expression language calls it by reflection.
 */
public final class FilterFunctions {

	static final String CURRENT_USER_BODIES = "currentUserBodies";

	/** As a filter holds it. */
	static final String CURRENT_USER_BODIES_EXPRESSION = "${" + CURRENT_USER_BODIES + "()}";

	private FilterFunctions() {
	}

	/**
	 * The current user's groups and the bodies of the lead groups among them;
	 * {@code null} outside a command, as Camunda's {@code currentUserGroups()}.
	 */
	public static List<String> currentUserBodies() {
		CommandContext context = Context.getCommandContext();
		List<String> groups = context == null ? null : context.getAuthenticatedGroupIds();
		return groups == null ? null : GroupNames.withLedBodies(groups);
	}

	static Method currentUserBodiesMethod() {
		try {
			return FilterFunctions.class.getMethod(CURRENT_USER_BODIES);
		}
		catch (NoSuchMethodException e) {
			throw new IllegalStateException(e);
		}
	}

}
