package cn.liaocheng.renewal.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine side of {@link TaskForm}: inside the completing command, finds the task's
 * deployed Camunda Form (its {@code camunda:formRef}, or a
 * {@code camunda-forms:deployment:} form key), hands it the submitted values and
 * evaluates the form's conditions with the engine's FEEL engine.
 */
public final class TaskFormGate {

	private static final String CAMUNDA_FORMS_KEY = "camunda-forms:deployment:";

	private TaskFormGate() {
	}

	/**
	 * The variables the completion may write, typed as they were sent; throws
	 * {@link TaskFormViolation} otherwise. A completion of a task a colleague handed back
	 * ({@link DelegationState#RESOLVED}: by its holder, or whoever holds it since) writes
	 * every field it could have written: one it did not send is emptied (and the form's
	 * conditions see it empty), so that what is recorded as the completing reviewer's act
	 * is what that reviewer sent, never a value the colleague left in the step.
	 */
	static Map<String, Object> admit(CommandContext context, TaskEntity task, Map<String, Object> variables) {
		Map<String, Object> sent = variables == null ? Map.of() : variables;
		Map<String, Object> plain = new LinkedHashMap<>();
		sent.keySet().forEach(name -> plain.put(name, plain(typed(sent, name))));
		boolean handedBack = task.getDelegationState() == DelegationState.RESOLVED;
		TaskForm.Admission admission = formOf(context, task).admit(plain, () -> current(task), conditions(context),
				handedBack);
		if (admission.refused()) {
			throw new TaskFormViolation(admission.problems());
		}
		Map<String, Object> accepted = new LinkedHashMap<>();
		admission.accepted().forEach(name -> accepted.put(name, typed(sent, name)));
		if (handedBack) {
			admission.unsent().forEach(name -> accepted.put(name, null));
		}
		requireLocal(task, accepted.keySet());
		return accepted;
	}

	/**
	 * A completion writes its values into the step's execution, and the engine puts a
	 * value the step does not hold as its own (an input parameter of the task) into the
	 * nearest scope that holds it: a form field the model does not keep local, named as a
	 * variable of the case, would let the reviewer overwrite the case's routing
	 * ({@code divisionCode}), its kind or its deadlines. A completion that writes such a
	 * field is refused until the model keeps it local. A field no scope holds yet is
	 * created on the case's root, overwriting nothing, as the engine always did (open
	 * steps of models deployed before their fields were kept local still complete).
	 */
	private static void requireLocal(TaskEntity task, Iterable<String> names) {
		ExecutionEntity execution = task.getExecution();
		if (execution == null) {
			return; // a standalone task writes its own variables only
		}
		List<String> problems = new ArrayList<>();
		for (String name : names) {
			if (!execution.hasVariableLocal(name) && execution.hasVariable(name)) {
				problems
					.add("表单字段「" + name + "」与案件的流程变量同名，且未设为本环节的局部变量（camunda:inputParameter），办理会改写该变量，暂不能办理，请联系系统管理员");
			}
		}
		if (!problems.isEmpty()) {
			throw new TaskFormViolation(problems);
		}
	}

	/**
	 * The label the task's deployed form shows for a value of one of its choices, read
	 * inside the running command (a task listener's), without the signed-in user's
	 * authorizations: the form is the one the completion was admitted against.
	 */
	public static Optional<String> optionLabel(CommandContext context, TaskEntity task, String field, String value) {
		try {
			return formOf(context, task).optionLabel(field, value);
		}
		catch (TaskFormViolation unreadable) {
			return Optional.empty(); // the completion itself says why
		}
	}

	private static TaskForm formOf(CommandContext context, TaskEntity task) {
		if (task.getTaskDefinition() == null) {
			return TaskForm.none(); // a standalone task
		}
		TaskFormData form = task.getTaskDefinition().getTaskFormHandler().createTaskForm(task);
		CamundaFormRef ref = form.getCamundaFormRef();
		ResourceEntity resource;
		String name;
		if (ref != null && ref.getKey() != null) {
			name = ref.getKey();
			CamundaFormDefinition definition = new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId())
				.execute(context);
			resource = definition == null ? null : context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
		}
		else if (form.getFormKey() != null && form.getFormKey().startsWith(CAMUNDA_FORMS_KEY)) {
			name = form.getFormKey().substring(CAMUNDA_FORMS_KEY.length());
			resource = context.getResourceManager()
				.findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), name);
		}
		else {
			return TaskForm.none(); // no form, or one the server cannot read (an embedded
									// HTML form): no values
		}
		if (resource == null) {
			throw new TaskFormViolation(List.of("本任务的表单「" + name + "」未部署，暂不能办理，请联系系统管理员"));
		}
		try {
			return TaskForm.of(resource.getBytes());
		}
		catch (IllegalArgumentException e) {
			throw new TaskFormViolation(List.of("本任务的表单「" + name + "」无法读取，暂不能办理，请联系系统管理员"));
		}
	}

	private static Object typed(Map<String, Object> sent, String name) {
		return sent instanceof VariableMap map ? map.getValueTyped(name) : sent.get(name);
	}

	/**
	 * The plain value of what was sent. Typed values of primitive types (and the untyped
	 * values REST clients send) unwrap; serialized objects, files and JSON stay wrapped,
	 * and no field accepts them.
	 */
	private static Object plain(Object value) {
		if (value instanceof TypedValue typed && (typed.getType() == null || typed.getType().isPrimitiveValueType())) {
			return typed.getValue();
		}
		return value;
	}

	/** The task's variables of primitive types, as Tasklist loads them into the form. */
	private static Map<String, Object> current(TaskEntity task) {
		VariableMap all = task.getVariablesTyped(false);
		Map<String, Object> values = new LinkedHashMap<>();
		for (String name : all.keySet()) {
			Object value = plain(all.getValueTyped(name));
			if (!(value instanceof TypedValue)) {
				values.put(name, value);
			}
		}
		return values;
	}

	/**
	 * form-js conditions through the engine's FEEL engine; one that cannot be evaluated
	 * does not hold.
	 */
	private static TaskForm.Conditions conditions(CommandContext context) {
		return (expression, data) -> {
			String feel = expression.strip().startsWith("=") ? expression.strip().substring(1) : expression.strip();
			try {
				FeelEngine engine = context.getProcessEngineConfiguration().getDmnEngineConfiguration().getFeelEngine();
				return Boolean.TRUE
					.equals(engine.evaluateSimpleExpression(feel, Variables.fromMap(data).asVariableContext()));
			}
			catch (RuntimeException e) {
				return false;
			}
		};
	}

}
