package cn.liaocheng.renewal.admin.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a model may refer to outside itself: groups, Spring beans, and forms and decisions
 * already deployed.
 */
interface ModelEnvironment {

	/**
	 * Every group a candidate group may name: those in the identity store and those
	 * created at every start.
	 */
	Set<String> groupIds();

	boolean isBean(String name);

	boolean isDeployedForm(String key);

	boolean isDeployedDecision(String key);

	/**
	 * The fields of the form {@code formId} that the product reads when its tasks are
	 * completed ({@code engine.FormFieldsRead}); empty for a form it reads nothing of.
	 */
	Set<String> formFieldsRead(String formId);

	/** The latest deployed version of the form {@code key}, as deployed. */
	Optional<byte[]> deployedForm(String key);

	/**
	 * The review tasks of the latest deployed version of every process whose form is
	 * {@code formKey} ({@code camunda:formRef}).
	 */
	List<FormTask> deployedTasksOfForm(String formKey);

	/**
	 * A deployed user task: its process's key, how the administrator knows it (process
	 * and step names) and the variables it keeps as its own (its input parameters).
	 */
	record FormTask(String processKey, String label, Set<String> inputs) {
	}

}
