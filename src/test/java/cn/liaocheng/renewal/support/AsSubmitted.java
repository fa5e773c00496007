package cn.liaocheng.renewal.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For a test that writes an application's row itself: records its dossier columns as the
 * figures it was submitted with, as a submission does (the {@code submitted_*} columns
 * that lists, statistics and exports read).
 */
public final class AsSubmitted {

	private AsSubmitted() {
	}

	public static void record(JdbcClient jdbc, long applicationId) {
		jdbc.sql(
				"""
						UPDATE application
						SET submitted_project_name = project_name, submitted_policy_task = policy_task,
						    submitted_total_investment = total_investment, submitted_equipment_investment = equipment_investment,
						    submitted_project_id = project_id, submitted_loan_amount = loan_amount
						WHERE id = ?""")
			.param(applicationId)
			.update();
	}

}
