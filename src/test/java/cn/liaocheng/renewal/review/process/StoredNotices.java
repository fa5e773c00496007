package cn.liaocheng.renewal.review.process;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.support.AsSubmitted;

/**
 * Notices written straight into the tables (as those stored before a rule held), and
 * removed again.
 */
public final class StoredNotices implements AutoCloseable {

	private final JdbcClient jdbc;

	private final List<Long> applications = new ArrayList<>();

	private final List<Long> enterprises = new ArrayList<>();

	public StoredNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long add(String reference, String enterpriseName, String projectName, Instant starts) {
		String code = Registrations.freshCreditCode("371525");
		Instant now = Instant.now();
		jdbc.sql(
				"""
						INSERT INTO enterprise (credit_code, name, division_code, industry, contact_name, contact_phone, user_id,
						                        status, created_at)
						VALUES (?, ?, '371525', '通用设备制造', '联系人', '0635-5123456', ?, 'ACTIVE', ?)""")
			.params(code, enterpriseName, "legacy-" + code, Timestamp.from(now))
			.update();
		long enterpriseId = jdbc.sql("SELECT id FROM enterprise WHERE credit_code = ?")
			.param(code)
			.query(Long.class)
			.single();
		enterprises.add(enterpriseId);
		jdbc.sql(
				"""
						INSERT INTO application (reference_no, kind, enterprise_id, division_code, status, creation_key, version,
						                         project_name, created_at, updated_at)
						VALUES (?, 'SUBSIDY', ?, '371525', 'PUBLIC_NOTICE', ?, 1, ?, ?, ?)""")
			.params(reference, enterpriseId, UUID.randomUUID().toString(), projectName, Timestamp.from(now),
					Timestamp.from(now))
			.update();
		long applicationId = jdbc.sql("SELECT id FROM application WHERE reference_no = ?")
			.param(reference)
			.query(Long.class)
			.single();
		applications.add(applicationId);
		AsSubmitted.record(jdbc, applicationId);
		jdbc.sql("INSERT INTO public_notice (application_id, starts_at, ends_at, amount) VALUES (?, ?, ?, ?)")
			.params(applicationId, Timestamp.from(starts), Timestamp.from(now.plus(1, ChronoUnit.DAYS)),
					new BigDecimal("50000.00"))
			.update();
		return applicationId;
	}

	@Override
	public void close() {
		for (long id : applications) {
			jdbc.sql("DELETE FROM public_objection WHERE application_id = ?").param(id).update();
			jdbc.sql("DELETE FROM public_notice WHERE application_id = ?").param(id).update();
			jdbc.sql("DELETE FROM application WHERE id = ?").param(id).update();
		}
		enterprises.forEach(id -> jdbc.sql("DELETE FROM enterprise WHERE id = ?").param(id).update());
	}

}
