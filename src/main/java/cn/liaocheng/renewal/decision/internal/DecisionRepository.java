package cn.liaocheng.renewal.decision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.IssuedDecision;

/** The {@code decision} and {@code decision_issuer} tables. */
@Component
class DecisionRepository {

	private static final String COLUMNS = """
			SELECT id, application_id, decision_type, body_key, body_name, document_number, verification_code,
			       decision_date, issued_at, enterprise_name, credit_code, project_name, file_id, sha256, signer
			FROM decision""";

	private final JdbcClient jdbc;

	DecisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How a body numbers its decisions and where its decisions may be challenged. */
	record Issuer(String prefix, String reconsiderationBody) {
	}

	Optional<Issuer> issuer(String bodyKey) {
		return jdbc.sql("SELECT number_prefix, reconsideration_body FROM decision_issuer WHERE body_key = ?")
			.param(bodyKey)
			.query((rs, n) -> new Issuer(rs.getString(1), rs.getString(2)))
			.optional();
	}

	long insert(IssuedDecision d, int year, int serial, String referenceNo, String period, String textVersion) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO decision (application_id, stage, decision_type, body_key, body_name, decision_year, serial_no,
						    document_number, verification_code, decision_date, issued_at, enterprise_name, credit_code,
						    project_name, reference_no, file_id, sha256, signer, period, text_version)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.applicationId(), d.type().stage().name(), d.type().name(), d.issuingBody(), d.issuingBodyName(),
					year, serial, d.number(), d.verificationCode(), d.decisionDate(), Timestamp.from(d.issuedAt()),
					d.enterpriseName(), d.creditCode(), d.projectName(), referenceNo, d.fileId(), d.sha256(),
					d.signer(), period, textVersion)
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<IssuedDecision> byStage(long applicationId, DecisionType.Stage stage, String period) {
		return jdbc.sql(COLUMNS + " WHERE application_id = ? AND stage = ? AND period = ?")
			.params(applicationId, stage.name(), period)
			.query(DecisionRepository::map)
			.optional();
	}

	Optional<IssuedDecision> latest(long applicationId) {
		return jdbc.sql(COLUMNS + " WHERE application_id = ? ORDER BY issued_at DESC, id DESC")
			.param(applicationId)
			.query(DecisionRepository::map)
			.list()
			.stream()
			.findFirst();
	}

	List<IssuedDecision> all(long applicationId) {
		return jdbc.sql(COLUMNS + " WHERE application_id = ? ORDER BY issued_at, id")
			.param(applicationId)
			.query(DecisionRepository::map)
			.list();
	}

	/**
	 * Every decision of each of the applications, oldest first, read in slices of at most
	 * 500 ids; an application without one is not in the map.
	 */
	Map<Long, List<IssuedDecision>> all(Collection<Long> applicationIds) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(applicationIds));
		Map<Long, List<IssuedDecision>> all = new HashMap<>();
		for (int from = 0; from < ids.size(); from += 500) {
			jdbc.sql(COLUMNS + " WHERE application_id IN (:ids) ORDER BY issued_at, id")
				.param("ids", ids.subList(from, Math.min(from + 500, ids.size())))
				.query(DecisionRepository::map)
				.list()
				.forEach(d -> all.computeIfAbsent(d.applicationId(), id -> new ArrayList<>()).add(d));
		}
		return all;
	}

	Optional<String> textVersion(long id) {
		return jdbc.sql("SELECT text_version FROM decision WHERE id = ?")
			.param(id)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(v -> v);
	}

	Optional<IssuedDecision> byId(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(DecisionRepository::map).optional();
	}

	Optional<IssuedDecision> bySha256(String sha256) {
		// list(), not stream(): an unclosed stream would keep its pooled connection.
		return jdbc.sql(COLUMNS + " WHERE sha256 = ?")
			.param(sha256)
			.query(DecisionRepository::map)
			.list()
			.stream()
			.findFirst();
	}

	Optional<IssuedDecision> byCode(String code) {
		return jdbc.sql(COLUMNS + " WHERE verification_code = ?").param(code).query(DecisionRepository::map).optional();
	}

	private static IssuedDecision map(ResultSet rs, int row) throws SQLException {
		return new IssuedDecision(rs.getLong(1), rs.getLong(2), DecisionType.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(),
				rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13),
				rs.getString(14).strip(), rs.getString(15));
	}

}
