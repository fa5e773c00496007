package cn.liaocheng.renewal.engine.rest;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps expected refusals out of the error log. The engine logs every failed command as
 * ENGINE-16004 at ERROR with its stack, except a few kinds it knows to be the caller's
 * doing; a reviewer's form refused in Chinese, a task completed by someone else first or
 * a task that may not be deleted are the caller's doing too. Those are logged here as one
 * line at INFO (what was refused and why), and only unexpected failures keep the engine's
 * ERROR and stack.
 */
@Component
class EngineRefusalLogging extends AbstractProcessEnginePlugin {

	private static final Logger LOG = LoggerFactory.getLogger(EngineRefusalLogging.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		CommandContextFactory factory = new CommandContextFactory() {

			@Override
			public CommandContext createCommandContext() {
				return new RefusalAwareCommandContext(getProcessEngineConfiguration());
			}

		};
		// The engine sets itself on the factory only when it creates the factory.
		factory.setProcessEngineConfiguration(configuration);
		configuration.setCommandContextFactory(factory);
	}

	private static final class RefusalAwareCommandContext extends CommandContext {

		RefusalAwareCommandContext(ProcessEngineConfigurationImpl configuration) {
			super(configuration);
		}

		/**
		 * The engine logs a task claimed by another at INFO with its stack; here it is
		 * one line like the rest.
		 */
		@Override
		protected boolean shouldLogInfo(Throwable failure) {
			return false;
		}

		@Override
		protected boolean shouldLogFine(Throwable failure) {
			if (super.shouldLogFine(failure)) {
				return true;
			}
			if (ErrorAnswers.isRefusal(failure)) {
				LOG.info("Engine command refused: {}", ErrorAnswers.oneLine(failure));
				return true;
			}
			return false;
		}

	}

}
