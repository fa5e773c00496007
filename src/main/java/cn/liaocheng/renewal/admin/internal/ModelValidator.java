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
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.review.ReviewProcesses;

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
				formKey(name, bytes, problems).ifPresent(formKeys::add);
			}
		});
		DeploymentContents contents = new DeploymentContents(resources.keySet(), formKeys, decisionKeys);
		processes.forEach((name, model) -> new BpmnRules(name, environment, contents, problems).check(model));
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

	/** The innermost cause, which names the line and what the parser expected. */
	private static String reason(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
	}

}
