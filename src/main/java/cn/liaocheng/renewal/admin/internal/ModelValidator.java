package cn.liaocheng.renewal.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.ReviewTaskContract;

/**
 * Checks every resource of a deployment together and returns all problems at once, so an
 * administrator fixes them in one go. Knows nothing of how the resources arrive
 * (start-up, REST API or the administration page).
 */
final class ModelValidator {

	/**
	 * Tables the application's delegates evaluate by key; a process deployment needs them
	 * deployed somewhere.
	 */
	static final List<String> TABLES_USED_BY_DELEGATES = List.of(ReviewProcesses.ROUTING_TABLE,
			ReviewProcesses.SUBSIDY_AMOUNT_TABLE, ReviewProcesses.EXPERT_REVIEW_TABLE,
			ReviewProcesses.INTEREST_SUBSIDY_TABLE);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ModelEnvironment environment;

	ModelValidator(ModelEnvironment environment) {
		this.environment = environment;
	}

	List<ModelProblem> validate(Map<String, byte[]> resources) {
		List<ModelProblem> problems = new ArrayList<>();
		Map<String, BpmnModelInstance> processes = new LinkedHashMap<>();
		Map<String, DmnModelInstance> decisions = new LinkedHashMap<>();
		Set<String> formKeys = new LinkedHashSet<>();
		Map<String, byte[]> forms = new LinkedHashMap<>();
		Set<String> decisionKeys = new LinkedHashSet<>();
		resources.forEach((name, bytes) -> {
			if (!isBpmn(name) && !isDmn(name) && !name.endsWith(".form")) {
				problems
					.add(new ModelProblem(name, null, "只能部署流程（.bpmn）、决策表（.dmn）和表单（.form）文件；不能部署 HTML 表单、CMMN 案例或其他文件"));
			}
			else if (isBpmn(name)) {
				parseBpmn(name, bytes, problems).ifPresent(m -> processes.put(name, m));
			}
			else if (isDmn(name)) {
				parseDmn(name, bytes, problems).ifPresent(m -> {
					decisions.put(name, m);
					m.getModelElementsByType(Decision.class).forEach(d -> decisionKeys.add(d.getId()));
				});
			}
			else if (name.endsWith(".form")) {
				formKey(name, bytes, problems).ifPresent(key -> {
					formKeys.add(key);
					forms.put(key, bytes);
					checkFieldsRead(name, key, bytes, problems);
				});
			}
		});
		DeploymentContents contents = new DeploymentContents(resources.keySet(), formKeys, decisionKeys);
		processes.forEach((name, model) -> new BpmnRules(name, environment, contents, problems).check(model));
		checkFieldsKeptLocal(processes, forms, problems);
		decisions.forEach((name, model) -> new DmnRules(name, problems).check(model));
		decisions.forEach((name, model) -> SubsidyTableCoverage.check(name, model, problems));
		decisions
			.forEach((name, model) -> new DecisionTableContract(name, environment.groupIds(), problems).check(model));
		if (!processes.isEmpty()) {
			String first = processes.keySet().iterator().next();
			for (String table : TABLES_USED_BY_DELEGATES) {
				if (!decisionKeys.contains(table) && !environment.isDeployedDecision(table)) {
					problems.add(new ModelProblem(first, table, "系统的审核环节要用决策表 “" + table + "”，但它既不在本次部署中，也未部署过"));
				}
			}
		}
		return problems;
	}

	/**
	 * As the engine's own deployer tells a process model: by the end of its name, dot or
	 * not ({@code x.xbpmn} is deployed as BPMN too), so that no model goes live unchecked
	 * for its name.
	 */
	static boolean isBpmn(String name) {
		return name.endsWith("bpmn") || name.endsWith("bpmn20.xml");
	}

	/** As the engine's decision deployer tells a decision table. */
	static boolean isDmn(String name) {
		return name.endsWith("dmn") || name.endsWith("dmn11.xml");
	}

	private static Optional<BpmnModelInstance> parseBpmn(String name, byte[] bytes, List<ModelProblem> problems) {
		try {
			return Optional.of(Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
		}
		catch (ModelException | IllegalArgumentException e) {
			problems.add(new ModelProblem(name, null, "不是格式正确的 BPMN 2.0 文件：" + reason(e)));
			return Optional.empty();
		}
	}

	private static Optional<DmnModelInstance> parseDmn(String name, byte[] bytes, List<ModelProblem> problems) {
		try {
			return Optional.of(Dmn.readModelFromStream(new ByteArrayInputStream(bytes)));
		}
		catch (ModelException | IllegalArgumentException e) {
			problems.add(new ModelProblem(name, null, "不是格式正确的 DMN 文件：" + reason(e)));
			return Optional.empty();
		}
	}

	private static Optional<String> formKey(String name, byte[] bytes, List<ModelProblem> problems) {
		try {
			JsonNode id = JSON.readTree(bytes).get("id");
			if (id == null || !id.isTextual() || id.asText().isBlank()) {
				problems.add(new ModelProblem(name, null, "表单缺少 id：任务用 camunda:formRef 按 id 引用表单"));
				return Optional.empty();
			}
			return Optional.of(id.asText());
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			problems.add(new ModelProblem(name, null, "不是格式正确的表单（JSON）文件：" + e.getOriginalMessage()));
			return Optional.empty();
		}
		catch (IOException e) {
			problems.add(new ModelProblem(name, null, "无法读取表单文件：" + e.getMessage()));
			return Optional.empty();
		}
	}

	/**
	 * The fields the product reads from the form's tasks stay in it, writable, under
	 * their keys; the conclusion offers only values the review knows.
	 */
	private void checkFieldsRead(String name, String formId, byte[] bytes, List<ModelProblem> problems) {
		Set<String> read = environment.formFieldsRead(formId);
		if (read.isEmpty()) {
			return;
		}
		Map<String, JsonNode> writable = new LinkedHashMap<>();
		try {
			collectWritable(JSON.readTree(bytes).path("components"), writable);
		}
		catch (IOException e) {
			return; // reported by formKey
		}
		List<String> missing = read.stream().filter(k -> !writable.containsKey(k)).sorted().toList();
		if (!missing.isEmpty()) {
			problems.add(new ModelProblem(name, formId, "表单缺少系统要读取的填写项 “" + String.join("”、“", missing)
					+ "”：办理该表单的任务时系统按这些 key 读取填写的内容，删除、改名或设为只读后这些任务将无法办理。请保留这些字段（key 不变，不设为只读）"));
		}
		JsonNode decision = writable.get(ReviewProcesses.DECISION);
		if (decision != null && decision.path("values").isArray()) {
			List<String> unknown = new ArrayList<>();
			decision.path("values").forEach(v -> {
				String value = v.path("value").asText();
				if (!ReviewTaskContract.conclusions(formId).contains(value)) {
					unknown.add(value);
				}
			});
			if (!unknown.isEmpty()) {
				problems.add(new ModelProblem(name, formId, "审核结论（decision）的选项值 “" + String.join("”、“", unknown)
						+ "” 系统不认识：选项值只能是 "
						+ String.join("、", ReviewTaskContract.conclusions(formId).stream().sorted().toList())
						+ "（审核表单为 APPROVE 同意、RETURN 退回补正、REFUSE 不同意，银行审贷为 GRANTED、DECLINED）；选项的显示文字可以修改，但须与选项值的含义一致"));
			}
			List<String> contrary = new ArrayList<>();
			decision.path("values").forEach(v -> {
				String value = v.path("value").asText();
				if (ReviewTaskContract.conclusions(formId).contains(value)
						&& !ReviewTaskContract.wordsAgree(value, v.path("label").asText())) {
					contrary.add("“" + v.path("label").asText() + "”（" + value + "）");
				}
			});
			if (!contrary.isEmpty()) {
				problems.add(new ModelProblem(name, formId,
						"审核结论（decision）选项的显示文字与选项值的含义不一致：" + String.join("、", contrary)
								+ "。审核人按显示文字选择，决定书按显示文字写明审查意见：同意类（APPROVE、GRANTED）的文字不能含“不”“未”“否”“拒”“驳回”“退回”“有误”，"
								+ "不同意类（REFUSE、DECLINED）的文字须含其中之一，退回补正（RETURN）的文字须含“退回”“补正”“补充”或“整改”"));
			}
		}
	}

	/**
	 * Every writable field of a task's form is an input parameter of the task, kept local
	 * to the step: a completion writes it into the step's execution, and one the step
	 * does not hold lands on the case, where a field named as a variable of the case is
	 * refused at every completion ({@code TaskFormGate}). Checked for the review tasks
	 * ({@link ReviewTaskContract#isReviewTask}) of the models deployed, with their forms
	 * as deployed with them or already; and for a form deployed without its model,
	 * against the tasks of the latest deployed models that use it, which take the form at
	 * once.
	 */
	private void checkFieldsKeptLocal(Map<String, BpmnModelInstance> processes, Map<String, byte[]> forms,
			List<ModelProblem> problems) {
		Set<String> processKeys = new LinkedHashSet<>();
		processes.forEach((name, model) -> {
			model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
				.forEach(p -> processKeys.add(p.getId()));
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				String formRef = task.getCamundaFormRef();
				if (formRef == null || formRef.isBlank() || Expressions.isExpression(formRef)
						|| !ReviewTaskContract.isReviewTask(task.getCamundaCandidateGroups())) {
					continue;
				}
				Optional<byte[]> form = forms.containsKey(formRef) ? Optional.of(forms.get(formRef))
						: environment.deployedForm(formRef);
				form.ifPresent(
						bytes -> notLocal(bytes, inputsOf(task))
							.ifPresent(fields -> problems.add(new ModelProblem(name, task.getId(),
									"环节「" + (task.getName() == null ? task.getId() : task.getName()) + "」的表单 “"
											+ formRef + "” 有可填写字段 “" + String.join("”、“", fields) + "”，"
											+ LOCAL_FIX))));
			}
		});
		forms.forEach((formId, bytes) -> {
			for (ModelEnvironment.FormTask task : environment.deployedTasksOfForm(formId)) {
				if (processKeys.contains(task.processKey())) {
					continue; // checked above, as deployed now
				}
				notLocal(bytes, task.inputs()).ifPresent(fields -> problems
					.add(new ModelProblem(formId + ".form", formId, "表单新增或保留的可填写字段 “" + String.join("”、“", fields)
							+ "” 在已部署的环节「" + task.label() + "」中" + LOCAL_FIX + "（表单部署后立即用于所有在办任务，请先部署映射了这些字段的流程模型）")));
			}
		});
	}

	private static final String LOCAL_FIX = "没有设为该环节的局部变量：请在该环节的“输入/输出”中把它们设为输入参数（camunda:inputParameter，不填值），"
			+ "否则办理时填写的值会写入案件的流程变量，与案件已有变量同名的将无法办理";

	/** The writable fields of a form that are not among {@code inputs}, sorted. */
	private static Optional<List<String>> notLocal(byte[] form, Set<String> inputs) {
		Map<String, JsonNode> writable = new LinkedHashMap<>();
		try {
			collectWritable(JSON.readTree(form).path("components"), writable);
		}
		catch (IOException e) {
			return Optional.empty(); // reported where the form is read
		}
		List<String> missing = writable.keySet().stream().filter(k -> !inputs.contains(k)).sorted().toList();
		return missing.isEmpty() ? Optional.empty() : Optional.of(missing);
	}

	/** The names of a user task's input parameters. */
	static Set<String> inputsOf(UserTask task) {
		Set<String> inputs = new LinkedHashSet<>();
		if (task.getExtensionElements() != null) {
			task.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaInputOutput.class)
				.list()
				.forEach(io -> io.getCamundaInputParameters().forEach(p -> inputs.add(p.getCamundaName())));
		}
		return inputs;
	}

	/**
	 * The fields a completion writes under their own key: not read-only or disabled (a
	 * condition such as {@code "=…"} counts as read-only, as it may be), and not inside a
	 * group with a path, whose fields form-js submits under the group's path.
	 */
	private static void collectWritable(JsonNode components, Map<String, JsonNode> into) {
		for (JsonNode c : components) {
			boolean locked = !c.path("readonly").isMissingNode() && !c.path("readonly").isNull()
					&& !(c.path("readonly").isBoolean() && !c.path("readonly").asBoolean())
					|| c.path("disabled").asBoolean(false);
			if (c.hasNonNull("key") && !locked) {
				into.put(c.path("key").asText(), c);
			}
			if (c.path("path").asText("").isBlank()) {
				collectWritable(c.path("components"), into);
			}
		}
	}

	/** The innermost cause, which names the line and what the parser expected. */
	private static String reason(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
	}

}
