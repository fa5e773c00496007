package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V133 and V134 on a database with applications in every state: the figures as last
 * submitted are the recorded submission's where one is recorded (a loan returned for
 * correction and edited since keeps the amount it was submitted with), the working copy
 * otherwise, and nothing for a draft.
 */
class SubmittedFiguresMigrationTest {

	@Test
	void shouldTakeTheFiguresOfTheLastRecordedSubmissionAndTheWorkingCopyOtherwise() throws Exception {
		String url = "jdbc:h2:mem:submitted-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		flyway(url, "132").migrate();
		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			s.execute("SET REFERENTIAL_INTEGRITY FALSE");
			// A loan submitted at 5,000,000, resubmitted at 6,000,000, returned again and
			// edited to 8,000,000 without a resubmission.
			application(s, 1, "LOAN", "CORRECTION", "NULL", "NULL", "NULL", "8000000.00", "7");
			submission(s, 1, "2026-03-01 09:00:00", "{\"projectId\":7,\"loanAmount\":5000000.00,\"bankKeys\":[]}");
			submission(s, 1, "2026-03-09 09:00:00", "{\"projectId\":7,\"loanAmount\":6000000.00,\"bankKeys\":[]}");
			// A project whose name and task were edited during a correction that lapsed.
			application(s, 2, "PROJECT", "LAPSED", "'改过的名称'", "3", "99000000.00", "NULL", "NULL");
			submission(s, 2, "2026-03-01 09:00:00",
					"{\"projectName\":\"提交的名称\",\"policyTask\":7,\"totalInvestment\":12000000.00,"
							+ "\"equipmentInvestment\":8000000.00,\"bankKeys\":[]}");
			// Submitted before submissions were recorded, never returned.
			application(s, 3, "PROJECT", "APPROVED", "'早先的项目'", "4", "3000000.00", "NULL", "NULL");
			// A draft.
			application(s, 4, "PROJECT", "DRAFT", "'草稿'", "5", "1000000.00", "NULL", "NULL");
			s.execute("SET REFERENTIAL_INTEGRITY TRUE");
		}

		flyway(url, "latest").migrate();

		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			assertThat(rows(s, """
					SELECT id, submitted_project_name, submitted_policy_task, submitted_total_investment,
					       submitted_equipment_investment, submitted_project_id, submitted_loan_amount
					FROM application ORDER BY id""")).containsExactly("1 null null null null 7 6000000.00",
					"2 提交的名称 7 12000000.00 8000000.00 null null", "3 早先的项目 4 3000000.00 null null null",
					"4 null null null null null null");
		}
	}

	private static Flyway flyway(String url, String target) {
		return Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.table("app_schema_history")
			.target(target)
			.load();
	}

	private static void application(Statement s, long id, String kind, String status, String name, String task,
			String total, String loan, String project) throws Exception {
		s.execute("""
				INSERT INTO application (id, kind, enterprise_id, division_code, status, creation_key, version,
				    project_name, policy_task, total_investment, loan_amount, project_id, created_at, updated_at)
				VALUES (%d, '%s', 1, '371525', '%s', 'k-%d', 1, %s, %s, %s, %s, %s, CURRENT_TIMESTAMP,
				    CURRENT_TIMESTAMP)""".formatted(id, kind, status, id, name, task, total, loan, project));
	}

	private static void submission(Statement s, long applicationId, String at, String dossier) throws Exception {
		s.execute(
				"INSERT INTO application_submission (application_id, submitted_at, dossier) VALUES (%d, TIMESTAMP '%s', '%s')"
					.formatted(applicationId, at, dossier));
	}

	private static List<String> rows(Statement s, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (ResultSet rs = s.executeQuery(sql)) {
			int n = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> cells = new ArrayList<>();
				for (int i = 1; i <= n; i++) {
					cells.add(String.valueOf(rs.getObject(i)));
				}
				rows.add(String.join(" ", cells));
			}
		}
		return rows;
	}

}
