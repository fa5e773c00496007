package cn.liaocheng.renewal.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.liaocheng.renewal.application.ReviewFacts;

/**
 * The processes after the award, as the product starts them: payment, acceptance and
 * evaluation ({@value #AFTERCARE}, when the subsidy is allocated) and clawback
 * ({@value #CLAWBACK}, when it starts). Each runs as a root instance of its own with the
 * application's id as business key, and the instance the product started is recorded for
 * the application as it starts: a step of these processes acts on the application only in
 * that instance ({@link CaseOfStep}). A clawback started again after the last one was
 * dropped is a new round in a new instance, which is the recorded one from then on. One
 * started any other way (by hand through the engine's API or Tasklist, by a model, with a
 * business key changed later) acts on nothing.
 */
public interface AfterAwardProcesses {

	String AFTERCARE = "subsidy-aftercare";

	String CLAWBACK = "clawback";

	/**
	 * The county finance bureau's payment of an instalment, which a clawback holds
	 * ({@link HeldSteps}).
	 */
	String TASK_RECORD_PAYMENT = "Task_RecordPayment";

	/*
	 * The steps of these processes whose opinions of record a clawback's decision rests
	 * on: the on-site acceptance (after-award), the determination, the county finance
	 * bureau's confirmation and the review of the enterprise's statement (clawback).
	 */
	String TASK_ONSITE_ACCEPTANCE = "Task_CityOnsiteAcceptance";

	String TASK_DETERMINE_CLAWBACK = "Task_DetermineClawback";

	String TASK_CONFIRM_CLAWBACK = "Task_ConfirmClawback";

	String TASK_REVIEW_STATEMENT = "Task_ReviewStatement";

	/**
	 * The variables every after-award instance starts with, for Tasklist's list and the
	 * forms: references and words only (the steps read the record): the application's id,
	 * reference number, enterprise, title and county. A new map the caller may add to.
	 */
	static Map<String, Object> caseVariables(long applicationId, ReviewFacts facts) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ReviewProcesses.APPLICATION_ID, applicationId);
		variables.put(ReviewProcesses.REFERENCE_NO, facts.referenceNo());
		variables.put(ReviewProcesses.ENTERPRISE_NAME, facts.enterpriseName());
		variables.put(ReviewProcesses.APPLICATION_TITLE, facts.title());
		variables.put(ReviewProcesses.DIVISION_CODE, facts.divisionCode());
		return variables;
	}

	/**
	 * Starts the after-award process {@code processKey} for the application, in the
	 * caller's transaction, and records it; returns its id. Refused when one of that kind
	 * is recorded already.
	 */
	default String start(String processKey, long applicationId, Map<String, Object> variables) {
		return start(processKey, applicationId, 1, variables);
	}

	/**
	 * Starts round {@code round} of the after-award process {@code processKey} (a
	 * clawback started again after the last one was dropped runs in an instance of its
	 * own), in the caller's transaction, and records it as the application's instance of
	 * that kind from now on; returns its id. Refused unless the round before is the
	 * latest recorded (none, for round 1). The caller decides whether a new round may
	 * start.
	 */
	String start(String processKey, long applicationId, int round, Map<String, Object> variables);

	/**
	 * The instance of {@code processKey} the product started for the application (of its
	 * latest round), running or ended; empty when none was.
	 */
	Optional<String> started(long applicationId, String processKey);

}
