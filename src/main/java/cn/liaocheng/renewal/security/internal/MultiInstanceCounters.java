package cn.liaocheng.renewal.security.internal;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.impl.VariableMapImpl;

/**
 * The engine's multi-instance counters are not read from a task by staff. A step done by
 * several bodies side by side (the banks a loan was pushed to, the city bodies of a joint
 * review) keeps {@code nrOfInstances}, {@code nrOfActiveInstances} and
 * {@code nrOfCompletedInstances} on the scope around them, which every task of the step
 * reads: a bank would learn how many banks compete for the loan and, asking again, when
 * each of them decides. {@code loopCounter} tells a task its place among them. No form
 * and no page uses them; the product's own work, with no one signed in, reads them as
 * before. Whatever the door (Tasklist, either REST root, Java), a signed-in reader other
 * than an administrator gets a task's variables without them, and asking for one of them
 * by name finds nothing.
 */
final class MultiInstanceCounters extends CommandInterceptor {

	static final Set<String> COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances",
			"loopCounter");

	private static final Field SINGLE_NAME = field(GetTaskVariableCmd.class);

	private static final Field TYPED_NAME = field(GetTaskVariableCmdTyped.class);

	@Override
	public <T> T execute(Command<T> command) {
		boolean many = command instanceof GetTaskVariablesCmd || command instanceof GetTaskFormVariablesCmd;
		boolean one = command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped;
		if ((!many && !one) || !EngineCheckers.signedInNonAdministrator()) {
			return next.execute(command);
		}
		if (one) {
			String name = nameOf(command);
			if (name != null && COUNTERS.contains(name)) {
				// Checked as the engine checks any read of the task's variables, then
				// answered as for a variable the task does not have.
				next.execute(command);
				return null;
			}
			return next.execute(command);
		}
		T answer = next.execute(command);
		if (!(answer instanceof VariableMap variables) || COUNTERS.stream().noneMatch(variables::containsKey)) {
			return answer;
		}
		VariableMapImpl without = new VariableMapImpl();
		for (Map.Entry<String, Object> entry : variables.entrySet()) {
			if (!COUNTERS.contains(entry.getKey())) {
				without.putValueTyped(entry.getKey(), variables.getValueTyped(entry.getKey()));
			}
		}
		@SuppressWarnings("unchecked")
		T filtered = (T) without;
		return filtered;
	}

	private static String nameOf(Command<?> command) {
		try {
			return (String) (command instanceof GetTaskVariableCmd ? SINGLE_NAME : TYPED_NAME).get(command);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException("Camunda's task variable command changed", e);
		}
	}

	private static Field field(Class<?> type) {
		try {
			Field name = type.getDeclaredField("variableName");
			name.setAccessible(true);
			return name;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no variableName", e);
		}
	}

}
