package cn.liaocheng.renewal.aftercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.aftercare.OpenRectifications.OpenRectification;
import cn.liaocheng.renewal.aftercare.internal.AftercareModel;
import cn.liaocheng.renewal.aftercare.internal.Finding;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.PostgresContext;

/**
 * The open rectifications' query on PostgreSQL: the deadline of a project's latest city
 * acceptance finding counts, only while its after-award process waits for the
 * rectification, both ends of the range included, soonest first.
 */
@PostgresContext
class OpenRectificationsOnPostgresTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	OpenRectifications open;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcClient jdbc;

	private final List<Long> applications = new ArrayList<>();

	private final List<String> instances = new ArrayList<>();

	private final LocalDate today = LocalDate.now(CHINA);

	@Test
	void shouldListTheLatestCityDeadlineOfEachProjectAwaitingItsRectificationSoonestFirst() {
		Instant now = Instant.now();
		long rescheduled = application();
		finding(rescheduled, Finding.Step.CITY_ACCEPTANCE, today.plusDays(2), now.minus(Duration.ofDays(40)));
		finding(rescheduled, Finding.Step.CITY_ACCEPTANCE, today.plusDays(9), now.minus(Duration.ofDays(1)));
		awaiting(rescheduled, "Gateway_AwaitRectification");
		long dueToday = application();
		finding(dueToday, Finding.Step.CITY_ACCEPTANCE, today, now.minus(Duration.ofDays(10)));
		finding(dueToday, Finding.Step.COUNTY_CHECK, today.plusDays(30), now);
		awaiting(dueToday, "Gateway_AwaitRectification");
		long lastDay = application();
		finding(lastDay, Finding.Step.CITY_ACCEPTANCE, today.plusDays(20), now);
		awaiting(lastDay, "Gateway_AwaitRectification");
		long tooLate = application();
		finding(tooLate, Finding.Step.CITY_ACCEPTANCE, today.plusDays(21), now);
		awaiting(tooLate, "Gateway_AwaitRectification");
		long notWaiting = application();
		finding(notWaiting, Finding.Step.CITY_ACCEPTANCE, today.plusDays(5), now);
		awaiting(notWaiting, "Event_AcceptanceApplied");
		// The recorded process has moved on; one started by hand with the key waits.
		long byHand = application();
		finding(byHand, Finding.Step.CITY_ACCEPTANCE, today.plusDays(6), now);
		awaiting(byHand, "Event_AcceptanceApplied");
		startedAt(byHand, "Gateway_AwaitRectification");

		List<OpenRectification> due = open.dueBetween(today, today.plusDays(20))
			.stream()
			.filter(r -> applications.contains(r.applicationId()))
			.toList();

		assertThat(due).extracting(OpenRectification::applicationId).containsExactly(dueToday, rescheduled, lastDay);
		assertThat(due).extracting(OpenRectification::deadline)
			.containsExactly(today, today.plusDays(9), today.plusDays(20));
		assertThat(due).allSatisfy(r -> {
			assertThat(r.referenceNo()).isEqualTo(referenceNo(r.applicationId()));
			assertThat(r.enterpriseUser()).isEqualTo(DemoUsers.ENTERPRISE);
		});
	}

	@AfterEach
	void removeCases() {
		instances.forEach(id -> runtime.deleteProcessInstance(id, "test ended", true, true));
		if (!instances.isEmpty()) {
			history.deleteHistoricProcessInstances(instances);
		}
		for (long id : applications) {
			jdbc.sql("DELETE FROM aftercare_finding WHERE application_id = ?").param(id).update();
			jdbc.sql("DELETE FROM after_award_process WHERE application_id = ?").param(id).update();
			jdbc.sql("DELETE FROM application WHERE id = ?").param(id).update();
		}
	}

	private long application() {
		Timestamp now = Timestamp.from(Instant.now());
		long id = jdbc
			.sql("""
					INSERT INTO application (reference_no, kind, enterprise_id, division_code, status, creation_key, version,
					                         created_at, updated_at)
					SELECT ?, 'SUBSIDY', id, division_code, 'APPROVED', ?, 0, ?, ? FROM enterprise WHERE user_id = ?
					RETURNING id""")
			.params("TEST-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID().toString(), now, now,
					DemoUsers.ENTERPRISE)
			.query(Long.class)
			.single();
		applications.add(id);
		return id;
	}

	private void finding(long application, Finding.Step step, LocalDate deadline, Instant recordedAt) {
		jdbc.sql("""
				INSERT INTO aftercare_finding (application_id, task_id, step, result, deadline, opinion, body_group,
				                               recorded_at)
				VALUES (?, ?, ?, 'RETURN', ?, '请整改', 'city-industry', ?)""")
			.params(application, UUID.randomUUID().toString(), step.name(), Date.valueOf(deadline),
					Timestamp.from(recordedAt))
			.update();
	}

	/**
	 * The project's after-award process, waiting at {@code activity}, recorded as the
	 * product records the one it starts.
	 */
	private void awaiting(long application, String activity) {
		String instance = startedAt(application, activity);
		jdbc.sql("INSERT INTO after_award_process (application_id, process_key, process_instance_id, recorded_at)"
				+ " VALUES (?, ?, ?, ?)")
			.params(application, AftercareModel.PROCESS_KEY, instance, Timestamp.from(Instant.now()))
			.update();
	}

	/** An after-award process with the project's key, waiting at {@code activity}. */
	private String startedAt(long application, String activity) {
		String instance = runtime.createProcessInstanceByKey(AftercareModel.PROCESS_KEY)
			.businessKey(String.valueOf(application))
			.startBeforeActivity(activity)
			.setVariable("rectificationDue", today.plusYears(1).atStartOfDay(CHINA).toInstant().toString())
			.execute()
			.getId();
		instances.add(instance);
		return instance;
	}

	private String referenceNo(long application) {
		return jdbc.sql("SELECT reference_no FROM application WHERE id = ?")
			.param(application)
			.query(String.class)
			.single();
	}

}
