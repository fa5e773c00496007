package cn.liaocheng.renewal.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The interest subsidy of ended periods, from the loan's actual daily principal balance.
 * Banks in China compute interest on the sum of daily balances (计息积数) with a daily rate
 * of the annual rate / 360 (中国人民银行《人民币利率管理规定》 and 《关于人民币存贷款计结息问题的通知》, 银发〔2005〕129号); the
 * subsidy is computed the same way, so that it matches the bank's interest statements:
 * amount = Σ daily balance × points% ÷ 360, rounded to the fen per period.
 * <p>
 * A day's balance counts from the disbursement day and no longer on the day of a
 * repayment (算头不算尾). The national notices subsidise the principal from the day it is paid
 * out for at most the rule's months (two years), so each disbursement (tranche) has its
 * own window from its own day; a repayment pays off the earliest tranche first (先放先还), as
 * banks apply repayments to the oldest loan receipt (借据) when the repayment names none.
 * Everything stops on the day of a full early repayment or of a default. The cap (the
 * rule's, and the amount the interest-subsidy decision granted) limits the sum of all
 * periods; once it is reached no further period is written.
 */
final class Accrual {

	private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(360);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Accrual() {
	}

	/**
	 * The dated rule applied to the granted loan: points a year, months covered, cap of
	 * the whole subsidy.
	 */
	record Terms(BigDecimal points, int months, BigDecimal cap) {
	}

	/** A period to write to the ledger. */
	record Period(String label, LocalDate start, LocalDate end, BigDecimal balanceBasis, int days, BigDecimal points,
			BigDecimal amount) {
	}

	/**
	 * The first day on which no subsidy accrues on any tranche (the end of the last
	 * tranche's window, or the day the loan closed), or empty when the loan was never
	 * disbursed.
	 */
	static Optional<LocalDate> stop(Terms terms, List<LoanEvent> events) {
		Optional<LocalDate> last = events.stream()
			.filter(e -> e.type() == LoanEventType.DISBURSEMENT)
			.map(LoanEvent::date)
			.max(Comparator.naturalOrder());
		if (last.isEmpty()) {
			return Optional.empty();
		}
		LocalDate stop = last.get().plusMonths(terms.months());
		for (LoanEvent e : events) {
			if (e.type().closes() && e.date().isBefore(stop)) {
				stop = e.date();
			}
		}
		return Optional.of(stop);
	}

	static Optional<LocalDate> firstDisbursement(List<LoanEvent> events) {
		return events.stream()
			.filter(e -> e.type() == LoanEventType.DISBURSEMENT)
			.map(LoanEvent::date)
			.min(Comparator.naturalOrder());
	}

	/**
	 * The periods that ended before {@code today}, from {@code next} (the day after the
	 * last period written, or {@code null} for none yet) to the stop of the subsidy.
	 * @param accruedSoFar the sum of the periods already written, for the cap
	 */
	static List<Period> periods(Terms terms, List<LoanEvent> recorded, LocalDate next, BigDecimal accruedSoFar,
			LocalDate today, Periodicity periodicity) {
		List<Period> periods = new ArrayList<>();
		List<LoanEvent> events = new ArrayList<>(recorded);
		events.sort(Comparator.comparing(LoanEvent::date)); // stable: same day keeps its
															// order
		Optional<LocalDate> stop = stop(terms, events);
		if (stop.isEmpty() || terms.points().signum() <= 0 || terms.months() <= 0) {
			return periods;
		}
		LocalDate from = next != null ? next : firstDisbursement(events).orElseThrow();
		BigDecimal total = accruedSoFar;
		boolean capped = terms.cap() != null && terms.cap().signum() > 0;
		while (from.isBefore(stop.get())) {
			if (capped && total.compareTo(terms.cap()) >= 0) {
				break; // the whole subsidy is paid: no more periods, not periods of
						// nothing
			}
			LocalDate end = periodicity.endOf(from);
			if (!end.isBefore(today)) {
				break;
			}
			LocalDate last = end.isBefore(stop.get()) ? end : stop.get().minusDays(1);
			BigDecimal basis = BigDecimal.ZERO;
			LocalDate start = null;
			for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
				BigDecimal balance = subsidisedBalanceOn(events, terms.months(), day);
				if (start == null && balance.signum() > 0) {
					start = day;
				}
				basis = basis.add(balance);
			}
			if (start == null) {
				// Between one tranche's window and a later tranche nothing is subsidised:
				// no period of nothing (its payment notice would be of 零元); the period
				// of a later tranche starts on its day, as the first period does.
				from = end.plusDays(1);
				continue;
			}
			from = start;
			BigDecimal amount = basis.multiply(terms.points())
				.divide(HUNDRED.multiply(DAYS_A_YEAR), 2, RoundingMode.HALF_UP);
			if (capped) {
				amount = amount.min(terms.cap().subtract(total).max(BigDecimal.ZERO));
			}
			total = total.add(amount);
			int days = (int) (last.toEpochDay() - from.toEpochDay() + 1);
			periods.add(new Period(periodicity.label(from), from, end, basis, days, terms.points(), amount));
			from = end.plusDays(1);
		}
		return periods;
	}

	/**
	 * The principal outstanding at the end of {@code day} that is still within its
	 * tranche's window: each disbursement on or before the day, less the repayments on or
	 * before it applied to the earliest tranches first, counted while the day is less
	 * than {@code months} after the tranche's own disbursement day.
	 * @param events the loan's events in date order
	 */
	static BigDecimal subsidisedBalanceOn(List<LoanEvent> events, int months, LocalDate day) {
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
		BigDecimal balance = BigDecimal.ZERO;
		for (int i = 0; i < owed.size(); i++) {
			if (day.isBefore(paidOn.get(i).plusMonths(months))) {
				balance = balance.add(owed.get(i));
			}
		}
		return balance;
	}

}
