package cn.liaocheng.renewal.admin.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The checks one BPMN file must pass; problems are added to the list given, none is
 * thrown.
 */
final class BpmnRules {

	static final Set<String> CAMUNDA_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn",
			"http://activiti.org/bpmn");

	private static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final Set<String> TIMERS = Set.of("timeDuration", "timeDate", "timeCycle");

	/**
	 * The only business key a called process may get: its caller's, so that it works on
	 * the same case.
	 */
	static final Set<String> CALLER_BUSINESS_KEY = Set.of("#{execution.processBusinessKey}",
			"${execution.processBusinessKey}");

	private final String resource;

	private final ModelEnvironment environment;

	private final DeploymentContents contents;

	private final List<ModelProblem> problems;

	BpmnRules(String resource, ModelEnvironment environment, DeploymentContents contents, List<ModelProblem> problems) {
		this.resource = resource;
		this.environment = environment;
		this.contents = contents;
		this.problems = problems;
	}

	void check(BpmnModelInstance model) {
		for (Process process : model.getModelElementsByType(Process.class)) {
			String ttl = process.getCamundaHistoryTimeToLiveString();
			if (process.isExecutable() && (ttl == null || ttl.isBlank())) {
				problem(process.getId(), "流程未设置历史数据保留期限（camunda:historyTimeToLive），例如 P3650D");
			}
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			checkForm(task);
			checkAssignment(task);
			ReviewTaskRules.problems(task).forEach(message -> problem(task.getId(), message));
		}
		for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
			String ref = task.getCamundaDecisionRef();
			if (ref != null && !Expressions.isExpression(ref) && !contents.decisionKeys().contains(ref)
					&& !environment.isDeployedDecision(ref)) {
				problem(task.getId(), "引用的决策表 “" + ref + "” 不存在（既不在本次部署中，也未部署过）");
			}
		}
		DecisionStepRules.check(model, this::problem);
		walk(model.getDocument().getRootElement(), null);
		checkTimers(model);
		// Beans, variables and members the expressions name, wherever they stand.
		new ExpressionRules(resource, environment, problems).check(model);
	}

	private void checkForm(UserTask task) {
		String formRef = task.getCamundaFormRef();
		String formKey = task.getCamundaFormKey();
		if (formRef != null && !formRef.isBlank()) {
			if (!Expressions.isExpression(formRef) && !contents.formKeys().contains(formRef)
					&& !environment.isDeployedForm(formRef)) {
				problem(task.getId(), "表单 “" + formRef + "”（camunda:formRef）不存在：请把它放进 forms/ 一并部署");
			}
		}
		else if (formKey != null && formKey.startsWith("camunda-forms:deployment:")) {
			String name = formKey.substring("camunda-forms:deployment:".length());
			if (!contents.resourceNames().contains(name)) {
				problem(task.getId(), "表单文件 “" + name + "”（camunda:formKey）不在本次部署中");
			}
		}
		else if (formKey != null && !formKey.isBlank()) {
			problem(task.getId(), "不支持的表单引用 “" + formKey + "”：请用 camunda:formRef 引用 forms/ 中的表单");
		}
		else {
			problem(task.getId(), "用户任务没有表单：请设置 camunda:formRef（forms/ 中表单的 id）");
		}
	}

	private void checkAssignment(UserTask task) {
		String groups = task.getCamundaCandidateGroups();
		boolean hasAssignee = task.getCamundaAssignee() != null && !task.getCamundaAssignee().isBlank();
		boolean hasUsers = task.getCamundaCandidateUsers() != null && !task.getCamundaCandidateUsers().isBlank();
		if ((groups == null || groups.isBlank()) && !hasAssignee && !hasUsers) {
			problem(task.getId(), "用户任务没有办理人：请设置候选组（camunda:candidateGroups）");
			return;
		}
		if (groups == null) {
			return;
		}
		Set<String> known = environment.groupIds();
		for (String group : groups.split(",")) {
			String g = group.trim();
			if (g.isEmpty()) {
				continue;
			}
			if (!Expressions.isExpression(g)) {
				if (!known.contains(g)) {
					problem(task.getId(), "候选组 “" + g + "” 不存在：请先在 Camunda Admin 中创建该组，或改用现有的组");
				}
				continue;
			}
			Pattern pattern = Expressions.groupPattern(g);
			if (pattern != null && known.stream().noneMatch(k -> pattern.matcher(k).matches())) {
				problem(task.getId(), "候选组表达式 “" + g + "” 不能对应任何现有的组");
			}
		}
	}

	private void walk(DomElement element, String ownerId) {
		String namespace = element.getNamespaceURI();
		String name = element.getLocalName();
		String id = element.getAttribute("id");
		// An event definition's id means nothing to an administrator: the event's does.
		String owner = id != null && !id.isEmpty() && !name.endsWith("EventDefinition") ? id : ownerId;
		if (BPMN_NAMESPACE.equals(namespace) && "scriptTask".equals(name)) {
			problem(owner, "不允许使用脚本任务（scriptTask）：请改为服务任务并引用 Spring bean");
		}
		if (CAMUNDA_NAMESPACES.contains(namespace) && "script".equals(name)) {
			problem(owner, "不允许使用内联脚本（camunda:script）");
		}
		if (BPMN_NAMESPACE.equals(namespace) && "conditionExpression".equals(name)
				&& element.hasAttribute("language")) {
			problem(owner, "不允许使用脚本条件（conditionExpression 的 language 属性）：请用 ${...} 表达式");
		}
		if (CAMUNDA_NAMESPACES.contains(namespace) && "constraint".equals(name)
				&& "validator".equals(element.getAttribute("name"))
				&& !String.valueOf(element.getAttribute("config")).strip().startsWith("${")) {
			problem(owner, "不允许按类名指定表单校验器（camunda:constraint name=“validator”）");
		}
		if (CAMUNDA_NAMESPACES.contains(namespace) && ("formProperty".equals(name) || "formData".equals(name))) {
			problem(owner, "不允许使用 camunda:" + name + "（生成式表单的字段提交时可以写入流程实例和流程变量）：请用 camunda:formRef 引用 Camunda 表单");
		}
		String businessKey = CAMUNDA_NAMESPACES.contains(namespace) && "in".equals(name)
				? element.getAttribute("businessKey") : null;
		if (businessKey != null && !businessKey.isEmpty() && !CALLER_BUSINESS_KEY.contains(businessKey)) {
			problem(owner, "调用活动的 camunda:in businessKey “" + businessKey
					+ "” 不允许：被调用的流程只能沿用调用它的案件的业务编号，请写 #{execution.processBusinessKey}");
		}
		if (CAMUNDA_NAMESPACES.contains(namespace)) {
			// Listeners and the like carry their attributes unqualified.
			checkCamundaAttributes(element, null, owner);
		}
		for (String camunda : CAMUNDA_NAMESPACES) {
			checkCamundaAttributes(element, camunda, owner);
		}
		for (DomElement child : element.getChildElements()) {
			walk(child, owner);
		}
	}

	private static String attribute(DomElement element, String namespace, String name) {
		return namespace == null ? emptyToNull(element.getAttribute(name)) : element.getAttribute(namespace, name);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private void checkCamundaAttributes(DomElement element, String camunda, String owner) {
		if (attribute(element, camunda, "class") != null) {
			problem(owner, "不允许使用 camunda:class：请用 camunda:delegateExpression 引用 Spring bean（${beanName}）");
		}
		if (camunda == null) {
			return; // below: attributes Camunda qualifies (a form field's own type is not
					// one)
		}
		String type = attribute(element, camunda, "type");
		if (type != null && !"external".equals(type)) {
			problem(owner, "不允许使用 camunda:type “" + type
					+ "”（内置的 shell、mail 等连接器会在服务器上执行命令或发送邮件）：请用 camunda:delegateExpression 引用 Spring bean");
		}
		if (attribute(element, camunda, "variableMappingClass") != null) {
			problem(owner, "不允许使用 camunda:variableMappingClass：请用输入/输出映射");
		}
		if (attribute(element, camunda, "formHandlerClass") != null) {
			problem(owner, "不允许使用 camunda:formHandlerClass：请用 camunda:formRef 引用 Camunda 表单");
		}
		String formKey = attribute(element, camunda, "formKey");
		if (formKey != null && !formKey.startsWith("camunda-forms:")) {
			problem(owner, "不允许使用 camunda:formKey “" + formKey
					+ "”（HTML 表单会在 Tasklist 中运行脚本）：请用 camunda:formRef 引用 Camunda 表单");
		}
		String due = attribute(element, camunda, "dueDate");
		if (due != null && !TimerExpressions.isValid("dueDate", due)) {
			problem(owner, "办理期限（camunda:dueDate）“" + due + "” 无法解析：请用 ISO 8601 日期、时长（如 P5D）或 ${...} 表达式");
		}
	}

	/**
	 * Every timer's value as the engine reads it: the element's own text, not that of a
	 * child such as its documentation. The problem names the event (or listener) the
	 * timer belongs to.
	 */
	private void checkTimers(BpmnModelInstance model) {
		org.w3c.dom.Node root = model.getDocument().getDomSource().getNode();
		org.w3c.dom.Document document = root instanceof org.w3c.dom.Document d ? d : root.getOwnerDocument();
		for (String name : TIMERS) {
			NodeList timers = document.getElementsByTagNameNS(BPMN_NAMESPACE, name);
			for (int i = 0; i < timers.getLength(); i++) {
				Element timer = (Element) timers.item(i);
				String value = ExpressionRules.ownText(timer);
				if (!TimerExpressions.isValid(name, value)) {
					problem(ownerId(timer), "定时器 " + name + " 的值 “" + value.trim() + "” 无法解析：请用 ISO 8601 格式（如 P5D、PT2H、"
							+ "2026-12-31T17:00:00、R3/PT1H）或 ${...} 表达式");
				}
			}
		}
	}

	/** The nearest id above an element, an event definition's excepted. */
	private static String ownerId(Element element) {
		for (org.w3c.dom.Node n = element; n instanceof Element e; n = n.getParentNode()) {
			if (!e.getAttribute("id").isEmpty() && !e.getLocalName().endsWith("EventDefinition")) {
				return e.getAttribute("id");
			}
		}
		return null;
	}

	private void problem(String elementId, String message) {
		problems.add(new ModelProblem(resource, elementId, message));
	}

}
