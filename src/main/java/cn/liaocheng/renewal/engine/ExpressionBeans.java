package cn.liaocheng.renewal.engine;

import java.util.Set;

/**
 * The names of the Spring beans the engine's expressions may reach: provided by the
 * module that owns the models' vocabulary, so that the engine, which guards every
 * expression, depends on none of the modules whose models it runs.
 */
public interface ExpressionBeans {

	Set<String> names();

}
