package cn.liaocheng.renewal.admin.internal;

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

}
