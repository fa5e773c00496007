package cn.liaocheng.renewal.engine.internal;

import java.util.AbstractMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.BeanFactory;

/**
 * The Spring beans expressions may name, as the map the engine's expression manager
 * reads. Beans are looked up when an expression names one, not when the engine starts:
 * the delegates need the engine's services, so they cannot exist before it.
 */
final class ModelBeans extends AbstractMap<Object, Object> {

	private final BeanFactory beans;

	private final Set<String> names;

	ModelBeans(BeanFactory beans, Set<String> names) {
		this.beans = beans;
		this.names = Set.copyOf(names);
	}

	@Override
	public boolean containsKey(Object name) {
		return name instanceof String n && names.contains(n) && beans.containsBean(n);
	}

	@Override
	public Object get(Object name) {
		return containsKey(name) ? beans.getBean((String) name) : null;
	}

	@Override
	public Set<Entry<Object, Object>> entrySet() {
		return names.stream()
			.filter(beans::containsBean)
			.map(n -> new SimpleImmutableEntry<Object, Object>(n, beans.getBean(n)))
			.collect(Collectors.toUnmodifiableSet());
	}

}
