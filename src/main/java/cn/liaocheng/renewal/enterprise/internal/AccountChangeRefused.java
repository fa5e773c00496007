package cn.liaocheng.renewal.enterprise.internal;

/**
 * An activation or a disabling the account's state does not allow, with the reason shown
 * to the bureau: a rejected registration is closed for good; an account an administrator
 * disabled is restored by an administrator only.
 */
class AccountChangeRefused extends RuntimeException {

	private final String title;

	AccountChangeRefused(String title, String message) {
		super(message);
		this.title = title;
	}

	String title() {
		return title;
	}

}
