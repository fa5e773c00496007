package cn.liaocheng.renewal.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.springframework.stereotype.Component;

/**
 * A refused call to run a job is the caller's failure, not the job's.
 *
 * <p>
 * In Camunda 7.24 {@code ManagementService#executeJob} (REST: {@code POST
 * /job/{id}/execute}, on both REST roots) runs {@code ExecuteJobsCmd} through
 * {@code ExecuteJobHelper}, which hands every exception to the {@link FailedJobListener}
 * in a command of its own, including the {@link AuthorizationException} the command
 * throws before the job runs when the caller lacks UPDATE on the instance. So each
 * refused call used up one retry of someone else's case, and the third stopped it in an
 * incident. This plugin lets the refusal reach the caller unchanged and skips the failure
 * handling that follows it on the same thread, so nothing about the job (retries,
 * exception, history, incident) changes. Jobs run by the job executor are untouched: its
 * threads carry a job executor context and are never refused.
 */
@Component
class RefusedJobCallsPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomPreCommandInterceptorsTxRequired(), List.of()));
		interceptors.add(new RefusedJobCallInterceptor());
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	/**
	 * Runs outside (before) the command context, so it sees the refusal of
	 * {@code ExecuteJobsCmd} as it leaves the engine and the {@link FailedJobListener}
	 * command that {@code ExecuteJobHelper} runs right after it on the same thread.
	 */
	static final class RefusedJobCallInterceptor extends CommandInterceptor {

		/**
		 * Set between a caller's refused ExecuteJobsCmd and the failure handling that
		 * follows it on this thread.
		 */
		private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof FailedJobListener && REFUSED.get() != null) {
				REFUSED.remove();
				return null;
			}
			if (!(command instanceof ExecuteJobsCmd) || Context.getJobExecutorContext() != null) {
				return next.execute(command);
			}
			REFUSED.remove();
			try {
				return next.execute(command);
			}
			catch (AuthorizationException refused) {
				REFUSED.set(Boolean.TRUE);
				throw refused;
			}
		}

	}

}
