package cn.liaocheng.renewal.security.internal;

import java.lang.reflect.Proxy;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * What the product's rules inside the engine share: a command checker made of one rule,
 * and who counts as a signed-in user who is not an administrator.
 */
final class EngineCheckers {

	private EngineCheckers() {
	}

	/**
	 * One more of the engine's command checkers, next to Camunda's instead of replacing
	 * it, so other extensions of the checkers keep working. {@link CommandChecker} has
	 * some 85 methods, all {@code void}: {@code rule} is given each call's method name
	 * and arguments and throws to refuse.
	 */
	static CommandChecker of(String name, BiConsumer<String, Object[]> rule) {
		return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
				new Class<?>[] { CommandChecker.class }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "equals" -> proxy == args[0];
							case "hashCode" -> System.identityHashCode(proxy);
							default -> name;
						};
					}
					rule.accept(method.getName(), args);
					return null;
				});
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
