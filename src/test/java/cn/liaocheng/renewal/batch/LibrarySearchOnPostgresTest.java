package cn.liaocheng.renewal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.AsSubmitted;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.batch.internal.BatchEntries;
import cn.liaocheng.renewal.batch.internal.BatchEntries.Search;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.PostgresContext;

/**
 * The library's search on PostgreSQL: county, policy task (a subsidy's from its project),
 * status and text are filtered in the database, LIKE's wildcards are taken literally, and
 * pages carry the total without overlapping.
 */
@PostgresContext
class LibrarySearchOnPostgresTest {

	/** A year no demo or other test uses. */
	private static final int YEAR = 2091;

	@Autowired
	BatchEntries entries;

	@Autowired
	JdbcClient jdbc;

	private final List<Long> applications = new ArrayList<>();

	private long approved;

	private long atCity;

	private long linqing;

	private long subsidy;

	@BeforeEach
	void fourApplications() {
		approved = application(DemoUsers.ENTERPRISE, ApplicationKind.PROJECT, 7, "APPROVED", "轴承生产线改造", null, 1);
		atCity = application(DemoUsers.ENTERPRISE, ApplicationKind.PROJECT, 9, "CITY_REVIEW", "余热回收利用", null, 2);
		linqing = application(DemoUsers.OTHER_ENTERPRISE, ApplicationKind.PROJECT, 7, "APPROVED", "纺机 50%_提效", null, 3);
		subsidy = application(DemoUsers.ENTERPRISE, ApplicationKind.SUBSIDY, null, "APPROVED", null, approved, 4);
	}

	@AfterEach
	void removeThem() {
		for (int i = applications.size() - 1; i >= 0; i--) {
			long id = applications.get(i);
			jdbc.sql("DELETE FROM batch_entry WHERE application_id = ?").param(id).update();
			jdbc.sql("DELETE FROM application WHERE id = ?").param(id).update();
		}
	}

	@Test
	void filtersInTheDatabase() {
		assertThat(ids(search(null, null, null, null))).containsExactly(approved, atCity, linqing);
		assertThat(ids(search(List.of("371525"), null, null, null))).containsExactly(approved, atCity);
		assertThat(ids(search(null, 7, null, null))).containsExactly(approved, linqing);
		assertThat(ids(search(null, null, ApplicationStatus.CITY_REVIEW, null))).containsExactly(atCity);
		assertThat(ids(search(List.of(), null, null, null))).isEmpty();
		// A subsidy is filed under its registered project's task.
		assertThat(ids(entries.search(new Search(YEAR, ApplicationKind.SUBSIDY, null, 7, null, null), 0, 10)))
			.containsExactly(subsidy);
		assertThat(ids(entries.search(new Search(YEAR, ApplicationKind.SUBSIDY, null, 9, null, null), 0, 10)))
			.isEmpty();
		// A subsidy is found by its project's name too.
		assertThat(ids(entries.search(new Search(YEAR, ApplicationKind.SUBSIDY, null, null, null, "轴承生产"), 0, 10)))
			.containsExactly(subsidy);
	}

	@Test
	void searchesTextLiterallyAndWithoutCase() {
		assertThat(ids(search(null, null, null, "余热"))).containsExactly(atCity);
		assertThat(ids(search(null, null, null, "lib-" + YEAR + "-" + (atCity % 100000)))).containsExactly(atCity);
		assertThat(ids(search(null, null, null, "临清市演示"))).containsExactly(linqing);
		assertThat(ids(search(null, null, null, "91371525ma3cb7k21f"))).containsExactly(approved, atCity);
		assertThat(ids(search(null, null, null, "50%_"))).containsExactly(linqing);
		assertThat(ids(search(null, null, null, "%"))).containsExactly(linqing);
		// Unescaped, "_" would match the "%" after "0".
		assertThat(ids(search(null, null, null, "0_"))).isEmpty();
		assertThat(ids(search(null, null, null, "\\"))).isEmpty();
	}

	@Test
	void pagesCarryTheTotalAndDoNotOverlap() {
		BatchEntries.Found first = entries.search(new Search(YEAR, ApplicationKind.PROJECT, null, null, null, null), 0,
				2);
		BatchEntries.Found second = entries.search(new Search(YEAR, ApplicationKind.PROJECT, null, null, null, null), 2,
				2);
		assertThat(first.total()).isEqualTo(3);
		assertThat(ids(first)).containsExactly(approved, atCity);
		assertThat(ids(second)).containsExactly(linqing);
		assertThat(second.total()).isEqualTo(3);
		BatchEntries.Entry entry = first.entries().get(0);
		assertThat(entry.policyTask()).isEqualTo(7);
		assertThat(entry.creditCode()).isEqualTo("91371525MA3CB7K21F");
		assertThat(entry.totalInvestment()).isEqualByComparingTo("1000000.00");
	}

	private BatchEntries.Found search(List<String> divisions, Integer task, ApplicationStatus status, String text) {
		return entries.search(new Search(YEAR, ApplicationKind.PROJECT, divisions, task, status, text), 0, 10);
	}

	private static List<Long> ids(BatchEntries.Found found) {
		return found.entries().stream().map(BatchEntries.Entry::applicationId).toList();
	}

	/**
	 * An application first submitted {@code hoursAgo} hours ago in {@link #YEAR}'s batch.
	 */
	private long application(String enterprise, ApplicationKind kind, Integer task, String status, String name,
			Long project, int hoursAgo) {
		Timestamp at = Timestamp.from(Instant.now().minus(Duration.ofHours(hoursAgo)));
		long id = jdbc
			.sql("""
					INSERT INTO application (kind, enterprise_id, division_code, status, creation_key, version, project_name,
					                         policy_task, total_investment, project_id, created_at, updated_at, submitted_at)
					SELECT ?, id, division_code, ?, ?, 0, ?, ?, ?, ?, ?, ?, ? FROM enterprise WHERE user_id = ?
					RETURNING id""")
			.params(kind.name(), status, UUID.randomUUID().toString(), name, task,
					kind == ApplicationKind.PROJECT ? new BigDecimal("1000000.00") : null, project, at, at, at,
					enterprise)
			.query(Long.class)
			.single();
		AsSubmitted.record(jdbc, id);
		jdbc.sql("UPDATE application SET reference_no = ? WHERE id = ?")
			.params("LIB-" + YEAR + "-" + (id % 100000), id)
			.update();
		jdbc.sql("""
				INSERT INTO batch_entry (application_id, window_id, batch_year, kind, division_code, submitted_at)
				SELECT a.id, (SELECT MIN(id) FROM application_window), ?, a.kind, a.division_code, a.submitted_at
				FROM application a WHERE a.id = ?""").params(YEAR, id).update();
		applications.add(id);
		return id;
	}

}
