package db.migration.common;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sets the figures as last submitted (V133) of every application with a recorded
 * submission from that record, the dossier JSON the submission kept: for those returned
 * for correction and edited since, the working copy V133 copied is not what was
 * submitted. Applications without a record keep the working copy, which is then the one
 * submitted (see V129).
 */
public class V134__SubmittedFiguresOfCorrections extends BaseJavaMigration {

	/** Amounts read exactly, as written (numbers, not doubles). */
	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						SELECT s.application_id, s.dossier FROM application_submission s
						JOIN application a ON a.id = s.application_id
						WHERE a.status <> 'DRAFT' AND NOT EXISTS (
						  SELECT 1 FROM application_submission later
						  WHERE later.application_id = s.application_id
						    AND (later.submitted_at > s.submitted_at
						         OR (later.submitted_at = s.submitted_at AND later.id > s.id)))""");
				PreparedStatement update = connection.prepareStatement("""
						UPDATE application SET submitted_project_name = ?, submitted_policy_task = ?,
						       submitted_total_investment = ?, submitted_equipment_investment = ?,
						       submitted_project_id = ?, submitted_loan_amount = ?
						WHERE id = ?""")) {
			while (rs.next()) {
				JsonNode d;
				try {
					d = JSON.readTree(rs.getString(2));
				}
				catch (IOException e) {
					throw new SQLException("submitted dossier of application " + rs.getLong(1) + " not readable", e);
				}
				update.setString(1, text(d, "projectName"));
				setInteger(update, 2, d, "policyTask");
				update.setBigDecimal(3, decimal(d, "totalInvestment"));
				update.setBigDecimal(4, decimal(d, "equipmentInvestment"));
				if (d.hasNonNull("projectId")) {
					update.setLong(5, d.get("projectId").asLong());
				}
				else {
					update.setNull(5, Types.BIGINT);
				}
				update.setBigDecimal(6, decimal(d, "loanAmount"));
				update.setLong(7, rs.getLong(1));
				update.addBatch();
			}
			update.executeBatch();
		}
	}

	private static String text(JsonNode d, String field) {
		return d.hasNonNull(field) ? d.get(field).asText() : null;
	}

	private static void setInteger(PreparedStatement update, int index, JsonNode d, String field) throws SQLException {
		if (d.hasNonNull(field)) {
			update.setInt(index, d.get(field).asInt());
		}
		else {
			update.setNull(index, Types.INTEGER);
		}
	}

	private static BigDecimal decimal(JsonNode d, String field) {
		return d.hasNonNull(field) ? d.get(field).decimalValue() : null;
	}

}
