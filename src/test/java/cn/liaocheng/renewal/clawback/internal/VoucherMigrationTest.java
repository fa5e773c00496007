package cn.liaocheng.renewal.clawback.internal;

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
 * V117 and V118 on a database that already holds vouchers used twice (recorded before the
 * rule): the migration does not fail, the earliest entry keeps each voucher, the returned
 * repayments hold none, and nothing recorded is changed.
 */
class VoucherMigrationTest {

	@Test
	void shouldHoldEachVoucherForItsEarliestEntryWhenExistingRowsShareIt() throws Exception {
		String url = "jdbc:h2:mem:vouchers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		// The last migration before V117, whatever is added before it on merge.
		String last = java.util.Arrays.stream(flyway(url, "latest").info().all())
			.map(m -> m.getVersion())
			.filter(v -> v.isNewerThan("0") && !v.isAtLeast("117"))
			.max(org.flywaydb.core.api.MigrationVersion::compareTo)
			.orElseThrow()
			.getVersion();
		flyway(url, last).migrate();
		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			s.execute("SET REFERENTIAL_INTEGRITY FALSE");
			clawback(s, 1, "371525");
			clawback(s, 2, "371525");
			clawback(s, 3, "371581");
			repayment(s, 11, 1, "JK-1", "CONFIRMED");
			repayment(s, 12, 2, "jk-1", "PENDING");
			repayment(s, 13, 3, "JK-1", "CONFIRMED");
			repayment(s, 14, 1, "JK-2", "RETURNED");
			repayment(s, 15, 2, "JK-2", "PENDING");
			repayment(s, 16, 2, "JK-3", "RETURNED");
			payment(s, 21, 101, "GK-1", "county-371525-finance");
			payment(s, 22, 102, "gk-1", "county-371525-finance");
			payment(s, 23, 103, "GK-1", "county-371581-finance");
			s.execute("SET REFERENTIAL_INTEGRITY TRUE");
		}

		flyway(url, "latest").migrate();

		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			assertThat(rows(s, "SELECT division_code, voucher_key, clawback_id FROM clawback_voucher ORDER BY 1, 2"))
				.containsExactly("371525 JK-1 1", "371525 JK-2 2", "371581 JK-1 3");
			assertThat(
					rows(s, "SELECT body_group, voucher_key, payment_id FROM aftercare_payment_voucher ORDER BY 1, 2"))
				.containsExactly("county-371525-finance GK-1 21", "county-371581-finance GK-1 23");
			assertThat(rows(s, "SELECT COUNT(*) FROM clawback_repayment")).containsExactly("6");
			assertThat(rows(s, "SELECT COUNT(*) FROM aftercare_payment")).containsExactly("3");
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

	private static void clawback(Statement s, long id, String division) throws Exception {
		s.execute("""
				INSERT INTO clawback (id, application_id, enterprise_id, division_code, reference_no, enterprise_name,
				    credit_code, project_name, allocated, cause, facts, started_by, started_at, status)
				VALUES (%d, %d, 1, '%s', 'JB-2026-%06d', '企业', '91371525MA3C000001', '项目', 37000, 'ACCEPTANCE_FAILED',
				    '验收不合格', 'lc-industry', CURRENT_TIMESTAMP, 'DECIDED')""".formatted(id, 100 + id, division, id));
	}

	private static void repayment(Statement s, long id, long clawbackId, String voucher, String state)
			throws Exception {
		s.execute("""
				INSERT INTO clawback_repayment (id, clawback_id, paid_on, amount, voucher_no, recorded_by, recorded_at,
				    state)
				VALUES (%d, %d, CURRENT_DATE, 1000, '%s', 'gx-finance', CURRENT_TIMESTAMP, '%s')""".formatted(id,
				clawbackId, voucher, state));
	}

	private static void payment(Statement s, long id, long applicationId, String voucher, String group)
			throws Exception {
		s.execute("""
				INSERT INTO aftercare_payment (id, application_id, task_id, paid_on, amount, voucher_no, body_group,
				    recorded_by, recorded_at)
				VALUES (%d, %d, 'task-%d', CURRENT_DATE, 1000, '%s', '%s', 'gx-finance', CURRENT_TIMESTAMP)"""
			.formatted(id, applicationId, id, voucher, group));
	}

	private static List<String> rows(Statement s, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (ResultSet rs = s.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					values.add(rs.getString(i));
				}
				rows.add(String.join(" ", values));
			}
		}
		return rows;
	}

}
