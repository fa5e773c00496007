package cn.liaocheng.renewal.admin;

import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Small processes and tables for the tests, valid unless a test breaks one rule on
 * purpose.
 */
final class TestModels {

	/**
	 * A reviewing body's group: its tasks are review tasks and carry the review contract
	 * ({@link #reviewTask}).
	 */
	static final String GROUP = "county-371525-industry";

	/** A group that is no reviewing body, for plain tasks that need no listeners. */
	static final String PLAIN_GROUP = "enterprise";

	/**
	 * What every review task carries (ReviewTaskContract): local decision and opinion,
	 * four listeners.
	 */
	static final String REVIEW_CONTRACT = """
			<bpmn:extensionElements>
			  <camunda:inputOutput>
			    <camunda:inputParameter name="decision"/>
			    <camunda:inputParameter name="opinion"/>
			  </camunda:inputOutput>
			  <camunda:taskListener delegateExpression="${reviewTaskListener}" event="create"/>
			  <camunda:taskListener delegateExpression="${recordOpinionListener}" event="complete"/>
			  <camunda:taskListener delegateExpression="${taskChangeListener}" event="update"/>
			  <camunda:taskListener delegateExpression="${overdueTaskListener}" event="timeout" id="TaskListener_Overdue">
			    <bpmn:timerEventDefinition><bpmn:timeDate>${reviewDeadlines.standard()}</bpmn:timeDate></bpmn:timerEventDefinition>
			  </camunda:taskListener>
			</bpmn:extensionElements>
			""";

	static final String FORM = "county-formal-review";

	static final String FORM_REF = "camunda:formRef=\"" + FORM + "\" camunda:formRefBinding=\"latest\"";

	private TestModels() {
	}

	static String definitions(String processes) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test"
				    targetNamespace="http://liaocheng.cn/renewal/test">
				""" + processes + "</bpmn:definitions>\n";
	}

	/**
	 * A process with the given elements between start and end, chained in order by
	 * sequence flows.
	 */
	static String process(String key, String attributes, String... elements) {
		StringBuilder xml = new StringBuilder("<bpmn:process id=\"" + key + "\" name=\"测试流程\" isExecutable=\"true\" "
				+ attributes + ">\n<bpmn:startEvent id=\"StartEvent_Start\"/>\n");
		String previous = "StartEvent_Start";
		int i = 0;
		for (String element : elements) {
			String id = element.replaceAll("(?s).*?id=\"([^\"]+)\".*", "$1");
			xml.append(element).append('\n');
			xml.append("<bpmn:sequenceFlow id=\"SequenceFlow_" + (i++) + "\" sourceRef=\"" + previous
					+ "\" targetRef=\"" + id + "\"/>\n");
			previous = id;
		}
		xml.append("<bpmn:endEvent id=\"EndEvent_Done\"/>\n");
		xml.append("<bpmn:sequenceFlow id=\"SequenceFlow_End\" sourceRef=\"" + previous
				+ "\" targetRef=\"EndEvent_Done\"/>\n");
		return xml.append("</bpmn:process>\n").toString();
	}

	static String ttl() {
		return "camunda:historyTimeToLive=\"P1D\"";
	}

	/**
	 * A plain task (no reviewing body's group), which needs none of the review contract.
	 */
	static String userTask(String id) {
		return userTask(id, "camunda:candidateGroups=\"" + PLAIN_GROUP + "\" " + FORM_REF);
	}

	/**
	 * A review task with the whole review contract and the given attributes; a bank's
	 * task keeps the terms of its grant local too.
	 */
	static String reviewTask(String id, String attributes) {
		String opinion = "<camunda:inputParameter name=\"opinion\"/>";
		String contract = !attributes.contains("candidateGroups=\"bank-") ? REVIEW_CONTRACT
				: REVIEW_CONTRACT.replace(opinion,
						opinion + ReviewProcesses.BANK_TERMS.stream()
							.map(term -> "<camunda:inputParameter name=\"" + term + "\"/>")
							.collect(java.util.stream.Collectors.joining()));
		return "<bpmn:userTask id=\"" + id + "\" name=\"审查\" " + attributes + ">" + contract + "</bpmn:userTask>";
	}

	static String userTask(String id, String attributes) {
		return "<bpmn:userTask id=\"" + id + "\" name=\"审查\" " + attributes + "/>";
	}

	static String valid(String key, String... taskIds) {
		String[] tasks = new String[taskIds.length];
		for (int i = 0; i < taskIds.length; i++) {
			tasks[i] = userTask(taskIds[i]);
		}
		return definitions(process(key, ttl(), tasks));
	}

	static String decision(String key, String attributes) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
				    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_%s" name="测试" namespace="http://liaocheng.cn/test">
				  <decision id="%s" name="测试决策" %s>
				    <decisionTable id="DecisionTable_%s">
				      <input id="Input_1" label="金额"><inputExpression id="InputExpression_1" typeRef="double"><text>amount</text></inputExpression></input>
				      <output id="Output_1" name="rate" typeRef="double"/>
				      <rule id="Rule_1"><inputEntry id="InputEntry_1"><text>&gt; 0</text></inputEntry><outputEntry id="OutputEntry_1"><text>0.1</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				"""
			.formatted(key, key, attributes, key);
	}

}
