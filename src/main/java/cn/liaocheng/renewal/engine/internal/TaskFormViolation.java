package cn.liaocheng.renewal.engine.internal;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A completion that says more or other than its task's form asks, in one Chinese sentence
 * per field. A form validation failure is what the REST API answers with 400 on
 * {@code complete} and {@code submit-form}, and what Tasklist shows the reviewer.
 */
class TaskFormViolation extends FormFieldValidationException {

	private static final long serialVersionUID = 1L;

	TaskFormViolation(List<String> problems) {
		super(List.copyOf(problems), "提交未被接受：" + String.join("；", problems));
	}

	List<String> problems() {
		return getDetail();
	}

}
