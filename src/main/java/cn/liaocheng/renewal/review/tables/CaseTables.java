package cn.liaocheng.renewal.review.tables;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluates an administrator's decision table for a case. {@link #forStep} takes the
 * latest version and records it for the case ({@code case_rule_table}, one row a table,
 * the last step's); {@link #asJudged} evaluates the version recorded, or the latest for a
 * case no step has judged by that table yet (and for one whose recorded version has since
 * been deleted); {@link #latest} serves what concerns no case (an estimate shown to an
 * enterprise before it submits).
 */
@Component
public class CaseTables {

	/** One table's answer to a set of inputs. */
	@FunctionalInterface
	public interface Table {

		DmnDecisionResult evaluate(Map<String, Object> inputs);

	}

	private final DecisionService decisions;

	private final RepositoryService repository;

	private final JdbcClient jdbc;

	public CaseTables(DecisionService decisions, RepositoryService repository, JdbcClient jdbc) {
		this.decisions = decisions;
		this.repository = repository;
		this.jdbc = jdbc;
	}

	/**
	 * The table in force, for a step of the case's process that decides by it; the
	 * version is recorded when the step evaluates it, in the step's transaction.
	 */
	public Table forStep(long applicationId, String tableKey) {
		return inputs -> {
			DecisionDefinition latest = latestDefinition(tableKey)
				.orElseThrow(() -> new IllegalStateException("决策表 " + tableKey + " 未部署"));
			DmnDecisionResult result = decisions.evaluateDecisionById(latest.getId()).variables(inputs).evaluate();
			record(applicationId, tableKey, latest.getId());
			return result;
		};
	}

	/** The version the case's step was decided by; the latest when none is recorded. */
	public Table asJudged(long applicationId, String tableKey) {
		return inputs -> {
			Optional<String> recorded = recorded(applicationId, tableKey)
				.filter(id -> repository.createDecisionDefinitionQuery().decisionDefinitionId(id).count() > 0);
			return recorded.isPresent() ? decisions.evaluateDecisionById(recorded.get()).variables(inputs).evaluate()
					: decisions.evaluateDecisionByKey(tableKey).variables(inputs).evaluate();
		};
	}

	/** The latest deployed version of the table, if it is deployed. */
	public Optional<DecisionDefinition> latestDefinition(String tableKey) {
		return Optional.ofNullable(repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(tableKey)
			.latestVersion()
			.singleResult());
	}

	/** The latest version, for what concerns no case's step. */
	public Table latest(String tableKey) {
		return inputs -> decisions.evaluateDecisionByKey(tableKey).variables(inputs).evaluate();
	}

	/** The id of the version recorded for the case's step that used the table. */
	public Optional<String> recorded(long applicationId, String tableKey) {
		return jdbc.sql("SELECT decision_definition_id FROM case_rule_table WHERE application_id = ? AND table_key = ?")
			.params(applicationId, tableKey)
			.query(String.class)
			.optional();
	}

	private void record(long applicationId, String tableKey, String definitionId) {
		Timestamp now = Timestamp.from(Instant.now());
		int updated = jdbc
			.sql("UPDATE case_rule_table SET decision_definition_id = ?, used_at = ? WHERE application_id = ?"
					+ " AND table_key = ?")
			.params(definitionId, now, applicationId, tableKey)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO case_rule_table (application_id, table_key, decision_definition_id, used_at)"
					+ " VALUES (?, ?, ?, ?)")
				.params(applicationId, tableKey, definitionId, now)
				.update();
		}
	}

}
