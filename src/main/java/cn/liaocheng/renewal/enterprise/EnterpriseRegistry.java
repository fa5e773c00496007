package cn.liaocheng.renewal.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores enterprises; one credit code, one enterprise, one account. */
@Service
public class EnterpriseRegistry {

	private static final String COLUMNS = "id, credit_code, name, division_code, industry, contact_name, contact_phone, user_id, status";

	private final JdbcClient jdbc;

	EnterpriseRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The enterprise an account belongs to, if the account is an enterprise's. */
	public Optional<Enterprise> findByUser(String userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE user_id = ?")
			.param(userId)
			.query(EnterpriseRegistry::map)
			.optional();
	}

	/**
	 * The same, its row locked until the caller's transaction ends, for an act on the
	 * enterprise's applications that must not cross a change of its status: a disabling,
	 * which locks the row too, waits for an act under way, and an act after it reads the
	 * enterprise disabled.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Enterprise> lockByUser(String userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE user_id = ? FOR UPDATE")
			.param(userId)
			.query(EnterpriseRegistry::map)
			.optional();
	}

	/**
	 * The enterprise of an account that may submit applications.
	 * @throws InactiveEnterpriseException when the account is no enterprise's, or its
	 * enterprise is not active
	 */
	public Enterprise requireActiveEnterpriseOf(String userId) {
		Enterprise enterprise = findByUser(userId)
			.orElseThrow(() -> new InactiveEnterpriseException(InactiveEnterpriseException.Reason.NOT_AN_ENTERPRISE));
		return switch (enterprise.status()) {
			case ACTIVE -> enterprise;
			case PENDING -> throw new InactiveEnterpriseException(InactiveEnterpriseException.Reason.PENDING);
			case DISABLED -> throw new InactiveEnterpriseException(InactiveEnterpriseException.Reason.DISABLED);
			case REJECTED -> throw new InactiveEnterpriseException(InactiveEnterpriseException.Reason.REJECTED);
		};
	}

	/**
	 * The enterprise registered under {@code code}; a rejected registration no longer
	 * holds its code.
	 */
	public Optional<Enterprise> findByCreditCode(CreditCode code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE credit_code_claim = ?")
			.param(code.value())
			.query(EnterpriseRegistry::map)
			.optional();
	}

	/**
	 * Records an enterprise whose account exists already; {@code activatedBy} is null for
	 * one still pending.
	 */
	@Transactional
	public Enterprise record(NewEnterprise e, String activatedBy) {
		EnterpriseStatus status = activatedBy == null ? EnterpriseStatus.PENDING : EnterpriseStatus.ACTIVE;
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO enterprise (credit_code, credit_code_claim, name, division_code, industry, contact_name,
				                        contact_phone, user_id, status, created_at, activated_at, activated_by,
				                        moved_from_division)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.creditCode().value(), e.creditCode().value(), e.name(), e.divisionCode(), e.industry(),
					e.contactName(), e.contactPhone(), e.userId(), status.name(), now, activatedBy == null ? null : now,
					activatedBy, e.movedFromDivision())
			.update();
		return findByCreditCode(e.creditCode()).orElseThrow();
	}

	private static Enterprise map(ResultSet rs, int row) throws SQLException {
		return new Enterprise(rs.getLong("id"), new CreditCode(rs.getString("credit_code").strip()),
				rs.getString("name"), rs.getString("division_code"), rs.getString("industry"),
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("user_id"),
				EnterpriseStatus.valueOf(rs.getString("status")));
	}

	/**
	 * What it takes to record an enterprise.
	 *
	 * @param movedFromDivision the county that issued the credit code, for an enterprise
	 * that declared it moved from there into {@code divisionCode}; null for any other
	 */
	public record NewEnterprise(CreditCode creditCode, String name, String divisionCode, String industry,
			String contactName, String contactPhone, String userId, String movedFromDivision) {

		/** An enterprise that has not declared a move. */
		public NewEnterprise(CreditCode creditCode, String name, String divisionCode, String industry,
				String contactName, String contactPhone, String userId) {
			this(creditCode, name, divisionCode, industry, contactName, contactPhone, userId, null);
		}

	}

}
