package cn.liaocheng.renewal.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
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
 * PostgreSQL data source and no {@code spring.flyway.*} setting besides the locations,
 * the history table and {@code enabled}. Any other setting, or another database (an
 * in-memory H2 database would not outlive the early connection), leaves the migration
 * where Spring Boot runs it.
 */
public class EarlyMigration implements ApplicationListener<ApplicationPreparedEvent> {

	static final String BEAN = "earlyMigration";

	private static final Log log = LogFactory.getLog(EarlyMigration.class);

	private static final ConfigurationPropertyName FLYWAY = ConfigurationPropertyName.of("spring.flyway");

	private static final Set<String> UNDERSTOOD = Set.of("spring.flyway.locations", "spring.flyway.table",
			"spring.flyway.enabled");

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
		Flyway flyway = Flyway.configure(context.getClassLoader())
			.dataSource(url, binder.bind("spring.datasource.username", String.class).orElse(null),
					binder.bind("spring.datasource.password", String.class).orElse(null))
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
				done.completeExceptionally(failure);
			}
		}, "early-migration");
		thread.setDaemon(true);
		thread.start();
		context.getBeanFactory().registerSingleton(BEAN, new Started(url, flyway.getConfiguration(), done));
	}

	private static boolean onlyUnderstoodSettings(ConfigurableEnvironment environment) {
		return StreamSupport.stream(ConfigurationPropertySources.get(environment).spliterator(), false)
			.filter(IterableConfigurationPropertySource.class::isInstance)
			.map(IterableConfigurationPropertySource.class::cast)
			.flatMap(IterableConfigurationPropertySource::stream)
			.filter(FLYWAY::isAncestorOf)
			.map(name -> name.getNumberOfElements() > 3 ? name.chop(3) : name)
			.allMatch(name -> UNDERSTOOD.contains(name.toString()));
	}

	/** The migration started early: where, what it migrates, and when it is done. */
	record Started(String url, Configuration configuration, CompletableFuture<Void> done) {

		/**
		 * Waits for the early migration where Spring Boot's Flyway migrates the same
		 * database, the same locations and the same history table, and fails as it
		 * failed; migrates with Spring Boot's Flyway otherwise.
		 */
		void finish(Flyway configured) {
			if (!same(configured.getConfiguration())) {
				log.info(
						"The early migration was of another database or other locations; migrating the configured one");
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
			return url.equals(urlOf(other.getDataSource()))
					&& sameLocations(configuration.getLocations(), other.getLocations())
					&& configuration.getTable().equals(other.getTable());
		}

		private static String urlOf(DataSource dataSource) {
			if (dataSource == null) {
				return null;
			}
			try (Connection connection = dataSource.getConnection()) {
				return connection.getMetaData().getURL();
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
