package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.ledger.internal.GrantedLoan;
import cn.liaocheng.renewal.ledger.internal.LedgerAccrual;
import cn.liaocheng.renewal.ledger.internal.LedgerPayments;
import cn.liaocheng.renewal.ledger.internal.LedgerRow;
import cn.liaocheng.renewal.ledger.internal.LoanBook;
import cn.liaocheng.renewal.ledger.internal.LoanEventType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A loan paid out in tranches: each tranche accrues under the national interest-subsidy
 * rule in force on its own disbursement day, not under the rule of the loan's first day,
 * and the ledger and the payment notice state the rate applied to each.
 */
@WebIntegrationTest
class LoanLedgerTranchesTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	@Autowired
	LoanBook book;

	@Autowired
	LedgerAccrual accrual;

	@Autowired
	LedgerPayments payments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	LoanLedgerTranchesTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aTranchePaidOutAfterTheRateWasRaisedAccruesAtTheRaisedRateAndItsNoticeStatesBothRates() {
		Case loan = review.listedLoan("icbc");
		// Disbursed on 20 June 2024, before the July 2024 measures: 1 point a year.
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-LC-2024-0620");
		disburse(loan, "2024-09-01", "1200000", "ICBC-LC-2024-0901");

		accrual.accrueAll(LocalDate.of(2024, 10, 1));

		List<LedgerRow> rows = rows(loan);
		// June to August the first tranche alone, 1,200,000 × 1% ÷ 360 a day: 11 days →
		// 366.67, 31 days → 1,033.33. September: 30 × 1,200,000 at 1 point (1,000.00) and
		// the tranche of 1 September, paid out under the raised rule, 30 × 1,200,000 at
		// 1.5 points (1,500.00).
		assertThat(rows).extracting(LedgerRow::periodLabel).containsExactly("2024-06", "2024-07", "2024-08", "2024-09");
		assertThat(rows).extracting(r -> r.amount().toPlainString())
			.containsExactly("366.67", "1033.33", "1033.33", "2500.00");
		LedgerRow september = rows.get(3);
		assertThat(september.balanceBasis()).isEqualByComparingTo("72000000");

		payments.approve(review.user("lc-finance"), loan.id(), september.id());
		payments.pay(review.user("lc-finance-pay"), loan.id(), september.id(), LocalDate.of(2024, 10, 10),
				"LCCZ-2024-1010");
		String notice = review.issued(loan, DecisionType.INTEREST_SUBSIDY_PAYMENT).text();
		assertThat(notice).contains("2024年6月20日放款", "贴息1个百分点/年", "2024年9月1日放款", "贴息1.5个百分点/年", "2,500.00")
			.doesNotContain("计算为");
	}

	@Test
	void aTranchePaidOutAfterTheLastRuleKnownGetsNothingYetAndALaterExtensionCoversItsLaterPeriods() throws Exception {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET");
		disburse(loan, "2026-03-16", "1200000", "ICBC-LC-2026-0316");
		// The bank records days up to today only; the tranche lies after the 2026 rule.
		insertDisbursement(loan, "2027-01-15", "1200000", "ICBC-LC-2027-0115");

		accrual.accrueAll(LocalDate.of(2027, 3, 1));

		// January and February 2027: the first tranche alone, 1,200,000 × 1.5% ÷ 360 =
		// 50.00 a day.
		List<LedgerRow> rows = rows(loan);
		assertThat(rows).filteredOn(r -> r.periodLabel().startsWith("2027"))
			.extracting(r -> r.amount().toPlainString())
			.containsExactly("1550.00", "1400.00");
		assertThat(rows).filteredOn(r -> r.periodLabel().equals("2027-01"))
			.singleElement()
			.satisfies(r -> assertThat(r.balanceBasis()).isEqualByComparingTo("37200000"));
		// The 2026 notice runs to 31 December 2026 "and may be extended": not outside the
		// policy for good, only no rule yet.
		String noRuleYet = "该笔放款于2027-01-15发放，放款日暂无适用的贴息政策，不计贴息；政策延续的，由财政部门另行补计";
		String page = session("lc-finance").get("/ledger/loans/" + loan.id()).body();
		assertThat(page).contains(noRuleYet).doesNotContain("不在贴息政策期限内");
		String enterprisePage = session(DemoUsers.ENTERPRISE).get("/enterprise/applications/" + loan.id() + "/loan")
			.body();
		assertThat(enterprisePage).contains(noRuleYet);
		// The tranche's rule is not kept, as it may still come; yet the next hourly runs
		// and views do not put the same questions to the same table again (each answer is
		// a row of the engine's history, for as long as the loan is in the ledger).
		long evaluated = history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey("interest-subsidy")
			.count();
		accrual.accrueAll(LocalDate.of(2027, 3, 1));
		accrual.accrueAll(LocalDate.of(2027, 3, 1));
		assertThat(session("lc-finance").get("/ledger/loans/" + loan.id()).body()).contains(noRuleYet);
		assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("interest-subsidy").count())
			.isEqualTo(evaluated);

		// The policy is extended to 2027: the administrator extends the 2026 row.
		String extended = shippedTable().replaceFirst(
				"(<inputEntry id=\"UnaryTests_FixedAsset2026_LoanDate\">\\s*<text>)\\[20260101\\.\\.20261231\\](</text>)",
				"$1[20260101..20271231]$2");
		assertThat(extended).isNotEqualTo(shippedTable());
		String deployment = repository.createDeployment().addString("interest-subsidy.dmn", extended).deploy().getId();
		try {
			accrual.accrueAll(LocalDate.of(2027, 4, 1));
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}

		// March: both tranches at 1.5 points, 31 × 100.00; January and February stay as
		// accrued (and signed), the tranche's days in them made up by finance separately.
		rows = rows(loan);
		assertThat(rows).filteredOn(r -> r.periodLabel().startsWith("2027"))
			.extracting(r -> r.amount().toPlainString())
			.containsExactly("1550.00", "1400.00", "3100.00");
		assertThat(rows.get(rows.size() - 1).shares()).extracting(s -> s.points().stripTrailingZeros().toPlainString())
			.containsExactly("1.5", "1.5");
	}

	/**
	 * Accrued periods wait for the city finance bureau: its officers are told once a run,
	 * and its list of loans shows what waits on each and can show only those.
	 */
	@Test
	void theFinanceBureauIsToldOfAccruedPeriodsAndItsListShowsWhatWaits() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-LC-2024-0620");
		Case quiet = review.listedLoan("icbc");
		review.grant(quiet, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		int before = accruedNotes("lc-finance").size();

		int written = accrual.accrueAll(LocalDate.of(2024, 9, 1));

		assertThat(written).isPositive();
		List<String> notes = accruedNotes("lc-finance");
		assertThat(notes).hasSize(before + 1);
		assertThat(notes.get(notes.size() - 1)).startsWith("贴息待审核：新计提 " + written + " 期")
			.contains("2024年9月1日贴息台账新计提", "笔贷款共 " + written + " 期贴息", "只看有待审核或待拨付贴息的贷款");
		assertThat(accruedNotes(DemoUsers.BANK_OFFICER)).as("the bank").isEmpty();
		accrual.accrueAll(LocalDate.of(2024, 9, 1));
		assertThat(accruedNotes("lc-finance")).as("a run that wrote nothing").hasSize(before + 1);

		LoanBook.LoanPage waiting = book.page(review.user("lc-finance"), 1, 1000, true, null);
		assertThat(waiting.loans()).extracting(l -> l.summary().id()).contains(loan.id()).doesNotContain(quiet.id());
		int accrued = rows(loan).size();
		assertThat(accrued).as("June (from the 20th), July, August").isEqualTo(3);
		assertThat(waiting.waitingText(loan.id())).isEqualTo("待审核 3 期");
		String page = session("lc-finance").get("/ledger?waiting=true").body();
		assertThat(page).contains("/ledger/loans/" + loan.id() + "\"", "待审核 3 期")
			.doesNotContain("/ledger/loans/" + quiet.id() + "\"");
		assertThat(session("lc-finance").get("/ledger").body()).contains("/ledger/loans/" + quiet.id() + "\"");

		LedgerRow july = period(loan, "2024-07");
		payments.approve(review.user("lc-finance"), loan.id(), july.id());
		assertThat(book.page(review.user("lc-finance"), 1, 1000, true, null).waitingText(loan.id()))
			.isEqualTo("待审核 2 期，待拨付 1 期");
	}

	/**
	 * A loan paid out after the last rule the table knows (the 2026 notice "may be
	 * extended") is not found outside the policy for good: its decision determines
	 * nothing now and says each tranche accrues by its own day's rule, neither a refusal
	 * nor a confirmation; once the rule is extended the ledger accrues the loan under it,
	 * and the payment notice cites that decision.
	 */
	@Test
	void aLoanPaidOutAfterTheLastKnownRuleIsNotRefusedForGoodAndAccruesOnceTheRuleIsExtended() throws Exception {
		Case loan = review.listedLoan("icbc");
		withTableEndedInJanuary(() -> review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2026, 3, 16)));

		String decision = review.issued(loan, DecisionType.INTEREST_SUBSIDY_BY_TRANCHE).text();
		assertThat(decision)
			.contains("贷款贴息分笔核定决定书", "经本机关审核，现决定如下：", "本次不予核定该笔贷款的财政贴息金额",
					"该笔贷款各笔放款（含2026年3月16日发放的款项）按其放款日适用的国家设备更新贷款财政贴息政策计算贴息，按期计入贴息台账",
					"放款日暂无适用的国家设备更新贷款财政贴息政策（已知的贴息政策适用于2026年1月31日及以前发放的贷款）", "国家贴息政策延续或出台新政策的，自政策适用之日起按期计入贴息台账", "行政复议")
			// The ledger's period is a setting (monthly or quarterly): the decision
			// names none.
			.doesNotContain("实施期内", "不符合贴息条件", "对该笔贷款不予财政贴息", "根据放款日适用的", "按月");
		assertThat(review.allDecisions(loan)).doesNotContain(DecisionType.INTEREST_SUBSIDY_REFUSED,
				DecisionType.INTEREST_SUBSIDY_GRANTED);
		assertThat(review.history(loan)).anySatisfy(line -> assertThat(line).contains("财政贴息按各笔放款日适用的贴息政策分笔计入贴息台账"))
			.noneSatisfy(line -> assertThat(line).contains("不予财政贴息"));
		assertThat(session(review.enterprise().userId()).get("/enterprise/applications/" + loan.id()).body())
			.contains("按各笔放款日适用的贴息政策分笔计入贴息台账", "《贷款贴息分笔核定决定书》")
			.doesNotContain("不予贴息，理由见");
		assertThat(session("lc-finance").get("/review/applications/" + loan.id()).body())
			.contains("按各笔放款日适用的贴息政策分笔计入贴息台账（见《贷款贴息分笔核定决定书》）")
			.doesNotContain("不予贴息（见《不予贷款贴息决定书》）");

		// The rule is extended (the shipped table again): the loan accrues under it.
		disburse(loan, "2026-03-16", "1200000", "ICBC-LC-2026-0316");
		accrual.accrueAll(LocalDate.of(2026, 5, 1));
		List<LedgerRow> rows = rows(loan);
		assertThat(rows).extracting(LedgerRow::periodLabel).containsExactly("2026-03", "2026-04");
		// April: 30 days of 1,200,000 at 1.5 points ÷ 360 = 1,500.00.
		LedgerRow april = period(loan, "2026-04");
		assertThat(april.amount()).isEqualByComparingTo("1500.00");
		// The ledger's summary and the tranche's line say the same as the decision.
		String ledger = session(review.enterprise().userId()).get("/enterprise/applications/" + loan.id() + "/loan")
			.body();
		assertThat(ledger).contains("按各笔放款日适用的贴息政策分笔计入（见贷款贴息分笔核定决定书）", "自 2026-03-16 起最长")
			.doesNotContain("<dd id=\"subsidy-rate\">不予贴息</dd>");
		payments.approve(review.user("lc-finance"), loan.id(), april.id());
		payments.pay(review.user("lc-finance-pay"), loan.id(), april.id(), LocalDate.of(2026, 5, 10),
				"LCCZ-2026-0510-" + loan.id());
		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_PAYMENT).text()).contains("见本贷款的贷款贴息分笔核定决定书")
			.doesNotContain("贷款贴息确认通知书");
	}

	/**
	 * A loan paid out before the first national rule (7 March 2024): that day's money is
	 * outside the policy, and the decision says the later tranches follow their own days'
	 * rules, without naming a rule of the loan's day as its ground.
	 */
	@Test
	void aLoanPaidOutBeforeTheFirstRuleIsDecidedByTranche() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 3, 1));

		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_BY_TRANCHE).text())
			.contains("贷款贴息分笔核定决定书", "该笔贷款各笔放款（含2024年3月1日发放的款项）", "放款日无适用贴息政策的款项不予贴息",
					"放款日不在国家设备更新贷款财政贴息政策的实施期内，该日发放的贷款不符合贴息条件；此后分笔发放的，各笔按其放款日适用的贴息政策计算。")
			.doesNotContain("根据放款日适用的", "对该笔贷款不予财政贴息");
	}

	/**
	 * A loan decided by tranche determined no amount, but its tranche gets no more than
	 * the same loan decided on the tranche's day: 1,000,000 × 1.5% × 24 ÷ 12 = 30,000.00,
	 * not the 730 days of its window at 41.67 a day (30,416.67).
	 */
	@Test
	void aTrancheOfALoanDecidedByTrancheIsCappedAsTheSameLoanDecidedOnItsDay() {
		Case byTranche = review.listedLoan("icbc");
		review.grant(byTranche, "1100000.00", true, "FIXED_ASSET", LocalDate.of(2024, 3, 1));
		review.issued(byTranche, DecisionType.INTEREST_SUBSIDY_BY_TRANCHE);
		Case decided = review.listedLoan("icbc");
		review.grant(decided, "1000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 9, 1));
		// The loan's own day is before the first rule: its first tranche gets nothing.
		disburse(byTranche, "2024-03-01", "100000", "ICBC-LC-2024-0301-T");
		disburse(byTranche, "2024-09-01", "1000000", "ICBC-LC-2024-0901-T");
		disburse(decided, "2024-09-01", "1000000", "ICBC-LC-2024-0901-D");

		accrual.accrueAll(LocalDate.of(2025, 3, 1));
		accrual.accrueAll(LocalDate.of(2027, 1, 1));

		assertThat(total(decided)).isEqualByComparingTo("30000.00");
		assertThat(total(byTranche)).isEqualByComparingTo("30000.00");
		assertThat(rows(byTranche)).extracting(LedgerRow::amount)
			.containsExactlyElementsOf(rows(decided).stream().map(LedgerRow::amount).toList());
		assertThat(session(review.enterprise().userId()).get("/enterprise/applications/" + byTranche.id() + "/loan")
			.body()).contains("自 2024-09-01 起最长 24 个月，当日放款贴息上限 30,000.00 元");

		// The last period of each pays less than its days give. Its notice says what
		// limits it: the tranche's own limit for the loan decided by tranche (it has no
		// total), the total determined for the other.
		LedgerRow lastByTranche = rows(byTranche).get(rows(byTranche).size() - 1);
		LedgerRow lastDecided = rows(decided).get(rows(decided).size() - 1);
		assertThat(lastByTranche.periodLabel()).isEqualTo("2026-08").isEqualTo(lastDecided.periodLabel());
		assertThat(lastByTranche.amount()).isLessThan(lastByTranche.balanceBasis()
			.multiply(new BigDecimal("1.5"))
			.divide(new BigDecimal("36000"), 2, RoundingMode.HALF_UP));
		for (Case loan : List.of(byTranche, decided)) {
			LedgerRow last = rows(loan).get(rows(loan).size() - 1);
			payments.approve(review.user("lc-finance"), loan.id(), last.id());
			payments.pay(review.user("lc-finance-pay"), loan.id(), last.id(), LocalDate.of(2026, 9, 10),
					"LCCZ-2026-0910-" + loan.id());
		}
		assertThat(review.issued(byTranche, DecisionType.INTEREST_SUBSIDY_PAYMENT).text())
			.contains("各笔分别计至分后相加", "按此计算为", "每笔放款的贴息累计不超过该笔放款本金×其放款日适用的贴息比例×贴息期限（月）÷12，本期已达该上限的放款只计至上限")
			.doesNotContain("核定的财政贴息总额");
		assertThat(review.issued(decided, DecisionType.INTEREST_SUBSIDY_PAYMENT).text())
			.contains("按此计算为", "贴息累计以核定的财政贴息总额为限，本期为该总额的余额")
			.doesNotContain("每笔放款的贴息累计不超过");
	}

	private BigDecimal total(Case loan) {
		return rows(loan).stream().map(LedgerRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * The finance bureau refuses the subsidy of a loan no rule covered yet: a rule
	 * extended later does not bring it back.
	 */
	@Test
	void aLoanTheFinanceBureauRefusedOutrightAccruesNothingWhenTheRuleIsExtended() throws Exception {
		Case loan = review.listedLoan("icbc");
		withTableEndedInJanuary(() -> {
			review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET", LocalDate.of(2026, 3, 16));
			review.acceptOnly(loan, "icbc");
		});
		review.decide(loan, "Task_FinanceInterestReview", "REFUSE", "该企业已被列入负面清单，不予贴息。");

		// The refusal promises no later accrual, which it rules out.
		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_REFUSED).text())
			.contains("对该笔贷款不予财政贴息", "放款日暂无适用的国家设备更新贷款财政贴息政策", "本次不予核定贴息。", "该企业已被列入负面清单，不予贴息。")
			.doesNotContain("计入贴息台账", "各笔按其放款日", "根据放款日适用的");
		disburse(loan, "2026-03-16", "1200000", "ICBC-LC-2026-0316");
		accrual.accrueAll(LocalDate.of(2026, 5, 1));

		assertThat(rows(loan)).allSatisfy(r -> assertThat(r.amount()).isZero());
	}

	/**
	 * Runs {@code steps} with {@link #endedInJanuary()} deployed as the latest table,
	 * then the shipped table again (as if the rule were extended).
	 */
	private void withTableEndedInJanuary(Runnable steps) throws Exception {
		String deployment = repository.createDeployment()
			.addString("interest-subsidy.dmn", endedInJanuary())
			.deploy()
			.getId();
		try {
			steps.run();
		}
		finally {
			repository.deleteDeployment(deployment, true);
		}
	}

	/**
	 * The shipped table with both 2026 rules ending on 31 January 2026, as if nothing
	 * were known after it.
	 */
	private String endedInJanuary() throws Exception {
		String ended = shippedTable().replace("<text>[20260101..20261231]</text>", "<text>[20260101..20260131]</text>");
		assertThat(ended.split("20260131", -1)).as("both 2026 rules cut").hasSize(3);
		return ended;
	}

	private List<String> accruedNotes(String user) {
		return jdbc.sql(
				"SELECT title || ' ' || body FROM notification WHERE recipient_id = ? AND kind = 'INTEREST_ACCRUED' ORDER BY id")
			.param(user)
			.query(String.class)
			.list();
	}

	@Test
	void aTrancheKeepsTheRuleItFirstAccruedUnderWhenItsBankLeavesTheReLendingList() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-LC-2024-0620");
		disburse(loan, "2024-09-01", "1200000", "ICBC-LC-2024-0901");
		accrual.accrueAll(LocalDate.of(2024, 10, 1));
		try {
			jdbc.sql("UPDATE org_bank SET relending_eligible = FALSE WHERE bank_key = 'icbc'").update();
			accrual.accrueAll(LocalDate.of(2024, 11, 1));
		}
		finally {
			jdbc.sql("UPDATE org_bank SET relending_eligible = TRUE WHERE bank_key = 'icbc'").update();
		}

		// October: 31 days of 1,200,000 at 1 point (1,033.33) and of 1,200,000 at 1.5
		// points (1,550.00), the rule the tranche of 1 September accrued under in
		// September.
		LedgerRow october = period(loan, "2024-10");
		assertThat(october.amount()).isEqualByComparingTo("2583.33");
		assertThat(october.rateLines(loan(loan))).contains("2024-09-01 放款：1.5 个百分点/年")
			.noneMatch(line -> line.contains("不计贴息"));
	}

	@Test
	void aTrancheAccruedBeforeTheLedgerKeptTranchesKeepsTheDecidedRule() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-LC-2024-0620");
		disburse(loan, "2024-09-01", "1200000", "ICBC-LC-2024-0901");
		accrual.accrueAll(LocalDate.of(2024, 10, 1));
		// As the ledger stood before it kept periods by tranche: every tranche at the
		// decided 1 point, no shares. September: 30 × 2,400,000 × 1% ÷ 360.
		jdbc.sql(
				"DELETE FROM subsidy_ledger_share WHERE ledger_id IN (SELECT id FROM subsidy_ledger WHERE application_id = ?)")
			.param(loan.id())
			.update();
		jdbc.sql(
				"UPDATE subsidy_ledger SET points = 1.0, amount = 2000.00 WHERE application_id = ? AND period_label = '2024-09'")
			.param(loan.id())
			.update();

		accrual.accrueAll(LocalDate.of(2024, 11, 1));

		// October goes on at 1 point for both: 31 × 2,400,000 × 1% ÷ 360.
		LedgerRow october = period(loan, "2024-10");
		assertThat(october.amount()).isEqualByComparingTo("2066.67");
		assertThat(october.points()).isEqualByComparingTo("1.0");
		assertThat(october.rateLines(loan(loan))).containsExactly("1 个百分点/年");
	}

	@Test
	void aPeriodOfOneRateOtherThanTheDecidedOneStatesItsTrancheAndTheConfirmationSaysLaterTranchesFollowTheirDay() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-LC-2024-0620");
		disburse(loan, "2024-09-01", "1200000", "ICBC-LC-2024-0901");
		// Pays off the first tranche (先放先还): from then on only the tranche at 1.5
		// points is owed.
		book.record(review.user(DemoUsers.BANK_OFFICER), loan.id(), new LoanBook.Recording(LoanEventType.REPAYMENT,
				LocalDate.parse("2024-10-15"), new BigDecimal("1200000"), null, null), "repaid-" + loan.id());
		accrual.accrueAll(LocalDate.of(2024, 12, 1));

		LedgerRow november = period(loan, "2024-11");
		assertThat(november.points()).isEqualByComparingTo("1.5");
		assertThat(november.amount()).isEqualByComparingTo("1500.00");
		assertThat(november.rateLines(loan(loan))).containsExactly("2024-09-01 放款：1.5 个百分点/年");
		payments.approve(review.user("lc-finance"), loan.id(), november.id());
		payments.pay(review.user("lc-finance-pay"), loan.id(), november.id(), LocalDate.of(2024, 12, 10),
				"LCCZ-2024-1210");

		String notice = review.issued(loan, DecisionType.INTEREST_SUBSIDY_PAYMENT).text();
		assertThat(notice).contains("2024年9月1日放款的部分", "贴息1.5个百分点/年", "关于加力支持大规模设备更新和消费品以旧换新的若干措施", "1,500.00");
		String decision = review.issued(loan, DecisionType.INTEREST_SUBSIDY_GRANTED).text();
		assertThat(decision).contains("每年1个百分点",
				"上述贴息比例和期限为2024年6月20日适用的贴息政策所定，适用于该日发放的贷款。贷款分笔发放的，此后各笔按其本身放款日适用的贴息政策计算贴息：");
	}

	/**
	 * 5,000,000 granted on 20 June 2024, before the July 2024 rise, at 1 point: the
	 * decision determines 5,000,000 × 1% × 24 ÷ 12 = 100,000.00. 1,200,000 is paid out
	 * that day and 3,800,000 on 1 September, under the 1.5-point rule: that tranche
	 * accrues within its own 3,800,000 × 1.5% × 24 ÷ 12 = 114,000.00, outside the total,
	 * which gives up what its principal would have had at 1 point (76,000.00), leaving
	 * the first tranche 24,000.00. Both windows are 730 days, whose daily accrual
	 * (24,333.28 and 115,583.28 by the month) passes both limits: the ledger comes to
	 * 24,000.00 + 114,000.00 = 138,000.00, where one total stopped it at 100,000.00 in
	 * January 2026.
	 */
	@Test
	void aLoanGrantedBeforeTheRiseAndPaidOutAcrossItAccruesEachTrancheWithinItsOwnLimit() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-RISE-0620-" + loan.id());
		disburse(loan, "2024-09-01", "3800000", "ICBC-RISE-0901-" + loan.id());

		accrual.accrueAll(LocalDate.of(2027, 1, 1));

		assertThat(total(loan)).isEqualByComparingTo("138000.00");
		List<LedgerRow> rows = rows(loan);
		assertThat(rows.get(rows.size() - 1).periodLabel()).isEqualTo("2026-08");
		// June 2026: the first tranche's 19 days give 633.33, of which 300.05 remain of
		// its 24,000.00 (23,699.95 accrued to May); the second's 30 days give 4,750.00.
		LedgerRow june = period(loan, "2026-06");
		assertThat(june.amount()).isEqualByComparingTo("5050.05");
		// July: the second tranche alone, 31 days at 158.33; August: what is left of its
		// 114,000.00 (110,674.95 accrued to July).
		assertThat(period(loan, "2026-07").amount()).isEqualByComparingTo("4908.33");
		assertThat(period(loan, "2026-08").amount()).isEqualByComparingTo("3325.05");

		// The decision says what the ledger did: the total at the first day's rule, the
		// later tranche under its own rule within its own limit, outside the total.
		String decision = review.issued(loan, DecisionType.INTEREST_SUBSIDY_GRANTED).text();
		assertThat(decision)
			.contains("核定该笔贷款按上述比例和期限计算的财政贴息总额不超过人民币100,000.00元",
					"适用的贴息比例和期限与上述相同的，与2024年6月20日发放的贷款合计不超过上述总额；不同的，该笔贴息不计入上述总额，"
							+ "累计不超过该笔放款本金×其放款日适用的贴息比例×贴息期限（月）÷12，上述总额相应扣减该笔放款本金按上述比例和期限计算的金额。",
					"累计不超过上述限额", "财政贴息：不超过人民币100,000.00元（按放款日适用的贴息比例和期限计算；此后分笔发放、适用不同比例或期限的另行计算，见下文）")
			.doesNotContain("累计不超过上述总额。", "上限");
		String ledger = session(review.enterprise().userId()).get("/enterprise/applications/" + loan.id() + "/loan")
			.body();
		assertThat(ledger).contains("自 2024-09-01 起最长 24 个月，当日放款贴息上限 114,000.00 元，不计入核定的贴息总额",
				"与核定比例和期限相同的各笔合计贴息上限 24,000.00 元");

		payments.approve(review.user("lc-finance"), loan.id(), june.id());
		payments.pay(review.user("lc-finance-pay"), loan.id(), june.id(), LocalDate.of(2026, 7, 10),
				"LCCZ-RISE-" + loan.id());
		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_PAYMENT).text())
			.contains("2024年6月20日放款的部分", "2024年9月1日放款的部分", "贴息1.5个百分点/年", "按此计算为5,383.33元",
					"适用核定比例和期限的各笔合计计至分，其余各笔分别计至分，再相加", "贴息累计以核定的财政贴息总额扣减适用其他比例或期限的各笔放款本金按核定比例和期限计算的金额后的余额为限",
					"5,050.05")
			.doesNotContain("本期为该总额的余额");
	}

	/**
	 * Both tranches paid out under the 1-point rule (the second on 1 July 2024, before
	 * the rise): the decided total of 100,000.00 still limits the loan as a whole, though
	 * the days of both tranches give 101,388 and more.
	 */
	@Test
	void aLoanWhoseTranchesAllFallUnderTheDecidedRuleIsStillCappedAtItsTotal() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-ONE-0620-" + loan.id());
		disburse(loan, "2024-07-01", "3800000", "ICBC-ONE-0701-" + loan.id());

		accrual.accrueAll(LocalDate.of(2027, 1, 1));

		assertThat(total(loan)).isEqualByComparingTo("100000.00");
		assertThat(rows(loan)).allSatisfy(row -> assertThat(row.points()).isEqualByComparingTo("1.0"));
		LedgerRow last = rows(loan).get(rows(loan).size() - 1);
		assertThat(last.amount()).isLessThan(
				last.balanceBasis().multiply(BigDecimal.ONE).divide(new BigDecimal("36000"), 2, RoundingMode.HALF_UP));
		assertThat(session(review.enterprise().userId()).get("/enterprise/applications/" + loan.id() + "/loan").body())
			.doesNotContain("当日放款贴息上限", "合计贴息上限");
		payments.approve(review.user("lc-finance"), loan.id(), last.id());
		payments.pay(review.user("lc-finance-pay"), loan.id(), last.id(), LocalDate.of(2026, 7, 10),
				"LCCZ-ONE-" + loan.id());
		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_PAYMENT).text())
			.contains("按此计算为", "贴息累计以核定的财政贴息总额为限，本期为该总额的余额")
			.doesNotContain("扣减");
	}

	/**
	 * A loan paid out on two contracts, the second after July. July's payment notice
	 * subsidises the principal of the first contract only: it names that contract, not
	 * one whose money was paid out only in September.
	 */
	@Test
	void aPeriodsPaymentNoticeNamesOnlyTheContractsWhosePrincipalItSubsidises() {
		Case loan = review.listedLoan("icbc");
		review.grant(loan, "5000000.00", true, "FIXED_ASSET", LocalDate.of(2024, 6, 20));
		disburse(loan, "2024-06-20", "1200000", "ICBC-TRUTH-0620-" + loan.id());
		disburse(loan, "2024-09-01", "1200000", "ICBC-TRUTH-0901-" + loan.id());
		accrual.accrueAll(LocalDate.of(2024, 10, 1));
		LedgerRow july = period(loan, "2024-07");

		payments.approve(review.user("lc-finance"), loan.id(), july.id());
		payments.pay(review.user("lc-finance-pay"), loan.id(), july.id(), LocalDate.of(2024, 10, 10),
				"LCCZ-TRUTH-" + loan.id());

		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_PAYMENT).text())
			.contains("借款合同编号：ICBC-TRUTH-0620-" + loan.id())
			.doesNotContain("ICBC-TRUTH-0901-" + loan.id());
	}

	private LedgerRow period(Case loan, String label) {
		return rows(loan).stream().filter(r -> r.periodLabel().equals(label)).findFirst().orElseThrow();
	}

	private GrantedLoan loan(Case loan) {
		return book.view(review.user("lc-finance"), loan.id()).loan();
	}

	private String shippedTable() throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/interest-subsidy.dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private List<LedgerRow> rows(Case loan) {
		return book.view(review.user("lc-finance"), loan.id()).rows();
	}

	private void disburse(Case loan, String day, String amount, String contract) {
		book.record(review.user(DemoUsers.BANK_OFFICER), loan.id(), new LoanBook.Recording(LoanEventType.DISBURSEMENT,
				LocalDate.parse(day), new BigDecimal(amount), contract, null), UUID.randomUUID().toString());
	}

	private void insertDisbursement(Case loan, String day, String amount, String contract) {
		jdbc.sql("""
				INSERT INTO loan_event (application_id, bank_key, event_type, event_date, amount, contract_no,
				    recorded_by, recorded_at)
				VALUES (?, 'icbc', 'DISBURSEMENT', ?, ?, ?, ?, ?)""")
			.params(loan.id(), Date.valueOf(LocalDate.parse(day)), new BigDecimal(amount), contract,
					DemoUsers.BANK_OFFICER, Timestamp.from(Instant.now()))
			.update();
	}

	private WebClient session(String user) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);
		return client;
	}

}
