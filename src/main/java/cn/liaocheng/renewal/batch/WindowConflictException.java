package cn.liaocheng.renewal.batch;

/**
 * A change to a window that its current state does not allow (already closed, changed
 * meanwhile by someone else).
 */
public class WindowConflictException extends RuntimeException {

	public WindowConflictException(String message) {
		super(message);
	}

}
