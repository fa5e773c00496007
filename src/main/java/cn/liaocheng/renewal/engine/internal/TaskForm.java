package cn.liaocheng.renewal.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a completion of a task may say: exactly the input fields of the task's deployed
 * form, each value checked as the form states. Everything else is refused; values of
 * read-only, disabled and computed fields are dropped, since Tasklist sends the read-only
 * fields it showed back with the form. A task without a form takes no values at all.
 */
final class TaskForm {

	/**
	 * Evaluates a form-js condition (FEEL, with or without its leading {@code =}) against
	 * the form's data.
	 */
	interface Conditions {

		boolean holds(String expression, Map<String, Object> data);

	}

	/**
	 * The names of the submitted values to write, and the reasons, one per field, why the
	 * submission is refused.
	 *
	 * @param accepted the fields sent that the completion may write
	 * @param unsent the fields the completion could have written (writable, shown) but
	 * that were not sent
	 */
	record Admission(Set<String> accepted, Set<String> unsent, List<String> problems) {

		boolean refused() {
			return !problems.isEmpty();
		}

	}

	private final Map<String, FormField> fields;

	private TaskForm(List<FormField> fields) {
		Map<String, FormField> byKey = new LinkedHashMap<>();
		fields.forEach(f -> byKey.putIfAbsent(f.key(), f));
		this.fields = byKey;
	}

	static TaskForm of(byte[] formJson) {
		return new TaskForm(FormSchema.fields(formJson));
	}

	/** The form of a task that has none. */
	static TaskForm none() {
		return new TaskForm(List.of());
	}

	/**
	 * Checks a submission. {@code submitted} holds plain values (String, Number, Boolean,
	 * List, or anything else the caller could not unwrap, which no field accepts);
	 * {@code current} gives the case's variables as the form shows them, for conditions,
	 * and is read only when the form has any. With {@code emptyUnsent}, a field the
	 * submission could fill and does not is taken as empty, not as the value the case
	 * holds, when the form's conditions are evaluated: the completion will empty it.
	 */
	Admission admit(Map<String, Object> submitted, Supplier<Map<String, Object>> current, Conditions conditions,
			boolean emptyUnsent) {
		List<String> problems = new ArrayList<>();
		Set<String> accepted = new LinkedHashSet<>();
		Set<String> unsent = new LinkedHashSet<>();
		for (String name : submitted.keySet()) {
			if (!fields.containsKey(name)) {
				problems.add("「" + name + "」不是本任务表单的填写项，不能提交");
			}
		}
		Map<String, Object> data = needsData() ? formData(submitted, current.get(), emptyUnsent) : Map.of();
		for (FormField field : fields.values()) {
			if (!writable(field, data, conditions) || isHidden(field, data, conditions)) {
				continue; // never written: a value sent for it is dropped, and a hidden
							// field is not required
			}
			Object value = submitted.get(field.key());
			FieldValues.problem(field, value).ifPresent(problems::add);
			if (submitted.containsKey(field.key())) {
				accepted.add(field.key());
			}
			else {
				unsent.add(field.key());
			}
		}
		return new Admission(accepted, unsent, problems);
	}

	/**
	 * The label the form shows for a value of one of its choices, if the form has that
	 * field and option.
	 */
	Optional<String> optionLabel(String field, String value) {
		FormField f = fields.get(field);
		return f == null ? Optional.empty() : f.optionLabel(value);
	}

	private boolean needsData() {
		return fields.values().stream().anyMatch(f -> !f.hiddenWhen().isEmpty() || f.readOnlyWhen() != null);
	}

	/**
	 * The data form-js evaluates conditions against: the case's variables, overlaid by
	 * what the reviewer entered (and, with {@code emptyUnsent}, by nothing for what the
	 * reviewer could have entered and did not).
	 */
	private Map<String, Object> formData(Map<String, Object> submitted, Map<String, Object> current,
			boolean emptyUnsent) {
		Map<String, Object> data = new HashMap<>(current);
		fields.values()
			.stream()
			.filter(f -> f.takesInput() && (emptyUnsent || submitted.containsKey(f.key())))
			.forEach(f -> data.put(f.key(), submitted.get(f.key())));
		return data;
	}

	private static boolean writable(FormField field, Map<String, Object> data, Conditions conditions) {
		return field.takesInput() && (field.readOnlyWhen() == null || !conditions.holds(field.readOnlyWhen(), data));
	}

	private static boolean isHidden(FormField field, Map<String, Object> data, Conditions conditions) {
		return field.hiddenWhen().stream().anyMatch(condition -> conditions.holds(condition, data));
	}

}
