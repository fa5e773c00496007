package cn.liaocheng.renewal.decision;

import java.util.List;
import java.util.Optional;

/** Issues signed decisions and checks presented ones. */
public interface Decisions {

	/**
	 * Numbers, renders, signs and stores the decision, once: a repeated or concurrent
	 * call for the same application and type returns the decision already issued, without
	 * a second number.
	 * @throws DecisionConflictException when the application already has a different
	 * outcome for the same stage
	 * @throws IllegalArgumentException when the request is incomplete or names an unknown
	 * body
	 */
	IssuedDecision issue(DecisionRequest request);

	/** The latest decision issued for the application. */
	Optional<IssuedDecision> forApplication(long applicationId);

	/**
	 * Every decision issued for the application, oldest first (a granted loan has two).
	 */
	List<IssuedDecision> allForApplication(long applicationId);

	/** The signed PDF. No access check here: callers decide who may read it. */
	byte[] pdf(long decisionId);

	VerificationResult verify(byte[] pdf);

	VerificationResult verify(String code);

}
