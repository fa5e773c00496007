package cn.liaocheng.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.support.PostgresTestDatabase;

/**
 * The PostgreSQL baseline ({@code db/migration/postgresql/B…__baseline.sql}), which
 * Flyway runs on an empty database in place of every versioned migration up to its
 * version, makes the same database as those migrations: same tables, columns, keys,
 * indexes, sequences and rows, compared as {@code pg_dump} writes them. A database that
 * already has migrations applied never runs it.
 * <p>
 * With {@code -Drenewal.baseline.write=true} the test writes the baseline anew from the
 * versioned migrations (docs/operations.md, "The PostgreSQL baseline").
 */
@Tag(PostgresTestDatabase.SERVER_TAG)
class BaselineMigrationTest {

	static final Path FOLDER = Path.of("src", "main", "resources", "db", "migration", "postgresql");

	static final String[] LOCATIONS = { "classpath:db/migration/common", "classpath:db/migration/postgresql" };

	/** A timestamp literal with its time of day, as pg_dump writes one in a row. */
	static final Pattern TIMESTAMP = Pattern.compile("'\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?'");

	@Test
	void theBaselineMakesTheSameDatabaseAsTheMigrationsItStandsFor() throws Exception {
		PostgresTestDatabase.Fresh migrated = PostgresTestDatabase.fresh("renewal_baseline_versioned");
		MigrateResult versioned = flyway(migrated, "NoBaselineHere").migrate();
		String dump = dump(migrated);
		if (Boolean.getBoolean("renewal.baseline.write")) {
			write(versioned.targetSchemaVersion, dump);
			Assumptions.abort("baseline written; run the test again (without the property) to compare it");
		}
		Path baseline = baseline().orElseThrow();

		PostgresTestDatabase.Fresh fresh = PostgresTestDatabase.fresh("renewal_baseline_fresh");
		MigrateResult fromBaseline = flyway(fresh, "B").migrate();

		assertThat(fromBaseline.migrations.get(0).filepath).as("the first migration applied on an empty database")
			.endsWith(baseline.getFileName().toString());
		assertThat(fromBaseline.targetSchemaVersion).isEqualTo(versioned.targetSchemaVersion);
		assertThat(comparable(dump(fresh))).as("the database the baseline (and the migrations after it) made")
			.isEqualTo(comparable(dump));

		// A database migrated version by version is not touched by the baseline, and
		// both validate.
		assertThat(flyway(migrated, "B").migrate().migrationsExecuted).isZero();
		flyway(migrated, "B").validate();
		flyway(fresh, "B").validate();
	}

	private static Flyway flyway(PostgresTestDatabase.Fresh database, String baselinePrefix) {
		return Flyway.configure()
			.dataSource(database.url(), database.user(), database.password())
			.locations(LOCATIONS)
			.table("app_schema_history")
			.configuration(Map.of("flyway.baselineMigrationPrefix", baselinePrefix))
			.load();
	}

	/**
	 * The database as {@code pg_dump} writes it, without Flyway's history, the session
	 * settings and the dump's own comments.
	 */
	private static String dump(PostgresTestDatabase.Fresh database) throws IOException, InterruptedException {
		String server = database.url().replaceFirst("^jdbc:postgresql://", "");
		String host = server.substring(0, server.indexOf(':'));
		String port = server.substring(server.indexOf(':') + 1, server.indexOf('/'));
		String name = server.substring(server.indexOf('/') + 1);
		ProcessBuilder builder = new ProcessBuilder("pg_dump", "-h", host, "-p", port, "-U", database.user(),
				"--no-owner", "--no-privileges", "--inserts", "--rows-per-insert=100",
				"--exclude-table=app_schema_history", name)
			.redirectErrorStream(true);
		if (!database.password().isEmpty()) {
			builder.environment().put("PGPASSWORD", database.password());
		}
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		List<String> kept = new ArrayList<>();
		for (String line : out.split("\n")) {
			if (line.startsWith("--") || line.startsWith("SET ") || line.startsWith("SELECT pg_catalog.set_config(")
					|| line.startsWith("\\restrict") || line.startsWith("\\unrestrict")) {
				continue;
			}
			if (line.isBlank() && (kept.isEmpty() || kept.get(kept.size() - 1).isBlank())) {
				continue;
			}
			kept.add(line);
		}
		return String.join("\n", kept).strip() + "\n";
	}

	/**
	 * The dump as compared: PostgreSQL writes a check constraint back in another, equal
	 * form than the migration gave it ({@code kind IN ('A', 'B')} becomes an array of
	 * casts, and that again another), so the casts, brackets and spaces of check
	 * constraints do not count; nor does the time a row was written (a migration's
	 * {@code CURRENT_TIMESTAMP}, the baseline's {@code LOCALTIMESTAMP}).
	 */
	static String comparable(String dump) {
		List<String> lines = new ArrayList<>();
		for (String line : dump.split("\n")) {
			if (line.contains(" CHECK (")) {
				line = line.replace("::character varying", "")
					.replace("::text[]", "")
					.replace("::text", "")
					.replaceAll("[() ]", "");
			}
			lines.add(TIMESTAMP.matcher(line).replaceAll("'(time written)'"));
		}
		return String.join("\n", lines);
	}

	private static Optional<Path> baseline() throws IOException {
		try (Stream<Path> files = Files.list(FOLDER)) {
			return files.filter(f -> f.getFileName().toString().matches("B\\d+__.*\\.sql")).findFirst();
		}
	}

	/**
	 * Writes the baseline for {@code version}: the dump with its objects unqualified, so
	 * that Flyway makes them in the schema it migrates, as it does with the versioned
	 * scripts, and rows stamped with the time the baseline runs, as the migrations stamp
	 * them with the time they run (plan_target.updated_at).
	 */
	private static void write(String version, String dump) throws IOException {
		Optional<Path> old = baseline();
		if (old.isPresent()) {
			Files.delete(old.get());
		}
		String header = "-- The database every versioned migration up to V" + version
				+ " makes, written by BaselineMigrationTest\n"
				+ "-- (-Drenewal.baseline.write=true) from pg_dump; Flyway runs it on an empty PostgreSQL database in\n"
				+ "-- their place. Do not edit: add a versioned migration (docs/operations.md, \"The PostgreSQL baseline\").\n\n";
		String script = TIMESTAMP.matcher(dump.replaceAll("\\bpublic\\.", "")).replaceAll("LOCALTIMESTAMP");
		Files.writeString(FOLDER.resolve("B" + version + "__baseline.sql"), header + script);
	}

}
