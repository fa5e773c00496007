package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.PostgresContext;

/**
 * The 需要您处理 list's queries on PostgreSQL, where production runs: the applications' own (a
 * correction within its period), the after-award process's (over the engine's message
 * subscriptions, with the latest finding's deadline) and the clawback's (the notice of
 * the determination in force, the repayments recorded but not yet checked).
 */
@PostgresContext
class PendingActionsOnPostgresTest {

	private static final PortalUser ENTERPRISE = new PortalUser(DemoUsers.ENTERPRISE, DemoUsers.ENTERPRISE, List.of());

	@Autowired
	PendingActions pending;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	private final List<Long> applications = new ArrayList<>();

	private final List<String> instances = new ArrayList<>();

	private final LocalDate today = ChinaTime.today();

	@Test
	void shouldListEachKindOfStepWithItsLastDayFromItsOwnQuery() {
		long correction = application("CORRECTION");
		jdbc.sql("UPDATE application SET correction_deadline = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().plus(Duration.ofDays(3))), correction)
			.update();
		long lapsedCorrection = application("CORRECTION");
		jdbc.sql("UPDATE application SET correction_deadline = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(60)), lapsedCorrection)
			.update();
		long rectification = application("APPROVED");
		finding(rectification, "CITY_ACCEPTANCE", today.plusDays(2), Instant.now().minus(Duration.ofDays(30)));
		finding(rectification, "CITY_ACCEPTANCE", today.plusDays(9), Instant.now());
		awaiting(rectification, "Gateway_AwaitRectification");
		long performance = application("APPROVED");
		awaiting(performance, "Event_PerformanceReported");
		long statement = application("APPROVED");
		notice(clawback(statement, "NOTIFIED"), today.plusDays(5), Instant.now().plus(Duration.ofDays(5)));
		long answered = application("APPROVED");
		long answeredClawback = clawback(answered, "NOTIFIED");
		notice(answeredClawback, today.plusDays(5), Instant.now().plus(Duration.ofDays(5)));
		jdbc.sql("UPDATE clawback_notice SET answer = 'WAIVED' WHERE clawback_id = ?").param(answeredClawback).update();
		long repayment = application("APPROVED");
		repaid(clawback(repayment, "DECIDED"), "10000.00");
		long coveredRepayment = application("APPROVED");
		repaid(clawback(coveredRepayment, "OVERDUE"), "37000.00");

		List<PendingAction> listed = pending.of(ENTERPRISE)
			.stream()
			.filter(a -> applications.contains(a.applicationId()))
			.toList();

		// Soonest last day first, those without one last.
		assertThat(listed).extracting(PendingAction::applicationId)
			.containsExactly(correction, statement, rectification, repayment, performance);
		assertThat(listed).extracting(PendingAction::lastDay)
			.containsExactly(LocalDate.ofInstant(Instant.now().plus(Duration.ofDays(3)), ChinaTime.ZONE),
					today.plusDays(5), today.plusDays(9), today.plusDays(30), null);
		assertThat(listed.get(3).todo()).contains("缴回 27,000.00 元", "已登记的缴款 10,000.00 元");
		assertThat(listed).allSatisfy(a -> assertThat(a.referenceNo()).startsWith("TEST-"));
	}

	@AfterEach
	void removeCases() {
		instances.forEach(id -> runtime.deleteProcessInstance(id, "test ended", true, true));
		if (!instances.isEmpty()) {
			history.deleteHistoricProcessInstances(instances);
		}
		for (long id : applications) {
			jdbc.sql(
					"DELETE FROM clawback_repayment WHERE clawback_id IN (SELECT id FROM clawback WHERE application_id = ?)")
				.param(id)
				.update();
			jdbc.sql(
					"DELETE FROM clawback_notice WHERE clawback_id IN (SELECT id FROM clawback WHERE application_id = ?)")
				.param(id)
				.update();
			jdbc.sql("DELETE FROM clawback WHERE application_id = ?").param(id).update();
			jdbc.sql("DELETE FROM aftercare_finding WHERE application_id = ?").param(id).update();
			jdbc.sql("DELETE FROM after_award_process WHERE application_id = ?").param(id).update();
			jdbc.sql("DELETE FROM application WHERE id = ?").param(id).update();
		}
	}

	private long application(String status) {
		Timestamp now = Timestamp.from(Instant.now());
		long id = jdbc
			.sql("""
					INSERT INTO application (reference_no, kind, enterprise_id, division_code, status, creation_key, version,
					                         created_at, updated_at)
					SELECT ?, 'SUBSIDY', id, division_code, ?, ?, 0, ?, ? FROM enterprise WHERE user_id = ?
					RETURNING id""")
			.params("TEST-" + UUID.randomUUID().toString().substring(0, 8), status, UUID.randomUUID().toString(), now,
					now, DemoUsers.ENTERPRISE)
			.query(Long.class)
			.single();
		applications.add(id);
		return id;
	}

	private void finding(long application, String step, LocalDate deadline, Instant recordedAt) {
		jdbc.sql("""
				INSERT INTO aftercare_finding (application_id, task_id, step, result, deadline, opinion, body_group,
				                               recorded_at)
				VALUES (?, ?, ?, 'RETURN', ?, '请整改', 'city-industry', ?)""")
			.params(application, UUID.randomUUID().toString(), step, Date.valueOf(deadline), Timestamp.from(recordedAt))
			.update();
	}

	/**
	 * The case's after-award process waiting at {@code activity}, recorded as the product
	 * records the one it starts.
	 */
	private void awaiting(long application, String activity) {
		String instance = runtime.createProcessInstanceByKey("subsidy-aftercare")
			.businessKey(String.valueOf(application))
			.startBeforeActivity(activity)
			.setVariable("rectificationDue", today.plusYears(1).atStartOfDay(ChinaTime.ZONE).toInstant().toString())
			.execute()
			.getId();
		instances.add(instance);
		jdbc.sql("INSERT INTO after_award_process (application_id, process_key, process_instance_id, recorded_at)"
				+ " VALUES (?, 'subsidy-aftercare', ?, ?)")
			.params(application, instance, Timestamp.from(Instant.now()))
			.update();
	}

	/** A clawback of 37 000 yuan, determined, due in 30 days. */
	private long clawback(long application, String status) {
		return jdbc
			.sql("""
					INSERT INTO clawback (application_id, enterprise_id, division_code, reference_no, enterprise_name,
					    credit_code, project_name, allocated, cause, facts, started_by, started_at, status, amount, deadline,
					    determined_at, decision_number, prior_notice_required)
					SELECT a.id, e.id, e.division_code, a.reference_no, e.name, e.credit_code, '测试项目', 37000, 'FALSE_MATERIAL',
					       '发票系虚开', 'lc-industry', ?, ?, 37000, ?, TIMESTAMP '2026-01-01 00:00:00', '聊工信追决〔2026〕1号', TRUE
					FROM application a JOIN enterprise e ON e.id = a.enterprise_id WHERE a.id = ?
					RETURNING id""")
			.params(Timestamp.from(Instant.now()), status, Date.valueOf(today.plusDays(30)), application)
			.query(Long.class)
			.single();
	}

	private void notice(long clawback, LocalDate lastDay, Instant endsAt) {
		jdbc.sql("""
				INSERT INTO clawback_notice (clawback_id, seq, number, process_instance_id, determined_at, amount,
				    body, issued_at, last_day, ends_at)
				VALUES (?, 1, ?, 'none', TIMESTAMP '2026-01-01 00:00:00', 37000, '告知书', ?, ?, ?)""")
			.params(clawback, "聊工信追告〔2026〕" + clawback + "-1号", Timestamp.from(Instant.now()), Date.valueOf(lastDay),
					Timestamp.from(endsAt))
			.update();
	}

	/** A repayment the county finance bureau recorded and has not yet checked. */
	private void repaid(long clawback, String amount) {
		jdbc.sql(
				"""
						INSERT INTO clawback_repayment (clawback_id, paid_on, amount, voucher_no, recorded_by, recorded_at, state)
						VALUES (?, ?, ?, ?, 'gx-finance', ?, 'PENDING')""")
			.params(clawback, Date.valueOf(today), new BigDecimal(amount), "PG-" + clawback,
					Timestamp.from(Instant.now()))
			.update();
	}

}
