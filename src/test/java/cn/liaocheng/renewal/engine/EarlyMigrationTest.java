package cn.liaocheng.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import cn.liaocheng.renewal.support.PostgresTestDatabase;

/**
 * The schema migration started with the context on PostgreSQL: it migrates what Spring
 * Boot's Flyway would, Spring Boot's migration waits for it and fails the start when it
 * failed, and anything it does not understand leaves the migration to Spring Boot.
 */
@Tag(PostgresTestDatabase.SERVER_TAG)
class EarlyMigrationTest {

	private static final String LOCATIONS = "classpath:db/migration/common,classpath:db/migration/{vendor}";

	/** The migration's settings as the application ships them. */
	private static final Map<String, Object> SHIPPED = Map.of("spring.flyway.locations", LOCATIONS,
			"spring.flyway.table", "app_schema_history");

	@Test
	void migratesThePostgresqlSchemaBeforeSpringBootAsksAndSpringBootWaitsForIt() throws Exception {
		PostgresTestDatabase.Fresh database = PostgresTestDatabase.fresh("renewal_early_migration");
		GenericApplicationContext context = context(database, SHIPPED);

		new EarlyMigration().start(context);
		EarlyMigration.Started started = started(context);
		started.finish(shipped(database));

		assertThat(started.done()).isDone();
		assertThat(count(database, "SELECT count(*) FROM app_schema_history WHERE success")).isPositive();
		assertThat(count(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'application'"))
			.as("the product's tables")
			.isEqualTo(1);
		// What Spring Boot's Flyway finds afterwards: nothing left to apply.
		assertThat(shipped(database).migrate().migrationsExecuted).isZero();
	}

	@Test
	void aFailedEarlyMigrationFailsSpringBootsMigration() {
		PostgresTestDatabase.Fresh database = PostgresTestDatabase.fresh("renewal_early_migration");
		GenericApplicationContext context = context(database, Map.of("spring.flyway.locations",
				"classpath:db/early-migration-broken", "spring.flyway.table", "app_schema_history"));

		new EarlyMigration().start(context);
		EarlyMigration.Started started = started(context);

		assertThatThrownBy(
				() -> started.finish(configured(database, "app_schema_history", "classpath:db/early-migration-broken")))
			.isInstanceOf(FlywayException.class)
			.hasMessageContaining("V1__broken.sql failed");
	}

	@Test
	void migratesAgainWithSpringBootsFlywayWhenItsSettingsDiffer() throws Exception {
		PostgresTestDatabase.Fresh database = PostgresTestDatabase.fresh("renewal_early_migration");
		GenericApplicationContext context = context(database, SHIPPED);
		new EarlyMigration().start(context);

		started(context).finish(configured(database, "app_schema_history", "classpath:db/migration/common",
				"classpath:db/migration/postgresql", "classpath:db/early-migration-test"));

		assertThat(count(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'early_probe'"))
			.as("the table of the location only Spring Boot's Flyway has")
			.isEqualTo(1);
	}

	@Test
	void migratesTheConfiguredDatabaseWhenTheEarlyMigrationWasOfAnother() throws Exception {
		PostgresTestDatabase.Fresh early = PostgresTestDatabase.fresh("renewal_early_migration");
		PostgresTestDatabase.Fresh configured = PostgresTestDatabase.fresh("renewal_early_migration_other");
		GenericApplicationContext context = context(
				new PostgresTestDatabase.Fresh(early.url(), "no_such_role_here", "wrong"), SHIPPED);
		new EarlyMigration().start(context);

		started(context).finish(shipped(configured));

		assertThat(count(configured, "SELECT count(*) FROM app_schema_history WHERE success")).isPositive();
	}

	@Test
	void connectsAsThePoolDoesWithItsFirstStatementAndDriverProperties() throws Exception {
		PostgresTestDatabase.Fresh database = PostgresTestDatabase.fresh("renewal_early_migration");
		GenericApplicationContext context = context(database,
				Map.of("spring.flyway.locations", LOCATIONS, "spring.flyway.table", "app_schema_history",
						"spring.datasource.hikari.maximum-pool-size", "20",
						"spring.datasource.hikari.connection-init-sql", "SET lock_timeout = '60s'",
						"spring.datasource.hikari.data-source-properties.tcpKeepAlive", "true"));

		new EarlyMigration().start(context);

		EarlyMigration.Started started = started(context);
		assertThat(started).as("taken with the pool's settings").isNotNull();
		assertThat(started.configuration().getInitSql()).isEqualTo("SET lock_timeout = '60s'");
		try (Connection c = started.configuration().getDataSource().getConnection()) {
			assertThat(c.getMetaData().getURL()).isEqualTo(database.url());
		}
		started.finish(shipped(database));
		assertThat(count(database, "SELECT count(*) FROM app_schema_history WHERE success")).isPositive();
	}

	@Test
	void migratesWithSpringBootsFlywayWhenItConnectsAsAnotherUser() throws Exception {
		PostgresTestDatabase.Fresh database = PostgresTestDatabase.fresh("renewal_early_migration");
		GenericApplicationContext context = context(
				new PostgresTestDatabase.Fresh(database.url(), "no_such_role_here", "wrong"), SHIPPED);
		new EarlyMigration().start(context);

		started(context).finish(shipped(database));

		assertThat(count(database, "SELECT count(*) FROM app_schema_history WHERE success"))
			.as("migrated by the configured user, the early one's failure only logged")
			.isPositive();
	}

	@Test
	void leavesTheMigrationToSpringBootForAnotherDatabaseOrAnotherSetting() {
		GenericApplicationContext h2 = new GenericApplicationContext();
		h2.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", "jdbc:h2:mem:early")));
		new EarlyMigration().start(h2);
		assertThat(h2.getBeanFactory().containsSingleton(EarlyMigration.BEAN)).isFalse();

		PostgresTestDatabase.Fresh database = new PostgresTestDatabase.Fresh("jdbc:postgresql://127.0.0.1:5432/none",
				"postgres", "");
		for (Map<String, Object> settings : new Map[] { Map.of("spring.flyway.baseline-on-migrate", "true"),
				Map.of("spring.flyway.enabled", "false"), Map.of("spring.flyway.schemas", "other"),
				Map.of("spring.flyway.placeholders.name", "x"), Map.of("spring.datasource.hikari.username", "other"),
				Map.of("spring.datasource.hikari.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/other"),
				Map.of("spring.datasource.jndi-name", "java:comp/env/jdbc/renewal") }) {
			GenericApplicationContext other = context(database, settings);
			new EarlyMigration().start(other);
			assertThat(other.getBeanFactory().containsSingleton(EarlyMigration.BEAN)).as(settings.toString()).isFalse();
		}

		GenericApplicationContext indexed = context(database, Map.of("spring.flyway.locations[0]",
				"classpath:db/migration/common", "spring.flyway.locations[1]", "classpath:db/migration/{vendor}"));
		new EarlyMigration().start(indexed);
		EarlyMigration.Started started = started(indexed);
		assertThat(started.configuration().getLocations()).extracting(Object::toString)
			.containsExactly("classpath:db/migration/common", "classpath:db/migration/postgresql");
		assertThat(started.done()).failsWithin(java.time.Duration.ofSeconds(30))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withMessageContaining("none");
	}

	private static GenericApplicationContext context(PostgresTestDatabase.Fresh database,
			Map<String, Object> settings) {
		GenericApplicationContext context = new GenericApplicationContext();
		Map<String, Object> properties = new java.util.HashMap<>(settings);
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.user());
		properties.put("spring.datasource.password", database.password());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		return context;
	}

	private static EarlyMigration.Started started(GenericApplicationContext context) {
		return (EarlyMigration.Started) context.getBeanFactory().getSingleton(EarlyMigration.BEAN);
	}

	/** Spring Boot's Flyway as the shipped settings make it on PostgreSQL. */
	private static Flyway shipped(PostgresTestDatabase.Fresh database) {
		return configured(database, "app_schema_history", "classpath:db/migration/common",
				"classpath:db/migration/postgresql");
	}

	private static Flyway configured(PostgresTestDatabase.Fresh database, String table, String... locations) {
		return Flyway.configure()
			.dataSource(database.url(), database.user(), database.password())
			.locations(locations)
			.table(table)
			.load();
	}

	private static int count(PostgresTestDatabase.Fresh database, String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
