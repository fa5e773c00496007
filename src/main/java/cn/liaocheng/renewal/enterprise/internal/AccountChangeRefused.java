package cn.liaocheng.renewal.enterprise.internal;

/**
 * An activation, disabling or rejection that cannot be done as asked, with the title and
 * reason shown to the bureau: a rejection needs a reason; a rejected registration is
 * closed for good; an account an administrator disabled is restored by an administrator
 * only; an account once activated is disabled, never rejected.
 */
class AccountChangeRefused extends RuntimeException {

	/**
	 * Whether the request was wrong (no reason given), the account's state forbids it, or
	 * the account is not one the bureau may change (a staff account).
	 */
	enum Kind {

		INVALID, STATE, FORBIDDEN

	}

	private final Kind kind;

	private final String title;

	AccountChangeRefused(Kind kind, String title, String message) {
		super(message);
		this.kind = kind;
		this.title = title;
	}

	Kind kind() {
		return kind;
	}

	String title() {
		return title;
	}

}
