package cn.liaocheng.renewal.security;

import java.lang.reflect.Proxy;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;

/**
 * One more of the engine's command checkers, to be added next to Camunda's after the
 * engine built them: {@link CommandChecker} has some 85 methods, all {@code void}, and a
 * product rule looks at a few of them.
 */
public final class CommandCheckers {

	private CommandCheckers() {
	}

	/**
	 * A checker that hands every check to {@code check} (the method's name and its
	 * arguments), which throws to refuse and otherwise lets the command go on;
	 * {@code name} is what it prints as.
	 */
	public static CommandChecker of(String name, BiConsumer<String, Object[]> check) {
		return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
				new Class<?>[] { CommandChecker.class }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "equals" -> proxy == args[0];
							case "hashCode" -> System.identityHashCode(proxy);
							default -> name;
						};
					}
					check.accept(method.getName(), args);
					return null;
				});
	}

}
