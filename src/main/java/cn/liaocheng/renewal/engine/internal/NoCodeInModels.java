package cn.liaocheng.renewal.engine.internal;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * The engine's own refusal of models that would run code, whichever door deployed them
 * and whatever the file is called: a Java class named in the model ({@code camunda:class}
 * on a task or listener, {@code camunda:variableMappingClass}), the engine's built-in
 * connectors behind {@code camunda:type} (the shell connector runs operating-system
 * commands, the mail one sends mail as the server) except external tasks, form handlers
 * and field validators named by class, and forms the Tasklist would run as HTML
 * ({@code camunda:formKey} other than a deployed Camunda Form). The administrators'
 * pre-deployment check says the same in its own words; this one holds where that check is
 * not asked (see the deployment plugin) or misses a file.
 */
final class NoCodeInModels extends AbstractBpmnParseListener {

	private static final Set<Namespace> CAMUNDA = Set.of(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS,
			new Namespace("http://activiti.org/bpmn", "http://camunda.org/schema/1.0/bpmn"));

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		check(processElement, processDefinition.getKey());
	}

	private static void check(Element element, String process) {
		for (Namespace ns : CAMUNDA) {
			refuseIf(element.attributeNS(ns, "class") != null, element, process, "camunda:class");
			refuseIf(element.attributeNS(ns, "variableMappingClass") != null, element, process,
					"camunda:variableMappingClass");
			refuseIf(element.attributeNS(ns, "formHandlerClass") != null, element, process, "camunda:formHandlerClass");
			String type = element.attributeNS(ns, "type");
			refuseIf(type != null && !"external".equals(type), element, process, "camunda:type=\"" + type + "\"");
			String formKey = element.attributeNS(ns, "formKey");
			refuseIf(formKey != null && !formKey.startsWith("camunda-forms:"), element, process,
					"camunda:formKey=\"" + formKey + "\"");
		}
		boolean listener = element.getTagName().endsWith("taskListener")
				|| element.getTagName().endsWith("executionListener");
		refuseIf(listener && element.attribute("class") != null, element, process, "监听器的 class");
		// A form field's validator named by class (a generated form's constraint).
		String config = element.attribute("config");
		refuseIf(element.getTagName().endsWith("constraint") && "validator".equals(element.attribute("name"))
				&& (config == null || !config.strip().startsWith("${")), element, process, "按类名指定的表单校验器");
		for (Element child : element.elements()) {
			check(child, process);
		}
	}

	private static void refuseIf(boolean refused, Element element, String process, String what) {
		if (refused) {
			String id = element.attribute("id");
			throw new ProcessEngineException("流程 " + process + (id == null ? "" : " 的元素 " + id) + " 使用了 " + what
					+ "：模型不能运行 Java 类、内置连接器或 HTML 表单，请改用 ${bean} 委托表达式和 Camunda 表单");
		}
	}

}
