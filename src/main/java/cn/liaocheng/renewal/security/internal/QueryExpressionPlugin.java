package cn.liaocheng.renewal.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link QueryExpressionGuard}, {@link AdministratorQueries},
 * {@link StaffPageLimit} and {@link MultiInstanceCounters} into both of the engine's
 * command chains, after the command context is open (a filter's stored query is read from
 * the database before it runs).
 */
@Component
class QueryExpressionPlugin extends AbstractProcessEnginePlugin {

	private final int maxResultsPerRequest;

	QueryExpressionPlugin(@Value("${renewal.security.max-results-per-request:" + StaffPageLimit.DEFAULT_MAX_RESULTS
			+ "}") int maxResultsPerRequest) {
		this.maxResultsPerRequest = maxResultsPerRequest;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPostCommandInterceptorsTxRequired(
				withGuard(configuration.getCustomPostCommandInterceptorsTxRequired()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(
				withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
	}

	/** A guard per chain: an interceptor knows its successor. */
	private List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors) {
		List<CommandInterceptor> chain = new ArrayList<>(Objects.requireNonNullElse(interceptors, List.of()));
		chain.add(new QueryExpressionGuard());
		chain.add(new AdministratorQueries());
		chain.add(new StaffPageLimit(maxResultsPerRequest));
		chain.add(new MultiInstanceCounters());
		return chain;
	}

}
