package cn.liaocheng.renewal.admin.internal;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.CronTimer;

/**
 * Whether a timer value (or a task's due date) written in the model parses as the engine
 * will need it.
 */
final class TimerExpressions {

	private static final DatatypeFactory DATATYPES;

	static {
		try {
			DATATYPES = DatatypeFactory.newInstance();
		}
		catch (DatatypeConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}

	private TimerExpressions() {
	}

	static boolean isDuration(String value) {
		String v = value.trim();
		if (v.matches("P\\d+W")) {
			return true;
		}
		try {
			DATATYPES.newDuration(v);
			return v.startsWith("P");
		}
		catch (IllegalArgumentException | UnsupportedOperationException e) {
			return false;
		}
	}

	static boolean isDate(String value) {
		String v = value.trim();
		try {
			OffsetDateTime.parse(v);
			return true;
		}
		catch (DateTimeParseException e) {
			// try the forms without an offset
		}
		try {
			LocalDateTime.parse(v);
			return true;
		}
		catch (DateTimeParseException e) {
			// try a bare date
		}
		try {
			LocalDate.parse(v);
			return true;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	/**
	 * ISO 8601 repeating intervals (R3/PT10M, R/2026-01-01T00:00/P1D) or a Quartz-style
	 * cron expression.
	 */
	static boolean isCycle(String value) {
		String v = value.trim();
		if (v.startsWith("R")) {
			String[] parts = v.split("/");
			if (parts.length < 2 || parts.length > 3 || !parts[0].matches("R\\d*")) {
				return false;
			}
			boolean anyDuration = false;
			for (int i = 1; i < parts.length; i++) {
				boolean duration = isDuration(parts[i]);
				anyDuration |= duration;
				if (!duration && !isDate(parts[i])) {
					return false;
				}
			}
			return anyDuration;
		}
		return isCron(v);
	}

	private static boolean isCron(String v) {
		String[] fields = v.split("\\s+");
		if (fields.length < 6 || fields.length > 7) {
			return false;
		}
		try {
			// The engine's own cron parser, so that what passes here is what the engine
			// accepts.
			CronTimer.parse(v);
			return true;
		}
		catch (ParseException | RuntimeException e) {
			return false;
		}
	}

	static boolean isValid(String kind, String value) {
		if (value == null || value.isBlank()) {
			return false;
		}
		if (Expressions.isExpression(value)) {
			return true;
		}
		return switch (kind) {
			case "timeDuration" -> isDuration(value);
			case "timeDate" -> isDate(value);
			case "timeCycle" -> isCycle(value);
			default -> isDate(value) || isDuration(value);
		};
	}

}
