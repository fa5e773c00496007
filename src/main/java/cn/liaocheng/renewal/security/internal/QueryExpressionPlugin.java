package cn.liaocheng.renewal.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.audit.AuditTrail;

/**
 * Puts the {@link QueryExpressionGuard}, {@link AdministratorQueries},
 * {@link StaffPageLimit}, {@link MultiInstanceCounters} and {@link AuthorizationAudit}
 * into both of the engine's command chains, after the command context is open (a filter's
 * stored query is read from the database before it runs).
 */
@Component
class QueryExpressionPlugin extends AbstractProcessEnginePlugin {

	private final int maxResultsPerRequest;

	private final ObjectProvider<AuditTrail> audit;

	QueryExpressionPlugin(@Value("${renewal.security.max-results-per-request:" + StaffPageLimit.DEFAULT_MAX_RESULTS
			+ "}") int maxResultsPerRequest, ObjectProvider<AuditTrail> audit) {
		this.maxResultsPerRequest = maxResultsPerRequest;
		this.audit = audit;
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
		chain.add(new AuthorizationAudit(audit::getObject));
		return chain;
	}

}
