package cn.liaocheng.renewal.engine.internal;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The Spring Boot starter's expression manager with the {@link ReflectionGuard} in front
 * of its resolvers (told which members of a process instance expressions may read). Given
 * a beans map, the manager exposes only those beans (no {@code ${dataSource}}); the same
 * resolvers serve BPMN expressions, task-query expressions and JUEL in DMN tables, which
 * the engine evaluates through this manager too.
 */
class GuardedExpressionManager extends SpringExpressionManager {

	private final Set<String> readableCaseMembers;

	GuardedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans,
			Set<String> readableCaseMembers) {
		super(applicationContext, beans);
		this.readableCaseMembers = Set.copyOf(readableCaseMembers);
	}

	@Override
	protected ELResolver createElResolver() {
		CompositeELResolver resolver = new CompositeELResolver();
		resolver.add(new ReflectionGuard(readableCaseMembers));
		resolver.add(super.createElResolver());
		return resolver;
	}

}
