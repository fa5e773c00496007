package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The interest subsidy of ended periods, from the loan's actual daily principal balance.
 * Banks in China compute interest on the sum of daily balances (计息积数) with a daily rate
 * of the annual rate / 360 (中国人民银行《人民币利率管理规定》 and 《关于人民币存贷款计结息问题的通知》, 银发〔2005〕129号); the
 * subsidy is computed the same way, so that it matches the bank's interest statements:
 * amount = Σ daily balance × points% ÷ 360, rounded to the fen per period.
 * <p>
 * A day's balance counts from the disbursement day and no longer on the day of a
 * repayment (算头不算尾). The national notices subsidise the principal from the day it is paid
 * out, and their dated rules are keyed on that day, so each disbursement (tranche) is
 * subsidised under the rule in force on its own day ({@link Rules}), for that rule's
 * months from that day; a tranche paid out when no rule is in force accrues nothing. A
 * repayment pays off the earliest tranche first (先放先还), as banks apply repayments to the
 * oldest loan receipt (借据) when the repayment names none. Everything stops on the day of
 * a full early repayment or of a default.
 * <p>
 * What limits the sum ({@link Limits}): the interest-subsidy decision of a loan computed
 * its total on the whole granted amount under the rule of the loan's first day. The
 * tranches that accrue at that rule's rate and months share that total; a tranche paid
 * out under another rule (the July 2024 rise from 1 to 1.5 points) accrues within its own
 * limit, its principal × its points × its months ÷ 12, and the total is reduced by what
 * its principal would have had under the decided rule, so that no principal is counted
 * twice and the principal together stays within the grant ({@link #periodsDecided}). A
 * loan decided by tranche has no total: each tranche has its own limit
 * ({@link #periodsByTranche}). Once a limit is reached, its tranches are left out of
 * later periods; a period of nothing is not written.
 */
final class Accrual {

	private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(360);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Accrual() {
	}

	/**
	 * The dated rule the interest-subsidy decision applied to the loan on its first day:
	 * points a year, months covered, the total it determined (the limit of the tranches
	 * that accrue under that rule's rate and months, {@code null} or zero for none), the
	 * notices it rests on, and the rule's cap of one loan, which limits all its tranches
	 * together ({@code null} for none, as the national notices set none).
	 */
	record Terms(BigDecimal points, int months, BigDecimal cap, String basis, BigDecimal loanCap) {

		Terms(BigDecimal points, int months, BigDecimal cap) {
			this(points, months, cap, null, null);
		}

		Terms(BigDecimal points, int months, BigDecimal cap, String basis) {
			this(points, months, cap, basis, null);
		}

		Rule rule() {
			return new Rule(points, months, basis, points.signum() > 0 && months > 0 ? null : "不予贴息");
		}

		/**
		 * Whether principal under {@code rule} accrues within the decided total: the
		 * decided rate for the decided months (the notices may differ, the arithmetic
		 * does not).
		 */
		boolean covers(Rule rule) {
			return rule.subsidises() && rule.points().compareTo(points) == 0 && rule.months() == months;
		}

	}

	/**
	 * The rule a tranche accrues under: points a year for at most {@code months} from its
	 * own day; a rule of no points gives nothing and says why ({@code finding}). A
	 * {@code pending} rule is of a day after the last rule known: nothing yet, and asked
	 * again each period rather than kept.
	 */
	record Rule(BigDecimal points, int months, String basis, String finding, boolean pending) {

		Rule(BigDecimal points, int months, String basis, String finding) {
			this(points, months, basis, finding, false);
		}

		boolean subsidises() {
			return points.signum() > 0 && months > 0;
		}

		/**
		 * The most principal paid out under this rule may accrue: principal × points ×
		 * months ÷ 12, to the fen, as the interest-subsidy decision computes the amount
		 * of a loan from its grant ({@code months} is already the lesser of the loan's
		 * term and the rule's longest period).
		 */
		BigDecimal capOf(BigDecimal principal) {
			if (!subsidises()) {
				return BigDecimal.ZERO;
			}
			return principal.multiply(points)
				.multiply(BigDecimal.valueOf(months))
				.divide(HUNDRED.multiply(BigDecimal.valueOf(12)), 2, RoundingMode.HALF_UP);
		}

		/**
		 * The sentence the ledger and the notice state of a tranche that gets nothing.
		 */
		String nothingFor(String day) {
			return "该笔放款于" + day + "发放，" + (finding == null ? "不予贴息" : finding) + "，不计贴息"
					+ (pending ? "；政策延续的，由财政部门另行补计" : "");
		}

	}

	/** The rule in force for principal paid out on a day. */
	@FunctionalInterface
	interface Rules {

		Rule on(LocalDate disbursedOn);

		/** Every tranche under one rule. */
		static Rules always(Rule rule) {
			return day -> rule;
		}

		/** Each day asked once. */
		default Rules remembered() {
			Map<LocalDate, Rule> known = new HashMap<>();
			return day -> known.computeIfAbsent(day, this::on);
		}

	}

	/**
	 * A period to write to the ledger; {@code balanceBasis} sums the subsidised shares,
	 * and {@code points} is their rate when they share one, {@code null} when they do
	 * not.
	 */
	record Period(String label, LocalDate start, LocalDate end, BigDecimal balanceBasis, int days, BigDecimal points,
			BigDecimal amount, List<LedgerRow.Share> shares) {
	}

	/**
	 * The first day on which no subsidy accrues on any tranche (the end of the last
	 * subsidised tranche's window, or the day the loan closed), or empty when no tranche
	 * is subsidised.
	 */
	static Optional<LocalDate> stop(Rules rules, List<LoanEvent> events) {
		Optional<LocalDate> stop = events.stream().filter(e -> e.type() == LoanEventType.DISBURSEMENT).map(e -> {
			Rule rule = rules.on(e.date());
			return rule.subsidises() ? e.date().plusMonths(rule.months()) : null;
		}).filter(d -> d != null).max(Comparator.naturalOrder());
		if (stop.isEmpty()) {
			return Optional.empty();
		}
		LocalDate last = stop.get();
		for (LoanEvent e : events) {
			if (e.type().closes() && e.date().isBefore(last)) {
				last = e.date();
			}
		}
		return Optional.of(last);
	}

	static Optional<LocalDate> firstDisbursement(List<LoanEvent> events) {
		return events.stream()
			.filter(e -> e.type() == LoanEventType.DISBURSEMENT)
			.map(LoanEvent::date)
			.min(Comparator.naturalOrder());
	}

	/**
	 * What limits a loan's subsidy: the most each group of tranches may accrue, by the
	 * group's key (a tranche's day, or {@link #SHARED} for the tranches that share one
	 * limit, those whose rule {@code shares}), and the most all of them may come to
	 * together ({@code null} for none). A group without a limit accrues without one.
	 *
	 * @param decided the shared limit is a decided total, which the periods written
	 * before the ledger kept tranches accrued within
	 */
	record Limits(Map<LocalDate, BigDecimal> byKey, Predicate<Rule> shares, BigDecimal loanCap, boolean decided) {

		/** The key of the tranches that share one limit. No day is this early. */
		static final LocalDate SHARED = LocalDate.MIN;

		/** Every tranche within one limit, {@code null} or zero for none. */
		static Limits shared(BigDecimal cap) {
			boolean capped = cap != null && cap.signum() > 0;
			return new Limits(capped ? Map.of(SHARED, cap) : Map.of(), rule -> true, null, false);
		}

		/**
		 * The limit of each tranche of a loan decided by tranche: the principal paid out
		 * on its day under the rule of that day ({@link Rule#capOf}).
		 */
		static Limits byTranche(Rules rules, List<LoanEvent> events) {
			Map<LocalDate, BigDecimal> limits = new HashMap<>();
			principalByDay(events).forEach((day, amount) -> limits.put(day, rules.on(day).capOf(amount)));
			return new Limits(limits, rule -> false, null, false);
		}

		/**
		 * The limits of a loan whose decision determined a total on the whole grant under
		 * the decided rule: the tranches at that rule's rate and months share the total,
		 * less what the principal of each tranche under another subsidising rule would
		 * have had under the decided rule; such a tranche is limited by its own rule. The
		 * rule's cap of one loan, when the table states one, limits them all.
		 */
		static Limits decided(Rules rules, Terms terms, List<LoanEvent> events) {
			Map<LocalDate, BigDecimal> limits = new HashMap<>();
			BigDecimal outside = BigDecimal.ZERO;
			for (Map.Entry<LocalDate, BigDecimal> paid : principalByDay(events).entrySet()) {
				Rule rule = rules.on(paid.getKey());
				if (rule.subsidises() && !terms.covers(rule)) {
					limits.put(paid.getKey(), rule.capOf(paid.getValue()));
					outside = outside.add(terms.rule().capOf(paid.getValue()));
				}
			}
			if (terms.cap() != null && terms.cap().signum() > 0) {
				limits.put(SHARED, terms.cap().subtract(outside).max(BigDecimal.ZERO));
			}
			boolean loanCapped = terms.loanCap() != null && terms.loanCap().signum() > 0;
			return new Limits(limits, terms::covers, loanCapped ? terms.loanCap() : null, true);
		}

		/** The key of the limit a share accrues within. */
		LocalDate keyOf(LedgerRow.Share share) {
			return shares.test(share.rule()) ? SHARED : share.disbursedOn();
		}

		/**
		 * The limit of the principal paid out on {@code day} under {@code rule}: its own,
		 * or the one it shares; {@code null} for none.
		 */
		BigDecimal limitOf(LocalDate day, Rule rule) {
			return byKey.get(shares.test(rule) ? SHARED : day);
		}

		/**
		 * Whether principal of a loan with a decided total accrues outside it, under
		 * another rule (so the total is reduced).
		 */
		boolean outsideTheTotal() {
			return decided && byKey.keySet().stream().anyMatch(key -> !SHARED.equals(key));
		}

		private BigDecimal remaining(LocalDate key, Map<LocalDate, BigDecimal> accrued) {
			BigDecimal limit = byKey.get(key);
			return limit == null ? null : limit.subtract(accrued.getOrDefault(key, BigDecimal.ZERO));
		}

		/**
		 * A period's subsidy by key, each rounded to the fen once: the tranches within
		 * the decided total together, as the total was always accrued, every other
		 * tranche on its own.
		 */
		private Map<LocalDate, BigDecimal> computed(List<LedgerRow.Share> shares) {
			Map<LocalDate, BigDecimal> weighted = new LinkedHashMap<>();
			for (LedgerRow.Share s : shares) {
				if (s.subsidised()) {
					weighted.merge(keyOf(s), s.balanceBasis().multiply(s.points()), BigDecimal::add);
				}
			}
			Map<LocalDate, BigDecimal> computed = new LinkedHashMap<>();
			weighted.forEach(
					(key, w) -> computed.put(key, w.divide(HUNDRED.multiply(DAYS_A_YEAR), 2, RoundingMode.HALF_UP)));
			return computed;
		}

		/**
		 * What each key accrued in the periods {@code written}, read back from their
		 * shares: each key's computation, which is what it accrued, or (in the period its
		 * limit was reached) at least that, so that it accrues no more. A period written
		 * before the ledger kept tranches accrued under the decided rule.
		 */
		private Map<LocalDate, BigDecimal> accrued(List<LedgerRow> written) {
			Map<LocalDate, BigDecimal> accrued = new HashMap<>();
			for (LedgerRow row : written) {
				if (row.shares().isEmpty()) {
					if (decided) {
						accrued.merge(SHARED, row.amount(), BigDecimal::add);
					}
					continue;
				}
				computed(row.shares()).forEach((key, amount) -> accrued.merge(key, amount, BigDecimal::add));
			}
			return accrued;
		}

	}

	/** The principal paid out on each day. */
	private static Map<LocalDate, BigDecimal> principalByDay(List<LoanEvent> events) {
		Map<LocalDate, BigDecimal> principal = new LinkedHashMap<>();
		events.stream()
			.filter(e -> e.type() == LoanEventType.DISBURSEMENT)
			.forEach(e -> principal.merge(e.date(), e.amount(), BigDecimal::add));
		return principal;
	}

	/**
	 * The periods that ended before {@code today}, from {@code next} (the day after the
	 * last period written, or {@code null} for none yet) to the stop of the subsidy,
	 * every tranche within one cap.
	 * @param cap the most all periods together may come to, {@code null} or zero for no
	 * cap
	 * @param accruedSoFar the sum of the periods already written, for the cap
	 */
	static List<Period> periods(Rules rules, BigDecimal cap, List<LoanEvent> recorded, LocalDate next,
			BigDecimal accruedSoFar, LocalDate today, Periodicity periodicity) {
		Map<LocalDate, BigDecimal> accrued = new HashMap<>();
		accrued.put(Limits.SHARED, accruedSoFar);
		return periods(rules, Limits.shared(cap), accrued, recorded, next, accruedSoFar, today, periodicity);
	}

	/**
	 * The periods of a loan whose interest-subsidy decision determined a total, after the
	 * periods {@code written}: the tranches at the decided rate and months within that
	 * total, each tranche under another rule within its own limit
	 * ({@link Limits#decided}).
	 */
	static List<Period> periodsDecided(Rules rules, Terms terms, List<LoanEvent> recorded, List<LedgerRow> written,
			LocalDate today, Periodicity periodicity) {
		Rules once = rules.remembered();
		return periods(once, Limits.decided(once, terms, recorded), recorded, written, today, periodicity);
	}

	/**
	 * The periods of a loan decided by tranche (贷款贴息分笔核定), after the periods
	 * {@code written}. Its decision determined no amount, so no cap of the loan limits
	 * it: each tranche is capped by the rule of its own day ({@link Rule#capOf}, on the
	 * principal paid out that day), so that the loan never gets more than a loan decided
	 * under the same rule, nor more than the sum of its tranches' caps. A share's amount
	 * is rounded to the fen on its own, so that what each tranche accrued is read back
	 * from the shares written, and the period's amount is the sum of its shares.
	 */
	static List<Period> periodsByTranche(Rules rules, List<LoanEvent> recorded, List<LedgerRow> written,
			LocalDate today, Periodicity periodicity) {
		Rules once = rules.remembered();
		return periods(once, Limits.byTranche(once, recorded), recorded, written, today, periodicity);
	}

	private static List<Period> periods(Rules rules, Limits limits, List<LoanEvent> recorded, List<LedgerRow> written,
			LocalDate today, Periodicity periodicity) {
		BigDecimal total = written.stream().map(LedgerRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		LocalDate next = written.isEmpty() ? null : written.get(written.size() - 1).periodEnd().plusDays(1);
		return periods(rules, limits, limits.accrued(written), recorded, next, total, today, periodicity);
	}

	/**
	 * @param accrued what each key of {@code limits} accrued so far (changed as periods
	 * are added)
	 * @param accruedSoFar the sum of the periods already written
	 */
	private static List<Period> periods(Rules rules, Limits limits, Map<LocalDate, BigDecimal> accrued,
			List<LoanEvent> recorded, LocalDate next, BigDecimal accruedSoFar, LocalDate today,
			Periodicity periodicity) {
		List<Period> periods = new ArrayList<>();
		List<LoanEvent> events = new ArrayList<>(recorded);
		events.sort(Comparator.comparing(LoanEvent::date)); // stable: same day keeps its
															// order
		Rules once = rules.remembered();
		Optional<LocalDate> stop = stop(once, events);
		if (stop.isEmpty()) {
			return periods;
		}
		LocalDate from = next != null ? next : firstDisbursement(events).orElseThrow();
		BigDecimal total = accruedSoFar;
		while (from.isBefore(stop.get())) {
			if (limits.loanCap() != null && total.compareTo(limits.loanCap()) >= 0) {
				break; // the whole subsidy is paid: no more periods, not periods of
						// nothing
			}
			LocalDate end = periodicity.endOf(from);
			if (!end.isBefore(today)) {
				break;
			}
			LocalDate last = end.isBefore(stop.get()) ? end : stop.get().minusDays(1);
			Map<LocalDate, LedgerRow.Share> shares = new LinkedHashMap<>();
			LocalDate start = null;
			for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
				// A tranche whose limit is reached is no longer subsidised.
				List<LedgerRow.Share> owed = balancesOn(events, once, day).stream()
					.filter(share -> !share.subsidised() || open(limits.remaining(limits.keyOf(share), accrued)))
					.toList();
				if (start == null && owed.stream().anyMatch(LedgerRow.Share::subsidised)) {
					start = day;
				}
				if (start != null) {
					owed.forEach(share -> shares.merge(share.disbursedOn(), share, Accrual::add));
				}
			}
			if (start == null) {
				// Between one tranche's window and a later tranche nothing is subsidised
				// (or every limit is reached): no period of nothing (its payment notice
				// would be of 零元); the period of a later tranche starts on its day, as
				// the first period does.
				from = end.plusDays(1);
				continue;
			}
			from = start;
			List<LedgerRow.Share> parts = List.copyOf(shares.values());
			BigDecimal basis = BigDecimal.ZERO;
			for (LedgerRow.Share s : parts) {
				if (s.subsidised()) {
					basis = basis.add(s.balanceBasis());
				}
			}
			BigDecimal amount = BigDecimal.ZERO.setScale(2);
			for (Map.Entry<LocalDate, BigDecimal> part : limits.computed(parts).entrySet()) {
				BigDecimal remaining = limits.remaining(part.getKey(), accrued);
				amount = amount
					.add(remaining == null ? part.getValue() : part.getValue().min(remaining.max(BigDecimal.ZERO)));
				accrued.merge(part.getKey(), part.getValue(), BigDecimal::add);
			}
			if (limits.loanCap() != null) {
				amount = amount.min(limits.loanCap().subtract(total).max(BigDecimal.ZERO));
			}
			total = total.add(amount);
			int days = (int) (last.toEpochDay() - from.toEpochDay() + 1);
			periods
				.add(new Period(periodicity.label(from), from, end, basis, days, commonPoints(parts), amount, parts));
			from = end.plusDays(1);
		}
		return periods;
	}

	/** Whether a limit's remainder ({@code null} for no limit) leaves anything. */
	private static boolean open(BigDecimal remaining) {
		return remaining == null || remaining.signum() > 0;
	}

	/**
	 * A share's subsidy on its own, to the fen: its daily balances × points% ÷ 360. Read
	 * back from a share written, it is what the tranche accrued in that period, or (in
	 * the period its cap was reached) at least that, so that the tranche accrues no more.
	 */
	static BigDecimal amountOf(LedgerRow.Share share) {
		if (!share.subsidised()) {
			return BigDecimal.ZERO;
		}
		return share.balanceBasis()
			.multiply(share.points())
			.divide(HUNDRED.multiply(DAYS_A_YEAR), 2, RoundingMode.HALF_UP);
	}

	private static LedgerRow.Share add(LedgerRow.Share a, LedgerRow.Share b) {
		return new LedgerRow.Share(a.disbursedOn(), a.balanceBasis().add(b.balanceBasis()), a.days() + b.days(),
				a.points(), a.months(), a.basis(), a.finding(), a.pending());
	}

	/** The rate of the subsidised shares when they share one, else {@code null}. */
	private static BigDecimal commonPoints(List<LedgerRow.Share> shares) {
		List<BigDecimal> rates = shares.stream()
			.filter(LedgerRow.Share::subsidised)
			.map(s -> s.points().stripTrailingZeros())
			.distinct()
			.toList();
		return rates.size() == 1 ? rates.get(0) : null;
	}

	/**
	 * The principal outstanding at the end of {@code day} that is still within its
	 * tranche's window, summed over every subsidised tranche.
	 * @param events the loan's events in date order
	 */
	static BigDecimal subsidisedBalanceOn(List<LoanEvent> events, Rules rules, LocalDate day) {
		return balancesOn(events, rules, day).stream()
			.filter(LedgerRow.Share::subsidised)
			.map(LedgerRow.Share::balanceBasis)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * The principal outstanding at the end of {@code day} by disbursement day, one day's
	 * share each: each disbursement on or before the day, less the repayments on or
	 * before it applied to the earliest tranches first. A subsidised tranche counts while
	 * the day is less than its rule's months after its own day; a tranche no rule
	 * subsidises counts (at no points) while anything is owed on it, so that the ledger
	 * can say that it gets nothing.
	 * @param events the loan's events in date order
	 */
	private static List<LedgerRow.Share> balancesOn(List<LoanEvent> events, Rules rules, LocalDate day) {
		List<LocalDate> paidOn = new ArrayList<>();
		List<BigDecimal> owed = new ArrayList<>();
		for (LoanEvent e : events) {
			if (e.date().isAfter(day)) {
				break;
			}
			if (e.type() == LoanEventType.DISBURSEMENT) {
				paidOn.add(e.date());
				owed.add(e.amount());
			}
			else {
				BigDecimal repaid = e.balanceChange().negate();
				for (int i = 0; i < owed.size() && repaid.signum() > 0; i++) {
					BigDecimal part = repaid.min(owed.get(i));
					owed.set(i, owed.get(i).subtract(part));
					repaid = repaid.subtract(part);
				}
			}
		}
		Map<LocalDate, LedgerRow.Share> shares = new LinkedHashMap<>();
		for (int i = 0; i < owed.size(); i++) {
			if (owed.get(i).signum() <= 0) {
				continue;
			}
			LocalDate paid = paidOn.get(i);
			Rule rule = rules.on(paid);
			LedgerRow.Share share = null;
			if (!rule.subsidises()) {
				share = new LedgerRow.Share(paid, owed.get(i), 1, BigDecimal.ZERO, 0, null, rule.finding(),
						rule.pending());
			}
			else if (day.isBefore(paid.plusMonths(rule.months()))) {
				share = new LedgerRow.Share(paid, owed.get(i), 1, rule.points(), rule.months(), rule.basis(), null,
						false);
			}
			if (share != null) {
				// Tranches of one day share a rule and a window: one share of the day.
				shares.merge(paid, share, (a, b) -> new LedgerRow.Share(paid, a.balanceBasis().add(b.balanceBasis()), 1,
						a.points(), a.months(), a.basis(), a.finding(), a.pending()));
			}
		}
		return List.copyOf(shares.values());
	}

}
