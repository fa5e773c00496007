package cn.liaocheng.renewal.review.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * V121 on a database whose objections were settled before each recorded its objection
 * check: each learns the check that settled it; those settled by a ruling later withdrawn
 * or returned take the ruling that stands, or are open again while the check has not
 * ruled anew.
 */
class ObjectionMigrationTest {

	@Test
	void shouldGiveEachSettledObjectionTheRulingThatStands() throws Exception {
		String url = "jdbc:h2:mem:objections-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		String last = Arrays.stream(flyway(url, "latest").info().all())
			.map(m -> m.getVersion())
			.filter(v -> v.isNewerThan("0") && !v.isAtLeast("121"))
			.max(MigrationVersion::compareTo)
			.orElseThrow()
			.getVersion();
		flyway(url, last).migrate();
		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			s.execute("SET REFERENTIAL_INTEGRITY FALSE");
			// 1: one ruling, standing.
			ruling(s, 1, "t1", "10:00:00", null, "异议不成立（1）");
			objection(s, 11, 1, "09:00:00", "10:00:01", "异议不成立（1）");
			// 2: the first ruling returned by the finance bureau; the second upholds.
			ruling(s, 2, "t2a", "10:00:00", "11:00:00", "异议不成立（2）");
			ruling(s, 2, "t2b", "12:00:00", null, "异议成立（2）");
			objection(s, 21, 2, "09:00:00", "10:00:01", "异议不成立（2）");
			// 3: the ruling withdrawn; the check has not ruled again.
			ruling(s, 3, "t3", "10:00:00", "11:00:00", "异议不成立（3）");
			objection(s, 31, 3, "09:00:00", "10:00:01", "异议不成立（3）");
			// 4: an objection of a first notice settled and standing; one of a notice run
			// again settled by the later check.
			ruling(s, 4, "t4a", "10:00:00", null, "异议不成立（4a）");
			ruling(s, 4, "t4b", "14:00:00", null, "异议不成立（4b）");
			objection(s, 41, 4, "09:00:00", "10:00:01", "异议不成立（4a）");
			objection(s, 42, 4, "13:00:00", "14:00:01", "异议不成立（4b）");
			// 5: not settled yet.
			objection(s, 51, 5, "09:00:00", null, null);
			s.execute("SET REFERENTIAL_INTEGRITY TRUE");
		}

		flyway(url, "latest").migrate();

		try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
			assertThat(
					rows(s, """
							SELECT id, resolved_by_task, CAST(resolved_at AS TIME), resolution FROM public_objection ORDER BY id"""))
				.containsExactly("11 t1 10:00:01 异议不成立（1）", "21 t2b 12:00:00 异议成立（2）", "31 null null null",
						"41 t4a 10:00:01 异议不成立（4a）", "42 t4b 14:00:01 异议不成立（4b）", "51 null null null");
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

	private static void ruling(Statement s, long applicationId, String taskId, String at, String supersededAt,
			String opinion) throws Exception {
		s.execute("""
				INSERT INTO review_opinion (application_id, task_id, step, step_name, body_group, body_name, reviewer,
				    reviewer_name, decision, opinion, created_at, superseded_at)
				VALUES (%d, '%s', 'Task_ResolveObjections', '处理公示异议', 'city-industry', '聊城市工业和信息化局',
				    'lc-industry', '审核人', 'APPROVE', '%s', TIMESTAMP '2026-03-02 %s', %s)""".formatted(applicationId,
				taskId, opinion, at, supersededAt == null ? "NULL" : "TIMESTAMP '2026-03-02 " + supersededAt + "'"));
	}

	private static void objection(Statement s, long id, long applicationId, String filedAt, String resolvedAt,
			String resolution) throws Exception {
		s.execute("""
				INSERT INTO public_objection (id, application_id, objector_name, contact_phone, content, filed_at,
				    resolved_at, resolution)
				VALUES (%d, %d, '异议人', '13900000000', '设备系翻新旧设备。', TIMESTAMP '2026-03-02 %s', %s, %s)""".formatted(id,
				applicationId, filedAt, resolvedAt == null ? "NULL" : "TIMESTAMP '2026-03-02 " + resolvedAt + "'",
				resolution == null ? "NULL" : "'" + resolution + "'"));
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
