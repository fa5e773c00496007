package cn.liaocheng.renewal.security.internal;

import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import cn.liaocheng.renewal.security.CommandCheckers;

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

	/**
	 * The rule as one more of the engine's command checkers ({@link CommandCheckers}).
	 */
	static CommandChecker asCommandChecker() {
		return CommandCheckers.of("CaselessJobs", (check, args) -> {
			if (JOB_CHECKS.contains(check) && caseless(args[0]) && EngineCheckers.signedInNonAdministrator()) {
				throw new AuthorizationException("只有管理员可以查看或处理不属于任何案件的作业（批量操作、历史清理等）");
			}
		});
	}

	private static boolean caseless(Object checked) {
		return checked instanceof JobEntity job && job.getProcessDefinitionKey() == null
				|| checked instanceof HistoricJobLogEventEntity log && log.getProcessDefinitionKey() == null;
	}

}
