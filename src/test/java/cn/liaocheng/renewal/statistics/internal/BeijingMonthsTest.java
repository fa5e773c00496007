package cn.liaocheng.renewal.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.AsSubmitted;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The statistics count a moment in the month and year it had in Beijing, whatever zone
 * the server's JVM runs in: a claim submitted on the morning of 1 March (Beijing) is a
 * March submission, one of New Year's morning belongs to the new year, and so does a
 * clawback decided that morning. The product writes timestamps from instants, so the
 * database holds the JVM's wall clock (UTC in the shipped image). The year 2031 is used
 * by no other test.
 */
@WebIntegrationTest
class BeijingMonthsTest {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final String GUANXIAN = "371525";

	private static final StatisticsScope CITY_2031 = new StatisticsScope(Set.of(), 2031, false);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dashboard dashboard;

	@Test
	void aSubmissionIsCountedInItsBeijingMonth() {
		application(LocalDateTime.of(2031, 3, 1, 7, 30));
		application(LocalDateTime.of(2031, 1, 1, 6, 0));
		application(LocalDateTime.of(2031, 5, 20, 10, 0));

		List<String> months = dashboard.table("month", CITY_2031)
			.orElseThrow()
			.rows()
			.stream()
			.map(row -> (String) row.get(0))
			.toList();

		assertThat(months).containsExactly("2031年1月", "2031年3月", "2031年5月", "合计");
	}

	@Test
	void aClawbackDecidedOnNewYearsMorningBelongsToTheNewYear() {
		long claim = application(LocalDateTime.of(2030, 6, 1, 10, 0));
		clawbackDecided(claim, LocalDateTime.of(2031, 1, 1, 6, 30), new BigDecimal("12345.60"));

		List<List<Object>> money = dashboard.table("money", CITY_2031).orElseThrow().rows();

		assertThat(money).contains(List.of("追回资金（已决定）", "冠县", 1L, new BigDecimal("1.23")));
	}

	private long application(LocalDateTime submittedInBeijing) {
		long enterprise = jdbc.sql("SELECT id FROM enterprise WHERE division_code = ? ORDER BY id")
			.param(GUANXIAN)
			.query(Long.class)
			.list()
			.get(0);
		String key = "beijing-month-" + UUID.randomUUID();
		Timestamp now = Timestamp.from(java.time.Instant.now());
		jdbc.sql(
				"""
						INSERT INTO application (kind, enterprise_id, division_code, status, creation_key, version, project_name,
						    policy_task, equipment_investment, created_at, updated_at, submitted_at)
						VALUES ('PROJECT', ?, ?, 'CITY_REVIEW', ?, 0, '北京时间统计测试项目', 4, 1000000.00, ?, ?, ?)""")
			.params(enterprise, GUANXIAN, key, now, now, at(submittedInBeijing))
			.update();
		long id = jdbc.sql("SELECT id FROM application WHERE creation_key = ?").param(key).query(Long.class).single();
		AsSubmitted.record(jdbc, id);
		return id;
	}

	private void clawbackDecided(long claim, LocalDateTime decidedInBeijing, BigDecimal amount) {
		long enterprise = jdbc.sql("SELECT enterprise_id FROM application WHERE id = ?")
			.param(claim)
			.query(Long.class)
			.single();
		Timestamp now = Timestamp.from(java.time.Instant.now());
		String sha = "0".repeat(64);
		String key = UUID.randomUUID().toString().replace("-", "");
		jdbc.sql(
				"INSERT INTO stored_file (sha256, size_bytes, media_type, created_at, content) VALUES (?, 1, 'application/pdf', ?, ?)")
			.params(key + key.substring(0, 32), now, new byte[] { 1 })
			.update();
		long file = jdbc.sql("SELECT id FROM stored_file WHERE sha256 = ?")
			.param(key + key.substring(0, 32))
			.query(Long.class)
			.single();
		int serial = 900_000 + (int) (claim % 90_000);
		jdbc.sql(
				"""
						INSERT INTO decision (application_id, stage, decision_type, body_key, body_name, decision_year, serial_no,
						    document_number, verification_code, decision_date, issued_at, enterprise_name, credit_code, file_id, sha256, signer)
						VALUES (?, 'CLAWBACK', 'CLAWBACK_DECIDED', 'industry', '聊城市工业和信息化局', 2031, ?, ?, ?, ?, ?, '企业',
						    '91371525MA3CB7K21F', ?, ?, 'test')""")
			.params(claim, serial, "聊工信审〔2031〕" + serial + "号", key.substring(0, 16), decidedInBeijing.toLocalDate(),
					at(decidedInBeijing), file, sha)
			.update();
		long decision = jdbc.sql("SELECT id FROM decision WHERE application_id = ? AND stage = 'CLAWBACK'")
			.param(claim)
			.query(Long.class)
			.single();
		jdbc.sql(
				"""
						INSERT INTO clawback (application_id, enterprise_id, division_code, reference_no, enterprise_name,
						    credit_code, project_name, allocated, cause, facts, started_by, started_at, status, amount, deadline,
						    decision_id, decision_number)
						VALUES (?, ?, ?, ?, '企业', '91371525MA3CB7K21F', '北京时间统计测试项目', ?, 'ACCEPTANCE_FAILED', '验收不合格。',
						    'lc-industry', ?, 'DECIDED', ?, ?, ?, ?)""")
			.params(claim, enterprise, GUANXIAN, "BJ-" + claim, amount, now, amount, LocalDate.of(2031, 2, 1), decision,
					"聊工信审〔2031〕" + serial + "号")
			.update();
	}

	/** A moment given in Beijing time, written as the product writes instants. */
	private static Timestamp at(LocalDateTime beijing) {
		return Timestamp.from(beijing.atZone(BEIJING).toInstant());
	}

}
