package cn.liaocheng.renewal.admin.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;

import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The subsidy table must give a rate for every key task: a claim whose task has none
 * cannot be computed (the step stops as an incident), so an edit that leaves a task out
 * is refused when it is deployed, not found on a claim days later.
 */
final class SubsidyTableCoverage {

	private static final DmnEngine ENGINE = TableExploration.ENGINE;

	private SubsidyTableCoverage() {
	}

	static void check(String resource, DmnModelInstance model, List<ModelProblem> problems) {
		String key = ReviewProcesses.SUBSIDY_AMOUNT_TABLE;
		if (model.getModelElementById(key) == null) {
			return;
		}
		DmnDecision decision;
		try {
			decision = ENGINE.parseDecision(key, model);
		}
		catch (RuntimeException e) {
			problems.add(new ModelProblem(resource, key, "奖补比例表无法解析：" + e.getMessage()));
			return;
		}
		List<String> missing = new ArrayList<>();
		for (PolicyTask task : PolicyTask.values()) {
			try {
				DmnDecisionRuleResult row = ENGINE
					.evaluateDecisionTable(decision,
							Variables.createVariables().putValue(ReviewProcesses.TABLE_POLICY_TASK, task.number()))
					.getSingleResult();
				if (row == null || row.get("rate") == null) {
					missing.add(Integer.toString(task.number()));
				}
			}
			catch (RuntimeException e) {
				problems
					.add(new ModelProblem(resource, key, "奖补比例表对重点任务 " + task.number() + " 的结果无法确定：" + e.getMessage()));
			}
		}
		if (!missing.isEmpty()) {
			problems.add(new ModelProblem(resource, key, "奖补比例表没有重点任务 " + String.join("、", missing)
					+ " 的奖补比例，这些任务的奖补申请将无法核定金额：请为重点任务 1–15 都填写比例（单个项目上限可以留空，表示不设上限）"));
		}
	}

}
