package cn.liaocheng.renewal.clawback;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way a case's clawback row is held until the caller's transaction ends: every
 * change of a clawback (its determination, notices, answers, repayments) holds it first,
 * and so do the reminders that check a clawback again before telling the enterprise of
 * it. Nothing is held when the case has no clawback.
 */
public final class ClawbackRow {

	private ClawbackRow() {
	}

	public static void hold(JdbcClient jdbc, long applicationId) {
		jdbc.sql("SELECT id FROM clawback WHERE application_id = ? FOR UPDATE")
			.param(applicationId)
			.query()
			.listOfRows();
	}

}
