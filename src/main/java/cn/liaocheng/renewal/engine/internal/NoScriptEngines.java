package cn.liaocheng.renewal.engine.internal;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * Gives the engine no script language at all. The models use none, and every one of them
 * is a way around the guarded expression language: even Camunda's own {@code juel} script
 * engine builds its resolvers afresh, so a {@code scriptFormat="juel"} task could call
 * {@code getClass()}. Any script now fails with the engine's "Can't find scripting
 * engine" error.
 */
final class NoScriptEngines implements ScriptEngineResolver {

	private final ScriptEngineManager empty = new ScriptEngineManager(null);

	@Override
	public void addScriptEngineFactory(ScriptEngineFactory factory) {
		// refused quietly: nothing is ever looked up here
	}

	@Override
	public ScriptEngineManager getScriptEngineManager() {
		return empty;
	}

	@Override
	public ScriptEngine getScriptEngine(String language, boolean useCache) {
		return null;
	}

}
