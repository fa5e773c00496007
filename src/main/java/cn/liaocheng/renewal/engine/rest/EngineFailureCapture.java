package cn.liaocheng.renewal.engine.rest;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, on the current web request, the exception an engine command failed with. The
 * webapps' copy of the REST API is a JAX-RS application of Camunda's own that takes no
 * extra exception mappers, so {@link WebappApiErrors} answers its failures after the fact
 * and needs the exception, not only the text Camunda wrote from it.
 */
@Component
class EngineFailureCapture extends AbstractProcessEnginePlugin {

	static final String ATTRIBUTE = EngineFailureCapture.class.getName() + ".failure";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPreCommandInterceptorsTxRequired(
				withCapture(configuration.getCustomPreCommandInterceptorsTxRequired()));
	}

	private static List<CommandInterceptor> withCapture(List<CommandInterceptor> interceptors) {
		List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
		all.add(0, new Capture());
		return all;
	}

	private static final class Capture extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (RuntimeException failure) {
				RequestAttributes request = RequestContextHolder.getRequestAttributes();
				if (request != null) {
					request.setAttribute(ATTRIBUTE, failure, RequestAttributes.SCOPE_REQUEST);
				}
				throw failure;
			}
		}

	}

}
