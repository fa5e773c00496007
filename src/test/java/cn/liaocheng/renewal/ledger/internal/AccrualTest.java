package cn.liaocheng.renewal.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The ledger's arithmetic against figures computed by hand: subsidy = Σ daily balance ×
 * points% ÷ 360, the balance counting from the disbursement day and no longer on a
 * repayment's day.
 */
class AccrualTest {

	private static final Accrual.Rule RULE_2026 = new Accrual.Rule(new BigDecimal("1.5"), 24, "2026年1月通知", null);

	private static final BigDecimal CAP = new BigDecimal("2000000");

	private final List<LoanEvent> events = new ArrayList<>();

	@Test
	void shouldAccrueEachEndedMonthFromTheActualDailyBalance() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "3000000");
		record(LoanEventType.REPAYMENT, "2026-05-10", "1000000");

		List<Accrual.Period> periods = periods(null, "2026-07-01");

		// 16 × 3,000,000 = 48,000,000 × 1.5% ÷ 360 = 2,000.00; April 30 × 3,000,000 →
		// 3,750.00;
		// May 9 × 3,000,000 + 22 × 2,000,000 = 71,000,000 → 2,958.33; June 30 × 2,000,000
		// → 2,500.00
		assertThat(periods).extracting(Accrual.Period::label)
			.containsExactly("2026-03", "2026-04", "2026-05", "2026-06");
		assertThat(periods).extracting(p -> p.balanceBasis().toPlainString())
			.containsExactly("48000000.00", "90000000.00", "71000000.00", "60000000.00");
		assertThat(periods).extracting(Accrual.Period::days).containsExactly(16, 30, 31, 30);
		assertThat(periods).extracting(p -> p.amount().toPlainString())
			.containsExactly("2000.00", "3750.00", "2958.33", "2500.00");
	}

	@Test
	void shouldNotAccrueAPeriodThatHasNotEnded() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "3000000");

		assertThat(periods(null, "2026-03-31")).isEmpty();
		assertThat(periods(null, "2026-04-01")).extracting(Accrual.Period::label).containsExactly("2026-03");
		assertThat(periods(LocalDate.parse("2026-04-01"), "2026-04-30")).isEmpty();
	}

	@Test
	void shouldStopOnTheDayOfAFullEarlyRepayment() {
		record(LoanEventType.DISBURSEMENT, "2026-04-01", "1000000");
		record(LoanEventType.EARLY_REPAYMENT, "2026-04-21", "1000000");

		List<Accrual.Period> periods = periods(null, "2026-09-01");

		// 20 days (1–20 April) × 1,000,000 = 20,000,000 × 1.5% ÷ 360 = 833.33; nothing
		// after
		assertThat(periods).singleElement().satisfies(p -> {
			assertThat(p.days()).isEqualTo(20);
			assertThat(p.amount()).isEqualByComparingTo("833.33");
		});
	}

	@Test
	void shouldStopOnTheDayOfADefault() {
		record(LoanEventType.DISBURSEMENT, "2026-04-01", "2000000");
		record(LoanEventType.DEFAULT, "2026-05-16", null);

		List<Accrual.Period> periods = periods(null, "2026-09-01");

		// April 30 × 2,000,000 → 2,500.00; May 1–15: 15 × 2,000,000 → 1,250.00
		assertThat(periods).extracting(p -> p.amount().toPlainString()).containsExactly("2500.00", "1250.00");
		assertThat(periods).extracting(Accrual.Period::days).containsExactly(30, 15);
	}

	@Test
	void shouldCoverTwoYearsFromASingleDisbursementAtMost() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1200000");

		List<Accrual.Period> periods = periods(null, "2028-06-01");

		// 1,200,000 × 1.5% ÷ 360 = 50.00 a day; 16 March 2026 to 15 March 2028 is 731
		// days (2028 is a leap year)
		assertThat(periods).hasSize(25);
		assertThat(periods.get(24).label()).isEqualTo("2028-03");
		assertThat(periods.get(24).days()).isEqualTo(15);
		assertThat(periods.stream().mapToInt(Accrual.Period::days).sum()).isEqualTo(731);
		assertThat(periods.stream().map(Accrual.Period::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("36550.00");
	}

	@Test
	void shouldSubsidiseEachTrancheForTwoYearsFromItsOwnDisbursement() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1200000");
		record(LoanEventType.DISBURSEMENT, "2026-09-16", "1200000");

		List<Accrual.Period> periods = periods(null, "2028-10-01");

		// Each tranche 50.00 a day for 731 days (16 March 2026 – 15 March 2028 and 16
		// September 2026 – 15 September 2028): 36,550.00 each. After 15 March 2028 only
		// the second tranche counts: April 2028 is 30 × 1,200,000 → 1,500.00.
		assertThat(periods.get(periods.size() - 1).label()).isEqualTo("2028-09");
		assertThat(periods.get(periods.size() - 1).days()).isEqualTo(15);
		assertThat(periods).filteredOn(p -> p.label().equals("2028-04")).singleElement().satisfies(p -> {
			assertThat(p.balanceBasis()).isEqualByComparingTo("36000000");
			assertThat(p.amount()).isEqualByComparingTo("1500.00");
		});
		assertThat(periods.stream().map(Accrual.Period::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("73100.00");
	}

	@Test
	void shouldApplyARepaymentToTheEarliestTrancheFirst() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1000000");
		record(LoanEventType.DISBURSEMENT, "2026-09-16", "1000000");
		record(LoanEventType.REPAYMENT, "2027-01-10", "500000");

		List<Accrual.Period> periods = periods(null, "2028-05-01");

		// The repayment leaves 500,000 of the first tranche (its window ends 15 March
		// 2028) and the second whole: in April 2028 only the second's 1,000,000 counts,
		// 30 × 1,000,000 × 1.5% ÷ 360 = 1,250.00.
		assertThat(periods).filteredOn(p -> p.label().equals("2027-02"))
			.singleElement()
			.satisfies(p -> assertThat(p.balanceBasis()).isEqualByComparingTo("42000000"));
		assertThat(periods).filteredOn(p -> p.label().equals("2028-04"))
			.singleElement()
			.satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("1250.00"));
	}

	@Test
	void shouldStartALaterTranchesPeriodOnItsDayAfterAGapWithNothingSubsidised() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1200000");
		record(LoanEventType.DISBURSEMENT, "2028-05-10", "600000");

		List<Accrual.Period> periods = periods(LocalDate.parse("2028-04-01"), "2028-06-01");

		// April 2028 lies between the first tranche's window and the second tranche: no
		// period of nothing. May: 22 days × 600,000 = 13,200,000 → 550.00.
		assertThat(periods).singleElement().satisfies(p -> {
			assertThat(p.label()).isEqualTo("2028-05");
			assertThat(p.start()).isEqualTo(LocalDate.parse("2028-05-10"));
			assertThat(p.days()).isEqualTo(22);
			assertThat(p.amount()).isEqualByComparingTo("550.00");
		});
	}

	@Test
	void shouldNotPassTheRulesCap() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "3000000");
		BigDecimal cap = new BigDecimal("5000");

		List<Accrual.Period> periods = Accrual.periods(Accrual.Rules.always(RULE_2026), cap, events, null,
				BigDecimal.ZERO, LocalDate.parse("2026-07-01"), Periodicity.MONTHLY);

		// 2,000.00 + 3,750.00 would pass 5,000: April gets 3,000.00, and no period of
		// nothing is written after it (a payment notice of 零元 would follow each)
		assertThat(periods).extracting(p -> p.amount().toPlainString()).containsExactly("2000.00", "3000.00");
		assertThat(Accrual.periods(Accrual.Rules.always(RULE_2026), cap, events, LocalDate.parse("2026-05-01"),
				new BigDecimal("5000.00"), LocalDate.parse("2026-09-01"), Periodicity.MONTHLY))
			.isEmpty();
	}

	@Test
	void shouldAccrueByQuarterWhenSoConfigured() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1200000");

		List<Accrual.Period> periods = Accrual.periods(Accrual.Rules.always(RULE_2026), CAP, events, null,
				BigDecimal.ZERO, LocalDate.parse("2026-07-01"), Periodicity.QUARTERLY);

		// 16 days in Q1, 91 in Q2, at 50.00 a day
		assertThat(periods).extracting(Accrual.Period::label).containsExactly("2026Q1", "2026Q2");
		assertThat(periods).extracting(p -> p.amount().toPlainString()).containsExactly("800.00", "4550.00");
	}

	@Test
	void shouldGiveNothingWhenTheRuleGrantsNoSubsidy() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1200000");

		assertThat(Accrual.periods(Accrual.Rules.always(new Accrual.Terms(BigDecimal.ZERO, 0, BigDecimal.ZERO).rule()),
				BigDecimal.ZERO, events, null, BigDecimal.ZERO, LocalDate.parse("2026-07-01"), Periodicity.MONTHLY))
			.isEmpty();
	}

	@Test
	void shouldAccrueALaterTrancheAtTheRateOfTheRuleInForceOnItsOwnDay() {
		record(LoanEventType.DISBURSEMENT, "2024-06-20", "1200000");
		record(LoanEventType.DISBURSEMENT, "2024-09-01", "1200000");

		List<Accrual.Period> periods = Accrual.periods(RULES_2024, null, events, null, BigDecimal.ZERO,
				LocalDate.parse("2024-10-01"), Periodicity.MONTHLY);

		// August: the first tranche alone at 1 point, 31 × 1,200,000 → 1,033.33, the
		// period's one rate. September: 36,000,000 at 1 point (1,000.00) and 36,000,000
		// at 1.5 points (1,500.00): no one rate, a share each.
		assertThat(periods).extracting(p -> p.amount().toPlainString())
			.containsExactly("366.67", "1033.33", "1033.33", "2500.00");
		assertThat(periods.get(2).points()).isEqualByComparingTo("1");
		Accrual.Period september = periods.get(3);
		assertThat(september.points()).isNull();
		assertThat(september.balanceBasis()).isEqualByComparingTo("72000000");
		assertThat(september.shares())
			.extracting(s -> s.disbursedOn().toString(), s -> s.balanceBasis().toPlainString(), LedgerRow.Share::days,
					s -> s.points().toPlainString())
			.containsExactly(tuple("2024-06-20", "36000000.00", 30, "1.0"),
					tuple("2024-09-01", "36000000.00", 30, "1.5"));
	}

	@Test
	void shouldGiveNothingOnATranchePaidOutWhenNoRuleIsInForceAndSayWhy() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1200000");
		record(LoanEventType.DISBURSEMENT, "2027-01-15", "1200000");

		List<Accrual.Period> periods = Accrual.periods(RULES_2026, CAP, events, LocalDate.parse("2027-01-01"),
				BigDecimal.ZERO, LocalDate.parse("2028-06-01"), Periodicity.MONTHLY);

		// The first tranche alone, 50.00 a day, until its window ends on 15 March 2028;
		// nothing after it, though the second tranche is still owed.
		assertThat(periods.get(0).amount()).isEqualByComparingTo("1550.00");
		assertThat(periods.get(0).balanceBasis()).isEqualByComparingTo("37200000");
		assertThat(periods.get(0).points()).as("one rate among the subsidised shares").isEqualByComparingTo("1.5");
		assertThat(periods.get(0).shares()).extracting(LedgerRow.Share::line)
			.containsExactly("2026-03-16 放款：1.5 个百分点/年", "该笔放款于2027-01-15发放，不在贴息政策期限内，不计贴息");
		assertThat(periods.get(periods.size() - 1).label()).isEqualTo("2028-03");
		assertThat(periods.get(periods.size() - 1).amount()).isEqualByComparingTo("750.00");
		assertThat(Accrual.stop(RULES_2026, events)).contains(LocalDate.parse("2028-03-16"));
	}

	@Test
	void shouldGiveNothingWhenNoTrancheIsPaidOutUnderARule() {
		record(LoanEventType.DISBURSEMENT, "2027-01-15", "1200000");

		assertThat(Accrual.stop(RULES_2026, events)).isEmpty();
		assertThat(Accrual.periods(RULES_2026, CAP, events, null, BigDecimal.ZERO, LocalDate.parse("2027-06-01"),
				Periodicity.MONTHLY))
			.isEmpty();
	}

	@Test
	void shouldEndATranchesWindowAfterTheMonthsOfItsOwnRule() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1200000");
		record(LoanEventType.DISBURSEMENT, "2026-06-16", "1200000");
		Accrual.Rules shorter = day -> day.isBefore(LocalDate.parse("2026-06-01")) ? RULE_2026
				: new Accrual.Rule(new BigDecimal("1.5"), 12, null, null);

		List<Accrual.Period> periods = Accrual.periods(shorter, CAP, events, LocalDate.parse("2027-06-01"),
				BigDecimal.ZERO, LocalDate.parse("2027-08-01"), Periodicity.MONTHLY);

		// The second tranche's twelve months end on 15 June 2027: June is 15 days of it
		// and 30 of the first, July the first alone.
		assertThat(periods).extracting(p -> p.balanceBasis().toPlainString())
			.containsExactly("54000000.00", "37200000.00");
	}

	/**
	 * 5,000,000 granted on 20 June 2024 under the 1-point rule, decided at 5,000,000 × 1%
	 * × 24 ÷ 12 = 100,000.00; 1,200,000 paid out that day and 3,800,000 on 1 September,
	 * under the 1.5-point rule. The later tranche accrues outside the total, within its
	 * own 3,800,000 × 1.5% × 24 ÷ 12 = 114,000.00, and the total gives up what its
	 * principal would have had at 1 point (76,000.00): the first tranche accrues within
	 * 24,000.00. Its 730 days at 33.33 a day (24,333.33) and the second's at 158.33
	 * (115,583.33) pass both limits, so the ledger comes to 138,000.00, where one total
	 * of 100,000.00 stopped it in January 2026.
	 */
	@Test
	void shouldAccrueATrancheUnderAHigherLaterRuleWithinItsOwnLimitOutsideTheDecidedTotal() {
		record(LoanEventType.DISBURSEMENT, "2024-06-20", "1200000");
		record(LoanEventType.DISBURSEMENT, "2024-09-01", "3800000");
		Accrual.Terms decided = new Accrual.Terms(new BigDecimal("1.0"), 24, new BigDecimal("100000.00"));

		List<Accrual.Period> periods = Accrual.periodsDecided(RULES_2024, decided, events, List.of(),
				LocalDate.parse("2027-01-01"), Periodicity.MONTHLY);

		assertThat(total(periods)).isEqualByComparingTo("138000.00");
		assertThat(periods.get(periods.size() - 1).label()).isEqualTo("2026-08");
		// One total for the whole loan, as before, stops at 100,000.00 in January 2026.
		List<Accrual.Period> oneTotal = Accrual.periods(RULES_2024, decided.cap(), events, null, BigDecimal.ZERO,
				LocalDate.parse("2027-01-01"), Periodicity.MONTHLY);
		assertThat(total(oneTotal)).isEqualByComparingTo("100000.00");
		assertThat(oneTotal.get(oneTotal.size() - 1).label()).isEqualTo("2026-01");
		// October 2024: 31 days of 1,200,000 at 1 point (1,033.33) and of 3,800,000 at
		// 1.5 points (4,908.33), the tranche outside the total rounded to the fen on its
		// own.
		assertThat(periods).filteredOn(p -> p.label().equals("2024-10"))
			.singleElement()
			.satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("5941.66"));
		// Each tranche reaches its own limit, read back from its shares: the first in
		// June 2026, after which only the second is in the periods.
		assertThat(trancheTotal(periods, "2024-06-20")).isGreaterThanOrEqualTo(new BigDecimal("24000.00"));
		assertThat(periods).filteredOn(p -> p.label().equals("2026-07"))
			.singleElement()
			.satisfies(p -> assertThat(p.shares()).extracting(s -> s.disbursedOn().toString())
				.containsExactly("2024-09-01"));
		// Accrued in two runs, the second reading what the first wrote.
		List<Accrual.Period> first = Accrual.periodsDecided(RULES_2024, decided, events, List.of(),
				LocalDate.parse("2025-07-01"), Periodicity.MONTHLY);
		List<Accrual.Period> rest = Accrual.periodsDecided(RULES_2024, decided, events, written(first),
				LocalDate.parse("2027-01-01"), Periodicity.MONTHLY);
		assertThat(total(first).add(total(rest))).isEqualByComparingTo("138000.00");
		assertThat(Accrual.periodsDecided(RULES_2024, decided, events, written(periods), LocalDate.parse("2027-01-01"),
				Periodicity.MONTHLY))
			.isEmpty();
	}

	/**
	 * Both tranches under the decided 1-point rule (the second on 1 July 2024, before the
	 * rise): the decided total still limits the loan as a whole, period by period as
	 * before.
	 */
	@Test
	void shouldStillCapALoanWhoseTranchesAllAccrueUnderTheDecidedRuleAtItsTotal() {
		record(LoanEventType.DISBURSEMENT, "2024-06-20", "1200000");
		record(LoanEventType.DISBURSEMENT, "2024-07-01", "3800000");
		Accrual.Terms decided = new Accrual.Terms(new BigDecimal("1.0"), 24, new BigDecimal("100000.00"));

		List<Accrual.Period> periods = Accrual.periodsDecided(RULES_2024, decided, events, List.of(),
				LocalDate.parse("2027-01-01"), Periodicity.MONTHLY);

		assertThat(total(periods)).isEqualByComparingTo("100000.00");
		assertThat(periods).extracting(Accrual.Period::amount)
			.containsExactlyElementsOf(Accrual
				.periods(RULES_2024, decided.cap(), events, null, BigDecimal.ZERO, LocalDate.parse("2027-01-01"),
						Periodicity.MONTHLY)
				.stream()
				.map(Accrual.Period::amount)
				.toList());
	}

	/**
	 * The rule's cap of one loan, where the table states one, limits every tranche
	 * together, those outside the decided total too.
	 */
	@Test
	void shouldKeepEveryTrancheWithinTheRulesCapOfOneLoan() {
		record(LoanEventType.DISBURSEMENT, "2024-06-20", "1200000");
		record(LoanEventType.DISBURSEMENT, "2024-09-01", "3800000");
		Accrual.Terms decided = new Accrual.Terms(new BigDecimal("1.0"), 24, new BigDecimal("90000.00"), null,
				new BigDecimal("90000.00"));

		List<Accrual.Period> periods = Accrual.periodsDecided(RULES_2024, decided, events, List.of(),
				LocalDate.parse("2027-01-01"), Periodicity.MONTHLY);

		// 90,000 less 76,000 leaves the first tranche 14,000.00; all together 90,000.00.
		assertThat(total(periods)).isEqualByComparingTo("90000.00");
	}

	/**
	 * A loan decided by tranche has no decided amount; its tranche of 1,000,000 at 1.5
	 * points for 24 months gets what the same loan decided on its own day gets: 1,000,000
	 * × 1.5% × 24 ÷ 12 = 30,000.00, not 730 days × 41.67 = 30,416.67.
	 */
	@Test
	void shouldCapEachTrancheOfALoanDecidedByTrancheByItsOwnRule() {
		record(LoanEventType.DISBURSEMENT, "2026-03-16", "1000000");

		List<Accrual.Period> byTranche = Accrual.periodsByTranche(RULES_2026, events, List.of(),
				LocalDate.parse("2028-06-01"), Periodicity.MONTHLY);
		List<Accrual.Period> decided = Accrual.periods(RULES_2026, new BigDecimal("30000.00"), events, null,
				BigDecimal.ZERO, LocalDate.parse("2028-06-01"), Periodicity.MONTHLY);

		assertThat(total(byTranche)).isEqualByComparingTo("30000.00");
		assertThat(byTranche).extracting(p -> p.amount().toPlainString())
			.containsExactlyElementsOf(decided.stream().map(p -> p.amount().toPlainString()).toList());
		// Accrued in two runs, the second reading what the first wrote.
		List<Accrual.Period> first = Accrual.periodsByTranche(RULES_2026, events, List.of(),
				LocalDate.parse("2027-01-01"), Periodicity.MONTHLY);
		List<Accrual.Period> rest = Accrual.periodsByTranche(RULES_2026, events, written(first),
				LocalDate.parse("2028-06-01"), Periodicity.MONTHLY);
		assertThat(total(first).add(total(rest))).isEqualByComparingTo("30000.00");
		assertThat(Accrual.periodsByTranche(RULES_2026, events, written(byTranche), LocalDate.parse("2028-06-01"),
				Periodicity.MONTHLY))
			.isEmpty();
	}

	@Test
	void shouldCapEachTrancheOfALoanDecidedByTrancheAtTheRateOfItsOwnDay() {
		record(LoanEventType.DISBURSEMENT, "2024-06-20", "1200000");
		record(LoanEventType.DISBURSEMENT, "2024-09-01", "1200000");

		List<Accrual.Period> periods = Accrual.periodsByTranche(RULES_2024, events, List.of(),
				LocalDate.parse("2027-01-01"), Periodicity.MONTHLY);

		// 1,200,000 × 1% × 2 = 24,000.00 and 1,200,000 × 1.5% × 2 = 36,000.00
		assertThat(total(periods)).isEqualByComparingTo("60000.00");
		BigDecimal first = BigDecimal.ZERO;
		for (Accrual.Period p : periods) {
			first = first.add(p.shares()
				.stream()
				.filter(s -> s.disbursedOn().equals(LocalDate.parse("2024-06-20")))
				.map(Accrual::amountOf)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		assertThat(first).as("the first tranche, read back from its shares")
			.isGreaterThanOrEqualTo(new BigDecimal("24000.00"));
		assertThat(periods.get(periods.size() - 1).shares()).extracting(s -> s.disbursedOn().toString())
			.as("the first tranche's cap is reached before the second's")
			.containsExactly("2024-09-01");
	}

	/** What the tranche of {@code day} accrued, read back from its shares. */
	private static BigDecimal trancheTotal(List<Accrual.Period> periods, String day) {
		return periods.stream()
			.flatMap(p -> p.shares().stream())
			.filter(s -> s.disbursedOn().equals(LocalDate.parse(day)))
			.map(Accrual::amountOf)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal total(List<Accrual.Period> periods) {
		return periods.stream().map(Accrual.Period::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static List<LedgerRow> written(List<Accrual.Period> periods) {
		List<LedgerRow> rows = new ArrayList<>();
		for (Accrual.Period p : periods) {
			rows.add(new LedgerRow(rows.size() + 1, 1, p.label(), p.start(), p.end(), p.balanceBasis(), p.days(),
					p.points(), p.amount(), LedgerStatus.ACCRUED, Instant.now(), null, null, null, null, null, null,
					p.shares()));
		}
		return rows;
	}

	/** The 2024 rows: 1 point up to 24 July 2024, 1.5 points from 25 July. */
	private static final Accrual.Rules RULES_2024 = day -> new Accrual.Rule(
			day.isBefore(LocalDate.parse("2024-07-25")) ? new BigDecimal("1.0") : new BigDecimal("1.5"), 24, null,
			null);

	/** The 2026 row, and nothing after 31 December 2026. */
	private static final Accrual.Rules RULES_2026 = day -> day.getYear() == 2026 ? RULE_2026
			: new Accrual.Rule(BigDecimal.ZERO, 0, null, "不在贴息政策期限内");

	private List<Accrual.Period> periods(LocalDate next, String today) {
		return Accrual.periods(Accrual.Rules.always(RULE_2026), CAP, events, next, BigDecimal.ZERO,
				LocalDate.parse(today), Periodicity.MONTHLY);
	}

	private void record(LoanEventType type, String date, String amount) {
		events.add(new LoanEvent(events.size() + 1, type, LocalDate.parse(date),
				amount == null ? null : new BigDecimal(amount).setScale(2), null, null, "test", Instant.now()));
	}

}
