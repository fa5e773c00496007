package cn.liaocheng.renewal.application;

import org.camunda.bpm.engine.RuntimeService;

/**
 * A class of the applications module that reaches the engine, as
 * {@code EngineBoundaryTest} must refuse.
 */
public class EngineUseOutsideItsOwners {

	private final RuntimeService runtime;

	public EngineUseOutsideItsOwners(RuntimeService runtime) {
		this.runtime = runtime;
	}

	public long running() {
		return runtime.createProcessInstanceQuery().count();
	}

}
