package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fault test leaves behind, compared with what its clients were told; printed and
 * written to {@code target/fault/report-<test>.txt}. The test fails on any of these:
 * <ul>
 * <li><b>lost</b>: an acknowledged submission whose application is missing, still a
 * draft, or has another reference number;</li>
 * <li><b>duplicated</b>: a project (one client's one registration) stored twice, an
 * application with two review processes, two attachments of one category, two opinions on
 * one task, two decisions of one stage;</li>
 * <li><b>gap</b>: a body's decision numbers of a year not exactly 1..n;</li>
 * <li><b>stuck</b>: once the nodes had {@link #RECOVERY} to settle, an acknowledged
 * submission with no review process running or finished; a case with an incident or a
 * failed job (no retries left or an exception recorded); a job due more than
 * {@link #RECOVERY} ago and still not done (a lock of a dead node never taken over); a
 * running case waiting on nothing (no task, job, event subscription or external task in
 * any of its processes); a county refusal answered or found done whose decision was not
 * issued;</li>
 * <li>a client that gave up, a refused request, or a response body showing SQL, an
 * exception or a stack text.</li>
 * </ul>
 */
final class FaultReport {

	/**
	 * How long the nodes get, after the load, to finish what is due; also the limit for a
	 * job left waiting.
	 */
	static final Duration RECOVERY = Duration.ofSeconds(60);

	/** The jobs due now (asynchronous steps such as signing a decision, or retried). */
	static final String DUE_JOBS = "SELECT count(*) FROM act_ru_job WHERE retries_ > 0"
			+ " AND (duedate_ IS NULL OR duedate_ <= now())";

	final String test;

	final List<String> measures = new ArrayList<>();

	final List<String> lost = new ArrayList<>();

	final List<String> duplicated = new ArrayList<>();

	final List<String> gaps = new ArrayList<>();

	final List<String> stuck = new ArrayList<>();

	int acknowledged;

	int stored;

	int started;

	int toDecide;

	int decided;

	Duration settled;

	private FaultLoad load;

	private FaultReport(String test) {
		this.test = test;
	}

	/**
	 * Waits for the nodes to settle (for at most {@link #RECOVERY}), then looks at
	 * everything.
	 */
	static FaultReport examine(String test, FaultNodes nodes, FaultLoad load) {
		FaultReport report = new FaultReport(test);
		report.load = load;
		Instant begin = Instant.now();
		Instant end = begin.plus(RECOVERY);
		while (Instant.now().isBefore(end) && (nodes.count(DUE_JOBS) > 0 || report.undecided(nodes).size() > 0)) {
			FaultNodes.sleep(250);
		}
		report.settled = Duration.between(begin, Instant.now());
		report.look(nodes);
		return report;
	}

	/** A figure measured by the test, printed with the report. */
	FaultReport measured(String line) {
		measures.add(line);
		return this;
	}

	private Set<Long> expectedDecisions(FaultNodes nodes) {
		Set<Long> expected = new HashSet<>(load.refusalsAcknowledged);
		expected.addAll(load.refusalsFoundDone);
		// A refusal whose answer was lost and that no client re-sent (the client gave up)
		// counts as well.
		for (String id : nodes.rows("SELECT DISTINCT p.business_key_ FROM act_hi_taskinst t JOIN act_hi_procinst p"
				+ " ON p.id_ = t.proc_inst_id_ WHERE t.task_def_key_ = 'Task_CountyRecommendation'"
				+ " AND t.delete_reason_ = 'completed'")) {
			expected.add(Long.parseLong(id));
		}
		return expected;
	}

	private List<Long> undecided(FaultNodes nodes) {
		Set<String> decided = new HashSet<>(nodes.rows("SELECT application_id FROM decision"));
		return expectedDecisions(nodes).stream().filter(id -> !decided.contains(Long.toString(id))).sorted().toList();
	}

	private void look(FaultNodes nodes) {
		Map<Long, String[]> applications = new HashMap<>();
		for (String row : nodes.rows("SELECT id || '|' || status || '|' || coalesce(reference_no, '') || '|'"
				+ " || coalesce(process_instance_id, '') FROM application")) {
			String[] f = row.split("\\|", -1);
			applications.put(Long.parseLong(f[0]), f);
		}
		Set<String> processes = new HashSet<>(nodes.rows("SELECT id_ || '|' || business_key_ FROM act_hi_procinst"
				+ " WHERE super_process_instance_id_ IS NULL"));

		acknowledged = load.acknowledged.size();
		for (FaultLoad.Acknowledged a : load.acknowledged.values()) {
			String[] row = applications.get(a.id());
			if (row == null || "DRAFT".equals(row[1]) || !a.referenceNo().equals(row[2])) {
				lost.add(a.projectName() + " (application " + a.id() + ", " + a.referenceNo() + "): "
						+ (row == null ? "missing" : "stored as " + String.join(" ", row)));
				continue;
			}
			stored++;
			if (processes.contains(row[3] + "|" + a.id())) {
				started++;
			}
			else {
				stuck.add("application " + a.id() + " submitted without a review process (" + row[3] + ")");
			}
		}

		duplicated.addAll(nodes.rows("SELECT 'project ' || project_name || ' stored ' || count(*) || ' times'"
				+ " FROM application GROUP BY project_name HAVING count(*) > 1"));
		duplicated.addAll(nodes.rows("SELECT 'application ' || business_key_ || ': ' || count(*) || ' processes '"
				+ " || proc_def_key_ FROM act_hi_procinst WHERE super_process_instance_id_ IS NULL"
				+ " GROUP BY business_key_, proc_def_key_ HAVING count(*) > 1"));
		duplicated.addAll(nodes.rows("SELECT 'application ' || application_id || ': ' || count(*) || ' attachments '"
				+ " || category FROM attachment GROUP BY application_id, category HAVING count(*) > 1"));
		duplicated.addAll(nodes.rows("SELECT 'task ' || task_id || ': ' || count(*) || ' opinions'"
				+ " FROM review_opinion GROUP BY task_id HAVING count(*) > 1"));
		duplicated.addAll(nodes.rows("SELECT 'application ' || application_id || ': ' || count(*) || ' decisions '"
				+ " || stage FROM decision GROUP BY application_id, stage HAVING count(*) > 1"));

		gaps.addAll(nodes.rows("SELECT body_key || ' ' || decision_year || ': ' || count(*) || ' numbers, from '"
				+ " || min(serial_no) || ' to ' || max(serial_no) FROM decision GROUP BY body_key, decision_year"
				+ " HAVING min(serial_no) <> 1 OR max(serial_no) <> count(*)"));

		stuck.addAll(nodes.rows("SELECT 'incident on ' || coalesce(p.business_key_, i.proc_inst_id_) || ': '"
				+ " || coalesce(i.incident_msg_, i.incident_type_) FROM act_ru_incident i"
				+ " LEFT JOIN act_ru_execution p ON p.id_ = i.proc_inst_id_"));
		stuck.addAll(nodes.rows("SELECT 'failed job of ' || coalesce(process_instance_id_, '?') || ': retries '"
				+ " || retries_ || ', ' || coalesce(exception_msg_, '') FROM act_ru_job"
				+ " WHERE retries_ <= 0 OR exception_msg_ IS NOT NULL"));
		stuck.addAll(nodes.rows("SELECT 'job ' || id_ || ' (' || coalesce(handler_type_, '') || ') due '"
				+ " || coalesce(duedate_::text, 'at once') || ', locked by ' || coalesce(lock_owner_, 'nobody')"
				+ " FROM act_ru_job WHERE retries_ > 0 AND coalesce(duedate_, now() - interval '1 day')"
				+ " < now() - interval '" + RECOVERY.toSeconds() + " seconds'"));
		stuck.addAll(nodes.rows("SELECT 'application ' || i.business_key_ || ' running but waiting on nothing'"
				+ " FROM act_ru_execution i WHERE i.id_ = i.proc_inst_id_ AND i.super_exec_ IS NULL"
				+ " AND NOT EXISTS (SELECT 1 FROM act_ru_execution s WHERE s.business_key_ = i.business_key_"
				+ " AND s.id_ = s.proc_inst_id_ AND (EXISTS (SELECT 1 FROM act_ru_task t WHERE t.proc_inst_id_ = s.id_)"
				+ " OR EXISTS (SELECT 1 FROM act_ru_job j WHERE j.process_instance_id_ = s.id_)"
				+ " OR EXISTS (SELECT 1 FROM act_ru_event_subscr e WHERE e.proc_inst_id_ = s.id_)"
				+ " OR EXISTS (SELECT 1 FROM act_ru_ext_task x WHERE x.proc_inst_id_ = s.id_)))"));
		Set<Long> expected = expectedDecisions(nodes);
		toDecide = expected.size();
		List<Long> undecided = undecided(nodes);
		decided = toDecide - undecided.size();
		for (long id : undecided) {
			stuck.add("application " + id + " refused by the county but not decided " + settled.toSeconds()
					+ " s after the load");
		}
	}

	/** Prints the report and writes it to {@code target/fault/report-<test>.txt}. */
	FaultReport print() throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("fault test " + test + ": " + load.clients + " clients x " + load.perClient + " project registrations"
				+ (load.decide ? ", county approves and refuses each (signed decision by job)" : ""));
		lines.add(String.format(
				"acknowledged %d / stored %d / started %d / decided %s / lost %d / duplicated %d"
						+ " / stuck %d / decision-number gaps %d",
				acknowledged, stored, started, load.decide ? decided + " of " + toDecide : "-", lost.size(),
				duplicated.size(), stuck.size(), gaps.size()));
		lines.addAll(measures);
		lines.add("settled " + settled.toSeconds() + " s after the load; load took "
				+ Duration.between(load.started, load.finished).toSeconds() + " s");
		lines.add("traffic: " + load.traffic.summary());
		lines.add("response bodies showing internals: " + load.traffic.leaks.size());
		detail(lines, "lost", lost);
		detail(lines, "duplicated", duplicated);
		detail(lines, "gaps", gaps);
		detail(lines, "stuck", stuck);
		detail(lines, "client failures", load.failures);
		detail(lines, "internals in bodies", load.traffic.leaks);
		write(test, String.join(System.lineSeparator(), lines) + System.lineSeparator());
		return this;
	}

	/** Prints a test's report and writes it to {@code target/fault/report-<test>.txt}. */
	static void write(String test, String text) throws IOException {
		System.out.print(text);
		Files.createDirectories(FaultNodes.OUTPUT);
		Files.writeString(FaultNodes.OUTPUT.resolve("report-" + test + ".txt"), text, StandardCharsets.UTF_8);
	}

	private static void detail(List<String> lines, String what, List<String> items) {
		if (!items.isEmpty()) {
			lines.add(what + ":");
			new LinkedHashSet<>(items).stream().limit(40).forEach(item -> lines.add("  " + item));
		}
	}

	/**
	 * Fails on any loss, duplicate, gap, stuck case, failed client or internal text in a
	 * body.
	 */
	void assertClean() {
		assertThat(load.failures).as("clients that gave up or were refused").isEmpty();
		assertThat(acknowledged).as("acknowledged submissions").isEqualTo(load.total());
		assertThat(lost).as("acknowledged submissions lost").isEmpty();
		assertThat(duplicated).as("duplicates").isEmpty();
		assertThat(gaps).as("gaps in decision numbers").isEmpty();
		assertThat(stuck).as("stuck cases").isEmpty();
		assertThat(load.traffic.leaks).as("response bodies showing SQL, exceptions or stack texts").isEmpty();
		if (load.decide) {
			assertThat(toDecide).as("cases refused by the county").isEqualTo(load.total());
		}
	}

}
