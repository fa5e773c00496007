package cn.liaocheng.renewal.review.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Which city bodies review a case in parallel: the routing table (an administrator's DMN) answers, duplicates go.
 * The list travels as a comma-separated string, so process variables stay plain; the multi-instance joint review
 * splits it with {@code ${reviewRouting.split(reviewBodies)}}.
 */
@Component("reviewRouting")
public class ReviewRouting {

	private final DecisionService decisions;

	ReviewRouting(DecisionService decisions) {
		this.decisions = decisions;
	}


	String route(String kind, Integer policyTask, boolean newLand, boolean energy, boolean emission) {
		Map<String, Object> inputs = Variables.createVariables()
			.putValue("kind", kind)
			.putValue("policyTask", policyTask)
			.putValue("needsNewLand", newLand)
			.putValue("needsEnergyUse", energy)
			.putValue("needsEmissionQuota", emission);
		List<String> bodies = decisions.evaluateDecisionTableByKey(ReviewProcesses.ROUTING_TABLE, inputs)
			.collectEntries("body");
		LinkedHashSet<String> distinct = new LinkedHashSet<>(bodies);
		if (distinct.isEmpty()) {
			distinct.add("industry"); // the lead body always reviews, whatever an edited table says
		}
		return String.join(",", distinct);
	}

	/** Used by the joint review's multi-instance collection. */
	public List<String> split(String bodies) {
		return bodies == null || bodies.isBlank() ? List.of()
				: Arrays.stream(bodies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
