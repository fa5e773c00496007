package cn.liaocheng.renewal.clawback.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.SubmissionGate;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.clawback.NegativeListEntry;
import cn.liaocheng.renewal.clawback.NegativeListLifted;
import cn.liaocheng.renewal.clawback.NegativeListed;
import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The negative list (负面清单): entries from serious clawbacks and from the city industry
 * bureau, lifted by it with a reason or ending by themselves after their last day. As a
 * {@link SubmissionGate} it refuses a listed enterprise's first submissions, naming the
 * reason and the last day.
 */
@Service
@Order(100)
public class NegativeList implements SubmissionGate {

	private static final String COLUMNS = """
			SELECT id, credit_code, enterprise_name, division_code, reason, source_application_id, source_decision,
			       basis_authority, basis_document, basis_date, listed_from, listed_until, created_by, created_at, lifted_by, lifted_at, lift_reason,
			       source_decision_title
			FROM negative_list_entry""";

	private static final int MAX_MONTHS = 60;

	private final JdbcClient jdbc;

	private final EnterpriseRegistry enterprises;

	private final AuditTrail audit;

	private final ApplicationStages stages;

	private final ApplicationEventPublisher events;

	NegativeList(JdbcClient jdbc, EnterpriseRegistry enterprises, AuditTrail audit, ApplicationStages stages,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.audit = audit;
		this.stages = stages;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> refusal(Attempt attempt) {
		LocalDate today = LocalDate.now(Clawbacks.CHINA);
		return jdbc
			.sql(COLUMNS + " WHERE enterprise_id = ? AND lifted_at IS NULL AND listed_from <= ? AND listed_until >= ?"
					+ " ORDER BY listed_until DESC")
			.params(attempt.enterpriseId(), today, today)
			.query(NegativeList::map)
			.list()
			.stream()
			.findFirst()
			.map(e -> "你单位已被列入聊城市工业领域设备更新负面清单（列入原因：" + e.reason() + "；列入依据：" + e.basis() + "），列入期限至"
					+ ClawbackDecision.day(e.until()) + "，期间不能提交新的申报。如有异议，请联系聊城市工业和信息化局。");
	}

	/**
	 * The listing a clawback decision ordered; once per clawback. {@code revoked}: the
	 * decision revoked an allocation never paid instead of recovering it.
	 */
	void listForClawback(ClawbackStore.Row row, String decisionNumber, String decisionTitle, LocalDate from,
			LocalDate until, boolean revoked) {
		boolean listed = jdbc.sql("SELECT COUNT(*) FROM negative_list_entry WHERE source_clawback_id = ?")
			.param(row.view().id())
			.query(Integer.class)
			.single() > 0;
		if (listed) {
			return;
		}
		String reason = "项目“" + row.view().projectName() + "”（申报编号" + row.view().referenceNo() + "）"
				+ row.view().causeLabel() + (revoked ? "，已下达的奖补资金经认定应予撤销（" : "，奖补资金被追回（") + decisionNumber + "）";
		long id = insert(row.enterpriseId(), row.creditCode(), row.view().enterpriseName(), row.view().divisionCode(),
				reason, row.view().applicationId(), row.view().id(), decisionNumber, decisionTitle, null, from, until,
				"system");
		enterprises.findByCreditCode(CreditCode.parse(row.creditCode()))
			.ifPresent(e -> events
				.publishEvent(new NegativeListed(e.userId(), row.view().applicationId(), reason, until)));
		audit.record("system", "NEGATIVE_LIST_ADDED", "enterprise:" + row.creditCode(),
				"entry=" + id + " until=" + until + " decision=" + decisionNumber);
	}

	/**
	 * The written finding a listing by hand rests on: the authority that found the
	 * enterprise's application materials false (弄虚作假), the document's title and number,
	 * its date. The negative list is for that cause only (the programme's rule), and a
	 * listing is a legal act whose ground must be on record, as a clawback's listing has
	 * its decision.
	 */
	public record Finding(String authority, String document, LocalDate date) {
	}

	/**
	 * The city industry bureau lists an enterprise, for a reason and on a written
	 * finding, from today for the given months.
	 */
	@Transactional
	public NegativeListEntry add(PortalUser user, String creditCode, String reason, Finding finding, Integer months,
			Long sourceApplicationId) {
		if (!ClawbackAccess.decides(user)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "只有市工业和信息化局可以列入负面清单");
		}
		Optional<String> problem = CreditCode.problemWith(creditCode == null ? null : creditCode.strip().toUpperCase());
		if (problem.isPresent()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, problem.get());
		}
		Enterprise enterprise = enterprises.findByCreditCode(CreditCode.parse(creditCode))
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"本系统中没有统一社会信用代码为 " + creditCode.strip().toUpperCase() + " 的企业"));
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 10 || why.length() > 2000) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请写明列入原因（10 至 2000 字）");
		}
		PlainText.problem(why, true).ifPresent(unclean -> {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "列入原因" + unclean);
		});
		Finding basis = checked(finding);
		if (months == null || months < 1 || months > MAX_MONTHS) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "列入期限应为 1 至 " + MAX_MONTHS + " 个月");
		}
		if (sourceApplicationId != null && !sourceOf(sourceApplicationId, enterprise)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "关联的申报不是该企业的申报");
		}
		LocalDate from = LocalDate.now(Clawbacks.CHINA);
		LocalDate until = from.plusMonths(months).minusDays(1);
		// One listing per finding: the enterprise's row is held until this one commits,
		// so that the same form sent twice (a second click while the first is slow, a
		// colleague at the same moment) finds the first listing instead of adding another
		// that would keep the enterprise listed after the first is lifted.
		jdbc.sql("SELECT id FROM enterprise WHERE id = ? FOR UPDATE").param(enterprise.id()).query(Long.class).single();
		Optional<NegativeListEntry> same = jdbc
			.sql(COLUMNS + " WHERE enterprise_id = ? AND lifted_at IS NULL AND listed_until >= ?"
					+ " AND basis_authority = ? AND basis_document = ? AND basis_date = ? ORDER BY id")
			.params(enterprise.id(), from, basis.authority(), basis.document(), basis.date())
			.query(NegativeList::map)
			.list()
			.stream()
			.findFirst();
		if (same.isPresent()) {
			NegativeListEntry listed = same.get();
			if (listed.reason().equals(why) && listed.until().equals(until)
					&& Objects.equals(listed.sourceApplicationId(), sourceApplicationId)) {
				return listed;
			}
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"该企业已依据" + basis.authority() + "《" + basis.document() + "》列入负面清单（列入期限至"
							+ ClawbackDecision.day(listed.until()) + "），不重复列入；如需更改，请先解除该条目再重新列入");
		}
		long id = insert(enterprise.id(), enterprise.creditCode().toString(), enterprise.name(),
				enterprise.divisionCode(), why, sourceApplicationId, null, null, null, basis, from, until,
				user.userId());
		audit.record(user.userId(), "NEGATIVE_LIST_ADDED", "enterprise:" + enterprise.creditCode(),
				"entry=" + id + " until=" + until + " basis=" + basis.authority() + basis.document() + " "
						+ basis.date() + " reason=" + why);
		events.publishEvent(new NegativeListed(enterprise.userId(), sourceApplicationId,
				why + "；列入依据：" + NegativeListEntry.basis(basis.authority(), basis.document(), basis.date()), until));
		return byId(id).orElseThrow();
	}

	private static Finding checked(Finding finding) {
		String authority = finding == null || finding.authority() == null ? "" : finding.authority().strip();
		String document = finding == null || finding.document() == null ? "" : finding.document().strip();
		if (authority.length() < 2 || authority.length() > 60) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写作出书面认定的机关（2 至 60 字）");
		}
		if (document.length() < 4 || document.length() > 120) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写认定文书的名称和文号（4 至 120 字）");
		}
		PlainText.problem(authority, false).ifPresent(unclean -> {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "认定机关" + unclean);
		});
		PlainText.problem(document, false).ifPresent(unclean -> {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "认定文书" + unclean);
		});
		LocalDate date = finding.date();
		if (date == null) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写认定文书的日期");
		}
		if (date.isAfter(LocalDate.now(Clawbacks.CHINA))) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "认定文书的日期不能晚于今天");
		}
		return new Finding(authority, document, date);
	}

	/**
	 * The city industry bureau lifts an entry early, for a reason; an entry is lifted
	 * once, and of two lifts at the same time the one that does not change it is refused.
	 */
	@Transactional
	public NegativeListEntry lift(PortalUser user, long id, String reason) {
		if (!ClawbackAccess.decides(user)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "只有市工业和信息化局可以解除负面清单");
		}
		NegativeListEntry entry = byId(id)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "负面清单记录不存在"));
		String why = reason == null ? "" : reason.strip();
		if (why.length() < 4 || why.length() > 2000) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请写明解除原因（4 至 2000 字）");
		}
		PlainText.problem(why, true).ifPresent(unclean -> {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "解除原因" + unclean);
		});
		if (entry.stateOn(LocalDate.now(Clawbacks.CHINA)) == NegativeListEntry.State.LIFTED
				|| entry.stateOn(LocalDate.now(Clawbacks.CHINA)) == NegativeListEntry.State.EXPIRED) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"该记录" + entry.stateOn(LocalDate.now(Clawbacks.CHINA)).label() + "，不能再解除");
		}
		int lifted = jdbc.sql(
				"UPDATE negative_list_entry SET lifted_by = ?, lifted_at = ?, lift_reason = ? WHERE id = ? AND lifted_at IS NULL")
			.params(user.userId(), Timestamp.from(Instant.now()), why, id)
			.update();
		if (lifted == 0) {
			// Another lift committed between the read above and this update: it is the
			// one on record and in the audit trail.
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "该记录刚刚已由他人解除，本次解除未生效，请刷新后查看");
		}
		audit.record(user.userId(), "NEGATIVE_LIST_LIFTED", "enterprise:" + entry.creditCode(),
				"entry=" + id + " reason=" + why);
		// Told of the listing, the enterprise is told of its end, and of another entry
		// that still keeps it from submitting.
		LocalDate today = LocalDate.now(Clawbacks.CHINA);
		enterprises.findByCreditCode(CreditCode.parse(entry.creditCode())).ifPresent(e -> {
			LocalDate stillUntil = jdbc
				.sql("SELECT MAX(listed_until) FROM negative_list_entry"
						+ " WHERE enterprise_id = ? AND lifted_at IS NULL AND listed_from <= ? AND listed_until >= ?")
				.params(e.id(), today, today)
				.query(LocalDate.class)
				.list()
				.stream()
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(null);
			events.publishEvent(new NegativeListLifted(e.userId(), entry.sourceApplicationId(), entry.reason(), why,
					today, stillUntil));
		});
		return byId(id).orElseThrow();
	}

	/** The entry a clawback's decision made, if it made one. */
	@Transactional(readOnly = true)
	public Optional<NegativeListEntry> ofClawback(long clawbackId) {
		return jdbc.sql(COLUMNS + " WHERE source_clawback_id = ?")
			.param(clawbackId)
			.query(NegativeList::map)
			.optional();
	}

	/**
	 * The entries a user may read: the whole list for city bodies, a county's for its
	 * bodies, its own for an enterprise.
	 */
	@Transactional(readOnly = true)
	public List<NegativeListEntry> visibleTo(PortalUser user) {
		if (ClawbackAccess.readsCity(user)) {
			return jdbc.sql(COLUMNS + " ORDER BY created_at DESC, id DESC").query(NegativeList::map).list();
		}
		String county = ClawbackAccess.countyOf(user);
		if (county != null) {
			return jdbc.sql(COLUMNS + " WHERE division_code = ? ORDER BY created_at DESC, id DESC")
				.param(county)
				.query(NegativeList::map)
				.list();
		}
		Optional<Enterprise> own = enterprises.findByUser(user.userId());
		if (own.isPresent()) {
			return jdbc.sql(COLUMNS + " WHERE enterprise_id = ? ORDER BY created_at DESC, id DESC")
				.param(own.get().id())
				.query(NegativeList::map)
				.list();
		}
		throw new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "无权查看负面清单");
	}

	private boolean sourceOf(long applicationId, Enterprise enterprise) {
		try {
			return stages.facts(applicationId).enterpriseId() == enterprise.id();
		}
		catch (ApplicationNotFoundException e) {
			return false;
		}
	}

	Optional<NegativeListEntry> byId(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(NegativeList::map).optional();
	}

	private long insert(long enterpriseId, String creditCode, String name, String division, String reason,
			Long applicationId, Long clawbackId, String decisionNumber, String decisionTitle, Finding finding,
			LocalDate from, LocalDate until, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO negative_list_entry (enterprise_id, credit_code, enterprise_name, division_code, reason,
				    source_application_id, source_clawback_id, source_decision, source_decision_title, basis_authority,
				    basis_document, basis_date, listed_from, listed_until, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(enterpriseId, creditCode, name, division, reason, applicationId, clawbackId, decisionNumber,
					decisionTitle, finding == null ? null : finding.authority(),
					finding == null ? null : finding.document(), finding == null ? null : finding.date(), from, until,
					by, Timestamp.from(Instant.now()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	private static NegativeListEntry map(ResultSet rs, int n) throws SQLException {
		long source = rs.getLong(6);
		Long sourceApplication = rs.wasNull() ? null : source;
		Date basisDate = rs.getDate(10);
		Timestamp lifted = rs.getTimestamp(16);
		return new NegativeListEntry(rs.getLong(1), rs.getString(2).strip(), rs.getString(3), rs.getString(4),
				rs.getString(5), sourceApplication, rs.getString(7), rs.getString(8), rs.getString(9),
				basisDate == null ? null : basisDate.toLocalDate(), rs.getDate(11).toLocalDate(),
				rs.getDate(12).toLocalDate(), rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getString(15),
				lifted == null ? null : lifted.toInstant(), rs.getString(17), rs.getString(18));
	}

}
