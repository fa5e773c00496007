package cn.liaocheng.renewal.review.tasks;

/**
 * Why a hand-over was refused, in Chinese for the reviewer; {@code field} names the input
 * at fault, if any.
 */
public class HandOverException extends RuntimeException {

	public enum Reason {

		/**
		 * No such task, or not one of the caller's bodies: the same answer, so other
		 * bodies' tasks stay unseen.
		 */
		UNKNOWN_TASK,
		/** The caller sees the task but does not hold it. */
		NOT_HOLDER,
		/** The request itself is wrong (target, reason). */
		INVALID,
		/**
		 * Someone else changed the task meanwhile, or the case is not (or no longer)
		 * where the operation applies.
		 */
		CHANGED,
		/**
		 * The operation is limited in how often it may be done (an enterprise's urge,
		 * once a day).
		 */
		TOO_OFTEN

	}

	private final Reason reason;

	private final String field;

	public HandOverException(Reason reason, String field, String message) {
		super(message);
		this.reason = reason;
		this.field = field;
	}

	public Reason reason() {
		return reason;
	}

	public String field() {
		return field;
	}

}
