package cn.liaocheng.renewal.admin;

import static cn.liaocheng.renewal.admin.TestModels.definitions;
import static cn.liaocheng.renewal.admin.TestModels.process;
import static cn.liaocheng.renewal.admin.TestModels.reviewTask;
import static cn.liaocheng.renewal.admin.TestModels.ttl;
import static cn.liaocheng.renewal.admin.TestModels.userTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import cn.liaocheng.renewal.support.TrustedDeployment;

/**
 * Each rule refuses a crafted bad model with its Chinese message and the element id,
 * through Camunda Modeler's door (the REST API) and through the administration page, and
 * nothing is deployed.
 */
@WebIntegrationTest
class ModelValidationTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	private static String shipped(String resource) {
		try (java.io.InputStream in = ModelValidationTest.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static Stream<Arguments> badModels() {
		return Stream.of(
				Arguments.of("malformed.bpmn",
						"<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process",
						"不是格式正确的 BPMN 2.0 文件", null),
				Arguments.of("malformed.dmn",
						"<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"><decision id=",
						"不是格式正确的 DMN 文件", null),
				Arguments.of("no-form.bpmn",
						definitions(process("v-no-form", ttl(),
								userTask("Task_NoForm", "camunda:candidateGroups=\"" + TestModels.GROUP + "\""))),
						"用户任务没有表单", "Task_NoForm"),
				Arguments.of("missing-form.bpmn",
						definitions(process("v-missing-form", ttl(),
								userTask("Task_MissingForm",
										"camunda:candidateGroups=\"" + TestModels.GROUP
												+ "\" camunda:formRef=\"no-such-form\""))),
						"表单 “no-such-form”（camunda:formRef）不存在", "Task_MissingForm"),
				Arguments.of("unknown-group.bpmn",
						definitions(process("v-unknown-group", ttl(),
								userTask("Task_UnknownGroup",
										"camunda:candidateGroups=\"city-nowhere\" " + TestModels.FORM_REF))),
						"候选组 “city-nowhere” 不存在", "Task_UnknownGroup"),
				Arguments.of("group-pattern.bpmn",
						definitions(process("v-group-pattern", ttl(),
								userTask("Task_PatternGroup",
										"camunda:candidateGroups=\"township-${divisionCode}-industry\" "
												+ TestModels.FORM_REF + ""))),
						"候选组表达式 “township-${divisionCode}-industry” 不能对应任何现有的组", "Task_PatternGroup"),
				Arguments.of("unknown-bean.bpmn", definitions(process("v-unknown-bean", ttl(),
						"<bpmn:serviceTask id=\"Task_Compute\" camunda:delegateExpression=\"${noSuchDelegate}\"/>")),
						"委托表达式 “${noSuchDelegate}” 引用的 bean “noSuchDelegate” 不存在", "Task_Compute"),
				Arguments.of("unknown-listener.bpmn", definitions(process("v-unknown-listener", ttl(),
						"<bpmn:userTask id=\"Task_Listened\" camunda:candidateGroups=\"" + TestModels.GROUP + "\" "
								+ TestModels.FORM_REF
								+ "><bpmn:extensionElements><camunda:taskListener delegateExpression=\"${noSuchListener}\" "
								+ "event=\"create\"/></bpmn:extensionElements></bpmn:userTask>")),
						"引用的 bean “noSuchListener” 不存在", "Task_Listened"),
				Arguments.of("unknown-table.bpmn", definitions(process("v-unknown-table", ttl(),
						"<bpmn:businessRuleTask id=\"Task_Decide\" camunda:decisionRef=\"no-such-table\" camunda:resultVariable=\"r\" "
								+ "camunda:mapDecisionResult=\"singleEntry\"/>")),
						"引用的决策表 “no-such-table” 不存在", "Task_Decide"),
				Arguments.of("no-ttl.bpmn", definitions(process("v-no-ttl", "", userTask("Task_Review"))),
						"流程未设置历史数据保留期限（camunda:historyTimeToLive）", "v-no-ttl"),
				Arguments.of("no-ttl.dmn", TestModels.decision("v-no-ttl-table", ""), "决策表未设置历史数据保留期限",
						"v-no-ttl-table"),
				Arguments.of("script-task.bpmn", definitions(process("v-script-task", ttl(),
						"<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>")),
						"不允许使用脚本任务（scriptTask）", "Task_Script"),
				Arguments.of("inline-script.bpmn", definitions(process("v-inline-script", ttl(),
						"<bpmn:userTask id=\"Task_Scripted\" camunda:candidateGroups=\"" + TestModels.GROUP + "\" "
								+ TestModels.FORM_REF
								+ "><bpmn:extensionElements><camunda:executionListener event=\"start\">"
								+ "<camunda:script scriptFormat=\"groovy\">println 1</camunda:script></camunda:executionListener>"
								+ "</bpmn:extensionElements></bpmn:userTask>")),
						"不允许使用内联脚本（camunda:script）", "Task_Scripted"),
				Arguments.of("reflective-expression.bpmn",
						definitions(process("v-reflective", ttl(),
								"<bpmn:serviceTask id=\"Task_Reflect\" name=\"反射\" "
										+ "camunda:expression=\"${''.getClass().forName('java.lang.Runtime')}\"/>")),
						"元素 “反射” 的表达式 “${''.getClass().forName('java.lang.Runtime')}” 访问了允许范围以外的成员 “….getClass”",
						"Task_Reflect"),
				Arguments.of("spring-bean.bpmn", definitions(process("v-spring-bean", ttl(),
						"<bpmn:serviceTask id=\"Task_Jdbc\" name=\"查库\" camunda:delegateExpression=\"${jdbcTemplate}\"/>")),
						"元素 “查库” 的表达式 “${jdbcTemplate}” 使用了允许范围以外的名称 “jdbcTemplate”", "Task_Jdbc"),
				Arguments.of("bean-property.bpmn",
						definitions(process("v-bean-property", ttl(),
								userTask("Task_DataSource",
										"camunda:assignee=\"${dataSource.connection}\" " + TestModels.FORM_REF))),
						"访问了允许范围以外的成员 “dataSource.connection”", "Task_DataSource"),
				Arguments.of("engine-member.bpmn", definitions(process("v-engine-member", ttl(),
						userTask("Task_Engine", "camunda:candidateGroups=\"" + TestModels.GROUP + "\" "
								+ "camunda:dueDate=\"${execution.processEngine.name}\" " + TestModels.FORM_REF))),
						"访问了允许范围以外的成员 “execution.processEngine”", "Task_Engine"),
				Arguments.of("unknown-variable.bpmn",
						definitions(process("v-unknown-variable", ttl(),
								"<bpmn:exclusiveGateway id=\"Gateway_Which\" name=\"去向\"/>",
								"<bpmn:userTask id=\"Task_After\" camunda:candidateGroups=\"" + TestModels.GROUP + "\" "
										+ TestModels.FORM_REF + "/>")
							.replace("<bpmn:sequenceFlow id=\"SequenceFlow_1\"",
									"<bpmn:sequenceFlow name=\"总是\" id=\"SequenceFlow_1\"")
							.replace("targetRef=\"Task_After\"/>",
									"targetRef=\"Task_After\"><bpmn:conditionExpression>${secret != null}"
											+ "</bpmn:conditionExpression></bpmn:sequenceFlow>")),
						"元素 “总是” 的表达式 “${secret != null}” 使用了允许范围以外的名称 “secret”", "SequenceFlow_1"),
				Arguments.of("function.bpmn",
						definitions(process("v-function", ttl(),
								userTask("Task_Function",
										"camunda:assignee=\"${currentUser()}\" " + TestModels.FORM_REF))),
						"调用了函数 “currentUser()”", "Task_Function"),
				Arguments.of("subsidy-amount.dmn",
						shipped("bpmn/subsidy-amount.dmn").replace("<text>1,2,3,12,14,15</text>",
								"<text>1,2,3,14,15</text>"),
						"奖补比例表没有重点任务 12 的奖补比例", "subsidy-amount"),
				Arguments.of("joint-review-routing.dmn",
						shipped("bpmn/joint-review-routing.dmn").replace("name=\"body\"", "name=\"unit\""),
						"决策表缺少输出列 “body”", "joint-review-routing"),
				Arguments.of("joint-review-routing.dmn",
						shipped("bpmn/joint-review-routing.dmn").replace("<text>\"finance\"</text>",
								"<text>\"finace\"</text>"),
						"联审单位判定表中的联审单位 “finace” 没有对应的市级单位组", "joint-review-routing"),
				Arguments.of("subsidy-expert-review.dmn",
						shipped("bpmn/subsidy-expert-review.dmn").replace("typeRef=\"boolean\"", "typeRef=\"string\"")
							.replace("<text>true</text>", "<text>\"true\"</text>")
							.replace("<text>false</text>", "<text>\"false\"</text>"),
						"专家评审判定表对拟奖补金额 0、0.01", "subsidy-expert-review"),
				Arguments.of("subsidy-expert-review.dmn",
						shipped("bpmn/subsidy-expert-review.dmn").replace("<text>&gt; 1000000</text>",
								"<text>&gt; 5000000</text>"),
						"专家评审判定表对拟奖补金额 1000000.01、5000000 元没有给出唯一的结论", "subsidy-expert-review"),
				Arguments.of("subsidy-amount.dmn",
						shipped("bpmn/subsidy-amount.dmn").replace("name=\"cap\"", "name=\"limit\""), "决策表缺少输出列 “cap”",
						"subsidy-amount"),
				Arguments.of("county-review.bpmn",
						shipped("bpmn/county-review.bpmn")
							.replace("id=\"Task_CountyFormalReview\"", "id=\"Activity_1x\"")
							.replace("\"Task_CountyFormalReview\"", "\"Activity_1x\""),
						"流程缺少审核环节“县级形式审查”（用户任务，ID Task_CountyFormalReview）", "county-review"),
				Arguments.of("joint-review.bpmn",
						shipped("bpmn/joint-review.bpmn").replaceFirst(
								"camunda:candidateGroups=\"city-industry\"(.{0,200}id=\"Task_IndustryDecision\")",
								"camunda:candidateGroups=\"city-development\"$1"),
						"审核环节“审定”的候选组须为 “city-industry”（现为 “city-development”）", "Task_IndustryDecision"),
				Arguments.of("county-payment.form",
						shipped("forms/county-payment.form").replace("\"key\": \"paidAmount\"", "\"key\": \"paidSum\""),
						"表单缺少系统要读取的填写项 “paidAmount”", "county-payment"),
				Arguments.of("city-decision.form",
						shipped("forms/city-decision.form").replace("\"value\": \"RETURN\"", "\"value\": \"MAYBE\""),
						"审核结论（decision）的选项值 “MAYBE” 系统不认识", "city-decision"),
				Arguments.of("city-decision.form",
						shipped("forms/city-decision.form").replace("\"label\": \"审定通过\"", "\"label\": \"@@\"")
							.replace("\"label\": \"不予批准\"", "\"label\": \"审定通过\"")
							.replace("\"label\": \"@@\"", "\"label\": \"不予批准\""),
						"审核结论（decision）选项的显示文字与选项值的含义不一致：“不予批准”（APPROVE）、“审定通过”（REFUSE）", "city-decision"),
				Arguments.of("county-formal-review.form",
						shipped("forms/county-formal-review.form").replace("\"label\": \"退回补正\"", "\"label\": \"其他\""),
						"“其他”（RETURN）", "county-formal-review"),
				Arguments.of("bank-decision.form",
						shipped("forms/bank-decision.form").replace("\"value\": \"DECLINED\"",
								"\"value\": \"APPROVE\""),
						"审核结论（decision）的选项值 “APPROVE” 系统不认识：选项值只能是 DECLINED、GRANTED", "bank-decision"),
				Arguments.of("county-review.bpmn",
						shipped("bpmn/county-review.bpmn").replaceFirst("camunda:formRef=\"county-formal-review\"",
								"camunda:formRef=\"enterprise-correction\""),
						"审核环节“县级形式审查”的表单须为 “county-formal-review”（现为 “enterprise-correction”）",
						"Task_CountyFormalReview"),
				Arguments.of("county-payment.form",
						shipped("forms/county-payment.form").replace("\"key\": \"paidAmount\",",
								"\"key\": \"paidAmount\", \"readonly\": \"=decision = \\\"APPROVE\\\"\","),
						"表单缺少系统要读取的填写项 “paidAmount”", "county-payment"),
				// A field the step does not keep as its own would land on the case: named
				// as a variable of the case, it would refuse every completion.
				Arguments.of("county-formal-review.form", shipped("forms/county-formal-review.form").replace(
						"\"components\": [",
						"\"components\": [{\"type\": \"textfield\", \"key\": \"divisionCode\", \"label\": \"所在县\", \"id\": \"Field_Division\"},"),
						"表单新增或保留的可填写字段 “divisionCode” 在已部署的环节「", "county-formal-review"),
				Arguments.of("subsidy-aftercare.bpmn",
						shipped("bpmn/subsidy-aftercare.bpmn").replace("<camunda:inputParameter name=\"voucherNo\"/>",
								""),
						"的表单 “county-payment” 有可填写字段 “voucherNo”，没有设为该环节的局部变量", "Task_RecordPayment"),
				Arguments.of("juel-table.dmn",
						TestModels.decision("v-juel-table", "camunda:historyTimeToLive=\"P1D\"")
							.replace("<inputExpression id=\"InputExpression_1\"",
									"<inputExpression id=\"InputExpression_1\" expressionLanguage=\"juel\""),
						"不允许使用表达式语言 “juel”", "InputExpression_1"),
				Arguments.of("no-opinion-listener.bpmn", definitions(process("v-no-opinion", ttl(), reviewTask(
						"Task_CountyCheck",
						"camunda:candidateGroups=\"" + TestModels.GROUP + "\" " + TestModels.FORM_REF)
					.replace(
							"<camunda:taskListener delegateExpression=\"${recordOpinionListener}\" event=\"complete\"/>",
							"")
					.replace("name=\"审查\"", "name=\"县级核查\""))),
						"审核任务「县级核查」缺少任务监听器：事件 complete，委托表达式 ${recordOpinionListener}（把审核结论和意见记入审核记录）",
						"Task_CountyCheck"),
				Arguments.of("no-local-opinion.bpmn",
						definitions(process("v-no-local-opinion", ttl(),
								reviewTask("Task_CityCheck",
										"camunda:candidateGroups=\"city-${reviewBody}\" " + TestModels.FORM_REF)
									.replace("<camunda:inputParameter name=\"opinion\"/>", ""))),
						"审核任务「审查」缺少输入参数 “opinion”", "Task_CityCheck"),
				Arguments.of("overdue-as-cycle.bpmn",
						definitions(process("v-overdue-cycle", ttl(),
								reviewTask("Task_BankCheck",
										"camunda:candidateGroups=\"bank-${bankKey}\" " + TestModels.FORM_REF)
									.replace("<bpmn:timeDate>${reviewDeadlines.standard()}</bpmn:timeDate>",
											"<bpmn:timeCycle>R/P1D</bpmn:timeCycle>"))),
						"审核任务「审查」的超期监听器须有一个 timeDate 定时器", "Task_BankCheck"),
				Arguments.of("shell-connector.bpmn", SHELL_MODEL, "不允许使用 camunda:type “shell”", "Task_Shell"),
				Arguments.of("html-form.bpmn",
						definitions(process("v-html-form", ttl(),
								"<bpmn:userTask id=\"Task_Html\" camunda:candidateGroups=\"" + TestModels.GROUP
										+ "\" camunda:formKey=\"embedded:deployment:form.html\"/>")),
						"不允许使用 camunda:formKey “embedded:deployment:form.html”", "Task_Html"),
				Arguments.of("form-handler.bpmn", definitions(process("v-form-handler", ttl(),
						"<bpmn:userTask id=\"Task_Handled\" camunda:candidateGroups=\"" + TestModels.GROUP
								+ "\" camunda:formHandlerClass=\"java.lang.Object\" " + TestModels.FORM_REF + "/>")),
						"不允许使用 camunda:formHandlerClass", "Task_Handled"),
				Arguments.of("bad-timer.bpmn", definitions(process("v-bad-timer", ttl(),
						"<bpmn:intermediateCatchEvent id=\"TimerEvent_Wait\"><bpmn:timerEventDefinition id=\"TimerDefinition_Wait\">"
								+ "<bpmn:timeDuration>five days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>")),
						"定时器 timeDuration 的值 “five days” 无法解析", "TimerEvent_Wait"),
				// The engine evaluates an element's own text beside its child elements.
				Arguments.of("condition-beside-documentation.bpmn",
						definitions(process("v-condition-beside-child", ttl(),
								"<bpmn:exclusiveGateway id=\"Gateway_Which\" name=\"去向\"/>",
								"<bpmn:userTask id=\"Task_After\" camunda:candidateGroups=\"" + TestModels.GROUP + "\" "
										+ TestModels.FORM_REF + "/>")
							.replace("<bpmn:sequenceFlow id=\"SequenceFlow_1\"",
									"<bpmn:sequenceFlow name=\"改号\" id=\"SequenceFlow_1\"")
							.replace("targetRef=\"Task_After\"/>",
									"targetRef=\"Task_After\"><bpmn:conditionExpression>"
											+ "<bpmn:documentation>x</bpmn:documentation>"
											+ "${execution.setProcessBusinessKey('999') == null}"
											+ "</bpmn:conditionExpression></bpmn:sequenceFlow>")),
						"元素 “改号” 的表达式 “${execution.setProcessBusinessKey('999') == null}” 访问了允许范围以外的成员 “execution.setProcessBusinessKey”",
						"SequenceFlow_1"),
				Arguments.of("timer-beside-documentation.bpmn", definitions(process("v-timer-beside-child", ttl(),
						"<bpmn:intermediateCatchEvent id=\"TimerEvent_Wait\"><bpmn:timerEventDefinition id=\"TimerDefinition_Wait\">"
								+ "<bpmn:timeDuration><bpmn:documentation>${divisionCode}</bpmn:documentation>five days"
								+ "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>")),
						"定时器 timeDuration 的值 “five days” 无法解析", "TimerEvent_Wait"),
				Arguments.of("form-property.bpmn", definitions(process("v-form-property", ttl(),
						"<bpmn:userTask id=\"Task_Rekey\" camunda:candidateGroups=\"" + TestModels.GROUP + "\" "
								+ TestModels.FORM_REF + "><bpmn:extensionElements>"
								+ "<camunda:formProperty id=\"note\" expression=\"#{execution.processBusinessKey}\" "
								+ "default=\"42\" writable=\"true\"/></bpmn:extensionElements></bpmn:userTask>")),
						"不允许使用 camunda:formProperty", "Task_Rekey"),
				Arguments.of("form-data.bpmn",
						definitions(process("v-form-data", ttl(),
								"<bpmn:userTask id=\"Task_Generated\" camunda:candidateGroups=\"" + TestModels.GROUP
										+ "\" " + TestModels.FORM_REF + "><bpmn:extensionElements><camunda:formData>"
										+ "<camunda:formField id=\"divisionCode\" type=\"string\"/>"
										+ "</camunda:formData></bpmn:extensionElements></bpmn:userTask>")),
						"不允许使用 camunda:formData", "Task_Generated"),
				Arguments.of("called-business-key.bpmn", definitions(process("v-called-business-key", ttl(),
						"<bpmn:callActivity id=\"Call_Other\" calledElement=\"project-registration\">"
								+ "<bpmn:extensionElements><camunda:in businessKey=\"4242\"/></bpmn:extensionElements>"
								+ "</bpmn:callActivity>")),
						"调用活动的 camunda:in businessKey “4242” 不允许", "Call_Other"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badModels")
	void camundaModelerIsRefusedWithEveryProblemAndNothingIsDeployed(String file, String content, String message,
			String elementId) {
		long deployments = repository.createDeploymentQuery().count();
		WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		HttpResponse<String> response = createDeployment(admin, file, content);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("部署被拒绝", message, file);
		if (elementId != null) {
			assertThat(response.body()).contains("\"mainElementId\":\"" + elementId + "\"");
		}
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badModels")
	void theAdministrationPageIsRefusedWithEveryProblemAndNothingIsDeployed(String file, String content, String message,
			String elementId) {
		long deployments = repository.createDeploymentQuery().count();
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		HttpResponse<String> response = upload(admin, file, content);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(unescape(response.body())).contains("部署被拒绝", message, file);
		if (elementId != null) {
			assertThat(response.body()).contains("<td class=\"element\">" + elementId + "</td>");
		}
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	/**
	 * The engine's shell connector runs an operating-system command: a model using it is
	 * refused at every door, whatever the file is called.
	 */
	static final String SHELL_MODEL = definitions(process("v-shell", ttl(),
			"<bpmn:serviceTask id=\"Task_Shell\" camunda:type=\"shell\"><bpmn:extensionElements>"
					+ "<camunda:field name=\"command\"><camunda:string>/bin/sh</camunda:string></camunda:field>"
					+ "<camunda:field name=\"arg1\"><camunda:string>-c</camunda:string></camunda:field>"
					+ "<camunda:field name=\"arg2\"><camunda:string>touch /tmp/renewal-pwned</camunda:string></camunda:field>"
					+ "</bpmn:extensionElements></bpmn:serviceTask>"));

	@Test
	void aModelOrFileTheEngineWouldDeployUnderAnotherNameIsCheckedOrRefused() {
		long deployments = repository.createDeploymentQuery().count();
		WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		// The engine deploys any name ending in "bpmn" as a process.
		HttpResponse<String> disguised = createDeployment(admin, "subsidy-application.xbpmn", SHELL_MODEL);
		assertThat(disguised.statusCode()).as(disguised.body()).isEqualTo(400);
		assertThat(disguised.body()).contains("不允许使用 camunda:type “shell”");
		for (String file : List.of("form.html", "case.cmmn", "notes.txt")) {
			HttpResponse<String> other = createDeployment(admin, file, "<html><script>alert(1)</script></html>");
			assertThat(other.statusCode()).as(file + " " + other.body()).isEqualTo(400);
			assertThat(other.body()).contains("只能部署流程（.bpmn）、决策表（.dmn）和表单（.form）文件");
		}
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/renewal-pwned"))).isFalse();
	}

	/**
	 * A deployment the application's own code marks as trusted is not checked by the
	 * administrators' check; the engine still refuses a model that would run code.
	 */
	@Test
	void theEngineItselfRefusesAModelThatWouldRunCodeWhoeverDeploysIt() {
		String withClass = definitions(
				process("v-class", ttl(), "<bpmn:serviceTask id=\"Task_Class\" camunda:class=\"java.lang.Object\"/>"));
		String withClassListener = definitions(process("v-class-listener", ttl(),
				"<bpmn:serviceTask id=\"Task_Listened\" camunda:expression=\"${true}\"><bpmn:extensionElements>"
						+ "<camunda:executionListener class=\"java.lang.Object\" event=\"start\"/>"
						+ "</bpmn:extensionElements></bpmn:serviceTask>"));
		String withValidator = definitions(process("v-validator", ttl(),
				"<bpmn:userTask id=\"Task_Validated\"><bpmn:extensionElements><camunda:formData>"
						+ "<camunda:formField id=\"x\" type=\"string\"><camunda:validation>"
						+ "<camunda:constraint name=\"validator\" config=\"java.lang.Object\"/>"
						+ "</camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>"));
		// (A form handler class is built by the engine's parser before any listener sees
		// it:
		// the pre-deployment check refuses it at every door a user deploys through.)
		for (String model : List.of(SHELL_MODEL, withClass, withClassListener, withValidator)) {
			assertThatThrownBy(
					() -> TrustedDeployment.deploy(repository.createDeployment().addString("probe.bpmn", model)))
				.isInstanceOf(ProcessEngineException.class)
				.hasStackTraceContaining("模型不能运行 Java 类、内置连接器或 HTML 表单");
		}
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("v-shell").count()).isZero();
		assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/renewal-pwned"))).isFalse();
	}

	/**
	 * No user is logged in here, as in a job the engine runs: the deployment is checked
	 * all the same. Only the application's own mark makes it trusted.
	 */
	@Test
	void aDeploymentWithoutAUserIsCheckedUnlessTheApplicationMarksItTrusted() {
		String model = definitions(process("v-no-user", ttl(),
				userTask("Task_NoForm", "camunda:candidateGroups=\"" + TestModels.GROUP + "\"")));

		assertThatThrownBy(() -> repository.createDeployment().addString("no-user.bpmn", model).deploy())
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("用户任务没有表单");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("v-no-user").count()).isZero();

		String trusted = TrustedDeployment.deploy(repository.createDeployment().addString("no-user.bpmn", model))
			.getId();
		repository.deleteDeployment(trusted, true);
	}

	/**
	 * Nor does the engine take a model through which a form submission or a called
	 * process changes which case a process acts on, whoever deploys it.
	 */
	@Test
	void theEngineItselfRefusesAModelThatWouldChangeTheCase() {
		String formProperty = definitions(process("v-rekey", ttl(),
				"<bpmn:userTask id=\"Task_Rekey\"><bpmn:extensionElements>"
						+ "<camunda:formProperty id=\"note\" expression=\"#{execution.processBusinessKey}\" "
						+ "writable=\"true\"/></bpmn:extensionElements></bpmn:userTask>"));
		String variable = definitions(process("v-revariable", ttl(),
				"<bpmn:userTask id=\"Task_Variable\"><bpmn:extensionElements>"
						+ "<camunda:formProperty id=\"note\" variable=\"divisionCode\" writable=\"true\"/>"
						+ "</bpmn:extensionElements></bpmn:userTask>"));
		String calledKey = definitions(process("v-called-key", ttl(),
				"<bpmn:callActivity id=\"Call_Other\" calledElement=\"project-registration\">"
						+ "<bpmn:extensionElements><camunda:in businessKey=\"4242\"/></bpmn:extensionElements>"
						+ "</bpmn:callActivity>"));
		for (String model : List.of(formProperty, variable, calledKey)) {
			assertThatThrownBy(
					() -> TrustedDeployment.deploy(repository.createDeployment().addString("probe.bpmn", model)))
				.isInstanceOf(ProcessEngineException.class)
				.hasStackTraceContaining("表单提交和被调用的流程都不能改变流程所办理的案件");
		}
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("v-rekey").count()).isZero();
	}

	@Test
	void aModelWithSeveralProblemsIsRefusedWithAllOfThem() {
		String model = definitions(process("v-several", "",
				reviewTask("Task_First", "camunda:candidateGroups=\"city-nowhere\" camunda:formRef=\"no-such-form\""),
				"<bpmn:serviceTask id=\"Task_Second\" camunda:delegateExpression=\"${noSuchDelegate}\"/>"));
		WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		HttpResponse<String> response = createDeployment(admin, "several.bpmn", model);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("共发现 4 个问题", "historyTimeToLive", "city-nowhere", "no-such-form",
				"noSuchDelegate", "Task_First", "Task_Second");
	}

	@Test
	void expressionsInCandidateGroupsPassWhenTheirFixedPartsMatchAGroup() {
		String model = definitions(process("v-expressions", ttl(),
				reviewTask("Task_County",
						"camunda:candidateGroups=\"county-${divisionCode}-industry\" " + TestModels.FORM_REF + ""),
				reviewTask("Task_City", "camunda:candidateGroups=\"city-${reviewBody}\" " + TestModels.FORM_REF),
				reviewTask("Task_Bank", "camunda:candidateGroups=\"bank-${bankKey}\" " + TestModels.FORM_REF)));
		WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);

		HttpResponse<String> response = createDeployment(admin, "expressions.bpmn", model);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		repository.deleteDeployment(Json.field(response.body(), "id"), true);
	}

	static HttpResponse<String> createDeployment(WebClient client, String file, String content) {
		Multipart body = new Multipart().field("deployment-name", "validation-test")
			.field("deployment-source", "Camunda Modeler")
			.file(file, file, content);
		return client.post("/engine-rest/deployment/create", body.publisher(), body.contentType());
	}

	static HttpResponse<String> upload(WebClient client, String file, String content) {
		String token = WebClient.csrfTokenOf(client.get("/admin/models").body());
		Multipart body = new Multipart().field("_csrf", token).file("files", file, content);
		return client.post("/admin/models/upload", body.publisher(), body.contentType());
	}

	static String unescape(String html) {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(html);
	}

}
