package cn.liaocheng.renewal.review.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Which process instances may act on an application. Its review is the root instance its
 * submission started, recorded by the application ({@code process_instance_id}; recorded
 * here, during the submission, when the start reaches its first step before the
 * submission records it). The after-award processes (payment and acceptance, clawback)
 * are roots of their own with the application's key, started by the product, which
 * records each ({@code after_award_process}; recorded here when the start reaches its
 * first step, {@link AfterAwardStarts}): a step of one acts on the application only in
 * the instance recorded for its kind. Any other instance naming the application (one
 * started by hand through the engine's API or Tasklist, a called instance given another
 * key, a root whose key was changed) is refused, and an audit entry
 * {@code CASE_PROCESS_MISMATCH} says so.
 * <p>
 * Reached from {@link ReviewedApplication} through the engine's command context (a
 * session of this engine's own), so each Spring context's engine asks its own database.
 */
@Component
class CasePins extends AbstractProcessEnginePlugin {

	private final ObjectProvider<ApplicationStages> stages;

	private final ObjectProvider<RefusalAudit> audit;

	CasePins(ObjectProvider<ApplicationStages> stages, ObjectProvider<RefusalAudit> audit) {
		this.stages = stages;
		this.audit = audit;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomSessionFactories());
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return Session.class;
			}

			@Override
			public org.camunda.bpm.engine.impl.interceptor.Session openSession() {
				return new Session();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

	/**
	 * Whether the root instance {@code rootId} of definition {@code rootKey}, now
	 * carrying {@code rootBusinessKey}, is the application's process of record: its
	 * review process as the application records it, or, for an after-award process, the
	 * instance recorded for that process (its latest round), whose own key names the
	 * application. Read from the records alone: it pins nothing and records no refusal.
	 * The one rule for the steps' check below and for work done outside the steps
	 * ({@link ReviewedApplication#ofRecord}).
	 */
	static boolean ofRecord(long applicationId, String rootId, String rootKey, String rootBusinessKey,
			ApplicationStages stages) {
		Optional<String> recorded;
		if (ReviewProcesses.AFTER_AWARD_PROCESSES.contains(rootKey)) {
			recorded = Long.toString(applicationId).equals(rootBusinessKey)
					? stages.afterAwardProcess(applicationId, rootKey) : Optional.empty();
		}
		else {
			recorded = ReviewProcesses.MAIN_PROCESSES.contains(rootKey) ? stages.reviewProcess(applicationId)
					: Optional.empty();
		}
		return recorded.filter(rootId::equals).isPresent();
	}

	/** The check, for one engine command. */
	final class Session implements org.camunda.bpm.engine.impl.interceptor.Session {

		/**
		 * Refuses (throws) unless the root instance {@code rootId} of definition
		 * {@code rootKey}, now carrying {@code rootBusinessKey}, may act on the
		 * application.
		 */
		void check(long applicationId, String rootId, String rootKey, String rootBusinessKey) {
			if (ReviewProcesses.AFTER_AWARD_PROCESSES.contains(rootKey)) {
				checkAfterAward(applicationId, rootId, rootKey, rootBusinessKey, rootKey);
				return;
			}
			if (ofRecord(applicationId, rootId, rootKey, rootBusinessKey, stages.getObject())) {
				return;
			}
			// Nothing recorded yet: the submission's start reaches its first step before
			// the submission records the instance, which is recorded now.
			if (ReviewProcesses.MAIN_PROCESSES.contains(rootKey) && Long.toString(applicationId).equals(rootBusinessKey)
					&& stages.getObject().reviewProcess(applicationId).isEmpty()
					&& stages.getObject().pinReviewProcess(applicationId, rootId)) {
				return;
			}
			refuse(applicationId, rootId, rootKey, stages.getObject().reviewProcess(applicationId), " 的审核流程");
		}

		/**
		 * Refuses (throws) unless the root instance {@code rootId} of definition
		 * {@code rootKey}, now carrying {@code rootBusinessKey}, is the instance of the
		 * after-award process {@code processKey} the product started for the application:
		 * recorded for it (its latest round), or being started for it by the product in
		 * this command (then recorded now).
		 */
		void checkAfterAward(long applicationId, String rootId, String rootKey, String rootBusinessKey,
				String processKey) {
			if (ReviewProcesses.AFTER_AWARD_PROCESSES.contains(processKey) && processKey.equals(rootKey)) {
				if (ofRecord(applicationId, rootId, rootKey, rootBusinessKey, stages.getObject())) {
					return;
				}
				// While the product starts a round (a clawback started again after the
				// last was dropped), the instance it starts, recorded now for that round.
				Optional<Integer> starting = AfterAwardStarts.starting(applicationId, processKey);
				if (starting.isPresent() && Long.toString(applicationId).equals(rootBusinessKey)
						&& stages.getObject().pinAfterAwardProcess(applicationId, processKey, starting.get(), rootId)) {
					return;
				}
			}
			refuse(applicationId, rootId, rootKey, stages.getObject().afterAwardProcess(applicationId, processKey),
					AfterAwardProcesses.CLAWBACK.equals(processKey) ? " 的追回流程" : " 的项目后续管理流程");
		}

		private void refuse(long applicationId, String rootId, String rootKey, Optional<String> recorded,
				String process) {
			String message = "流程实例 " + rootId + "（" + rootKey + "）不是申报 " + applicationId + process
					+ "，不能对该申报办理：该实例可能是手工启动的，或业务键被模型、表单或接口改动，请管理员在 Cockpit 中核查该实例。";
			audit.getObject()
				.record("CASE_PROCESS_MISMATCH", applicationId,
						"root=" + rootId + " key=" + rootKey + " recorded=" + recorded.orElse("none"));
			throw new ProcessEngineException(message);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
