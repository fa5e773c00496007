package cn.liaocheng.renewal.review.process;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The product's start of an after-award process, and the record of the instance it
 * started. The start runs to the process's first wait state before the engine returns its
 * id, and the steps on the way are checked already ({@link CasePins}): while it runs,
 * this thread says which application and process the product is starting, and the first
 * step's check records the instance then. No other start (the engine's API, Tasklist, a
 * model) passes here, so none is recorded.
 */
@Component
class AfterAwardStarts implements AfterAwardProcesses {

	private record Starting(long applicationId, String processKey) {
	}

	private static final ThreadLocal<Starting> STARTING = new ThreadLocal<>();

	private final RuntimeService runtime;

	private final ApplicationStages stages;

	AfterAwardStarts(RuntimeService runtime, ApplicationStages stages) {
		this.runtime = runtime;
		this.stages = stages;
	}

	@Override
	public String start(String processKey, long applicationId, Map<String, Object> variables) {
		if (!ReviewProcesses.AFTER_AWARD_PROCESSES.contains(processKey)) {
			throw new IllegalArgumentException("not an after-award process: " + processKey);
		}
		if (stages.afterAwardProcess(applicationId, processKey).isPresent()) {
			throw new ProcessEngineException(
					"Application " + applicationId + " has its " + processKey + " process recorded already");
		}
		Starting previous = STARTING.get();
		STARTING.set(new Starting(applicationId, processKey));
		String id;
		try {
			id = runtime.startProcessInstanceByKey(processKey, Long.toString(applicationId), variables).getId();
		}
		finally {
			if (previous == null) {
				STARTING.remove();
			}
			else {
				STARTING.set(previous);
			}
		}
		// A start whose first step waits for a job has not been checked yet: recorded
		// here.
		if (!stages.pinAfterAwardProcess(applicationId, processKey, id)) {
			throw new ProcessEngineException("Application " + applicationId + " has another " + processKey
					+ " process recorded than the one just started (" + id + ")");
		}
		return id;
	}

	@Override
	public Optional<String> started(long applicationId, String processKey) {
		return stages.afterAwardProcess(applicationId, processKey);
	}

	/**
	 * Whether this thread is in the product's start of {@code processKey} for the
	 * application.
	 */
	static boolean starting(long applicationId, String processKey) {
		Starting starting = STARTING.get();
		return starting != null && starting.applicationId() == applicationId
				&& starting.processKey().equals(processKey);
	}

}
