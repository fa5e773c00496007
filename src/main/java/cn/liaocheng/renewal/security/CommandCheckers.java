package cn.liaocheng.renewal.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;

/**
 * One more of the engine's command checkers, to be added next to Camunda's after the
 * engine built them, or one around a checker the engine built: {@link CommandChecker} has
 * some 85 methods, all {@code void}, and a product rule looks at a few of them.
 */
public final class CommandCheckers {

	private CommandCheckers() {
	}

	/**
	 * What the caller sees of a refusal by the checker inside {@link #around}: the
	 * method's name, its arguments and the refusal give the exception to throw (the
	 * refusal itself to keep it).
	 */
	@FunctionalInterface
	public interface Rewording {

		Throwable of(String method, Object[] args, Throwable refusal);

	}

	/**
	 * A checker that hands every check to {@code check} (the method's name and its
	 * arguments), which throws to refuse and otherwise lets the command go on;
	 * {@code name} is what it prints as.
	 */
	public static CommandChecker of(String name, BiConsumer<String, Object[]> check) {
		return proxy(name, (method, args) -> {
			check.accept(method.getName(), args);
			return null;
		});
	}

	/**
	 * A checker that leaves every decision to {@code checker} and words its refusals by
	 * {@code rewording}; {@code name} is what it prints as.
	 */
	public static CommandChecker around(String name, CommandChecker checker, Rewording rewording) {
		return proxy(name, (method, args) -> {
			try {
				return method.invoke(checker, args);
			}
			catch (InvocationTargetException e) {
				throw rewording.of(method.getName(), args, e.getCause());
			}
		});
	}

	private interface Check {

		Object run(Method method, Object[] args) throws Throwable;

	}

	private static CommandChecker proxy(String name, Check check) {
		return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
				new Class<?>[] { CommandChecker.class }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "equals" -> proxy == args[0];
							case "hashCode" -> System.identityHashCode(proxy);
							default -> name;
						};
					}
					return check.run(method, args);
				});
	}

}
