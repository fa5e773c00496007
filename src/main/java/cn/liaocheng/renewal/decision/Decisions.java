package cn.liaocheng.renewal.decision;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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

	/**
	 * Issues the decision as the last work of the caller's transaction, when it commits,
	 * and in it: the checks of {@link #issue}, the issuing body, its key and the text are
	 * dealt with now, and fail now; the number is taken, and the document rendered,
	 * signed and stored, once everything else the transaction does is done, so that the
	 * body's counter is held for that and the commit only. A failure then rolls the whole
	 * transaction back. Once per application and stage, like {@link #issue}; several in
	 * one transaction are issued in the order asked for.
	 * @throws DecisionConflictException when the application already has a different
	 * outcome for the same stage
	 * @throws IllegalArgumentException when the request is incomplete or names an unknown
	 * body
	 * @throws IllegalStateException outside a transaction
	 */
	void issueBeforeCommit(DecisionRequest request);

	/** The latest decision issued for the application. */
	Optional<IssuedDecision> forApplication(long applicationId);

	/**
	 * Every decision issued for the application, oldest first (a granted loan has two).
	 */
	List<IssuedDecision> allForApplication(long applicationId);

	/**
	 * Every decision issued for each of the applications, oldest first, in one query for
	 * every 500 of them (for lists); an application without one is not in the map.
	 */
	Map<Long, List<IssuedDecision>> allForApplications(Collection<Long> applicationIds);

	/**
	 * The wording a decision was issued in, as recorded with it (e.g.
	 * {@link AllocationTerms#VERSION} for an allocation notice that states the
	 * after-award terms); empty for a decision issued in its type's earlier wording.
	 */
	Optional<String> textVersion(long decisionId);

	/** The signed PDF. No access check here: callers decide who may read it. */
	byte[] pdf(long decisionId);

	VerificationResult verify(byte[] pdf);

	VerificationResult verify(String code);

}
