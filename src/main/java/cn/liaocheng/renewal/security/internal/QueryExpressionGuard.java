package cn.liaocheng.renewal.security.internal;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Closes the expression bypass of Camunda 7.24.0 inside the engine, where every door and
 * path spelling ends: the engine refuses expressions at the top of an ad-hoc task query
 * but evaluates those inside its {@code orQueries}, and those of stored filters and of
 * the query a filter is run with. Here, in the engine's command chain, no task query that
 * is run carries an expression at all, at the top or in an or-query, and a stored filter
 * carries only the fixed expressions of the reviewers' Tasklist filters, checked when the
 * filter is saved and again when it is run. The caller does not matter: administrators
 * are refused too.
 *
 * <p>
 * A task query runs in one of two ways: as its own command ({@code list},
 * {@code listPage}, {@code count}, {@code singleResult} of
 * {@code TaskService#createTaskQuery()}), or inside a filter command, which merges the
 * stored query with the query it is run with and evaluates the result without a command
 * of its own. Filter commands keep the filter id and that query in protected fields, read
 * here by reflection; a Camunda version that renames them stops the engine at start-up
 * rather than opening the door.
 */
final class QueryExpressionGuard extends CommandInterceptor {

	/**
	 * The only expressions a stored filter may hold, as exact strings: those of the
	 * reviewers' Tasklist filters ({@code ReviewerFilter}), which name the user running
	 * the filter, the bodies they work for ({@link FilterFunctions}) or a date and take
	 * nothing from a caller.
	 */
	static final Set<String> FILTER_EXPRESSIONS = Set.of("${currentUser()}", "${currentUserGroups()}",
			FilterFunctions.CURRENT_USER_BODIES_EXPRESSION, "${now()}", "${dateTime().plusDays(2)}");

	private static final Field FILTER_ID = field(AbstractExecuteFilterCmd.class, "filterId");

	private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");

	private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof TaskQueryImpl query) {
			refuse(query, expression -> true, "查询条件中不允许使用表达式");
		}
		else if (command instanceof AbstractExecuteFilterCmd run) {
			if (read(EXTENDING_QUERY, run) instanceof TaskQueryImpl extending) {
				refuse(extending, expression -> true, "查询条件中不允许使用表达式");
			}
			if (read(FILTER_ID, run) instanceof String filterId) {
				refuseStored(Context.getCommandContext().getFilterManager().findFilterById(filterId));
			}
		}
		else if (command instanceof SaveFilterCmd save) {
			refuseStored((Filter) read(SAVED_FILTER, save));
		}
		return next.execute(command);
	}

	/** The query a filter run adds to its filter's, if any. */
	static TaskQueryImpl extendingQuery(AbstractExecuteFilterCmd run) {
		return read(EXTENDING_QUERY, run) instanceof TaskQueryImpl extending ? extending : null;
	}

	/** The id of the filter a run executes. */
	static String filterId(AbstractExecuteFilterCmd run) {
		return (String) read(FILTER_ID, run);
	}

	/** The stored task query of the filter a run executes, if any. */
	static TaskQueryImpl storedQuery(AbstractExecuteFilterCmd run) {
		if (!(read(FILTER_ID, run) instanceof String filterId)) {
			return null;
		}
		Filter filter = Context.getCommandContext().getFilterManager().findFilterById(filterId);
		return filter != null && filter.getQuery() instanceof TaskQueryImpl stored ? stored : null;
	}

	private static void refuseStored(Filter filter) {
		if (filter != null && filter.getQuery() instanceof TaskQueryImpl stored) {
			refuse(stored, expression -> !FILTER_EXPRESSIONS.contains(expression),
					"任务筛选器中只能使用以下表达式：" + String.join("、", new TreeSet<>(FILTER_EXPRESSIONS)) + "；不允许");
		}
	}

	/**
	 * Throws when the query or any of its or-queries holds an expression the predicate
	 * refuses.
	 */
	private static void refuse(TaskQueryImpl query, Predicate<String> refused, String message) {
		Set<String> parameters = new TreeSet<>();
		Set<TaskQueryImpl> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<TaskQueryImpl> pending = new ArrayDeque<>();
		pending.push(query);
		while (!pending.isEmpty()) {
			TaskQueryImpl q = pending.pop();
			if (!seen.add(q)) {
				continue;
			}
			for (Map.Entry<String, String> e : q.getExpressions().entrySet()) {
				if (refused.test(e.getValue())) {
					parameters.add(e.getKey() + "Expression");
				}
			}
			q.getQueries().forEach(pending::push);
		}
		if (!parameters.isEmpty()) {
			throw new BadUserRequestException(message + "：" + String.join("、", parameters) + "。");
		}
	}

	static Object read(Field field, Object command) {
		try {
			return field.get(command);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException("Camunda's " + type.getName() + " has no field '" + name
					+ "' any more: the engine's guards cannot see what a query or a filter run asks for", e);
		}
	}

}
