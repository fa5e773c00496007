package cn.liaocheng.renewal.review;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.ExpressionBeans;

/**
 * Everything an expression in the models of {@code bpmn/} may name, taken from the models
 * as they are: the Spring beans they call, the process variables they read, and the two
 * members they reach through a name. Expressions are code the engine runs, so the engine
 * exposes only these beans, and a deployment whose expressions name anything else is
 * refused; a model that needs more changes this list, reviewed like any code.
 */
public final class ModelVocabulary {

	/**
	 * What the engine's guard lets expressions reach: {@link #BEANS}, and of a process
	 * instance only what {@link #MEMBERS} reads ({@code processBusinessKey}).
	 */
	@Component
	static final class Beans implements ExpressionBeans {

		@Override
		public Set<String> names() {
			return BEANS;
		}

		@Override
		public Set<String> readableCaseMembers() {
			return MEMBERS.stream()
				.filter(m -> m.startsWith("execution.") || m.startsWith("task."))
				.map(m -> m.substring(m.indexOf('.') + 1))
				.collect(Collectors.toUnmodifiableSet());
		}

	}

	/**
	 * The delegates and listeners ({@code ${name}}) and the two helper beans the models
	 * call, including the ones that only versions still deployed call.
	 */
	public static final Set<String> BEANS = Set.of("checkObjectionsDelegate", "computeInterestSubsidyDelegate",
			"computeSubsidyDelegate", "issueDecisionDelegate", "issueListingNoticeDelegate", "openCorrectionDelegate",
			"routeJointReviewDelegate", "correctionRoundDelegate", "startPublicNoticeDelegate",
			"summariseJointReviewDelegate", "summariseBankDecisionsDelegate", "recordBankDecisionListener",
			"interestSubsidyReviewListener", "recordOpinionListener", "resolveObjectionsListener", "reviewTaskListener",
			"overdueTaskListener", "taskChangeListener", "reviewRouting", "reviewDeadlines",
			// subsidy-aftercare (module aftercare)
			"startAftercareDelegate", "recordPaymentListener", "recordFindingListener", "announceClawbackDelegate",
			"requestPerformanceReportDelegate",
			// clawback (module clawback)
			"determineClawbackListener", "confirmClawbackListener", "issueClawbackDecisionDelegate",
			"reportOverdueClawbackDelegate", "reportUncheckedClawbackDelegate", "issuePriorNoticeDelegate",
			"reviewStatementListener",
			// named only by earlier versions of clawback, whose open cases still call it
			"overdueFollowUpListener");

	/**
	 * Process variables read in conditions, candidate groups, assignees, timers and
	 * output mappings.
	 */
	public static final Set<String> VARIABLES = Set.of(ReviewProcesses.ANY_GRANTED, "bankKey", "cityOutcome",
			ReviewProcesses.CORRECTION_DEADLINE, ReviewProcesses.CORRECTED_FACTS, "countyOutcome",
			ReviewProcesses.DECISION, ReviewProcesses.DIVISION_CODE, ReviewProcesses.ENTERPRISE_USER,
			ReviewProcesses.EXPERT_REVIEW, ReviewProcesses.HAS_OBJECTIONS, ReviewProcesses.JOINT_OUTCOME,
			ReviewProcesses.KIND, ReviewProcesses.NOTICE_ENDS, ReviewProcesses.REVIEW_BODIES,
			ReviewProcesses.REVIEW_BODY, ReviewProcesses.REVIEW_DECISION,
			// after the award (modules aftercare and clawback)
			"paidInFull", "rectificationDue", "performanceDue", "repaymentDueAt", "repaymentOwed", "awaitingCheck",
			"statementEndsAt");

	/**
	 * Members reached through a name: {@code #{execution.processBusinessKey}}, the joint
	 * review's split, the banks a loan is pushed to and the standard deadline the overdue
	 * timers start from.
	 */
	public static final Set<String> MEMBERS = Set.of("execution.processBusinessKey", "reviewRouting.split",
			"reviewRouting.banks", "reviewDeadlines.standard");

	private ModelVocabulary() {
	}

}
