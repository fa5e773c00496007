package cn.liaocheng.renewal.security.internal;

import java.lang.reflect.Proxy;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Jobs that belong to no case (an administrator's batch of migrations, modifications or
 * deletions, history cleanup, a delayed suspension) are for administrators only. Camunda
 * 7.24 lets anyone read, run, delete or reschedule them, as its job checks return early
 * for a job without a process definition; a reviewer could leave an administrator's
 * operation half done. Jobs of cases keep the engine's own checks, which staff do not
 * pass either. The job list, the job log, incidents and changes of jobs' state, retries
 * and priority are closed to staff in {@link AdministratorQueries}.
 */
final class CaselessJobs {

	private static final Set<String> JOB_CHECKS = Set.of("checkReadJob", "checkUpdateJob", "checkUpdateRetriesJob",
			"checkReadHistoricJobLog");

	private CaselessJobs() {
	}

	/** The rule as one more of the engine's command checkers, next to Camunda's. */
	static CommandChecker asCommandChecker() {
		return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
				new Class<?>[] { CommandChecker.class }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "equals" -> proxy == args[0];
							case "hashCode" -> System.identityHashCode(proxy);
							default -> "CaselessJobs";
						};
					}
					if (JOB_CHECKS.contains(method.getName())
							&& (args[0] instanceof JobEntity job && job.getProcessDefinitionKey() == null
									|| args[0] instanceof HistoricJobLogEventEntity log
											&& log.getProcessDefinitionKey() == null)) {
						refuseUnlessAdministrator();
					}
					return null;
				});
	}

	private static void refuseUnlessAdministrator() {
		CommandContext context = Context.getCommandContext();
		if (context != null && context.getAuthenticatedUserId() != null && context.isAuthorizationCheckEnabled()
				&& !context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
			throw new AuthorizationException("只有管理员可以查看或处理不属于任何案件的作业（批量操作、历史清理等）");
		}
	}

}
