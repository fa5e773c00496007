package cn.liaocheng.renewal.clawback.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.liaocheng.renewal.clawback.internal.ClawbackRefused;

/**
 * Reads JSON bodies field by field: fields a request may not carry are refused by name,
 * never ignored.
 */
final class Requests {

	private Requests() {
	}

	static void only(Map<String, Object> body, Set<String> allowed) {
		if (body == null) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请求内容为空");
		}
		Set<String> extra = new TreeSet<>(body.keySet());
		extra.removeAll(allowed);
		if (!extra.isEmpty()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请求包含不允许的字段：" + String.join("、", extra));
		}
	}

	static String text(Map<String, Object> body, String field) {
		Object v = body.get(field);
		if (v != null && !(v instanceof String)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "字段 " + field + " 应为文本");
		}
		return (String) v;
	}

	static Integer integer(Map<String, Object> body, String field) {
		Object v = body.get(field);
		if (v == null) {
			return null;
		}
		if (v instanceof Integer i) {
			return i;
		}
		throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "字段 " + field + " 应为整数");
	}

	static long id(Map<String, Object> body, String field) {
		Object v = body.get(field);
		if (v instanceof Integer || v instanceof Long) {
			return ((Number) v).longValue();
		}
		throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写 " + field + "（整数）");
	}

	static BigDecimal decimal(Map<String, Object> body, String field) {
		Object v = body.get(field);
		try {
			if (v instanceof Number || v instanceof String) {
				return new BigDecimal(v.toString());
			}
		}
		catch (NumberFormatException e) {
			// answered below
		}
		throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "字段 " + field + " 应为金额（元，最多两位小数）");
	}

	static LocalDate date(Map<String, Object> body, String field) {
		Object v = body.get(field);
		try {
			if (v instanceof String s) {
				return LocalDate.parse(s);
			}
		}
		catch (DateTimeParseException e) {
			// answered below
		}
		throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "字段 " + field + " 应为日期（yyyy-MM-dd）");
	}

}
