package cn.liaocheng.renewal.application.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.LoanOffer;

/**
 * The {@code loan_offer} table: each chosen bank's decision on a loan application, and
 * the one the enterprise took.
 */
@Repository
class LoanOffers {

	private final JdbcClient jdbc;

	LoanOffers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A bank decides once; a second report of the same bank for the same application is
	 * refused by the key.
	 */
	void record(long applicationId, String bankKey, LoanOffer.Decision decision, LoanGrant grant, String opinion) {
		jdbc.sql(
				"""
						INSERT INTO loan_offer (application_id, bank_key, decision, amount, rate, term_months, grant_date, loan_type,
						                        used_relending, opinion, decided_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, bankKey, decision.name(), grant == null ? null : grant.amount(),
					grant == null ? null : grant.rate(), grant == null ? null : grant.termMonths(),
					grant == null ? null : Date.valueOf(grant.grantDate()), grant == null ? null : grant.type().name(),
					grant == null ? null : grant.usedRelending(), opinion, Timestamp.from(Instant.now()))
			.update();
	}

	List<LoanOffer> of(long applicationId) {
		return jdbc.sql("""
				SELECT bank_key, decision, amount, rate, term_months, grant_date, loan_type, used_relending, opinion,
				       decided_at, accepted_at
				FROM loan_offer WHERE application_id = ? ORDER BY decided_at, bank_key""")
			.param(applicationId)
			.query((rs, n) -> {
				LoanOffer.Decision decision = LoanOffer.Decision.valueOf(rs.getString(2));
				LoanGrant grant = decision != LoanOffer.Decision.GRANTED ? null
						: new LoanGrant(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5),
								rs.getDate(6).toLocalDate(), LoanGrant.LoanType.valueOf(rs.getString(7)),
								rs.getBoolean(8));
				Timestamp accepted = rs.getTimestamp(11);
				return new LoanOffer(rs.getString(1), decision, grant, rs.getString(9), rs.getTimestamp(10).toInstant(),
						accepted == null ? null : accepted.toInstant());
			})
			.list();
	}

	/**
	 * Marks the grant accepted; false when it is not an open grant of this application
	 * (or one was accepted).
	 */
	boolean accept(long applicationId, String bankKey) {
		return jdbc.sql("""
				UPDATE loan_offer SET accepted_at = ? WHERE application_id = ? AND bank_key = ? AND decision = 'GRANTED'
				AND accepted_at IS NULL AND NOT EXISTS (
				    SELECT 1 FROM loan_offer o WHERE o.application_id = ? AND o.accepted_at IS NOT NULL)""")
			.params(Timestamp.from(Instant.now()), applicationId, bankKey, applicationId)
			.update() == 1;
	}

}
