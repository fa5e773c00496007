package cn.liaocheng.renewal.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.enterprise.EnterpriseActivated;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The enterprise accounts of a jurisdiction, and their activation. Every change checks
 * the enterprise's division against the actor's jurisdiction here, whatever the page
 * offered, so an id sent by hand cannot reach past it.
 */
@Service
class CountyEnterprises {

	private static final Logger LOG = LoggerFactory.getLogger(CountyEnterprises.class);

	private static final String SELECT = """
			SELECT id, credit_code, name, division_code, industry, contact_name, contact_phone, user_id, status,
			       created_at, activated_at, activated_by
			FROM enterprise""";

	private static final ZoneId BEIJING = ChinaTime.ZONE;

	private static final String PENDING_FIRST = """
			ORDER BY CASE status WHEN 'PENDING' THEN 0 WHEN 'ACTIVE' THEN 1 ELSE 2 END, created_at DESC, id DESC""";

	private final JdbcClient jdbc;

	private final OrganizationCatalog catalog;

	private final ApplicationEventPublisher events;

	CountyEnterprises(JdbcClient jdbc, OrganizationCatalog catalog, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.events = events;
	}

	/**
	 * The divisions whose accounts the user may manage; none for anyone but county
	 * industry reviewers and administrators.
	 */
	List<Division> divisionsOf(PortalUser user) {
		Jurisdiction jurisdiction = Jurisdiction.of(user, catalog.divisions());
		return catalog.divisions().stream().filter(d -> jurisdiction.covers(d.code())).toList();
	}

	/**
	 * The accounts the user may manage (optionally of one division), pending ones first.
	 */
	List<EnterpriseListing> visibleTo(PortalUser user, Optional<String> division) {
		List<Division> divisions = catalog.divisions();
		Jurisdiction jurisdiction = Jurisdiction.of(user, divisions);
		if (jurisdiction.isEmpty()) {
			throw new OutsideJurisdictionException();
		}
		List<String> codes = jurisdiction.divisionCodes()
			.stream()
			.filter(code -> division.map(code::equals).orElse(true))
			.toList();
		if (codes.isEmpty()) {
			return List.of();
		}
		Map<String, String> names = names(divisions);
		return jdbc.sql(SELECT + " WHERE division_code IN (:codes)" + PENDING_FIRST)
			.param("codes", codes)
			.query((rs, n) -> map(rs, names))
			.list();
	}

	/**
	 * Activates an account, recording who did and when; an account active already keeps
	 * its first activation.
	 */
	@Transactional
	Change activate(PortalUser user, long id) {
		List<Division> divisions = catalog.divisions();
		EnterpriseListing before = inJurisdiction(Jurisdiction.of(user, divisions), id, divisions);
		String actor = user.userId();
		int changed = jdbc.sql("""
				UPDATE enterprise SET status = :active, activated_by = :actor, activated_at = :now
				WHERE id = :id AND status <> :active""")
			.param("active", EnterpriseStatus.ACTIVE.name())
			.param("actor", actor)
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
		if (changed > 0) {
			LOG.info("Enterprise {} ({}) activated by {}", before.creditCode(), before.userId(), actor);
			events.publishEvent(new EnterpriseActivated(id, before.userId(), before.name(), actor));
		}
		return new Change(changed > 0, find(id, divisions).orElseThrow());
	}

	/** Disables an account: its enterprise can log in and look, but not submit. */
	@Transactional
	Change disable(PortalUser user, long id) {
		List<Division> divisions = catalog.divisions();
		EnterpriseListing before = inJurisdiction(Jurisdiction.of(user, divisions), id, divisions);
		String actor = user.userId();
		int changed = jdbc.sql("UPDATE enterprise SET status = :disabled WHERE id = :id AND status <> :disabled")
			.param("disabled", EnterpriseStatus.DISABLED.name())
			.param("id", id)
			.update();
		if (changed > 0) {
			LOG.info("Enterprise {} ({}) disabled by {}", before.creditCode(), before.userId(), actor);
		}
		return new Change(changed > 0, find(id, divisions).orElseThrow());
	}

	private EnterpriseListing inJurisdiction(Jurisdiction jurisdiction, long id, List<Division> divisions) {
		Optional<EnterpriseListing> found = find(id, divisions);
		if (found.isEmpty() || !jurisdiction.covers(found.get().divisionCode())) {
			throw new OutsideJurisdictionException();
		}
		return found.get();
	}

	private Optional<EnterpriseListing> find(long id, List<Division> divisions) {
		Map<String, String> names = names(divisions);
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query((rs, n) -> map(rs, names)).optional();
	}

	private static Map<String, String> names(List<Division> divisions) {
		return divisions.stream().collect(Collectors.toMap(Division::code, Division::name));
	}

	private static EnterpriseListing map(ResultSet rs, Map<String, String> divisionNames) throws SQLException {
		EnterpriseStatus status = EnterpriseStatus.valueOf(rs.getString("status"));
		String division = rs.getString("division_code");
		return new EnterpriseListing(rs.getLong("id"), rs.getString("credit_code").strip(), rs.getString("name"),
				division, divisionNames.getOrDefault(division, division), rs.getString("industry"),
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("user_id"), status.name(),
				status.label(), time(rs.getTimestamp("created_at")), time(rs.getTimestamp("activated_at")),
				rs.getString("activated_by"));
	}

	/**
	 * Stored as an instant; shown to the bureau and API clients in Beijing time, whatever
	 * the server's zone.
	 */
	private static OffsetDateTime time(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().atZone(BEIJING).toOffsetDateTime();
	}

	/** The account after an action, and whether the action changed anything. */
	record Change(boolean changed, EnterpriseListing enterprise) {
	}

}
