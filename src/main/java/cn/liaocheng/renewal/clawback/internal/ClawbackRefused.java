package cn.liaocheng.renewal.clawback.internal;

/**
 * A clawback or negative-list request that cannot be carried out, with the reason in
 * Chinese.
 */
public class ClawbackRefused extends RuntimeException {

	public enum Reason {

		NOT_FOUND, FORBIDDEN, INVALID, CHANGED

	}

	private final Reason reason;

	public ClawbackRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
