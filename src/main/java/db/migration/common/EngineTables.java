package db.migration.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What the Java migrations that read or move the engine's rows need to know first: the
 * engine makes its tables after the migrations, so a new database has none yet, and H2
 * names them in upper case, PostgreSQL in lower case.
 */
final class EngineTables {

	private EngineTables() {
	}

	/** Whether the table exists, in either case. */
	static boolean exist(Connection connection, String table) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		for (String name : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
			try (ResultSet tables = meta.getTables(connection.getCatalog(), null, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
