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

	private record Starting(long applicationId, String processKey, int round) {
	}

	private static final ThreadLocal<Starting> STARTING = new ThreadLocal<>();

	private final RuntimeService runtime;

	private final ApplicationStages stages;

	AfterAwardStarts(RuntimeService runtime, ApplicationStages stages) {
		this.runtime = runtime;
		this.stages = stages;
	}

	@Override
	public String start(String processKey, long applicationId, int round, Map<String, Object> variables) {
		if (!ReviewProcesses.AFTER_AWARD_PROCESSES.contains(processKey)) {
			throw new IllegalArgumentException("not an after-award process: " + processKey);
		}
		if (round < 1 || round > 1 && !AfterAwardProcesses.CLAWBACK.equals(processKey)) {
			throw new IllegalArgumentException("no round " + round + " of " + processKey);
		}
		// Round 1 while none is recorded; a later round while the one before it is the
		// latest.
		Optional<String> latest = stages.afterAwardProcess(applicationId, processKey);
		if (round == 1 ? latest.isPresent()
				: latest.isEmpty() || !latest.equals(stages.afterAwardProcess(applicationId, processKey, round - 1))) {
			throw new ProcessEngineException("Application " + applicationId + " has its " + processKey
					+ " process recorded already, or not its round before " + round);
		}
		Starting previous = STARTING.get();
		STARTING.set(new Starting(applicationId, processKey, round));
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
		if (!stages.pinAfterAwardProcess(applicationId, processKey, round, id)) {
			throw new ProcessEngineException("Application " + applicationId + " has another " + processKey
					+ " process recorded for round " + round + " than the one just started (" + id + ")");
		}
		return id;
	}

	@Override
	public Optional<String> started(long applicationId, String processKey) {
		return stages.afterAwardProcess(applicationId, processKey);
	}

	/**
	 * The round of {@code processKey} this thread is starting for the application, in the
	 * product's start; empty when it is not.
	 */
	static Optional<Integer> starting(long applicationId, String processKey) {
		Starting starting = STARTING.get();
		return starting != null && starting.applicationId() == applicationId && starting.processKey().equals(processKey)
				? Optional.of(starting.round()) : Optional.empty();
	}

}
