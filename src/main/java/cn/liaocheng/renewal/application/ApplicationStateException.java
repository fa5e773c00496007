package cn.liaocheng.renewal.application;

/**
 * The action does not fit where the application stands, e.g. editing one that is under
 * review.
 */
public class ApplicationStateException extends RuntimeException {

	public ApplicationStateException(String message) {
		super(message);
	}

}
