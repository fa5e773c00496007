package cn.liaocheng.renewal.decision;

/**
 * The application already has a decision for this stage with a different outcome;
 * decisions are never replaced.
 */
public class DecisionConflictException extends RuntimeException {

	private final transient IssuedDecision existing;

	public DecisionConflictException(IssuedDecision existing, DecisionType requested) {
		super("Application " + existing.applicationId() + " already has decision " + existing.number() + " ("
				+ existing.type() + "); refused to issue " + requested);
		this.existing = existing;
	}

	public IssuedDecision existing() {
		return existing;
	}

}
