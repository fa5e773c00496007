package cn.liaocheng.renewal.review.routing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.review.opinions.ReviewOpinions;
import cn.liaocheng.renewal.review.tables.CaseTables;

/**
 * Which city bodies review a case in parallel: the routing table (an administrator's DMN)
 * answers, duplicates go. The list travels as a comma-separated string, so process
 * variables stay plain; the multi-instance joint review splits it with
 * {@code ${reviewRouting.split(reviewBodies)}}.
 */
@Component("reviewRouting")
public class ReviewRouting {

	private final CaseTables tables;

	private final ReviewOpinions opinions;

	private final ApplicationStages stages;

	/**
	 * The city industry bureau, which leads the programme (key of {@code city-industry}).
	 */
	static final String LEAD_BODY = "industry";

	ReviewRouting(CaseTables tables, ReviewOpinions opinions, ApplicationStages stages) {
		this.tables = tables;
		this.opinions = opinions;
		this.stages = stages;
	}

	/**
	 * The bodies that review the case jointly, from its facts as last submitted: a
	 * subsidy or loan by the policy task and factor needs of the registered project it
	 * refers to, plus the bodies its own kind adds; the keys of their city groups
	 * ({@code tax}), comma-separated. For the step that routes the case: the table in
	 * force, whose version is recorded for the case.
	 */
	public String routeFor(long applicationId) {
		return route(applicationId, tables.forStep(applicationId, ReviewProcesses.ROUTING_TABLE));
	}

	/**
	 * The bodies the case's routing step named, from its facts as last submitted, by the
	 * version of the table that step used (an administrator's later change rules the
	 * cases routed after it).
	 */
	public String routedFor(long applicationId) {
		return route(applicationId, tables.asJudged(applicationId, ReviewProcesses.ROUTING_TABLE));
	}

	private String route(long applicationId, CaseTables.Table table) {
		ReviewFacts facts = stages.facts(applicationId);
		Optional<ProjectDossier> project = stages.registeredProject(facts.dossier());
		return route(table, facts.kind().name(), project.map(ProjectDossier::policyTask).orElse(null),
				project.map(ProjectDossier::needsNewLand).orElse(false),
				project.map(ProjectDossier::needsEnergyUse).orElse(false),
				project.map(ProjectDossier::needsEmissionQuota).orElse(false));
	}

	static String route(CaseTables.Table table, String kind, Integer policyTask, boolean newLand, boolean energy,
			boolean emission) {
		Map<String, Object> inputs = Variables.createVariables()
			.putValue(ReviewProcesses.KIND, kind)
			.putValue(ReviewProcesses.TABLE_POLICY_TASK, policyTask)
			.putValue(ReviewProcesses.TABLE_NEEDS_NEW_LAND, newLand)
			.putValue(ReviewProcesses.TABLE_NEEDS_ENERGY_USE, energy)
			.putValue(ReviewProcesses.TABLE_NEEDS_EMISSION_QUOTA, emission);
		List<String> bodies = table.evaluate(inputs).collectEntries("body");
		LinkedHashSet<String> distinct = new LinkedHashSet<>(bodies);
		// The lead body always reviews, whatever an edited table says (the shipped table
		// names it for every policy task and kind).
		distinct.add(LEAD_BODY);
		return String.join(",", distinct);
	}

	/**
	 * The bodies of a joint-review round ({@code reviewBodies}) whose latest opinion
	 * returned the case for correction, in the round's order: only they review again
	 * after the correction. Empty when the round is done.
	 */
	List<String> returnedBy(long applicationId, String reviewBodies) {
		Map<String, String> latest = new LinkedHashMap<>();
		for (Opinion o : opinions.standing(applicationId)) {
			if (ReviewProcesses.TASK_JOINT_REVIEW.equals(o.step())) {
				latest.put(o.bodyGroup().replaceFirst("^city-", ""), o.decision());
			}
		}
		return split(reviewBodies).stream().filter(b -> ReviewProcesses.RETURN.equals(latest.get(b))).toList();
	}

	/**
	 * The bodies of the round after a correction that changed what the dossier states:
	 * every body the case was routed to and every body that gave a joint-review opinion
	 * on it (one added as a co-signer too), since their opinions speak for the dossier as
	 * it was; in the routing's order, then in the order of their opinions.
	 */
	String everyBodyOf(long applicationId) {
		LinkedHashSet<String> bodies = new LinkedHashSet<>(split(routedFor(applicationId)));
		for (Opinion o : opinions.standing(applicationId)) {
			if (ReviewProcesses.TASK_JOINT_REVIEW.equals(o.step())) {
				bodies.add(o.bodyGroup().replaceFirst("^city-", ""));
			}
		}
		return String.join(",", bodies);
	}

	/**
	 * The banks a listed loan is pushed to, one parallel review each: the keys its
	 * dossier names as last submitted, the case taken from the business key. Not kept as
	 * a variable of the case: every task of the case reads those, a bank's own through
	 * Tasklist and the engine's API, and no bank is to learn which others compete for the
	 * loan. The bank reviews' multi-instance collection,
	 * {@code ${reviewRouting.banks(execution.processBusinessKey)}}; empty for a case that
	 * is not a loan.
	 */
	public List<String> banks(String businessKey) {
		return stages.facts(Long.parseLong(businessKey)).dossier() instanceof LoanDossier loan ? loan.bankKeys()
				: List.of();
	}

	/** Used by the joint review's multi-instance collection. */
	public List<String> split(String bodies) {
		return bodies == null || bodies.isBlank() ? List.of()
				: Arrays.stream(bodies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
