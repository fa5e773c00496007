package cn.liaocheng.renewal.support;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Runs one of the product's Java migrations again on the test database, as Flyway would
 * on a database that had the rows before it: on a connection of its own.
 */
public final class JavaMigrations {

	private JavaMigrations() {
	}

	public static void run(JavaMigration migration, DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			migration.migrate(new Context() {

				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}

			});
		}
		catch (SQLException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
