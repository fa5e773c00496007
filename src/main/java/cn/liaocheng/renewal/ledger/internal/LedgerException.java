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

	/**
	 * An entry sent through the API without naming itself: a bank system that sends it
	 * again after a time-out would record it twice.
	 */
	public static LedgerException missingIdempotencyKey() {
		return invalid("Idempotency-Key", "请在请求头 Idempotency-Key 中为每笔新登记提供一个新的标识（8–64 位字母、数字或连字符）；超时后用同一标识原样重发，不会重复登记");
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
