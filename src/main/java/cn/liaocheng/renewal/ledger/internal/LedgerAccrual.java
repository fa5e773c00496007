package cn.liaocheng.renewal.ledger.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.ledger.InterestPeriodsAccrued;
import cn.liaocheng.renewal.operations.ClusterLease;

/**
 * Writes every ended period of every disbursed loan to the ledger. One node of the
 * cluster runs it at a time ({@link ClusterLease}); each loan is accrued in its own
 * transaction under the loan's row lock, and a period already written is found, never
 * written twice, so a repeated or overlapping run changes nothing. A run that wrote any
 * period tells the city finance bureau ({@link InterestPeriodsAccrued}).
 */
@Component
public class LedgerAccrual {

	static final String JOB = "interest-subsidy-accrual";

	private static final Logger LOG = LoggerFactory.getLogger(LedgerAccrual.class);

	private static final Duration LEASE = Duration.ofMinutes(30);

	private final ApplicationStages stages;

	private final LedgerStore store;

	private final ClusterLease lease;

	private final TransactionTemplate transaction;

	private final Periodicity periodicity;

	private final LoanRules rules;

	private final ApplicationEventPublisher events;

	LedgerAccrual(ApplicationStages stages, LedgerStore store, ClusterLease lease,
			PlatformTransactionManager transactions, @Value("${renewal.ledger.period:MONTHLY}") Periodicity periodicity,
			LoanRules rules, ApplicationEventPublisher events) {
		this.stages = stages;
		this.events = events;
		this.store = store;
		this.rules = rules;
		this.lease = lease;
		this.transaction = new TransactionTemplate(transactions);
		this.periodicity = periodicity;
	}

	@Scheduled(initialDelayString = "${renewal.ledger.accrual.initial-delay:PT5M}",
			fixedDelayString = "${renewal.ledger.accrual.interval:PT1H}")
	void scheduled() {
		int written = accrueAll(LocalDate.now(LoanBook.CHINA));
		if (written > 0) {
			LOG.info("Accrued {} interest-subsidy ledger periods", written);
		}
	}

	/**
	 * Accrues the periods that ended before {@code today}; returns how many rows were
	 * written.
	 */
	public int accrueAll(LocalDate today) {
		if (!lease.take(JOB, LEASE)) {
			return 0;
		}
		try {
			int written = 0;
			int loans = 0;
			for (long loan : store.disbursedLoans()) {
				try {
					int periods = transaction.execute(status -> accrue(loan, today));
					written += periods;
					loans += periods > 0 ? 1 : 0;
				}
				catch (RuntimeException e) {
					// One loan's fault must not hold up the others' ledgers; it is
					// retried on the next run.
					LOG.error("Interest-subsidy accrual of application {} failed", loan, e);
				}
			}
			if (written > 0) {
				// The finance bureau hears of the periods waiting for its approval.
				InterestPeriodsAccrued accrued = new InterestPeriodsAccrued(written, loans, today);
				transaction.executeWithoutResult(status -> events.publishEvent(accrued));
			}
			return written;
		}
		finally {
			lease.giveBack(JOB);
		}
	}

	private int accrue(long applicationId, LocalDate today) {
		GrantedLoan loan = GrantedLoan.of(stages, applicationId);
		if (!loan.decided()) {
			// The interest subsidy is not decided yet: no period is written now that
			// could differ from the decision; the next run after it accrues them all.
			return 0;
		}
		store.lock(applicationId);
		List<LedgerRow> rows = store.rows(applicationId);
		int written = 0;
		// A loan decided by tranche has no amount of its own: each tranche is capped by
		// its own day's rule. A loan with a decided amount caps the tranches under the
		// decided rule by it, and a tranche under another rule by that rule.
		List<Accrual.Period> due = loan.byTranche()
				? Accrual.periodsByTranche(rules.of(loan), store.events(applicationId), rows, today, periodicity)
				: Accrual.periodsDecided(rules.of(loan), loan.terms(), store.events(applicationId), rows, today,
						periodicity);
		for (Accrual.Period p : due) {
			if (store.insertPeriod(applicationId, loan.divisionCode(), loan.bankKey(), p)) {
				written++;
			}
		}
		return written;
	}

}
