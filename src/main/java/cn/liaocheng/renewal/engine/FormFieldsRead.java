package cn.liaocheng.renewal.engine;

import java.util.Map;
import java.util.Set;

/**
 * The fields of task forms that the product reads when a task is completed (a listener, a
 * gateway, a decision's text), by form id: provided by each module that reads them, so
 * that the pre-deployment check refuses a form that drops or renames one, or makes it
 * read-only, instead of every task of that form failing at its completion. Several
 * modules may name fields of the same form; the check wants all of them.
 */
public interface FormFieldsRead {

	Map<String, Set<String>> byForm();

}
