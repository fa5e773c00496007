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

	private final String field;

	public ClawbackRefused(Reason reason, String message) {
		this(reason, message, null);
	}

	/** {@code field}: the request field to blame, or null. */
	public ClawbackRefused(Reason reason, String message, String field) {
		super(message);
		this.reason = reason;
		this.field = field;
	}

	public Reason reason() {
		return reason;
	}

	/** The request field to blame, or null. */
	public String field() {
		return field;
	}

}
