package cn.liaocheng.renewal.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes every deployment, whichever door it comes through (Camunda Modeler and the REST
 * API, Cockpit, the start-up deployment, the administration page), take the deployments'
 * turn ({@link ModelLocks}) inside the engine, in the deployment's own transaction and
 * before the engine's deploy command begins: an administrator's check that an edit is
 * based on the latest version then never runs while a deployment from elsewhere is still
 * to commit.
 */
@Component
class DeploymentLockPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<ModelLocks> locks;

	DeploymentLockPlugin(ObjectProvider<ModelLocks> locks) {
		this.locks = locks;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> chain = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomPostCommandInterceptorsTxRequired(), List.of()));
		chain.add(new TakeTurn());
		configuration.setCustomPostCommandInterceptorsTxRequired(chain);
	}

	/**
	 * After the transaction is open and before the command runs: the deploy command takes
	 * its monitor and the engine's lock only when it runs, so every deployment waits for
	 * the turn first and then for those, in the same order.
	 */
	private final class TakeTurn extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof DeployCmd) {
				try {
					locks.getObject().takeTurnUnlessHeld();
				}
				catch (ModelLocks.Busy busy) {
					// Said as the engine's refusal, in Chinese, to Camunda Modeler and
					// Cockpit; without the database's lock failure as its cause, which
					// would read as a task someone else has done.
					throw new ProcessEngineException(busy.getMessage());
				}
			}
			return next.execute(command);
		}

	}

}
