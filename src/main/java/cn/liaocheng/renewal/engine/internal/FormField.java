package cn.liaocheng.renewal.engine.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One component of a deployed Camunda Form whose value a completion may carry, with what
 * the server checks of it. Conditions are FEEL expressions as form-js writes them
 * ({@code =decision != "GRANTED"}); a field is hidden when its own or any enclosing
 * group's {@code conditional.hide} holds. A choice's options are its values, and beside
 * them (same order) the labels the reviewer picks from.
 */
record FormField(String key, String label, Kind kind, boolean readOnly, String readOnlyWhen, List<String> hiddenWhen,
		boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String pattern,
		Integer decimalDigits, boolean numberAsText, String subtype, List<String> options, List<String> optionLabels) {

	/** What kind of value the component takes, from its form-js {@code type}. */
	enum Kind {

		/** textfield: one line of text. */
		TEXT,
		/** textarea: text with line breaks. */
		TEXT_AREA,
		/** number: a JSON number (or its text with {@code serializeToString}). */
		NUMBER,
		/** checkbox: true or false. */
		CHECKBOX,
		/** radio and select: one of the listed values. */
		CHOICE,
		/** datetime: ISO text (a date, a time or both, by subtype). */
		DATE_TIME,
		/**
		 * computed by the form itself (expression): its value is never taken from a
		 * submission.
		 */
		COMPUTED,
		/**
		 * a keyed component the server cannot check: lists of values (checklist, taglist,
		 * which Tasklist sends as JSON), file pickers, dynamic lists, groups with a path,
		 * options taken from a variable.
		 */
		UNSUPPORTED

	}

	/**
	 * Whether a submitted value may be written at all: read-only, disabled and computed
	 * values never are.
	 */
	boolean takesInput() {
		return !readOnly && kind != Kind.COMPUTED;
	}

	/** The label of one of the choice's options, as the form shows it. */
	Optional<String> optionLabel(String value) {
		int i = options.indexOf(value);
		return i < 0 || optionLabels.get(i).isBlank() ? Optional.empty() : Optional.of(optionLabels.get(i));
	}

}
