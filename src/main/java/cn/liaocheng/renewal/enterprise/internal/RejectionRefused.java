package cn.liaocheng.renewal.enterprise.internal;

/**
 * A registration that cannot be rejected as asked, with the reason shown to the bureau.
 */
class RejectionRefused extends RuntimeException {

	/**
	 * Whether the request was wrong (no reason given) or the account's state forbids it.
	 */
	enum Kind {

		INVALID, STATE

	}

	private final Kind kind;

	RejectionRefused(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	Kind kind() {
		return kind;
	}

}
