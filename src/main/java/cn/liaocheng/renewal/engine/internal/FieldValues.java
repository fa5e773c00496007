package cn.liaocheng.renewal.engine.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import cn.liaocheng.renewal.security.PlainText;

/**
 * The server's check of one submitted value against its field, as the form's own rules
 * state it (type, required, lengths, range, decimals, allowed values), plus the product's
 * rule for free text. Answers with the Chinese sentence a reviewer reads, naming the
 * field by its label.
 */
final class FieldValues {

	private FieldValues() {
	}

	/**
	 * Whether the value counts as not filled in: nothing, blank text or an empty list.
	 */
	static boolean isEmpty(Object value) {
		return value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty();
	}

	/**
	 * What is wrong with a value of a visible, writable field; empty when it may be
	 * written.
	 */
	static Optional<String> problem(FormField field, Object value) {
		String name = "「" + field.label() + "」";
		if (isEmpty(value)) {
			return field.required() ? Optional.of(name + "为必填项") : Optional.empty();
		}
		return switch (field.kind()) {
			case TEXT -> text(field, value, false).map(p -> name + p);
			case TEXT_AREA -> text(field, value, true).map(p -> name + p);
			case NUMBER -> number(field, value).map(p -> name + p);
			case CHECKBOX -> value instanceof Boolean ? Optional.empty() : Optional.of(name + "应为是或否");
			case CHOICE -> isOption(field, value) ? Optional.empty() : Optional.of(name + "的取值不在可选范围内");
			case DATE_TIME -> dateTime(field, value).map(p -> name + p);
			case COMPUTED, UNSUPPORTED -> Optional.of(name + "不能通过提交填写");
		};
	}

	private static Optional<String> text(FormField field, Object value, boolean multiLine) {
		if (!(value instanceof String text)) {
			return Optional.of("应为文字");
		}
		Optional<String> unclean = PlainText.problem(text, multiLine);
		if (unclean.isPresent()) {
			return unclean;
		}
		if (field.minLength() != null && text.strip().length() < field.minLength()) {
			return Optional.of("至少需要填写 " + field.minLength() + " 个字");
		}
		if (field.maxLength() != null && text.length() > field.maxLength()) {
			return Optional.of("不能超过 " + field.maxLength() + " 个字");
		}
		if (field.pattern() != null && !matches(field.pattern(), text)) {
			return Optional.of("的格式不正确");
		}
		return Optional.empty();
	}

	private static Optional<String> number(FormField field, Object value) {
		BigDecimal number = decimal(value, field.numberAsText());
		if (number == null) {
			return Optional.of("应为数字");
		}
		if (field.min() != null && number.compareTo(field.min()) < 0) {
			return Optional.of("不能小于 " + field.min().toPlainString());
		}
		if (field.max() != null && number.compareTo(field.max()) > 0) {
			return Optional.of("不能大于 " + field.max().toPlainString());
		}
		Integer digits = field.decimalDigits();
		if (digits != null && number.stripTrailingZeros().scale() > digits) {
			return Optional.of(digits == 0 ? "应为整数" : "最多保留 " + digits + " 位小数");
		}
		return Optional.empty();
	}

	/**
	 * A finite number as sent (a JSON number, or its text where the form serialises
	 * numbers as text); else null.
	 */
	private static BigDecimal decimal(Object value, boolean asText) {
		try {
			if (value instanceof Double d && (d.isNaN() || d.isInfinite())
					|| value instanceof Float f && (f.isNaN() || f.isInfinite())) {
				return null;
			}
			if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Double
					|| value instanceof Float || value instanceof BigDecimal || value instanceof BigInteger) {
				return new BigDecimal(value.toString());
			}
			return asText && value instanceof String text ? new BigDecimal(text.strip()) : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static boolean isOption(FormField field, Object value) {
		return (value instanceof String || value instanceof Number || value instanceof Boolean)
				&& field.options().contains(String.valueOf(value));
	}

	private static Optional<String> dateTime(FormField field, Object value) {
		String subtype = field.subtype() == null ? "date" : field.subtype();
		return switch (subtype) {
			case "time" ->
				parses(value, LocalTime::parse, OffsetTime::parse) ? Optional.empty() : Optional.of("应为时间，如 09:30");
			case "datetime" -> parses(value, LocalDateTime::parse, OffsetDateTime::parse) ? Optional.empty()
					: Optional.of("应为日期和时间，如 2026-01-31T09:30");
			default ->
				parses(value, LocalDate::parse, LocalDate::parse) ? Optional.empty() : Optional.of("应为日期，如 2026-01-31");
		};
	}

	private static boolean parses(Object value, Function<String, ?> one, Function<String, ?> other) {
		if (!(value instanceof String text)) {
			return false;
		}
		for (Function<String, ?> parser : List.of(one, other)) {
			try {
				parser.apply(text);
				return true;
			}
			catch (DateTimeParseException e) {
				// try the next form
			}
		}
		return false;
	}

	/** form-js tests the pattern unanchored, as JavaScript's RegExp#test does. */
	private static boolean matches(String pattern, String text) {
		try {
			return Pattern.compile(pattern).matcher(text).find();
		}
		catch (PatternSyntaxException e) {
			return false;
		}
	}

}
