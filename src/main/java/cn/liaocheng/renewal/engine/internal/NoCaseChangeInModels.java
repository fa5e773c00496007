package cn.liaocheng.renewal.engine.internal;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's own refusal of models through which a form submission or a called process
 * could change which case a process acts on, whichever door deployed them: a generated
 * form's field bound to an expression or a variable ({@code camunda:formProperty}
 * {@code expression} or {@code variable}; Tasklist's form submission writes through it,
 * e.g. into {@code #{execution.processBusinessKey}}), and a called process given a
 * business key other than its caller's ({@code camunda:in businessKey}). The product's
 * forms are Camunda Forms, which write only task variables. The administrators'
 * pre-deployment check says the same in its own words; this one holds where that check is
 * not asked or misses a file, and at start-up for what is already deployed.
 */
final class NoCaseChangeInModels extends AbstractBpmnParseListener {

	/** The caller's business key, the only one a called process may get. */
	private static final Set<String> CALLER_BUSINESS_KEY = Set.of("#{execution.processBusinessKey}",
			"${execution.processBusinessKey}");

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		check(processElement, null, processDefinition.getKey());
	}

	private static void check(Element element, String ownerId, String process) {
		String id = element.attribute("id");
		String owner = id != null ? id : ownerId;
		boolean camunda = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri().equals(element.getUri())
				|| "http://activiti.org/bpmn".equals(element.getUri());
		if (camunda && "formProperty".equals(element.getTagName())) {
			refuseIf(element.attribute("expression") != null, owner, process, "表单字段（camunda:formProperty）的 expression");
			refuseIf(element.attribute("variable") != null, owner, process, "表单字段（camunda:formProperty）的 variable");
		}
		String businessKey = camunda && "in".equals(element.getTagName()) ? element.attribute("businessKey") : null;
		refuseIf(businessKey != null && !CALLER_BUSINESS_KEY.contains(businessKey), owner, process,
				"camunda:in businessKey=\"" + businessKey + "\"");
		for (Element child : element.elements()) {
			check(child, owner, process);
		}
	}

	private static void refuseIf(boolean refused, String elementId, String process, String what) {
		if (refused) {
			throw new ProcessEngineException("流程 " + process + (elementId == null ? "" : " 的元素 " + elementId) + " 使用了 "
					+ what + "：表单提交和被调用的流程都不能改变流程所办理的案件，请用 Camunda 表单（camunda:formRef），"
					+ "被调用的流程沿用 #{execution.processBusinessKey}");
		}
	}

}
