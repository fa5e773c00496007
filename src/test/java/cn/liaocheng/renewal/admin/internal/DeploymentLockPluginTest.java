package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A deployment through another door that waited longer than the database allows for the
 * deployments' turn is refused as the engine refuses, in Chinese, and not with the
 * database's lock failure as its cause (which the REST answers read as a task someone
 * else has done).
 */
class DeploymentLockPluginTest {

	@Test
	void aDeploymentThatWaitedTooLongForItsTurnIsRefusedInChineseWithoutTheLockFailure() {
		ModelLocks busy = new ModelLocks(null, null) {
			@Override
			void takeTurnUnlessHeld() {
				throw new Busy(new PessimisticLockingFailureException("lock timeout"));
			}
		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("modelLocks", busy);
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		new DeploymentLockPlugin(beans.getBeanProvider(ModelLocks.class)).preInit(configuration);
		List<CommandInterceptor> chain = configuration.getCustomPostCommandInterceptorsTxRequired();
		CommandInterceptor turn = chain.get(chain.size() - 1);
		turn.setNext(new CommandInterceptor() {
			@Override
			public <T> T execute(Command<T> command) {
				throw new AssertionError("the deployment must not run");
			}
		});

		Throwable refused = catchThrowable(() -> turn.execute(new DeployCmd(new DeploymentBuilderImpl(null))));

		assertThat(refused).isInstanceOf(ProcessEngineException.class).hasMessage(ModelLocks.Busy.MESSAGE).hasNoCause();
	}

}
