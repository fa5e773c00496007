package cn.liaocheng.renewal.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.ExpressionBeans;

/**
 * Limits what the engine's expressions can reach, for every expression whoever wrote it:
 * only the beans the models use ({@link ExpressionBeans}), never reflection
 * ({@link ReflectionGuard}), no script language, and no model naming a Java class, a
 * built-in connector or an HTML form ({@link NoCodeInModels}), and none through which a
 * form submission or a called process changes the case ({@link NoCaseChangeInModels}).
 * Runs before the engine builds its DMN engine, which then evaluates JUEL through the
 * same guarded manager.
 */
@Component
class ExpressionLanguagePlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	private final ExpressionBeans allowed;

	ExpressionLanguagePlugin(ApplicationContext context, ExpressionBeans allowed) {
		this.context = context;
		this.allowed = allowed;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		Map<Object, Object> beans = new ModelBeans(context, allowed.names());
		configuration.setBeans(beans);
		configuration.setExpressionManager(new GuardedExpressionManager(context, beans, allowed.readableCaseMembers()));
		configuration.setScriptEngineResolver(new NoScriptEngines());
		configuration.setEnableFetchScriptEngineFromProcessApplication(false);
		List<BpmnParseListener> parseListeners = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomPreBPMNParseListeners(), List.of()));
		parseListeners.add(new NoCodeInModels());
		parseListeners.add(new NoCaseChangeInModels());
		configuration.setCustomPreBPMNParseListeners(parseListeners);
		// No CMMN: a case model is one more place for listeners by class name.
		configuration.setCmmnEnabled(false);
	}

}
