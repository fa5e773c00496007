package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The checks' DMN engine answers exactly as Camunda's own does, over every case the
 * checks ask the shipped tables, and keeps nothing whose answer could depend on anything
 * but the value asked about.
 */
class TableExplorationTest {

	private static final DmnEngine CAMUNDA = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	@Test
	void theRoutingTableGivesTheSameBodiesForEveryCaseTheCheckAsks() throws IOException {
		List<VariableMap> cases = new ArrayList<>();
		for (PolicyTask task : PolicyTask.values()) {
			for (ApplicationKind kind : ApplicationKind.values()) {
				for (int needs = 0; needs < 8; needs++) {
					cases.add(Variables.createVariables()
						.putValue(ReviewProcesses.KIND, kind.name())
						.putValue(ReviewProcesses.TABLE_POLICY_TASK, task.number())
						.putValue(ReviewProcesses.TABLE_NEEDS_NEW_LAND, (needs & 1) != 0)
						.putValue(ReviewProcesses.TABLE_NEEDS_ENERGY_USE, (needs & 2) != 0)
						.putValue(ReviewProcesses.TABLE_NEEDS_EMISSION_QUOTA, (needs & 4) != 0));
				}
			}
		}
		List<List<Map<String, Object>>> answers = sameAnswers("bpmn/joint-review-routing.dmn",
				ReviewProcesses.ROUTING_TABLE, cases);
		// Not an empty agreement: task 7 goes to several bodies, and every task to some.
		assertThat(answers).allSatisfy(rows -> assertThat(rows).isNotEmpty());
		assertThat(answers.stream().mapToInt(List::size).max().orElse(0)).isGreaterThan(2);
	}

	@Test
	void theSubsidyAndExpertReviewTablesGiveTheSameRowsForEveryCaseTheChecksAsk() throws IOException {
		List<VariableMap> tasks = new ArrayList<>();
		for (int task = 0; task <= PolicyTask.values().length + 1; task++) {
			tasks.add(Variables.createVariables().putValue(ReviewProcesses.TABLE_POLICY_TASK, task));
		}
		sameAnswers("bpmn/subsidy-amount.dmn", ReviewProcesses.SUBSIDY_AMOUNT_TABLE, tasks);
		List<VariableMap> amounts = new ArrayList<>();
		for (double amount : new double[] { 0, 0.01, 999_999.99, 1_000_000, 1_000_000.01, 5_000_000, 1e8 }) {
			amounts.add(Variables.createVariables().putValue(ReviewProcesses.SUBSIDY_AMOUNT, amount));
		}
		List<List<Map<String, Object>>> answers = sameAnswers("bpmn/subsidy-expert-review.dmn",
				ReviewProcesses.EXPERT_REVIEW_TABLE, amounts);
		assertThat(answers.get(3)).containsExactly(Map.of("expertReview", false));
		assertThat(answers.get(4)).containsExactly(Map.of("expertReview", true));
	}

	/** Each case asked of both engines, twice of the checks' one (its kept answers). */
	private static List<List<Map<String, Object>>> sameAnswers(String file, String key, List<VariableMap> cases)
			throws IOException {
		DmnDecision camunda;
		DmnDecision explored;
		try (InputStream a = new FileInputStream(file); InputStream b = new FileInputStream(file)) {
			camunda = CAMUNDA.parseDecision(key, a);
			explored = TableExploration.ENGINE.parseDecision(key, b);
		}
		List<List<Map<String, Object>>> answers = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			for (VariableMap inputs : cases) {
				List<Map<String, Object>> expected = CAMUNDA.evaluateDecisionTable(camunda, inputs).getResultList();
				assertThat(TableExploration.ENGINE.evaluateDecisionTable(explored, inputs).getResultList())
					.as("%s for %s", key, inputs)
					.isEqualTo(expected);
				if (round == 0) {
					answers.add(expected);
				}
			}
		}
		return answers;
	}

	@Test
	void aCellThatNamesAnotherVariableIsEvaluatedEveryTime() {
		DmnDecision table = table("< limit", "policyTask");
		assertThat(matches(table, 7, 5)).isFalse();
		assertThat(matches(table, 7, 10)).isTrue();
		assertThat(matches(table, 7, 5)).isFalse();
	}

	@Test
	void anInputExpressionThatIsMoreThanANameIsEvaluatedEveryTime() {
		DmnDecision table = table("7", "policyTask + limit - limit");
		assertThat(matches(table, 7, 5)).isTrue();
		assertThat(matches(table, 8, 5)).isFalse();
		assertThat(matches(table, 7, 10)).isTrue();
	}

	@Test
	void aLiteralCellIsAskedAboutEachValueApart() {
		DmnDecision table = table("[1..5], 9", "policyTask");
		assertThat(matches(table, 3, 0)).isTrue();
		assertThat(matches(table, 6, 0)).isFalse();
		assertThat(matches(table, 9, 0)).isTrue();
		assertThat(matches(table, 3, 0)).isTrue();
		assertThat(matches(table, 6, 0)).isFalse();
	}

	@Test
	void aLiteralCellAndAPlainNameAreEvaluatedOncePerValueAndOtherCellsEveryTime() {
		CountingFeel feel = new CountingFeel();
		DmnEngine engine = engineOver(feel);
		DmnDecision literal = table(engine, "[1..5], 9", "policyTask");
		for (int round = 0; round < 3; round++) {
			matches(engine, literal, 3, 0);
			matches(engine, literal, 6, 0);
		}
		// The cell, its input expression and its output, each once per policy task asked.
		assertThat(feel.tests).isEqualTo(2);
		assertThat(feel.expressions).isEqualTo(2 + 1);

		feel.reset();
		DmnDecision named = table(engine, "< limit", "policyTask");
		for (int round = 0; round < 3; round++) {
			matches(engine, named, 3, 5);
		}
		assertThat(feel.tests).isEqualTo(3);
	}

	@Test
	void aFailingCellIsEvaluatedAgainEachTime() {
		CountingFeel feel = new CountingFeel();
		DmnEngine engine = engineOver(feel);
		DmnDecision table = table(engine, "[1..", "policyTask");
		assertThatThrownBy(() -> matches(engine, table, 3, 0)).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(() -> matches(engine, table, 3, 0)).isInstanceOf(RuntimeException.class);
		assertThat(feel.tests).isEqualTo(2);
	}

	/** Camunda's FEEL engine, counting what it is asked. */
	private static final class CountingFeel implements FeelEngine {

		private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

		int tests;

		int expressions;

		void reset() {
			tests = 0;
			expressions = 0;
		}

		@Override
		public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
			expressions++;
			return feel.evaluateSimpleExpression(expression, variables);
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
			tests++;
			return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
		}

	}

	private static DmnEngine engineOver(FeelEngine counted) {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.setFeelEngineFactory(() -> new TableExploration.KeptAnswers(counted));
		return configuration.buildEngine();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1,2,4,5,12,14", "\"LOAN\"", "-", "", "[1..5]", "not(3)", "< 1000000", "true",
			"\"a \\\" b, policyTask\"", "\"联审\"", "null", "1.5, -2" })
	void literalCellsAreKept(String cell) {
		assertThat(TableExploration.KeptAnswers.isLiteral(cell)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "policyTask", "> limit", "?", "date(\"2026-01-01\")", "\"x\", y", "今天", "not(x)",
			"\"unclosed, policyTask", "count([1,2]) > 1", "nottrue", "not", "1, not", "not(not)" })
	void cellsThatNameAnythingAreNot(String cell) {
		assertThat(TableExploration.KeptAnswers.isLiteral(cell)).isFalse();
	}

	@Test
	void onlyPlainNamesAreNames() {
		assertThat(TableExploration.KeptAnswers.isName("policyTask")).isTrue();
		assertThat(TableExploration.KeptAnswers.isName(" needsNewLand ")).isTrue();
		assertThat(TableExploration.KeptAnswers.isName("null")).isFalse();
		assertThat(TableExploration.KeptAnswers.isName("a.b")).isFalse();
		assertThat(TableExploration.KeptAnswers.isName("f()")).isFalse();
		assertThat(TableExploration.KeptAnswers.isName("policyTask + 1")).isFalse();
	}

	/** A one-rule table: input {@code expression}, cell {@code cell}, output "yes". */
	private static DmnDecision table(String cell, String expression) {
		return table(TableExploration.ENGINE, cell, expression);
	}

	private static DmnDecision table(DmnEngine engine, String cell, String expression) {
		String dmn = """
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
				  <decision id="t" name="t">
				    <decisionTable id="dt" hitPolicy="COLLECT">
				      <input id="i"><inputExpression id="ie" typeRef="integer"><text>%s</text></inputExpression></input>
				      <output id="o" name="answer" typeRef="string"/>
				      <rule id="r"><inputEntry id="e"><text>%s</text></inputEntry>
				        <outputEntry id="oe"><text>"yes"</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>""".formatted(escape(expression), escape(cell));
		return engine.parseDecision("t", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static boolean matches(DmnDecision table, int policyTask, int limit) {
		return matches(TableExploration.ENGINE, table, policyTask, limit);
	}

	private static boolean matches(DmnEngine engine, DmnDecision table, int policyTask, int limit) {
		return !engine
			.evaluateDecisionTable(table,
					Variables.createVariables().putValue("policyTask", policyTask).putValue("limit", limit))
			.getResultList()
			.isEmpty();
	}

}
