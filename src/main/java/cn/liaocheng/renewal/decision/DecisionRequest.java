package cn.liaocheng.renewal.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import cn.liaocheng.renewal.organization.GroupNames;

/**
 * What a decision states. The caller (the process that ends an application) gathers the
 * facts; the decision module keeps them as issued, so a later change to the application
 * does not change a decision already signed.
 *
 * @param applicationId the application the decision ends; with the type's stage, the
 * idempotency key
 * @param issuingBody the deciding body: a city body's key ({@code industry},
 * {@code finance}, {@code pboc}) or a county department's group
 * ({@code county-371525-industry})
 * @param addressee whom the document is addressed to (主送), usually the enterprise
 * @param lender the name of the bank of a loan decision, as the directory has it,
 * otherwise {@code null}
 * @param opinions the conclusions of record, one per body and step (returns for
 * correction are told in {@link Proceedings#events()}, not here)
 * @param reasons the reasons of an adverse decision (required for refusals and lapses)
 * @param decisionDate the date the document bears; {@code null} means today in China
 * @param proceedings what happened on the way, as the case's history records it
 * @param payment the ledger period a payment notice settles, required for (and only for)
 * {@link DecisionType#INTEREST_SUBSIDY_PAYMENT}; its period is part of the idempotency
 * key
 */
public record DecisionRequest(long applicationId, String issuingBody, DecisionType type, String enterpriseName,
		String creditCode, String addressee, String projectName, String referenceNo, Amounts amounts, String lender,
		List<Opinion> opinions, List<String> reasons, LocalDate decisionDate, Proceedings proceedings,
		Payment payment) {

	public DecisionRequest {
		Objects.requireNonNull(issuingBody, "issuingBody");
		Objects.requireNonNull(type, "type");
		amounts = amounts == null ? Amounts.NONE : amounts;
		opinions = opinions == null ? List.of() : List.copyOf(opinions);
		reasons = reasons == null ? List.of() : List.copyOf(reasons);
		proceedings = proceedings == null ? Proceedings.NONE : proceedings;
		if (GroupNames.isCounty(issuingBody) ? !type.issuedByCounty() : type.notRecommended()) {
			// A county department does not decide the library, a subsidy or a listing;
			// only a county does not recommend.
			throw new IllegalArgumentException(issuingBody + " does not issue " + type);
		}
		if ((type == DecisionType.INTEREST_SUBSIDY_PAYMENT) != (payment != null)) {
			throw new IllegalArgumentException(
					"a payment period goes with, and only with, " + DecisionType.INTEREST_SUBSIDY_PAYMENT);
		}
	}

	/** A request that settles no period. */
	public DecisionRequest(long applicationId, String issuingBody, DecisionType type, String enterpriseName,
			String creditCode, String addressee, String projectName, String referenceNo, Amounts amounts, String lender,
			List<Opinion> opinions, List<String> reasons, LocalDate decisionDate, Proceedings proceedings) {
		this(applicationId, issuingBody, type, enterpriseName, creditCode, addressee, projectName, referenceNo, amounts,
				lender, opinions, reasons, decisionDate, proceedings, null);
	}

	/** The period key of the decision: empty unless it settles a ledger period. */
	public String period() {
		return payment == null ? "" : payment.period();
	}

	/** A request that says nothing of the proceedings beyond its opinions. */
	public DecisionRequest(long applicationId, String issuingBody, DecisionType type, String enterpriseName,
			String creditCode, String addressee, String projectName, String referenceNo, Amounts amounts, String lender,
			List<Opinion> opinions, List<String> reasons, LocalDate decisionDate) {
		this(applicationId, issuingBody, type, enterpriseName, creditCode, addressee, projectName, referenceNo, amounts,
				lender, opinions, reasons, decisionDate, Proceedings.NONE);
	}

	/**
	 * The path the case took.
	 *
	 * @param steps who did what, in order, as the opening sentence names them (e.g.
	 * 冠县工业和信息化局形式审查)
	 * @param events returns for correction and their answers, the public notice and its
	 * objections: one sentence each
	 * @param loan the granted loan and the interest-subsidy rule applied to it, for loan
	 * and interest decisions
	 * @param batchYear the year of the batch the application was first submitted in (the
	 * 分年度项目库 a project registration enters), {@code null} when it entered none
	 * @param lapse what a lapse names: the application and who asked for the correction;
	 * {@code null} for every other decision
	 */
	public record Proceedings(List<String> steps, List<String> events, Loan loan, Integer batchYear, Lapse lapse) {

		public static final Proceedings NONE = new Proceedings(List.of(), List.of(), null, null, null);

		public Proceedings {
			steps = steps == null ? List.of() : List.copyOf(steps);
			events = events == null ? List.of() : List.copyOf(events);
		}

		/** Proceedings of an application that entered no batch. */
		public Proceedings(List<String> steps, List<String> events, Loan loan) {
			this(steps, events, loan, null, null);
		}

		/** Proceedings of a decision other than a lapse. */
		public Proceedings(List<String> steps, List<String> events, Loan loan, Integer batchYear) {
			this(steps, events, loan, batchYear, null);
		}

	}

	/**
	 * What lapsed and why, as the lapse's opening names them.
	 *
	 * @param application the application as the enterprise made it (入库申请, 设备更新奖补资金申请,
	 * 设备更新贷款支持申请)
	 * @param askedBy the body that returned the case for the correction that lapsed and
	 * at which step (冠县财政局在县级发票核验环节); {@code null} when the record names none
	 */
	public record Lapse(String application, String askedBy) {
	}

	/**
	 * A bank's grant and the national interest-subsidy rule in force on its date.
	 *
	 * @param typeLabel e.g. 固定资产贷款
	 * @param relending whether the loan used technology-innovation and
	 * technical-renovation re-lending funds
	 * @param interestPoints percentage points a year of the interest subsidy (0 when none
	 * applies)
	 * @param interestMonths months the interest subsidy covers
	 * @param interestBasis the national notice(s) the interest subsidy rests on
	 * @param ruleOnTheDay whether a national interest-subsidy rule was in force on the
	 * loan's day (none: before the first rule, or after the last known), so that the
	 * decision names no rule of that day as its ground
	 * @param ruleGrants whether that rule gives the loan a positive interest subsidy: a
	 * refusal of it then rests on the finance bureau's own review, not on the rule, and
	 * names no rule as its ground
	 */
	public record Loan(LocalDate grantDate, String typeLabel, boolean relending, BigDecimal interestPoints,
			int interestMonths, String interestBasis, BigDecimal interestCap, boolean ruleOnTheDay,
			boolean ruleGrants) {
	}

	/**
	 * Sums in yuan and loan terms; every field is optional and printed only when present.
	 *
	 * @param loanRatePercent the annual rate in percent, e.g. {@code 3.10}
	 */
	public record Amounts(BigDecimal totalInvestment, BigDecimal equipmentInvestment, BigDecimal subsidy,
			BigDecimal loanAmount, BigDecimal loanRatePercent, Integer loanTermMonths, BigDecimal interestSubsidy) {

		public static final Amounts NONE = new Amounts(null, null, null, null, null, null, null);

	}

	/**
	 * One period of the interest-subsidy ledger, as paid: the facts the payment notice
	 * states.
	 *
	 * @param period the ledger's period label, e.g. {@code 2026-03} or {@code 2026Q2}
	 * @param balanceBasis the sum of the loan's daily balances over the subsidised days
	 * (计息积数), in yuan
	 * @param points percentage points a year of the dated rule, {@code null} when the
	 * period's tranches were paid out under rules of different rates
	 * @param basis the national notice(s) the rule rests on
	 * @param contractNo the loan contract number the bank recorded
	 * @param tranches the period by disbursement day, when the loan was paid out in
	 * tranches under different rules or one of them gets nothing; empty when one rate
	 * applies to the whole period
	 * @param byTranche whether the loan's interest subsidy was decided by tranche
	 * (贷款贴息分笔核定): no total was determined, each tranche's part is computed to the fen on
	 * its own and is capped by its own day's rule, not by a total
	 * @param totalReduced whether principal of the loan, whose total was determined, was
	 * paid out under a rule of another rate or term: that principal accrues within its
	 * own limit, and the total is reduced by what it would have had under the decided
	 * rule
	 */
	public record Payment(String period, LocalDate from, LocalDate to, int days, BigDecimal balanceBasis,
			BigDecimal points, BigDecimal amount, LocalDate paidOn, String voucherNo, String contractNo, String basis,
			List<Tranche> tranches, boolean byTranche, boolean totalReduced) {

		public Payment {
			Objects.requireNonNull(period, "period");
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(paidOn, "paidOn");
			tranches = tranches == null ? List.of() : List.copyOf(tranches);
			if (points == null && tranches.isEmpty()) {
				throw new IllegalArgumentException("a period without one rate states the rate of each tranche");
			}
		}

		/** A period at one rate. */
		public Payment(String period, LocalDate from, LocalDate to, int days, BigDecimal balanceBasis,
				BigDecimal points, BigDecimal amount, LocalDate paidOn, String voucherNo, String contractNo,
				String basis) {
			this(period, from, to, days, balanceBasis, points, amount, paidOn, voucherNo, contractNo, basis, List.of(),
					false, false);
		}

		/** A period of a loan none of whose principal accrues outside its total. */
		public Payment(String period, LocalDate from, LocalDate to, int days, BigDecimal balanceBasis,
				BigDecimal points, BigDecimal amount, LocalDate paidOn, String voucherNo, String contractNo,
				String basis, List<Tranche> tranches, boolean byTranche) {
			this(period, from, to, days, balanceBasis, points, amount, paidOn, voucherNo, contractNo, basis, tranches,
					byTranche, false);
		}

	}

	/**
	 * The principal of a period paid out on one day, and the rule in force on that day.
	 *
	 * @param balanceBasis its daily balances summed over the days it counted (计息积数)
	 * @param points percentage points a year; zero when it gets nothing
	 * @param basis the national notice(s) of its rule when they are not those the
	 * interest-subsidy decision cites, otherwise {@code null}
	 * @param finding why it gets nothing (e.g. 不在贴息政策期限内), {@code null} when subsidised
	 * @param pending it was paid out after the last rule known: it gets nothing for now,
	 * and the finance department makes it up if the policy is extended to its day
	 * @param ownLimit it accrues within its own limit (its principal × its points × its
	 * months ÷ 12), its part computed to the fen on its own; otherwise within the total
	 * the interest-subsidy decision determined, its part computed with the others there
	 */
	public record Tranche(LocalDate disbursedOn, BigDecimal balanceBasis, BigDecimal points, String basis,
			String finding, boolean pending, boolean ownLimit) {

		public Tranche(LocalDate disbursedOn, BigDecimal balanceBasis, BigDecimal points, String basis,
				String finding) {
			this(disbursedOn, balanceBasis, points, basis, finding, false, false);
		}

		public Tranche(LocalDate disbursedOn, BigDecimal balanceBasis, BigDecimal points, String basis, String finding,
				boolean pending) {
			this(disbursedOn, balanceBasis, points, basis, finding, pending, false);
		}

		public Tranche {
			Objects.requireNonNull(disbursedOn, "disbursedOn");
			Objects.requireNonNull(balanceBasis, "balanceBasis");
			Objects.requireNonNull(points, "points");
		}

	}

	/**
	 * One reviewing body's opinion, as summarised in the decision, with the step it was
	 * given at ({@code step}, e.g. 县级形式审查; {@code null} when not recorded): one body may
	 * speak at several steps of a case.
	 */
	public record Opinion(String body, String step, String reviewer, LocalDate date, String conclusion, String text) {

		/** An opinion whose step is not told. */
		public Opinion(String body, String reviewer, LocalDate date, String conclusion, String text) {
			this(body, null, reviewer, date, conclusion, text);
		}

	}

}
