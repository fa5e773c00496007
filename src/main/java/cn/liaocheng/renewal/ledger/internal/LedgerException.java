package cn.liaocheng.renewal.ledger.internal;

/**
 * A refusal with its Chinese message; {@code field} names the input at fault, if one is.
 */
public class LedgerException extends RuntimeException {

	public enum Reason {

		/** No such loan, or not one the caller may see: the same answer for both. */
		NOT_FOUND,
		/** The caller sees the loan but may not do this. */
		FORBIDDEN, INVALID,
		/** The loan or the period is not in a state that allows it. */
		CONFLICT

	}

	private final Reason reason;

	private final String field;

	protected LedgerException(Reason reason, String field, String message) {
		super(message);
		this.reason = reason;
		this.field = field;
	}

	static LedgerException notFound() {
		return new LedgerException(Reason.NOT_FOUND, null, "贷款不存在或无权查看");
	}

	public static LedgerException notFoundNotice() {
		return new LedgerException(Reason.NOT_FOUND, null, "该期贴息尚无拨付通知书");
	}

	static LedgerException invalid(String field, String message) {
		return new LedgerException(Reason.INVALID, field, message);
	}

	static LedgerException conflict(String message) {
		return new LedgerException(Reason.CONFLICT, null, message);
	}

	public Reason reason() {
		return reason;
	}

	public String field() {
		return field;
	}

}
