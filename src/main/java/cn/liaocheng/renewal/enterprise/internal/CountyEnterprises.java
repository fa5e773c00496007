package cn.liaocheng.renewal.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.operations.LikePatterns;
import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.enterprise.EnterpriseAccountChanged;
import cn.liaocheng.renewal.enterprise.EnterpriseActivated;
import cn.liaocheng.renewal.enterprise.EnterpriseRejected;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.enterprise.PendingRegistrations;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.AccountSessions;
import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The enterprise accounts of a jurisdiction, and their activation. Every change checks
 * the enterprise's division against the actor's jurisdiction here, whatever the page
 * offered, so an id sent by hand cannot reach past it.
 */
@Service
class CountyEnterprises implements PendingRegistrations {

	private static final Logger LOG = LoggerFactory.getLogger(CountyEnterprises.class);

	private static final String SELECT = """
			SELECT id, credit_code, name, division_code, industry, contact_name, contact_phone, user_id, status,
			       created_at, activated_at, activated_by, rejected_at, rejected_by, rejection, status,
			       disabled_at, disabled_by, disabled_reason, moved_from_division
			FROM enterprise""";

	private static final ZoneId BEIJING = ChinaTime.ZONE;

	private static final String REJECTION_REFUSED = "不能驳回该注册";

	private static final String PENDING_FIRST = """
			ORDER BY CASE status WHEN 'PENDING' THEN 0 WHEN 'ACTIVE' THEN 1 WHEN 'DISABLED' THEN 2 ELSE 3 END,
			         created_at DESC, id DESC""";

	private final JdbcClient jdbc;

	private final OrganizationCatalog catalog;

	private final ApplicationEventPublisher events;

	private final Accounts accounts;

	private final AccountSessions sessions;

	private final AuditTrail audit;

	CountyEnterprises(JdbcClient jdbc, OrganizationCatalog catalog, ApplicationEventPublisher events, Accounts accounts,
			AccountSessions sessions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.events = events;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
	}

	/**
	 * The divisions whose accounts the user may manage; none for anyone but county
	 * industry bureaus' reviewers and leads, and administrators.
	 */
	List<Division> divisionsOf(PortalUser user) {
		Jurisdiction jurisdiction = Jurisdiction.of(user, catalog.divisions());
		return catalog.divisions().stream().filter(d -> jurisdiction.covers(d.code())).toList();
	}

	@Override
	public boolean activatesAny(PortalUser user) {
		return !Jurisdiction.of(user, catalog.divisions()).isEmpty();
	}

	@Override
	@Transactional(readOnly = true)
	public long count(PortalUser user) {
		Jurisdiction jurisdiction = Jurisdiction.of(user, catalog.divisions());
		if (jurisdiction.isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE status = 'PENDING' AND division_code IN (:codes)")
			.param("codes", jurisdiction.divisionCodes())
			.query(Long.class)
			.single();
	}

	/** Accounts listed on a page of the county's list. */
	static final int PAGE_SIZE = 50;

	/**
	 * The accounts of the user's jurisdiction (or of one division of it) whose name,
	 * credit code or login contains {@code query} (blank: all), pending registrations
	 * first: page {@code page} (from 1; past the last, the last) of {@code size}.
	 */
	ResultPage<EnterpriseListing> search(PortalUser user, Optional<String> division, String query, int page, int size) {
		List<Division> divisions = catalog.divisions();
		List<String> codes = divisionCodes(user, division, divisions);
		if (codes.isEmpty()) {
			return new ResultPage<>(List.of(), 0, 1, size);
		}
		String where = " WHERE division_code IN (:codes)";
		Map<String, Object> params = new HashMap<>();
		params.put("codes", codes);
		String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		if (!needle.isEmpty()) {
			where += " AND (LOWER(name) LIKE :text ESCAPE '\\' OR LOWER(credit_code) LIKE :text ESCAPE '\\'"
					+ " OR LOWER(user_id) LIKE :text ESCAPE '\\')";
			params.put("text", LikePatterns.containing(needle));
		}
		int total = jdbc.sql("SELECT COUNT(*) FROM enterprise" + where).params(params).query(Integer.class).single();
		int number = ResultPage.number(page, total, size);
		params.put("offset", ResultPage.offset(number, size));
		params.put("size", size);
		Map<String, String> names = names(divisions);
		List<EnterpriseListing> found = jdbc
			.sql(SELECT + where + PENDING_FIRST + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
			.params(params)
			.query((rs, n) -> map(rs, names))
			.list();
		return new ResultPage<>(found, total, number, size);
	}

	/**
	 * The division codes of the user's jurisdiction (or the one chosen of it);
	 * {@link OutsideJurisdictionException} for a user who has none.
	 */
	private static List<String> divisionCodes(PortalUser user, Optional<String> division, List<Division> divisions) {
		Jurisdiction jurisdiction = Jurisdiction.of(user, divisions);
		if (jurisdiction.isEmpty()) {
			throw new OutsideJurisdictionException();
		}
		return jurisdiction.divisionCodes().stream().filter(code -> division.map(code::equals).orElse(true)).toList();
	}

	List<EnterpriseListing> visibleTo(PortalUser user, Optional<String> division) {
		List<Division> divisions = catalog.divisions();
		List<String> codes = divisionCodes(user, division, divisions);
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
	 * Activates an account (a pending registration, or one disabled), recording who did
	 * and when; an account active already keeps its first activation, and a re-activation
	 * is in the audit trail. A rejected registration stays closed; an account an
	 * administrator disabled is restored by an administrator only.
	 */
	@Transactional
	Change activate(PortalUser user, long id) {
		List<Division> divisions = catalog.divisions();
		EnterpriseListing before = inJurisdiction(Jurisdiction.of(user, divisions), id, divisions);
		String actor = user.userId();
		State state = lock(id);
		if (state.status() == EnterpriseStatus.REJECTED) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.STATE, "不能激活该账户",
					"“" + before.name() + "”的注册已被驳回，账户已关闭；企业须重新注册");
		}
		if (state.status() == EnterpriseStatus.DISABLED && state.disabledByAdministrator() && !user.isAdministrator()) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.STATE, "不能恢复该账户",
					"“" + before.name() + "”的账户由系统管理员停用，须由系统管理员恢复");
		}
		int changed = jdbc.sql("""
				UPDATE enterprise SET status = :active, activated_by = COALESCE(activated_by, :actor),
				    activated_at = COALESCE(activated_at, :now), disabled_at = NULL, disabled_by = NULL,
				    disabled_by_administrator = FALSE
				WHERE id = :id AND status IN (:pending, :disabled)""")
			.param("active", EnterpriseStatus.ACTIVE.name())
			.param("actor", actor)
			.param("now", Timestamp.from(Instant.now()))
			.param("id", id)
			.param("pending", EnterpriseStatus.PENDING.name())
			.param("disabled", EnterpriseStatus.DISABLED.name())
			.update();
		if (changed > 0) {
			// Activated before, then disabled: restored. A registration disabled before
			// it was ever activated is activated now, and told so.
			boolean again = state.status() == EnterpriseStatus.DISABLED && state.everActivated();
			LOG.info("Enterprise {} ({}) {} by {}", before.creditCode(), before.userId(),
					again ? "activated again" : "activated", actor);
			audit.record(actor, again ? "ENTERPRISE_REACTIVATED" : "ENTERPRISE_ACTIVATED", "enterprise:" + id,
					before.creditCode() + " " + before.userId());
			String body = bodyOf(user, before);
			if (!again) {
				events.publishEvent(new EnterpriseActivated(id, before.userId(), before.name(), actor, body));
			}
			else {
				events.publishEvent(new EnterpriseAccountChanged(before.userId(), before.name(), false, body,
						Instant.now(), null, state.disabledAt()));
			}
		}
		return new Change(changed > 0, find(id, divisions).orElseThrow());
	}

	/**
	 * Disables an account: its enterprise can log in and look, but not submit. Who did
	 * it, why, and whether an administrator did is kept; the enterprise is told why.
	 */
	@Transactional
	Change disable(PortalUser user, long id, String reason) {
		List<Division> divisions = catalog.divisions();
		EnterpriseListing before = inJurisdiction(Jurisdiction.of(user, divisions), id, divisions);
		String actor = user.userId();
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 4 || why.length() > 300) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, "不能停用该账户",
					"请填写停用原因（4 至 300 字），如“经核实，该企业已注销”，系统将告知企业");
		}
		PlainText.problem(why, false).ifPresent(problem -> {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, "不能停用该账户", "停用原因" + problem);
		});
		if (lock(id).status() == EnterpriseStatus.REJECTED) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.STATE, "不能停用该账户",
					"“" + before.name() + "”的注册已被驳回，账户已关闭");
		}
		int changed = jdbc.sql("""
				UPDATE enterprise SET status = :disabled, disabled_at = :now, disabled_by = :actor,
				    disabled_by_administrator = :administrator, disabled_reason = :reason
				WHERE id = :id AND status IN (:pending, :active)""")
			.param("reason", why)
			.param("disabled", EnterpriseStatus.DISABLED.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("actor", actor)
			.param("administrator", user.isAdministrator())
			.param("id", id)
			.param("pending", EnterpriseStatus.PENDING.name())
			.param("active", EnterpriseStatus.ACTIVE.name())
			.update();
		if (changed > 0) {
			LOG.info("Enterprise {} ({}) disabled by {}", before.creditCode(), before.userId(), actor);
			audit.record(actor, "ENTERPRISE_DISABLED", "enterprise:" + id,
					before.creditCode() + " " + before.userId() + "; reason: " + why);
			events.publishEvent(new EnterpriseAccountChanged(before.userId(), before.name(), true, bodyOf(user, before),
					Instant.now(), why, null));
		}
		return new Change(changed > 0, find(id, divisions).orElseThrow());
	}

	/** Who changed the account, as the enterprise reads it. */
	private String bodyOf(PortalUser user, EnterpriseListing enterprise) {
		return user.isAdministrator() ? "系统管理员"
				: catalog.groupName(GroupNames.county(enterprise.divisionCode(), "industry"));
	}

	private record State(EnterpriseStatus status, boolean disabledByAdministrator, boolean everActivated,
			Instant disabledAt) {
	}

	/** The account's state, locked until the change commits. */
	private State lock(long id) {
		return jdbc.sql(
				"SELECT status, disabled_by_administrator, activated_at, disabled_at FROM enterprise WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> new State(EnterpriseStatus.valueOf(rs.getString(1)), rs.getBoolean(2),
					rs.getTimestamp(3) != null, rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.single();
	}

	/**
	 * Rejects a registration not yet activated (驳回注册), e.g. one made in another
	 * enterprise's name: its credit code may be registered again, its account is closed
	 * (the login and every session of it), and the row stays with who rejected it, when
	 * and why. An account once activated is disabled instead, never rejected.
	 */
	@Transactional
	Change reject(PortalUser user, long id, String reason) {
		List<Division> divisions = catalog.divisions();
		EnterpriseListing before = inJurisdiction(Jurisdiction.of(user, divisions), id, divisions);
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 4 || why.length() > 300) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, REJECTION_REFUSED,
					"请填写驳回原因（4 至 300 字），企业再次注册时可据此更正");
		}
		PlainText.problem(why, false).ifPresent(problem -> {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, REJECTION_REFUSED, "驳回原因" + problem);
		});
		if (EnterpriseStatus.REJECTED.name().equals(before.status())) {
			return new Change(false, before);
		}
		int changed = jdbc.sql("""
				UPDATE enterprise SET status = :rejected, credit_code_claim = NULL, rejected_at = :now,
				    rejected_by = :actor, rejection = :why
				WHERE id = :id AND status = :pending""")
			.param("rejected", EnterpriseStatus.REJECTED.name())
			.param("now", Timestamp.from(Instant.now()))
			.param("actor", user.userId())
			.param("why", why)
			.param("id", id)
			.param("pending", EnterpriseStatus.PENDING.name())
			.update();
		if (changed == 0) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.STATE, REJECTION_REFUSED,
					"只能驳回尚未激活的注册；“" + before.name() + "”的账户" + before.statusLabel() + "，如需关闭请停用");
		}
		// The login goes with the registration (Camunda's command joins this
		// transaction); the account's sessions end at once, on every node.
		accounts.delete(before.userId());
		sessions.end(before.userId(), null);
		events.publishEvent(new EnterpriseRejected(id));
		audit.record(user.userId(), "ENTERPRISE_REJECTED", "enterprise:" + id,
				before.creditCode() + " " + before.userId() + "; reason: " + why);
		LOG.info("Registration of {} ({}) rejected by {}", before.creditCode(), before.userId(), user.userId());
		return new Change(true, find(id, divisions).orElseThrow());
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
		String movedFrom = rs.getString("moved_from_division");
		String movedFromName = movedFrom == null ? null : divisionNames.getOrDefault(movedFrom, movedFrom);
		return new EnterpriseListing(rs.getLong("id"), rs.getString("credit_code").strip(), rs.getString("name"),
				division, divisionNames.getOrDefault(division, division), rs.getString("industry"),
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("user_id"), status.name(),
				status.label(), time(rs.getTimestamp("created_at")), time(rs.getTimestamp("activated_at")),
				rs.getString("activated_by"), time(rs.getTimestamp("rejected_at")), rs.getString("rejected_by"),
				rs.getString("rejection"),
				status == EnterpriseStatus.DISABLED ? time(rs.getTimestamp("disabled_at")) : null,
				status == EnterpriseStatus.DISABLED ? rs.getString("disabled_by") : null,
				status == EnterpriseStatus.DISABLED ? rs.getString("disabled_reason") : null, movedFrom, movedFromName,
				relocationNote(movedFromName, status));
	}

	/**
	 * What the bureau must check of an enterprise that declared it moved into the county
	 * from the one that issued its credit code: before activating, that the business
	 * licence's address is in the county; afterwards, the declaration stays on record.
	 */
	static String relocationNote(String movedFromName, EnterpriseStatus status) {
		if (movedFromName == null) {
			return null;
		}
		String declared = "信用代码登记地为" + movedFromName + "，企业声明已迁入本县";
		return status == EnterpriseStatus.PENDING ? declared + "：激活前请核验营业执照住所" : declared;
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
