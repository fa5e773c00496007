package cn.liaocheng.renewal.ledger.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liaocheng.renewal.ledger.internal.LedgerException;
import cn.liaocheng.renewal.ledger.internal.LoanEventType;

/**
 * Reads a JSON body field by field, refusing any field the operation does not take (an
 * insider's extra {@code applicationId}, {@code bankKey} or {@code status} is an error,
 * not silently ignored).
 */
final class StrictBody {

	private final JsonNode body;

	StrictBody(JsonNode body, Set<String> allowed) {
		if (body == null || !body.isObject()) {
			throw new LedgerInputException("body", "请求内容应为 JSON 对象");
		}
		for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!allowed.contains(name)) {
				throw new LedgerInputException(name, "不接受字段“" + name + "”；可用字段：" + String.join("、", allowed));
			}
		}
		this.body = body;
	}

	String text(String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isTextual()) {
			throw new LedgerInputException(field, "字段“" + field + "”应为文本");
		}
		return node.asText();
	}

	LocalDate date(String field) {
		String text = text(field);
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new LedgerInputException(field, "日期格式应为 yyyy-MM-dd，例如 2026-03-16");
		}
	}

	BigDecimal amount(String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		try {
			return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().strip());
		}
		catch (NumberFormatException e) {
			throw new LedgerInputException(field, "金额应为数字（元），例如 3000000.00");
		}
	}

	LoanEventType type(String field) {
		return eventType(text(field), field);
	}

	static LoanEventType eventType(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LoanEventType.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new LedgerInputException(field, "登记事项应为 DISBURSEMENT、REPAYMENT、EARLY_REPAYMENT 或 DEFAULT");
		}
	}

	/** An input refusal raised before the service is reached. */
	static final class LedgerInputException extends LedgerException {

		LedgerInputException(String field, String message) {
			super(Reason.INVALID, field, message);
		}

	}

}
