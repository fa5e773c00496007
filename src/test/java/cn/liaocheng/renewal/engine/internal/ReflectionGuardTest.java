package cn.liaocheng.renewal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The guarded expression manager evaluated directly, as the engine and the DMN engine do,
 * without Spring or an engine: reflection is refused wherever it is attempted, the
 * models' own expressions still work, and only the allowed beans can be named.
 */
class ReflectionGuardTest {

	private static final String PROPERTY = "renewal.el.pwned";

	/** Sets a system property through reflection; with the property set, code ran. */
	static final String SET_PROPERTY = "${''.getClass().forName('java.lang.System').getMethod('setProperty', "
			+ "''.getClass(), ''.getClass()).invoke(null, '" + PROPERTY + "', 'yes')}";

	private static final java.util.Set<String> CASE_MEMBERS = java.util.Set.of("processBusinessKey");

	private final DefaultListableBeanFactory spring = new DefaultListableBeanFactory();

	@AfterEach
	void clearProperty() {
		System.clearProperty(PROPERTY);
	}

	@Test
	void theAttackExpressionRunsInTheStarterUnguardedManager() {
		// Without this, a refusal below might only mean the expression is broken.
		evaluate(new SpringExpressionManager(null, Map.of()), SET_PROPERTY);

		assertThat(System.getProperty(PROPERTY)).isEqualTo("yes");
	}

	@Test
	void theGuardedManagerRefusesItAndNothingRuns() {
		assertThatThrownBy(() -> evaluate(guarded(), SET_PROPERTY)).isInstanceOf(ELException.class)
			.hasMessageContaining("表达式不允许使用反射或访问系统资源");

		assertThat(System.getProperty(PROPERTY)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${''.getClass()}", "${''.class}", "${''['class']}", "${routing.getClass()}",
			"${routing.class.name}", "${klass.forName('java.lang.Runtime')}", "${klass.name}",
			"${loader.loadClass('java.lang.Runtime')}", "${loader.parent}", "${method.invoke(null)}", "${method.name}",
			"${file.delete()}", "${file.path}", "${path.toFile()}", "${thread.stop()}", "${thread.contextClassLoader}",
			"${builder.start()}", "${runtime.availableProcessors()}", "${spring.getBean('dataSource')}",
			"${routing.newInstance()}", "${routing.invoke()}" })
	void everyStepTowardsReflectionOrTheMachineIsRefused(String expression) throws Exception {
		Map<String, Object> variables = Map.of("klass", String.class, "loader", ClassLoader.getSystemClassLoader(),
				"method", Object.class.getMethod("toString"), "file", new java.io.File("/tmp/renewal-never"), "path",
				java.nio.file.Path.of("/tmp/renewal-never"), "thread", Thread.currentThread(), "builder",
				new ProcessBuilder("true"), "runtime", Runtime.getRuntime(), "spring", spring);

		assertThatThrownBy(() -> evaluate(guarded(), expression, variables)).isInstanceOf(ELException.class)
			.hasMessageContaining("不允许");
	}

	@Test
	void theModelsOwnExpressionsStillEvaluate() {
		JuelExpressionManager manager = guarded();
		Map<String, Object> variables = Map.of("reviewDecision", "APPROVE", "divisionCode", "371525", "execution",
				new Execution("42"), "reviewBodies", "industry,ecology", "hasObjections", false);

		assertThat(evaluate(manager, "${reviewDecision == 'APPROVE'}", variables)).isEqualTo(true);
		assertThat(evaluate(manager, "county-${divisionCode}-industry", variables)).isEqualTo("county-371525-industry");
		assertThat(evaluate(manager, "#{execution.processBusinessKey}", variables)).isEqualTo("42");
		assertThat(evaluate(manager, "${!hasObjections}", variables)).isEqualTo(true);
		assertThat(evaluate(manager, "${routing.split(reviewBodies)}", variables))
			.isEqualTo(List.of("industry", "ecology"));
		assertThat(evaluate(manager, "${'a'.concat('b')}", variables)).isEqualTo("ab");
		assertThat(evaluate(manager, "${dateTime().plusDays(2)}", variables)).isInstanceOf(DateTime.class);
	}

	@Test
	void onlyTheAllowedBeansCanBeNamed() {
		spring.registerSingleton("dataSource", new Object());
		JuelExpressionManager manager = new GuardedExpressionManager(null,
				new ModelBeans(spring, java.util.Set.of("routing", "notRegistered")), CASE_MEMBERS);

		assertThat(evaluate(manager, "${routing.split('a,b')}")).isEqualTo(List.of("a", "b"));
		assertThatThrownBy(() -> evaluate(manager, "${dataSource}")).isInstanceOf(PropertyNotFoundException.class);
		assertThatThrownBy(() -> evaluate(manager, "${notRegistered}")).isInstanceOf(PropertyNotFoundException.class);
	}

	@Test
	void ofAProcessInstanceAnExpressionReadsOnlyTheBusinessKey() {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getProcessBusinessKey()).thenReturn("42");

		assertThat(evaluate(guarded(), "#{execution.processBusinessKey}", Map.of("execution", execution)))
			.isEqualTo("42");
	}

	@ParameterizedTest
	@ValueSource(strings = { "${execution.setProcessBusinessKey('999')}",
			"${execution.setProcessBusinessKey('999') == null}", "${execution.getProcessBusinessKey()}",
			"${execution.processEngineServices}", "${execution.getProcessEngineServices()}",
			"${execution.processEngine}", "${execution.processInstance}",
			"${execution.setVariable('divisionCode', 'x')}", "${execution.variables}", "${execution.businessKey}",
			"${task.setAssignee('lc-ecology')}", "${task.execution}", "${task.processEngineServices}" })
	void nothingElseOfAProcessInstanceOrTaskIsReachable(String expression) {
		DelegateExecution execution = mock(DelegateExecution.class);
		DelegateTask task = mock(DelegateTask.class);

		assertThatThrownBy(() -> evaluate(guarded(), expression, Map.of("execution", execution, "task", task)))
			.isInstanceOf(ELException.class)
			.hasMessageContaining("不能访问或修改流程实例和任务的其他成员");
		verify(execution, never()).setProcessBusinessKey(org.mockito.ArgumentMatchers.any());
		verify(task, never()).setAssignee(org.mockito.ArgumentMatchers.any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "${services.runtimeService}", "${services.getRepositoryService()}", "${engine.name}",
			"${engine.identityService}", "${runtime.createProcessInstanceQuery()}", "${repository.createDeployment()}",
			"${identity.createUserQuery().count()}" })
	void theEngineAndItsServicesAreNoBase(String expression) {
		Map<String, Object> variables = Map.of("services", mock(ProcessEngineServices.class), "engine",
				mock(ProcessEngine.class), "runtime", mock(RuntimeService.class), "repository",
				mock(RepositoryService.class), "identity", mock(IdentityService.class));

		assertThatThrownBy(() -> evaluate(guarded(), expression, variables)).isInstanceOf(ELException.class)
			.hasMessageContaining("不允许");
	}

	@Test
	void noExpressionWritesToAMemberOfAnObject() {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getProcessBusinessKey()).thenReturn("1");
		JuelExpressionManager manager = guarded();
		Holder holder = new Holder();
		var context = manager
			.createElContext(Variables.fromMap(Map.of("execution", execution, "holder", holder)).asVariableContext());

		assertThatThrownBy(
				() -> manager.createValueExpression("#{execution.processBusinessKey}").setValue(context, "42"))
			.isInstanceOf(ELException.class)
			.hasMessageContaining("表达式不能修改对象的成员");
		assertThatThrownBy(() -> manager.createValueExpression("#{holder.name}").setValue(context, "42"))
			.isInstanceOf(ELException.class)
			.hasMessageContaining("表达式不能修改对象的成员");
		verify(execution, never()).setProcessBusinessKey(org.mockito.ArgumentMatchers.any());
		assertThat(holder.getName()).isNull();
	}

	/** A bean with a setter: a write would reach it. */
	public static class Holder {

		private String name;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	private JuelExpressionManager guarded() {
		JuelExpressionManager manager = new GuardedExpressionManager(null,
				new ModelBeans(spring, java.util.Set.of("routing")), CASE_MEMBERS);
		try {
			manager.addFunction(DateTimeFunctions.DATE_TIME, DateTimeFunctions.class.getMethod("dateTime"));
		}
		catch (NoSuchMethodException e) {
			throw new IllegalStateException(e);
		}
		return manager;
	}

	private Object evaluate(JuelExpressionManager manager, String expression) {
		return evaluate(manager, expression, Map.of());
	}

	private Object evaluate(JuelExpressionManager manager, String expression, Map<String, Object> variables) {
		if (!spring.containsSingleton("routing")) {
			spring.registerSingleton("routing", new Routing());
		}
		return manager.createValueExpression(expression)
			.getValue(manager.createElContext(Variables.fromMap(variables).asVariableContext()));
	}

	/** Stands in for the joint review's routing bean. */
	public static class Routing {

		public List<String> split(String bodies) {
			return List.of(bodies.split(","));
		}

	}

	/** Stands in for the execution a model's expression reads the business key from. */
	public record Execution(String getProcessBusinessKey) {
	}

}
