package cn.liaocheng.renewal.security.internal;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListPageCmd;
import org.camunda.bpm.engine.impl.cmmn.entity.repository.CaseDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionRequirementsDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.filter.FilterQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbTenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * At most {@link #maxResults} rows a request for every signed-in user who is not an
 * administrator, inside the engine where every door ends (Camunda's REST API under any
 * spelling, the webapps' API, a filter run). Before, {@code GET …/task} or
 * {@code …/history/task} without {@code maxResults} returned every row the caller may
 * read: a city body with years of history could make the node load hundreds of thousands
 * of rows into its heap with one request.
 *
 * <p>
 * A list is asked of the database for one row more than the limit, whatever page size the
 * caller gave or left out; if that row comes, the request is refused with a sentence
 * saying how to page, otherwise the caller gets every row as before. So a script asking
 * for a case's tasks without a page size keeps working, and no request of a reviewer
 * loads more than the limit and one. Tasklist asks for pages of 15; counts are not
 * limited.
 *
 * <p>
 * What is limited: a query's list that Camunda itself would limit if
 * {@code queryMaxResultsLimit} were set, i.e. one started outside the engine (by a REST
 * call, not by the product's delegates and listeners inside a command a reviewer
 * started), and a filter's list. Not limited: the lists whose length the configuration
 * fixes rather than the cases (filters, groups, tenants, deployments and the definitions
 * of processes, decisions and cases), administrators (Cockpit's batch operations and
 * migrations work on many cases at once), and the product's own code, which runs without
 * a signed-in user. Camunda's own {@code queryMaxResultsLimit} is left unset: it refuses
 * every list without a page size however short, and it would also bound administrators.
 *
 * <p>
 * A query keeps whether it is a list and whether it was started outside the engine in
 * protected fields, and a filter run its page size, read here by reflection as
 * {@link QueryExpressionGuard} reads the filter commands'; a Camunda version that renames
 * them stops the engine at start-up rather than lifting the limit.
 */
final class StaffPageLimit extends CommandInterceptor {

	/** The limit of a node not configured otherwise. */
	static final int DEFAULT_MAX_RESULTS = 1000;

	static final String NEGATIVE_PAGE = "firstResult 和 maxResults 不能为负数。";

	/** Queries whose length the configuration fixes, not the number of cases. */
	private static final Set<Class<?>> CONFIGURATION_SIZED = Set.of(FilterQueryImpl.class, DbGroupQueryImpl.class,
			DbTenantQueryImpl.class, DeploymentQueryImpl.class, ProcessDefinitionQueryImpl.class,
			DecisionDefinitionQueryImpl.class, DecisionRequirementsDefinitionQueryImpl.class,
			CaseDefinitionQueryImpl.class);

	/** The result types of {@code list()} and {@code listPage(…)}. */
	private static final Set<String> LISTS = Set.of("LIST", "LIST_PAGE");

	private static final Field RESULT_TYPE = QueryExpressionGuard.field(AbstractQuery.class, "resultType");

	private static final Field LIMIT_ENABLED = QueryExpressionGuard.field(AbstractQuery.class,
			"maxResultsLimitEnabled");

	private static final Field FILTER_FIRST_RESULT = QueryExpressionGuard.field(ExecuteFilterListPageCmd.class,
			"firstResult");

	private static final Field FILTER_MAX_RESULTS = QueryExpressionGuard.field(ExecuteFilterListPageCmd.class,
			"maxResults");

	private final int maxResults;

	StaffPageLimit(int maxResults) {
		if (maxResults < 1) {
			throw new IllegalArgumentException("maxResults must be at least 1: " + maxResults);
		}
		this.maxResults = maxResults;
	}

	/** What a refused request is told. */
	static String refusal(int maxResults) {
		return "查询结果超过 " + maxResults + " 条，一次最多返回 " + maxResults
				+ " 条：请缩小查询条件，或用 firstResult 和 maxResults 分页查询（maxResults 不超过 " + maxResults + "）；只需要数量时请用 count 接口。";
	}

	@Override
	public <T> T execute(Command<T> command) {
		boolean list = command instanceof AbstractQuery<?, ?> || command instanceof ExecuteFilterListCmd
				|| command instanceof ExecuteFilterListPageCmd;
		if (list && negativePage(command)) {
			throw new BadUserRequestException(NEGATIVE_PAGE);
		}
		Command<T> bounded = list && EngineCheckers.signedInNonAdministrator() ? bounded(command) : null;
		if (bounded == null) {
			return next.execute(command);
		}
		T result = next.execute(bounded);
		if (result instanceof List<?> rows && rows.size() > maxResults) {
			throw new BadUserRequestException(refusal(maxResults));
		}
		return result;
	}

	/**
	 * Whether a page asked from outside the engine starts or ends before the first row:
	 * the database refuses it as a malformed statement, which was answered as a server
	 * failure with its stack in the log, for any caller.
	 */
	private static boolean negativePage(Command<?> command) {
		if (command instanceof ExecuteFilterListPageCmd page) {
			return (int) QueryExpressionGuard.read(FILTER_FIRST_RESULT, page) < 0
					|| (int) QueryExpressionGuard.read(FILTER_MAX_RESULTS, page) < 0;
		}
		return command instanceof AbstractQuery<?, ?> query
				&& "LIST_PAGE".equals(((Enum<?>) QueryExpressionGuard.read(RESULT_TYPE, query)).name())
				&& (boolean) QueryExpressionGuard.read(LIMIT_ENABLED, query)
				&& (query.getFirstResult() < 0 || query.getMaxResults() < 0);
	}

	/**
	 * The command that asks for at most one row more than the limit, or null when the
	 * command is not a list this rule limits. A query's page is narrowed in place; a
	 * filter's list without a page becomes a page of the same filter.
	 */
	@SuppressWarnings("unchecked")
	private <T> Command<T> bounded(Command<T> command) {
		int asked = maxResults + 1;
		if (command instanceof ExecuteFilterListCmd run) {
			return (Command<T>) new ExecuteFilterListPageCmd(QueryExpressionGuard.filterId(run),
					QueryExpressionGuard.extendingQuery(run), 0, asked);
		}
		if (command instanceof ExecuteFilterListPageCmd page) {
			if ((int) QueryExpressionGuard.read(FILTER_MAX_RESULTS, page) > asked) {
				return (Command<T>) new ExecuteFilterListPageCmd(QueryExpressionGuard.filterId(page),
						QueryExpressionGuard.extendingQuery(page),
						(int) QueryExpressionGuard.read(FILTER_FIRST_RESULT, page), asked);
			}
			return command;
		}
		if (command instanceof AbstractQuery<?, ?> query && !CONFIGURATION_SIZED.contains(query.getClass())
				&& LISTS.contains(((Enum<?>) QueryExpressionGuard.read(RESULT_TYPE, query)).name())
				&& (boolean) QueryExpressionGuard.read(LIMIT_ENABLED, query)) {
			if (query.getMaxResults() > asked) {
				query.setMaxResults(asked);
			}
			return command;
		}
		return null;
	}

}
