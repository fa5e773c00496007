package cn.liaocheng.renewal.review.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.review.tables.CaseTables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.liaocheng.renewal.application.Dossier.EquipmentLine;
import cn.liaocheng.renewal.application.Dossier.Origin;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.LoanGrant.LoanType;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.review.TrancheRules;

/**
 * The subsidy and interest-subsidy arithmetic on the administrators' tables, figures
 * worked out by hand.
 */
@Deployment(resources = { "bpmn/subsidy-amount.dmn", "bpmn/subsidy-expert-review.dmn", "bpmn/interest-subsidy.dmn" })
class SubsidyArithmeticTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-unit.cfg.xml")
		.build();

	private SubsidyRules rules;

	private SubsidyCalculator calculator;

	@BeforeEach
	void rulesOn(ProcessEngine processEngine) {
		rules = new SubsidyRules(processEngine.getDecisionService(), processEngine.getRepositoryService(),
				new CaseTables(processEngine.getDecisionService(), processEngine.getRepositoryService(), null));
		calculator = new SubsidyCalculator(rules, null);
	}

	@ParameterizedTest(name = "{0} months -> {1} yuan")
	@CsvSource({ "6,  7500.00", // 1 000 000 × 1.5% × 6/12
			"12, 15000.00", // × 12/12: a one-year loan gets one year, not two
			"24, 30000.00", // × 24/12
			"36, 30000.00", // the rule's two years at most
	})
	void interestSubsidyCountsTheLoansTermUpToTheRulesLongestPeriod(int termMonths, String expected) {
		SubsidyRules.InterestSubsidy subsidy = rules.interestSubsidy(
				grant("1000000.00", termMonths, LocalDate.of(2026, 3, 16), LoanType.FIXED_ASSET, false), false);

		assertThat(subsidy.amount()).isEqualByComparingTo(expected);
		assertThat(subsidy.months()).isEqualTo(Math.min(termMonths, 24));
		assertThat(subsidy.basis()).contains("关于优化实施设备更新贷款财政贴息政策的通知");
	}

	@Test
	void aLoanOfJune2024IsSubsidisedAtOnePointAndOneOfAugust2024AtOnePointFive() {
		SubsidyRules.InterestSubsidy june = rules
			.interestSubsidy(grant("1000000.00", 24, LocalDate.of(2024, 6, 20), LoanType.FIXED_ASSET, true), true);
		SubsidyRules.InterestSubsidy august = rules
			.interestSubsidy(grant("1000000.00", 24, LocalDate.of(2024, 8, 20), LoanType.FIXED_ASSET, true), true);

		assertThat(june.amount()).isEqualByComparingTo("20000.00");
		assertThat(august.amount()).isEqualByComparingTo("30000.00");
	}

	@Test
	void aLoanOf2025WithoutReLendingOrFromALocalBankGetsNothing() {
		LocalDate date = LocalDate.of(2025, 5, 8);
		assertThat(rules.interestSubsidy(grant("1000000.00", 24, date, LoanType.FIXED_ASSET, false), true).granted())
			.isFalse();
		assertThat(rules.interestSubsidy(grant("1000000.00", 24, date, LoanType.FIXED_ASSET, true), false).granted())
			.isFalse();
	}

	/**
	 * Before 2026 the notices subsidised equipment-renewal loans refinanced by
	 * re-lending: a technology-innovation or working-capital loan of 2025 gets nothing,
	 * even with re-lending funds; technology-innovation loans count from 2026.
	 */
	@Test
	void aLoanOf2025OtherThanAnEquipmentLoanGetsNothing() {
		LocalDate date = LocalDate.of(2025, 6, 1);
		assertThat(rules.interestSubsidy(grant("1000000.00", 24, date, LoanType.TECH_INNOVATION, true), true).granted())
			.isFalse();
		assertThat(rules.interestSubsidy(grant("1000000.00", 24, date, LoanType.WORKING_CAPITAL, true), true).granted())
			.isFalse();
		assertThat(rules.interestSubsidy(grant("1000000.00", 24, date, LoanType.FIXED_ASSET, true), true).amount())
			.isEqualByComparingTo("30000.00");
	}

	@Test
	void theNoticesSetNoCapPerLoanButTheTableMayStateOne(ProcessEngine processEngine) throws Exception {
		LoanGrant large = grant("80000000.00", 24, LocalDate.of(2026, 3, 16), LoanType.FIXED_ASSET, false);
		SubsidyRules.InterestSubsidy uncapped = rules.interestSubsidy(large, false);
		assertThat(uncapped.amount()).isEqualByComparingTo("2400000.00");
		assertThat(uncapped.cap()).isNull();

		String changed = shippedTable().replaceFirst(
				"(<outputEntry id=\"LiteralExpression_FixedAsset2026_Cap\">\\s*<text>)(</text>)", "$12000000$2");
		assertThat(changed).isNotEqualTo(shippedTable());
		RepositoryService repository = processEngine.getRepositoryService();
		String deployment = repository.createDeployment().addString("interest-subsidy.dmn", changed).deploy().getId();
		try {
			SubsidyRules.InterestSubsidy capped = rules.interestSubsidy(large, false);
			assertThat(capped.amount()).isEqualByComparingTo("2000000.00");
			assertThat(capped.cap()).isEqualByComparingTo("2000000.00");
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

	private String shippedTable() throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/interest-subsidy.dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void theSubsidyIsComputedLineByLineAtOneRateWhateverTheOrigin() {
		SubsidyCalculator.Calculation calculation = calculator.calculate(7,
				List.of(line("数控机床", Origin.DOMESTIC, 2, "150000.00", "300000.00"),
						line("进口检测仪", Origin.IMPORTED, 1, "80000.00", null)));

		// task 7: 10%; 300 000 × 10% + 80 000 × 10%
		assertThat(calculation.rate()).isEqualByComparingTo("0.10");
		assertThat(calculation.lines()).extracting(SubsidyCalculator.Line::subsidy)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("30000.00"), new BigDecimal("8000.00"));
		assertThat(calculation.amount()).isEqualByComparingTo("38000.00");
		assertThat(calculation.capped()).isFalse();
		assertThat(rules.needsExpertReview(calculation.amount())).isFalse();
	}

	@Test
	void theProjectCapLimitsTheSumOfTheLinesAndABigSubsidyGoesToExperts() {
		SubsidyCalculator.Calculation calculation = calculator.calculate(13,
				List.of(line("首台套试验台", Origin.DOMESTIC, 1, "40000000.00", "40000000.00")));

		// task 13: 15% of 40 000 000 = 6 000 000, capped at 5 000 000
		assertThat(calculation.sumOfLines()).isEqualByComparingTo("6000000.00");
		assertThat(calculation.amount()).isEqualByComparingTo("5000000.00");
		assertThat(calculation.capped()).isTrue();
		assertThat(rules.needsExpertReview(calculation.amount())).isTrue();
	}

	/**
	 * The interest table reads an empty cap as none; the subsidy table, which
	 * administrators edit the same way, must not read it as a cap of nothing and award 零元
	 * to every project of the task.
	 */
	@Test
	void anEmptyProjectCapIsNoCapNotASubsidyOfNothing(ProcessEngine processEngine) throws Exception {
		String shipped = resource("bpmn/subsidy-amount.dmn");
		String changed = shipped
			.replaceFirst("(<outputEntry id=\"LiteralExpression_Tasks04To09_Cap\">\\s*<text>)3000000(</text>)", "$1$2");
		assertThat(changed).isNotEqualTo(shipped);
		String deployment = deploy(processEngine, "subsidy-amount.dmn", changed);
		try {
			SubsidyCalculator.Calculation calculation = calculator.calculate(7,
					List.of(line("数控机床", Origin.DOMESTIC, 2, "150000.00", "300000.00")));

			assertThat(calculation.amount()).isEqualByComparingTo("30000.00");
			assertThat(calculation.capped()).isFalse();
		}
		finally {
			processEngine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	/**
	 * A task the table has no rate for is a gap in the table, not a finding that the
	 * project earns nothing: the computation stops (an incident the administrators see)
	 * rather than record 零元 for the public notice and the allocation decision.
	 */
	@Test
	void aTaskWithoutARateInTheTableIsNotComputedAsNothing(ProcessEngine processEngine) throws Exception {
		String shipped = resource("bpmn/subsidy-amount.dmn");
		String changed = shipped.replaceFirst("<text>1,2,3,12,14,15</text>", "<text>1,2,3,14,15</text>");
		assertThat(changed).isNotEqualTo(shipped);
		String deployment = deploy(processEngine, "subsidy-amount.dmn", changed);
		try {
			List<EquipmentLine> lines = List.of(line("数控机床", Origin.DOMESTIC, 1, "100000.00", "100000.00"));

			assertThatThrownBy(() -> calculator.calculate(12, lines)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("subsidy-amount")
				.hasMessageContaining("12");
		}
		finally {
			processEngine.getRepositoryService().deleteDeployment(deployment, true);
		}
	}

	private String resource(String name) throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String deploy(ProcessEngine processEngine, String name, String xml) {
		return processEngine.getRepositoryService().createDeployment().addString(name, xml).deploy().getId();
	}

	@Test
	void theConditionsOfTheDayAreReadFromTheTable() {
		SubsidyRules.InterestConditions of2026 = rules.interestConditionsOn(LocalDate.of(2026, 3, 16));
		assertThat(of2026.requirement()).isEqualTo("须为固定资产贷款，或由再贷款发放机构使用再贷款资金发放的科技创新贷款");
		assertThat(of2026.bases()).containsExactly("《关于优化实施设备更新贷款财政贴息政策的通知》（2026年1月）");

		SubsidyRules.InterestConditions of2025 = rules.interestConditionsOn(LocalDate.of(2025, 5, 8));
		assertThat(of2025.requirement()).isEqualTo("须为由再贷款发放机构使用再贷款资金发放的固定资产贷款");
		assertThat(of2025.bases()).singleElement().asString().contains("关于加力支持大规模设备更新和消费品以旧换新的若干措施");

		SubsidyRules.InterestConditions of2023 = rules.interestConditionsOn(LocalDate.of(2023, 12, 1));
		assertThat(of2023.anyRuleInForce()).isFalse();
		assertThat(of2023.requirement()).isEmpty();
	}

	@Test
	void anAdministratorsChangeToTheTableChangesTheConditionsStated(ProcessEngine processEngine) throws Exception {
		String shipped;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/interest-subsidy.dmn")) {
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// The 2026 row for fixed-asset loans now asks for re-lending funds too.
		String changed = shipped.replaceFirst(
				"(<inputEntry id=\"UnaryTests_FixedAsset2026_UsedRelending\">\\s*<text>)-(</text>)", "$1true$2");
		assertThat(changed).isNotEqualTo(shipped);
		RepositoryService repository = processEngine.getRepositoryService();
		String deployment = repository.createDeployment().addString("interest-subsidy.dmn", changed).deploy().getId();
		try {
			assertThat(rules.interestConditionsOn(LocalDate.of(2026, 3, 16)).requirement())
				.isEqualTo("须为使用再贷款资金发放的固定资产贷款，或由再贷款发放机构使用再贷款资金发放的科技创新贷款");
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

	@Test
	void aTrancheIsSubsidisedUnderTheRuleInForceOnItsOwnDay() {
		LoanGrant june = grant("5000000.00", 36, LocalDate.of(2024, 6, 20), LoanType.FIXED_ASSET, true);

		assertThat(rules.trancheRule(june, true, LocalDate.of(2024, 7, 24)).points()).isEqualByComparingTo("1.0");
		TrancheRules.TrancheRule raised = rules.trancheRule(june, true, LocalDate.of(2024, 7, 25));
		assertThat(raised.points()).isEqualByComparingTo("1.5");
		assertThat(raised.months()).isEqualTo(24);
		assertThat(raised.basis()).contains("关于加力支持大规模设备更新和消费品以旧换新的若干措施");
		assertThat(raised.finding()).isNull();
	}

	@Test
	void aTranchePaidOutWhenNoRuleIsInForceGetsNothingAndSaysWhy() {
		LoanGrant fixedAsset = grant("5000000.00", 36, LocalDate.of(2026, 3, 16), LoanType.FIXED_ASSET, false);
		LoanGrant techInnovation = grant("5000000.00", 36, LocalDate.of(2026, 3, 16), LoanType.TECH_INNOVATION, false);

		assertThat(rules.trancheRule(fixedAsset, false, LocalDate.of(2026, 12, 31)).subsidises()).isTrue();
		TrancheRules.TrancheRule before = rules.trancheRule(fixedAsset, true, LocalDate.of(2024, 3, 6));
		assertThat(before.subsidises()).isFalse();
		assertThat(before.finding()).isEqualTo("不在贴息政策期限内");
		assertThat(before.pending()).isFalse();
		// After the last rule the table knows, the policy may still be extended (the 2026
		// notice says so): no rule yet, not outside the policy for good.
		TrancheRules.TrancheRule after = rules.trancheRule(fixedAsset, false, LocalDate.of(2027, 1, 15));
		assertThat(after.subsidises()).isFalse();
		assertThat(after.finding()).isEqualTo("放款日暂无适用的贴息政策");
		assertThat(after.pending()).isTrue();
		// A rule is in force, but the loan does not meet it on that day.
		assertThat(rules.trancheRule(techInnovation, false, LocalDate.of(2026, 5, 1)).finding())
			.isEqualTo("不符合放款日适用的贴息政策条件");
	}

	@Test
	void theLastRuleDayIsTheLatestDayAGrantingRowNames() {
		assertThat(rules.lastRuleDay()).contains(LocalDate.of(2026, 12, 31));
	}

	private static LoanGrant grant(String amount, int termMonths, LocalDate date, LoanType type, boolean relending) {
		return new LoanGrant(new BigDecimal(amount), new BigDecimal("3.10"), termMonths, date, type, relending);
	}

	private static EquipmentLine line(String name, Origin origin, int quantity, String unitPrice, String invoiced) {
		return new Dossier.EquipmentLine(name, "型号", quantity, new BigDecimal(unitPrice), origin, null, null, null,
				"INV-" + name, LocalDate.of(2026, 2, 1), invoiced == null ? null : new BigDecimal(invoiced));
	}

}
