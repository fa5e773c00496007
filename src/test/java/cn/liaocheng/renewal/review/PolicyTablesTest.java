package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy tables in bpmn/ say, row by row, what 聊工信发〔2024〕37号 and DOMAIN.md say.
 * Expected values are written out here rather than derived from the tables, so a wrong
 * edit in Modeler fails a test.
 */
class PolicyTablesTest {

	private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static final DmnDecision ROUTING = parse("joint-review-routing");

	private static final DmnDecision SUBSIDY_AMOUNT = parse("subsidy-amount");

	private static final DmnDecision EXPERT_REVIEW = parse("subsidy-expert-review");

	private static final DmnDecision INTEREST_SUBSIDY = parse("interest-subsidy");

	/** 三（二）加大财税支持：市财政局、市发展改革委、市工业和信息化局、市税务局. */
	private static final String[] FISCAL_SUPPORT_UNITS = { "finance", "development", "industry", "tax" };

	/** 三（三）强化金融支撑：中国人民银行聊城市分行、国家金融监督管理总局聊城监管分局、市工业和信息化局. */
	private static final String[] FINANCIAL_SUPPORT_UNITS = { "pboc", "nfra", "industry" };

	/** 三（四）加强要素保障：市自然资源和规划局、市生态环境局、市发展改革委、市行政审批服务局. */
	private static final String[] FACTOR_GUARANTEE_UNITS = { "land", "ecology", "development", "approval" };

	/**
	 * Which of the factor-guarantee units each need concerns: land use is natural
	 * resources' and (for the preliminary approvals that a project without new land is
	 * spared) the approval bureau's; energy use is development and reform's
	 * (energy-saving review); emission quotas are ecology's.
	 */
	private static final Map<String, String> FACTOR_BODIES = Map.of("land", "land,approval", "energy", "development",
			"emission", "ecology");

	// --- joint-review-routing
	// ------------------------------------------------------------------------------------

	@ParameterizedTest(name = "task {0} -> {1}")
	@CsvSource({ "1,  'industry'", "2,  'industry'", "3,  'industry,market'", "4,  'industry'", "5,  'industry'",
			"6,  'industry,telecom'", "7,  'industry,development,ecology'", "8,  'industry,development'",
			"9,  'industry,development'", "10, 'industry,emergency'", "11, 'emergency,industry,science'",
			"12, 'industry'", "13, 'industry,science'", "14, 'industry'", "15, 'industry,market'", })
	void aProjectIsReviewedByExactlyTheUnitsTheKeyTaskNames(int task, String units) {
		List<String> bodies = route(task, "PROJECT", false, false, false);

		assertThat(bodies).containsExactlyInAnyOrder(units.split(","));
	}

	@Test
	void aTaskOutsideThePolicyGetsNoTaskUnits() {
		assertThat(route(16, "PROJECT", false, false, false)).isEmpty();
	}

	@ParameterizedTest(name = "task {0}")
	@MethodSource("allTasks")
	void aSubsidyApplicationAddsTheFiscalSupportUnitsOfSectionThreeTwo(int task) {
		assertThat(routeSet(task, "SUBSIDY", false, false, false))
			.isEqualTo(union(routeSet(task, "PROJECT", false, false, false), FISCAL_SUPPORT_UNITS));
	}

	@ParameterizedTest(name = "task {0}")
	@MethodSource("allTasks")
	void aLoanApplicationAddsTheFinancialSupportUnitsOfSectionThreeThree(int task) {
		assertThat(routeSet(task, "LOAN", false, false, false))
			.isEqualTo(union(routeSet(task, "PROJECT", false, false, false), FINANCIAL_SUPPORT_UNITS));
	}

	@ParameterizedTest(name = "task {0}, {1} -> {2}")
	@MethodSource("allTasksTimesFactors")
	void eachFactorAskedForAddsOnlyTheBodyConcernedWithIt(int task, String factor, String concerned) {
		boolean land = factor.equals("land");
		boolean energy = factor.equals("energy");
		boolean emission = factor.equals("emission");

		Set<String> bodies = routeSet(task, "PROJECT", land, energy, emission);

		assertThat(bodies).isEqualTo(union(routeSet(task, "PROJECT", false, false, false), concerned.split(",")));
	}

	@Test
	void theFactorBodiesTogetherAreExactlyTheFactorGuaranteeUnitsOfSectionThreeFour() {
		Set<String> all = new HashSet<>();
		FACTOR_BODIES.values().forEach(bodies -> all.addAll(List.of(bodies.split(","))));

		assertThat(all).containsExactlyInAnyOrder(FACTOR_GUARANTEE_UNITS);
	}

	@ParameterizedTest(name = "task {0}, {1}, land={2}, energy={3}, emission={4}")
	@CsvSource({ "1,  PROJECT, false, false, false, 'industry'",
			"1,  PROJECT, true,  false, false, 'industry,land,approval'",
			"1,  PROJECT, false, true,  false, 'industry,development'",
			"1,  PROJECT, false, false, true,  'industry,ecology'",
			"7,  SUBSIDY, true,  true,  false, 'industry,development,ecology,finance,tax,land,approval'",
			"8,  SUBSIDY, false, true,  true,  'industry,development,finance,tax,ecology'",
			"11, LOAN,    false, false, true,  'emergency,industry,science,pboc,nfra,ecology'",
			"3,  SUBSIDY, true,  true,  true,  'industry,market,finance,development,tax,land,ecology,approval'",
			"6,  LOAN,    true,  true,  true,  'industry,telecom,pboc,nfra,land,ecology,development,approval'",
			"13, PROJECT, false, false, false, 'industry,science'",
			"2,  SUBSIDY, false, false, false, 'industry,finance,development,tax'", })
	void combinationsAddEverySafeguardUnitOnce(int task, String kind, boolean land, boolean energy, boolean emission,
			String units) {
		assertThat(routeSet(task, kind, land, energy, emission)).isEqualTo(Set.of(units.split(",")));
	}

	// --- subsidy-amount
	// ------------------------------------------------------------------------------------------

	@ParameterizedTest(name = "tasks {0} -> {1} up to {2}")
	@CsvSource({ "'4,5,6,7,8,9',    0.10, 3000000", "'10,11',          0.10, 2000000",
			"'13',             0.15, 5000000", "'1,2,3,12,14,15', 0.08, 2000000", })
	void subsidyRateAndCapFollowTheTaskGroup(String tasks, double rate, double cap) {
		for (String task : tasks.split(",")) {
			DmnDecisionRuleResult result = DMN
				.evaluateDecisionTable(SUBSIDY_AMOUNT, Variables.putValue("policyTask", Integer.parseInt(task)))
				.getSingleResult();

			assertThat((Double) result.getEntry("rate")).as("rate for task %s", task).isEqualTo(rate);
			assertThat((Double) result.getEntry("cap")).as("cap for task %s", task).isEqualTo(cap);
		}
	}

	@Test
	void subsidyRatesDoNotAskWhereTheEquipmentWasMade() {
		// Fair-competition review: the plan makes no distinction by origin, so neither
		// may the table.
		assertThat(SUBSIDY_AMOUNT.getDecisionLogic()).isInstanceOf(DmnDecisionTableImpl.class);
		assertThat(((DmnDecisionTableImpl) SUBSIDY_AMOUNT.getDecisionLogic()).getInputs())
			.extracting(input -> input.getExpression().getExpression())
			.containsExactly("policyTask");
	}

	// --- subsidy-expert-review
	// -----------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "0,          false", "999999.99,  false", "1000000,    false", "1000000.01, true",
			"5000000,    true", })
	void expertReviewIsNeededAboveOneMillionYuan(double amount, boolean expected) {
		Boolean expertReview = DMN.evaluateDecisionTable(EXPERT_REVIEW, Variables.putValue("subsidyAmount", amount))
			.getSingleEntry();

		assertThat(expertReview).isEqualTo(expected);
	}

	// --- interest-subsidy
	// ----------------------------------------------------------------------------------------

	@ParameterizedTest(name = "{0}, re-lending={1}, re-lending bank={2}, {3} -> {4} points for up to {5} months")
	@CsvSource({
			// June 2024 notice: equipment-renewal loans refinanced by re-lending from 7
			// March 2024, 1 point a year, at most 2 years; no other kind of loan
			"20240307, true,  true,  FIXED_ASSET,     1.0, 24", "20240724, true,  true,  FIXED_ASSET,     1.0, 24",
			"20240724, true,  true,  WORKING_CAPITAL, 0,   0", "20240306, true,  true,  FIXED_ASSET,     0,   0",
			// July 2024 measures: raised to 1.5 points; January 2025 notice: runs until
			// the quota is used up; technology-innovation loans only from 2026
			"20240725, true,  true,  FIXED_ASSET,     1.5, 24", "20251231, true,  true,  FIXED_ASSET,     1.5, 24",
			"20251231, true,  true,  WORKING_CAPITAL, 0,   0", "20250601, true,  true,  TECH_INNOVATION, 0,   0",
			"20250601, false, true,  FIXED_ASSET,     0,   0", "20250601, true,  false, FIXED_ASSET,     0,   0",
			// January 2026 notice: fixed-asset loans of equipment-renewal projects, and
			// re-lending technology-innovation loans
			"20260101, false, false, FIXED_ASSET,     1.5, 24", "20261231, false, false, FIXED_ASSET,     1.5, 24",
			"20260601, false, false, WORKING_CAPITAL, 0,   0", "20260601, true,  true,  TECH_INNOVATION, 1.5, 24",
			"20260601, false, false, TECH_INNOVATION, 0,   0",
			// runs to 31 December 2026 unless extended
			"20270101, true,  true,  FIXED_ASSET,     0,   0", })
	void theNationalRuleInForceOnTheLoansDateDecides(int loanDate, boolean usedRelending, boolean relendingBank,
			String loanType, double points, int maxMonths) {
		DmnDecisionRuleResult result = DMN
			.evaluateDecisionTable(INTEREST_SUBSIDY,
					Variables.putValue("loanDate", loanDate)
						.putValue("usedRelending", usedRelending)
						.putValue("relendingBank", relendingBank)
						.putValue("loanType", loanType))
			.getFirstResult();

		assertThat((Double) result.getEntry("points")).isEqualTo(points);
		assertThat((Integer) result.getEntry("maxMonths")).isEqualTo(maxMonths);
		assertThat((String) result.getEntry("basis")).isNotBlank().doesNotContain("实施方案");
		if (points > 0) {
			assertThat(result.getEntryMap().get("cap")).as("the national notices set no cap per loan").isNull();
		}
	}

	// --- the engine accepts them
	// ---------------------------------------------------------------------------------

	@Nested
	class InTheProcessEngine {

		@RegisterExtension
		ProcessEngineExtension engineExtension = ProcessEngineExtension.builder()
			.configurationResource("camunda-unit.cfg.xml")
			.build();

		@Test
		@Deployment(resources = { "bpmn/joint-review-routing.dmn", "bpmn/subsidy-amount.dmn",
				"bpmn/subsidy-expert-review.dmn", "bpmn/interest-subsidy.dmn" })
		void allFourTablesDeployAndEvaluate(ProcessEngine engine) {
			List<String> keys = engine.getRepositoryService()
				.createDecisionDefinitionQuery()
				.list()
				.stream()
				.map(DecisionDefinition::getKey)
				.toList();
			assertThat(keys).containsExactlyInAnyOrder("joint-review-routing", "subsidy-amount",
					"subsidy-expert-review", "interest-subsidy");

			List<Object> bodies = engine.getDecisionService()
				.evaluateDecisionTableByKey("joint-review-routing")
				.variables(Variables.putValue("policyTask", 7)
					.putValue("kind", "SUBSIDY")
					.putValue("needsNewLand", false)
					.putValue("needsEnergyUse", false)
					.putValue("needsEmissionQuota", false))
				.evaluate()
				.collectEntries("body");
			// The table collects; duplicates (industry and development named twice) are
			// removed by the caller.
			assertThat(new HashSet<>(bodies)).containsExactlyInAnyOrder("industry", "development", "ecology", "finance",
					"tax");
		}

	}

	// --- helpers
	// -------------------------------------------------------------------------------------------------

	static Stream<Integer> allTasks() {
		return IntStream.rangeClosed(1, 15).boxed();
	}

	static Stream<Arguments> allTasksTimesFactors() {
		return allTasks().flatMap(task -> FACTOR_BODIES.entrySet()
			.stream()
			.map(factor -> Arguments.of(task, factor.getKey(), factor.getValue())));
	}

	private static List<String> route(int task, String kind, boolean land, boolean energy, boolean emission) {
		return DMN
			.evaluateDecisionTable(ROUTING,
					Variables.putValue("policyTask", task)
						.putValue("kind", kind)
						.putValue("needsNewLand", land)
						.putValue("needsEnergyUse", energy)
						.putValue("needsEmissionQuota", emission))
			.collectEntries("body");
	}

	private static Set<String> routeSet(int task, String kind, boolean land, boolean energy, boolean emission) {
		return new HashSet<>(route(task, kind, land, energy, emission));
	}

	private static Set<String> union(Set<String> base, String... more) {
		Set<String> all = new HashSet<>(base);
		all.addAll(Arrays.asList(more));
		return all;
	}

	private static DmnDecision parse(String id) {
		try (InputStream dmn = PolicyTablesTest.class.getClassLoader().getResourceAsStream("bpmn/" + id + ".dmn")) {
			assertThat(dmn).as("classpath resource bpmn/%s.dmn", id).isNotNull();
			return DMN.parseDecision(id, dmn);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
