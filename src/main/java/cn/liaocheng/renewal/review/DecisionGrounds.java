package cn.liaocheng.renewal.review;

/**
 * What the record must hold before the system signs a document of another module's
 * process: the same table as the review's decisions
 * ({@code review.issuing.IssuingGrounds}), read from the recorded history only (the
 * standing opinions of record, given in the processes the product started for the case,
 * and the application's record), never from a process variable. When the record does not
 * hold it, nothing is numbered, signed or sent: the step fails, and an audit entry
 * {@code DECISION_NOT_SUPPORTED} says why.
 */
public interface DecisionGrounds {

	/**
	 * Refuses (throws, after the audit entry) unless the record supports a decision on
	 * the clawback of the application, started for {@code cause} (the clawback's recorded
	 * cause: {@code ACCEPTANCE_FAILED}, {@code RECTIFICATION_LAPSED},
	 * {@code FALSE_MATERIAL}), whichever of the clawback's documents it is (追回, 撤销,
	 * 处理决定).
	 */
	void requireClawbackDecision(long applicationId, String cause);

}
