package cn.liaocheng.renewal.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the schema migration on PostgreSQL when the application context is prepared (its
 * environment complete, nothing of it made yet), on a thread of its own, so that it runs
 * while Spring reads the configuration classes (about a second and a half of the start on
 * two cores) instead of after them. The migration initialiser Spring Boot makes later
 * waits for it ({@link EngineStartupOrder}); the engine waits for that initialiser, as
 * before, and a failed migration fails the start as before.
 * <p>
 * It is taken only where it migrates exactly what Spring Boot's Flyway would: a
 * PostgreSQL data source, no {@code spring.flyway.*} setting besides the locations, the
 * history table and {@code enabled}, and no setting of the data source or its pool that
 * names another database, user or driver; its connections are made with the pool's driver
 * properties and first statement. Any other setting, or another database (an in-memory H2
 * database would not outlive the early connection), leaves the migration where Spring
 * Boot runs it; so does a data source Spring Boot's Flyway finds to be another database
 * or user when it asks.
 */
public class EarlyMigration implements ApplicationListener<ApplicationPreparedEvent> {

	static final String BEAN = "earlyMigration";

	private static final Log log = LogFactory.getLog(EarlyMigration.class);

	private static final ConfigurationPropertyName FLYWAY = ConfigurationPropertyName.of("spring.flyway");

	private static final Set<String> UNDERSTOOD = Set.of("spring.flyway.locations", "spring.flyway.table",
			"spring.flyway.enabled");

	private static final String POOL = "spring.datasource.hikari";

	private static final ConfigurationPropertyName DATASOURCE = ConfigurationPropertyName.of("spring.datasource");

	private static final ConfigurationPropertyName POOL_NAME = ConfigurationPropertyName.of(POOL);

	private static final Set<String> DATASOURCE_UNDERSTOOD = Set.of("spring.datasource.url",
			"spring.datasource.username", "spring.datasource.password", "spring.datasource.driver-class-name");

	/**
	 * Settings of the pool that change neither the database, nor the user, nor the
	 * driver.
	 */
	private static final Set<String> POOL_UNDERSTOOD = Set.of(POOL + ".maximum-pool-size", POOL + ".minimum-idle",
			POOL + ".connection-init-sql", POOL + ".data-source-properties", POOL + ".connection-timeout",
			POOL + ".idle-timeout", POOL + ".max-lifetime", POOL + ".keepalive-time", POOL + ".pool-name",
			POOL + ".leak-detection-threshold", POOL + ".validation-timeout");

	private static final List<String> DEFAULT_LOCATIONS = List.of("classpath:db/migration");

	private static final String DEFAULT_TABLE = "flyway_schema_history";

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		start(event.getApplicationContext());
	}

	void start(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Binder binder = Binder.get(environment);
		String url = binder.bind("spring.datasource.url", String.class).orElse(null);
		if (url == null || DatabaseDriver.fromJdbcUrl(url) != DatabaseDriver.POSTGRESQL
				|| !binder.bind("spring.flyway.enabled", Boolean.class).orElse(true)
				|| !onlyUnderstoodSettings(environment)) {
			return;
		}
		String vendor = DatabaseDriver.POSTGRESQL.getId();
		String[] locations = binder.bind("spring.flyway.locations", Bindable.listOf(String.class))
			.orElse(DEFAULT_LOCATIONS)
			.stream()
			.map(String::trim)
			.map(location -> location.replace("{vendor}", vendor))
			.toArray(String[]::new);
		String user = binder.bind("spring.datasource.username", String.class).orElse(null);
		// The connections as the pool makes them: its driver properties (TCP keep-alive)
		// and its first statement (the lock timeout, so that a migration waiting for a
		// lock another node holds gives up as the application's own work does).
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user,
				binder.bind("spring.datasource.password", String.class).orElse(null));
		Properties driver = new Properties();
		driver.putAll(binder.bind(POOL + ".data-source-properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		dataSource.setConnectionProperties(driver);
		Flyway flyway = Flyway.configure(context.getClassLoader())
			.dataSource(dataSource)
			.initSql(binder.bind(POOL + ".connection-init-sql", String.class).orElse(null))
			.locations(locations)
			.table(binder.bind("spring.flyway.table", String.class).orElse(DEFAULT_TABLE))
			.load();
		CompletableFuture<Void> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				flyway.migrate();
				done.complete(null);
			}
			catch (Throwable failure) {
				log.warn("The schema migration started early failed; the start fails with it where Spring Boot's "
						+ "migration waits for it", failure);
				done.completeExceptionally(failure);
			}
		}, "early-migration");
		thread.setDaemon(true);
		thread.start();
		context.getBeanFactory().registerSingleton(BEAN, new Started(url, user, flyway.getConfiguration(), done));
	}

	/**
	 * Whether the migration's settings, and the pool's, are only those the early
	 * migration takes over: none that names another database, user or driver (those are
	 * read from {@code spring.datasource.url}, {@code username} and {@code password}
	 * only).
	 */
	private static boolean onlyUnderstoodSettings(ConfigurableEnvironment environment) {
		return StreamSupport.stream(ConfigurationPropertySources.get(environment).spliterator(), false)
			.filter(IterableConfigurationPropertySource.class::isInstance)
			.map(IterableConfigurationPropertySource.class::cast)
			.flatMap(IterableConfigurationPropertySource::stream)
			.allMatch(EarlyMigration::understood);
	}

	private static boolean understood(ConfigurationPropertyName name) {
		if (FLYWAY.isAncestorOf(name)) {
			return UNDERSTOOD.contains((name.getNumberOfElements() > 3 ? name.chop(3) : name).toString());
		}
		if (DATASOURCE.isAncestorOf(name)) {
			return DATASOURCE_UNDERSTOOD.contains(name.chop(3).toString())
					|| POOL_NAME.isAncestorOf(name) && POOL_UNDERSTOOD.contains(name.chop(4).toString());
		}
		return true;
	}

	/** The migration started early: where, what it migrates, and when it is done. */
	record Started(String url, String user, Configuration configuration, CompletableFuture<Void> done) {

		/**
		 * Waits for the early migration where Spring Boot's Flyway migrates the same
		 * database, the same locations and the same history table, and fails as it
		 * failed; migrates with Spring Boot's Flyway otherwise.
		 */
		void finish(Flyway configured) {
			if (!same(configured.getConfiguration())) {
				log.info(
						"The early migration was of another database, user or locations; migrating the configured one");
				done.whenComplete((migrated, failure) -> {
					if (failure != null) {
						log.warn("The early migration, not the configured one, failed", failure);
					}
				});
				configured.migrate();
				return;
			}
			try {
				done.get();
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("启动时等待数据库结构迁移被中断", interrupted);
			}
			catch (ExecutionException failed) {
				if (failed.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(failed.getCause());
			}
		}

		private boolean same(Configuration other) {
			return sameLocations(configuration.getLocations(), other.getLocations())
					&& configuration.getTable().equals(other.getTable()) && sameDatabase(other.getDataSource());
		}

		private boolean sameDatabase(DataSource dataSource) {
			if (dataSource == null) {
				return false;
			}
			try (Connection connection = dataSource.getConnection()) {
				return url.equals(connection.getMetaData().getURL())
						&& (user == null || user.equals(connection.getMetaData().getUserName()));
			}
			catch (SQLException e) {
				throw new IllegalStateException("启动时无法连接数据库：" + e.getMessage(), e);
			}
		}

		private static boolean sameLocations(Location[] one, Location[] other) {
			return Arrays.stream(one)
				.map(Location::getDescriptor)
				.toList()
				.equals(Arrays.stream(other).map(Location::getDescriptor).toList());
		}

	}

}
