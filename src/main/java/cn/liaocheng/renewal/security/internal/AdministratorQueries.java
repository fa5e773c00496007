package cn.liaocheng.renewal.security.internal;

import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricIncidentQueryImpl;
import org.camunda.bpm.engine.impl.HistoricJobLogQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.IncidentQueryImpl;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.FetchExternalTasksCmd;
import org.camunda.bpm.engine.impl.cmd.FindHistoryCleanupJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetUniqueTaskWorkerCountCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDefinitionPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;

/**
 * Queries that Camunda 7.24 authorizes too widely for reviewers, answered to
 * administrators only, inside the engine where every door ends (the engine REST API under
 * any spelling, the webapps' APIs, Java callers with a signed-in user):
 * <ul>
 * <li>historic variables and variable updates, historic tasks searched by variable
 * values, and open tasks searched by the values of variables not their own (process and
 * case variables, directly, in or-queries and in filter runs): the engine lets whoever
 * may read one task of a process instance read (or probe) every variable of that
 * instance, those of sibling executions included, so one bank could learn another bank's
 * loan terms from the parallel bank reviews of the same case;</li>
 * <li>statistics and metrics, which count running cases, failed jobs and incidents across
 * every county and body, and the number of people who worked tasks in a period (Camunda
 * checks nothing on that count);</li>
 * <li>the job list, the job log, the history cleanup jobs and incidents, which show every
 * job without a case (administrators' batches, history cleanup), its ids and its
 * failures, to anyone ({@link CaselessJobs}; Camunda checks nothing on the cleanup jobs'
 * list either);</li>
 * <li>process definitions found by an incident's text, a yes-or-no oracle on any county's
 * incident messages;</li>
 * <li>fetching external tasks: the models have none, and Camunda's REST API parks such a
 * request ({@code asyncResponseTimeout}, up to 30 minutes) in an unbounded list and
 * queries the engine again for every parked request whenever another arrives and every 30
 * seconds, so a staff account's long polls could hold connections and keep the node and
 * the database busy on its behalf. Refused at the first fetch, before anything is
 * parked.</li>
 * </ul>
 * Tasklist uses none of them; Cockpit, which does, is for administrators. The product's
 * own code, which runs without a signed-in user, is not limited.
 */
final class AdministratorQueries extends CommandInterceptor {

	static final String EXTERNAL_TASKS_REFUSED = "本系统的流程没有外部任务，只有管理员可以拉取外部任务";

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof FetchExternalTasksCmd && EngineCheckers.signedInNonAdministrator()) {
			throw new AuthorizationException(EXTERNAL_TASKS_REFUSED);
		}
		boolean jobChange = changesJobs(command);
		if (jobChange || administratorsOnly(command)) {
			if (EngineCheckers.signedInNonAdministrator()) {
				if (jobChange) {
					throw new AuthorizationException("只有管理员可以挂起、激活作业或修改作业的重试次数和优先级");
				}
				throw new AuthorizationException("只有管理员可以查询历史变量、按流程变量筛选任务、查看统计数据、作业和事件信息；审核人员请在任务表单和申报详情中查看本部门办理的案件。");
			}
		}
		return next.execute(command);
	}

	/**
	 * Suspending or activating jobs and job definitions, and setting their retries or
	 * priority: Camunda checks these only through a job's case, so on a job of no case
	 * (an administrator's batch, history cleanup) it checks nothing ({@link CaselessJobs}
	 * closes the other job doors). Staff have no business with either.
	 */
	static boolean changesJobs(Command<?> command) {
		return command instanceof AbstractSetJobStateCmd || command instanceof AbstractSetJobDefinitionStateCmd
				|| command instanceof SetJobRetriesCmd || command instanceof SetJobDefinitionPriorityCmd;
	}

	static boolean administratorsOnly(Command<?> command) {
		if (command instanceof HistoricTaskInstanceQueryImpl tasks) {
			// A variable condition matches every variable the instance ever had, the
			// other banks' terms included: asked again and again, it tells their values.
			return !tasks.getVariables().isEmpty()
					|| tasks.getQueries().stream().anyMatch(q -> !q.getVariables().isEmpty());
		}
		if (command instanceof TaskQueryImpl tasks) {
			return searchesOthersVariables(tasks);
		}
		if (command instanceof AbstractExecuteFilterCmd run) {
			return searchesOthersVariables(QueryExpressionGuard.extendingQuery(run))
					|| searchesOthersVariables(QueryExpressionGuard.storedQuery(run));
		}
		if (command instanceof ProcessDefinitionQueryImpl definitions) {
			return definitions.getIncidentId() != null || definitions.getIncidentType() != null
					|| definitions.getIncidentMessage() != null || definitions.getIncidentMessageLike() != null;
		}
		return command instanceof HistoricVariableInstanceQueryImpl || command instanceof HistoricDetailQueryImpl
				|| command instanceof ProcessDefinitionStatisticsQueryImpl
				|| command instanceof ActivityStatisticsQueryImpl || command instanceof DeploymentStatisticsQueryImpl
				|| command instanceof MetricsQueryImpl || command instanceof JobQueryImpl
				|| command instanceof HistoricJobLogQueryImpl || command instanceof IncidentQueryImpl
				|| command instanceof HistoricIncidentQueryImpl || command instanceof GetUniqueTaskWorkerCountCmd
				|| command instanceof FindHistoryCleanupJobsCmd;
	}

	/**
	 * Whether the task query, or one of its or-queries, asks for the values of variables
	 * that are not the task's own: a process variable condition matches a variable of any
	 * execution of the instance, a sibling bank's review included.
	 */
	private static boolean searchesOthersVariables(TaskQueryImpl query) {
		return query != null && Stream.concat(Stream.of(query), query.getQueries().stream())
			.flatMap(q -> q.getVariables().stream())
			.anyMatch(v -> !v.isLocal());
	}

}
