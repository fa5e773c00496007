package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The clawback forms' values as the record takes them, each refused with the sentence the
 * reviewer reads in Tasklist when it is missing or malformed ({@link ClawbackRefused}):
 * the determination's amount, deadline and negative-list months, and the ruling on the
 * enterprise's statement. The steps of {@code bpmn/clawback.bpmn}
 * ({@link ClawbackTaskListeners}) hand the raw values over.
 */
final class ClawbackFormValues {

	private static final String APPROVE = "APPROVE";

	private static final String REFUSE = "REFUSE";

	private ClawbackFormValues() {
	}

	/** Whether the form's conclusion is 同意 / 追回 ({@code APPROVE}). */
	static boolean approved(Object decision) {
		return APPROVE.equals(String.valueOf(decision));
	}

	/**
	 * The ruling on the statement: 采纳或部分采纳 ({@code APPROVE}, true) or 不予采纳
	 * ({@code REFUSE}, false); anything else is refused.
	 */
	static boolean statementAccepted(Object decision) {
		String value = String.valueOf(decision);
		if (!APPROVE.equals(value) && !REFUSE.equals(value)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请选择复核结论");
		}
		return APPROVE.equals(value);
	}

	/**
	 * The amount to recover, or none: the allocation is revoked whole when nothing was
	 * paid (the form does not ask for one then).
	 */
	static BigDecimal amountOrNone(Object value) {
		return value == null || value.toString().isBlank() ? null : decimal(value, "追回金额");
	}

	/**
	 * The deadline's day, as the form's date field sends it ({@code 2027-03-31}, perhaps
	 * with a time after it).
	 */
	static LocalDate deadline(Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写缴回期限");
		}
		try {
			String text = value.toString();
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "缴回期限格式不正确");
		}
	}

	/** How many whole months the enterprise stays on the negative list. */
	static int listMonths(Object value) {
		BigDecimal months = decimal(value, "列入负面清单期限");
		if (months.stripTrailingZeros().scale() > 0) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "列入负面清单期限应为整月数");
		}
		return months.intValueExact();
	}

	private static BigDecimal decimal(Object value, String label) {
		if (value == null || value.toString().isBlank()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写" + label);
		}
		try {
			return new BigDecimal(value.toString());
		}
		catch (NumberFormatException e) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, label + "格式不正确");
		}
	}

}
