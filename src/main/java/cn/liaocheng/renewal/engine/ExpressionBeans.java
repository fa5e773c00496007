package cn.liaocheng.renewal.engine;

import java.util.Set;

/**
 * The names of the Spring beans the engine's expressions may reach, and the members of a
 * process instance they may read: provided by the module that owns the models'
 * vocabulary, so that the engine, which guards every expression, depends on none of the
 * modules whose models it runs.
 */
public interface ExpressionBeans {

	Set<String> names();

	/**
	 * The members of a process instance or a task ({@code execution}, {@code task}) an
	 * expression may read, e.g. {@code processBusinessKey}; every other member of theirs,
	 * and every write, is refused.
	 */
	Set<String> readableCaseMembers();

}
