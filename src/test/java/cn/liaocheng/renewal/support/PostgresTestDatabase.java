package cn.liaocheng.renewal.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on the test PostgreSQL server for one test class, or for the classes
 * that share {@link PostgresContext}. The server comes from {@code RENEWAL_TEST_PG}
 * (default {@code 127.0.0.1:5432}, user {@code postgres}, trust login as .ci/run sets
 * up); each class with a context of its own gets its own database, dropped and created
 * anew, so runs never see each other's data. Builds that share one server at the same
 * time (several working copies) set {@code RENEWAL_TEST_PG_DB_SUFFIX}, which is appended
 * to every database name, so that one build does not drop another's database.
 */
public final class PostgresTestDatabase {

	/**
	 * The tag of the classes that start no application but use the server directly (the
	 * migrations' checks), which {@code mvn -B test -Pquick} leaves out with the classes
	 * that start one, so that the quick run needs no server.
	 */
	public static final String SERVER_TAG = "postgres-server";

	private PostgresTestDatabase() {
	}

	public static void register(DynamicPropertyRegistry registry, String database) {
		Fresh fresh = fresh(database);
		registry.add("spring.datasource.url", fresh::url);
		registry.add("spring.datasource.username", fresh::user);
		registry.add("spring.datasource.password", fresh::password);
	}

	/**
	 * Drops and creates the database, for a test that starts the application itself (in a
	 * child process).
	 */
	public static Fresh fresh(String name) {
		String database = name
				+ System.getenv().getOrDefault("RENEWAL_TEST_PG_DB_SUFFIX", "").replaceAll("[^a-z0-9_]", "");
		String server = System.getenv().getOrDefault("RENEWAL_TEST_PG", "127.0.0.1:5432");
		String user = System.getenv().getOrDefault("RENEWAL_TEST_PG_USER", "postgres");
		String password = System.getenv().getOrDefault("RENEWAL_TEST_PG_PASSWORD", "");
		recreate(server, user, password, database);
		return new Fresh("jdbc:postgresql://" + server + "/" + database, user, password);
	}

	public record Fresh(String url, String user, String password) {
	}

	private static void recreate(String server, String user, String password, String database) {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", user, password);
				Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
		}
		catch (SQLException e) {
			throw new IllegalStateException(
					"PostgreSQL at " + server + " is needed for this test (.ci/run starts it): " + e.getMessage(), e);
		}
	}

}
