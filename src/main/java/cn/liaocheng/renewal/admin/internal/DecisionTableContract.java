package cn.liaocheng.renewal.admin.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Output;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The decision tables the review reads keep the outputs it reads, and answer what it asks
 * with values it can use: a renamed column, a body key that names no city body, or a
 * "true" written as text is not an error to the engine, which quietly leaves the value
 * out, so a joint review would go to fewer bodies, or an expert review would never be
 * held. The routing and expert-review tables are evaluated here over every policy task,
 * kind and factor need, and over amounts on either side of the usual thresholds.
 */
final class DecisionTableContract {

	private static final DmnEngine ENGINE = TableExploration.ENGINE;

	/** The outputs the review reads from each table, by table key. */
	static final Map<String, List<String>> OUTPUTS_READ = Map.of(ReviewProcesses.ROUTING_TABLE, List.of("body"),
			ReviewProcesses.EXPERT_REVIEW_TABLE, List.of("expertReview"), ReviewProcesses.SUBSIDY_AMOUNT_TABLE,
			List.of("rate", "cap"), ReviewProcesses.INTEREST_SUBSIDY_TABLE,
			List.of("points", "maxMonths", "cap", "basis"));

	/**
	 * Amounts asked of the expert-review table: around 0, 100,000, 500,000, 1 and 5
	 * million yuan.
	 */
	private static final List<BigDecimal> AMOUNTS = List.of(new BigDecimal("0"), new BigDecimal("0.01"),
			new BigDecimal("99999.99"), new BigDecimal("100000"), new BigDecimal("100000.01"),
			new BigDecimal("499999.99"), new BigDecimal("500000"), new BigDecimal("500000.01"),
			new BigDecimal("999999.99"), new BigDecimal("1000000"), new BigDecimal("1000000.01"),
			new BigDecimal("5000000"), new BigDecimal("5000000.01"), new BigDecimal("100000000"));

	private final String resource;

	private final Set<String> groups;

	private final List<ModelProblem> problems;

	DecisionTableContract(String resource, Set<String> groups, List<ModelProblem> problems) {
		this.resource = resource;
		this.groups = groups;
		this.problems = problems;
	}

	void check(DmnModelInstance model) {
		for (Map.Entry<String, List<String>> table : OUTPUTS_READ.entrySet()) {
			String key = table.getKey();
			if (model.getModelElementById(key) == null) {
				continue;
			}
			Set<String> outputs = new LinkedHashSet<>();
			model.getModelElementsByType(Output.class).forEach(o -> outputs.add(o.getName()));
			List<String> missing = table.getValue().stream().filter(o -> !outputs.contains(o)).toList();
			if (!missing.isEmpty()) {
				problems.add(new ModelProblem(resource, key, "决策表缺少输出列 “" + String.join("”、“", missing)
						+ "”（输出的“名称”）：系统按这个名称读取结果，改名或删除后该列的结果会被忽略。请把输出名称改回"));
				continue;
			}
			DmnDecision decision;
			try {
				decision = ENGINE.parseDecision(key, model);
			}
			catch (RuntimeException e) {
				problems.add(new ModelProblem(resource, key, "决策表无法解析：" + e.getMessage()));
				continue;
			}
			if (ReviewProcesses.ROUTING_TABLE.equals(key)) {
				checkRouting(key, decision);
			}
			else if (ReviewProcesses.EXPERT_REVIEW_TABLE.equals(key)) {
				checkExpertReview(key, decision);
			}
		}
	}

	/** Every body the table names, for any case, is a city body. */
	private void checkRouting(String key, DmnDecision decision) {
		Set<String> unknown = new LinkedHashSet<>();
		for (PolicyTask task : PolicyTask.values()) {
			for (ApplicationKind kind : ApplicationKind.values()) {
				for (int needs = 0; needs < 8; needs++) {
					VariableMap inputs = Variables.createVariables()
						.putValue(ReviewProcesses.KIND, kind.name())
						.putValue(ReviewProcesses.TABLE_POLICY_TASK, task.number())
						.putValue(ReviewProcesses.TABLE_NEEDS_NEW_LAND, (needs & 1) != 0)
						.putValue(ReviewProcesses.TABLE_NEEDS_ENERGY_USE, (needs & 2) != 0)
						.putValue(ReviewProcesses.TABLE_NEEDS_EMISSION_QUOTA, (needs & 4) != 0);
					List<Object> bodies;
					try {
						bodies = ENGINE.evaluateDecision(decision, inputs).collectEntries("body");
					}
					catch (RuntimeException e) {
						problems.add(new ModelProblem(resource, key,
								"联审单位判定表对重点任务 " + task.number() + "（" + kind.label() + "）无法得出结果：" + e.getMessage()));
						return;
					}
					for (Object body : bodies) {
						if (!(body instanceof String name) || !groups.contains(GroupNames.city(name))) {
							unknown.add(String.valueOf(body));
						}
					}
				}
			}
		}
		if (!unknown.isEmpty()) {
			problems.add(new ModelProblem(resource, key, "联审单位判定表中的联审单位 “" + String.join("”、“", unknown)
					+ "” 没有对应的市级单位组（city-…）：这样的联审任务没有人能看到和办理。请填写市级单位的代码，如 \"finance\"、\"tax\"（带英文双引号）"));
		}
	}

	/** Every amount gets one answer, true or false. */
	private void checkExpertReview(String key, DmnDecision decision) {
		List<String> unanswered = new ArrayList<>();
		for (BigDecimal amount : AMOUNTS) {
			try {
				List<Map<String, Object>> rows = ENGINE
					.evaluateDecision(decision,
							Variables.createVariables().putValue(ReviewProcesses.SUBSIDY_AMOUNT, amount.doubleValue()))
					.getResultList();
				if (rows.size() != 1 || !(rows.get(0).get("expertReview") instanceof Boolean)) {
					unanswered.add(amount.toPlainString());
				}
			}
			catch (RuntimeException e) {
				problems.add(new ModelProblem(resource, key,
						"专家评审判定表对拟奖补金额 " + amount.toPlainString() + " 元无法得出结果：" + e.getMessage()));
				return;
			}
		}
		if (!unanswered.isEmpty()) {
			problems.add(new ModelProblem(resource, key, "专家评审判定表对拟奖补金额 " + String.join("、", unanswered)
					+ " 元没有给出唯一的结论，或结论不是 true 或 false（布尔值，不带引号）：每个金额都须恰好对应一行"));
		}
	}

}
