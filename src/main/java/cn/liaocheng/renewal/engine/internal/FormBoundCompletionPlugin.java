package cn.liaocheng.renewal.engine.internal;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs the form-bound task and form services, so that every way of completing a task
 * — the Java API, the REST API at {@code /engine-rest} and the webapps' copy of it,
 * whatever the path's spelling — writes only the fields of the task's deployed form. The
 * REST API, the webapps and Spring's service beans all take their services from the
 * engine, which takes them from this configuration.
 *
 * <p>
 * Replacing a service is exclusive: if another plugin has already replaced one, or
 * replaces one afterwards, the engine refuses to start rather than silently lose this
 * rule.
 */
@Component
class FormBoundCompletionPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		requireEngineDefault(configuration.getTaskService(), TaskServiceImpl.class);
		requireEngineDefault(configuration.getFormService(), FormServiceImpl.class);
		configuration.setTaskService(new FormBoundTaskService());
		configuration.setFormService(new FormBoundFormService());
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		TaskService tasks = configuration.getTaskService();
		FormService forms = configuration.getFormService();
		if (!(tasks instanceof FormBoundTaskService) || !(forms instanceof FormBoundFormService)) {
			throw new IllegalStateException("Another engine plugin replaced the task or form service ("
					+ tasks.getClass().getName() + ", " + forms.getClass().getName()
					+ "): task completions would no longer be bound to their forms");
		}
	}

	private static void requireEngineDefault(Object service, Class<?> engineDefault) {
		if (service.getClass() != engineDefault) {
			throw new IllegalStateException("Another engine plugin replaced " + engineDefault.getSimpleName() + " with "
					+ service.getClass().getName() + ": task completions cannot be bound to their forms");
		}
	}

}
