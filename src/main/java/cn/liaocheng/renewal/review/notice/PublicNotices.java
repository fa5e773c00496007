package cn.liaocheng.renewal.review.notice;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.liaocheng.renewal.operations.LikePatterns;

/** Public notices (公示) of subsidies and the named objections filed against them. */
@Repository
public class PublicNotices {

	private final JdbcClient jdbc;

	PublicNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void open(long applicationId, Instant starts, Instant ends, BigDecimal amount) {
		int updated = jdbc
			.sql("UPDATE public_notice SET starts_at = ?, ends_at = ?, amount = ? WHERE application_id = ?")
			.params(Timestamp.from(starts), Timestamp.from(ends), amount, applicationId)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO public_notice (application_id, starts_at, ends_at, amount) VALUES (?, ?, ?, ?)")
				.params(applicationId, Timestamp.from(starts), Timestamp.from(ends), amount)
				.update();
		}
	}

	/** The period of a case's public notice. */
	public record Period(long applicationId, Instant startsAt, Instant endsAt) {
	}

	/** The notices whose period has not ended at {@code now}, started or not. */
	public List<Period> notEndedAt(Instant now) {
		return jdbc.sql("SELECT application_id, starts_at, ends_at FROM public_notice WHERE ends_at > ?")
			.params(Timestamp.from(now))
			.query((rs, n) -> new Period(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * Moves the end of the case's notice from {@code from} to {@code to}; false, and
	 * nothing changed, unless it ends at {@code from}.
	 */
	public boolean moveEnd(long applicationId, Instant from, Instant to) {
		return jdbc.sql("UPDATE public_notice SET ends_at = ? WHERE application_id = ? AND ends_at = ?")
			.params(Timestamp.from(to), applicationId, Timestamp.from(from))
			.update() == 1;
	}

	private static final String RUNNING = """
			FROM public_notice n JOIN application a ON a.id = n.application_id
			JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN application p ON p.id = a.submitted_project_id
			WHERE n.starts_at <= :now AND n.ends_at >= :now""";

	private static final String PROJECT_NAME = "COALESCE(p.submitted_project_name, p.project_name, a.submitted_project_name)";

	/**
	 * Notices whose period is running now, newest first, {@code size} of them from
	 * {@code offset}: those whose 申报编号, enterprise or project contains {@code text}
	 * (blank: all), or only the case's own with {@code applicationId}.
	 */
	List<Notice> current(Instant now, String text, Long applicationId, int offset, int size) {
		Map<String, Object> params = new HashMap<>();
		String where = running(now, text, applicationId, params);
		params.put("offset", offset);
		params.put("size", size);
		return jdbc.sql("SELECT n.application_id, a.reference_no, e.name, " + PROJECT_NAME
				+ ", n.amount, n.starts_at, n.ends_at " + where
				+ " ORDER BY n.starts_at DESC, n.application_id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
			.params(params)
			.query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** How many notices {@link #current} finds in all. */
	int countCurrent(Instant now, String text, Long applicationId) {
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("SELECT COUNT(*) " + running(now, text, applicationId, params))
			.params(params)
			.query(Integer.class)
			.single();
	}

	private static String running(Instant now, String text, Long applicationId, Map<String, Object> params) {
		params.put("now", Timestamp.from(now));
		StringBuilder where = new StringBuilder(RUNNING);
		if (applicationId != null) {
			where.append(" AND n.application_id = :id");
			params.put("id", applicationId);
		}
		String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		if (!needle.isEmpty()) {
			where.append(" AND (LOWER(a.reference_no) LIKE :text ESCAPE '\\' OR LOWER(e.name) LIKE :text ESCAPE '\\'")
				.append(" OR LOWER(" + PROJECT_NAME + ") LIKE :text ESCAPE '\\')");
			params.put("text", LikePatterns.containing(needle));
		}
		return where.toString();
	}

	/**
	 * When the notice running at {@code now} began, or empty when none runs. With
	 * {@code lock} the notice's row stays locked until the transaction ends, so that
	 * objections against one notice are filed one after the other.
	 */
	Optional<Instant> runningSince(long applicationId, Instant now, boolean lock) {
		return jdbc
			.sql("SELECT starts_at FROM public_notice WHERE application_id = ? AND starts_at <= ? AND ends_at >= ?"
					+ (lock ? " FOR UPDATE" : ""))
			.params(applicationId, Timestamp.from(now), Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * Waits for every objection being filed against the case's notice to be stored or
	 * refused, and keeps the notice's row locked until the transaction ends: a filing
	 * locks the same row before it checks that the notice still runs, so one that began
	 * before the period ended is gathered with the others, and one that comes after finds
	 * the period over.
	 */
	void holdFilings(long applicationId) {
		jdbc.sql("SELECT application_id FROM public_notice WHERE application_id = ? FOR UPDATE")
			.param(applicationId)
			.query(Long.class)
			.list();
	}

	/** The objections filed against the notice since {@code since}, oldest first. */
	List<Objection> filedSince(long applicationId, Instant since) {
		return jdbc.sql("""
				SELECT objector_name, objector_org, contact_phone, content, receipt_no FROM public_objection
				WHERE application_id = ? AND filed_at >= ? ORDER BY filed_at, id""")
			.params(applicationId, Timestamp.from(since))
			.query((rs, n) -> new Objection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	void add(long applicationId, Objection o, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO public_objection (application_id, objector_name, objector_org, contact_phone, content, filed_at,
						                              receipt_no)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, o.name(), o.organisation(), o.phone(), o.content(), Timestamp.from(now), o.receipt())
			.update();
	}

	List<Objection> unresolved(long applicationId) {
		return jdbc.sql("""
				SELECT objector_name, objector_org, contact_phone, content, receipt_no FROM public_objection
				WHERE application_id = ? AND resolved_at IS NULL ORDER BY filed_at""")
			.param(applicationId)
			.query((rs, n) -> new Objection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/** What the task form's read-only field holds at most. */
	static final int SUMMARY_LIMIT = 3000;

	/**
	 * What the lead body reads in its task at the end of the notice period: each
	 * unresolved objection on a line of its own with who filed it and how to reach them,
	 * or that none was received. Whole objections only, within the form field's 3,000
	 * characters; when some do not fit, the summary says how many and where every one of
	 * them is (the dossier), since settling the objections settles them all.
	 */
	static String summary(List<Objection> unresolved) {
		if (unresolved.isEmpty()) {
			return "公示期内未收到异议";
		}
		List<String> lines = unresolved.stream()
			.map(o -> o.name() + (o.organisation() == null ? "" : "（" + o.organisation() + "）") + "，电话 " + o.phone()
					+ "：" + o.content())
			.toList();
		StringBuilder summary = new StringBuilder();
		int shown = 0;
		for (String line : lines) {
			int left = lines.size() - shown - 1;
			String note = left == 0 ? "" : omitted(left);
			if (summary.length() + line.length() + 1 + note.length() > SUMMARY_LIMIT) {
				break;
			}
			summary.append(shown == 0 ? "" : "\n").append(line);
			shown++;
		}
		if (shown < lines.size()) {
			summary.append(shown == 0 ? "" : "\n").append(omitted(lines.size() - shown));
		}
		return summary.toString();
	}

	private static String omitted(int count) {
		return "……另有 " + count + " 件异议因篇幅未在此列出，请在申报材料页“公示异议”中逐件阅读后再办理；办理结论对全部未办结的异议生效。";
	}

	/** Every objection to the application's notices, oldest first, for the dossier. */
	public List<ObjectionRecord> all(long applicationId) {
		return jdbc.sql("""
				SELECT objector_name, objector_org, content, filed_at, resolved_at, resolution FROM public_objection
				WHERE application_id = ? ORDER BY filed_at, id""")
			.param(applicationId)
			.query((rs, n) -> new ObjectionRecord(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
					rs.getString(6)))
			.list();
	}

	/**
	 * An objection as reviewers of the case read it (the phone stays with the lead body's
	 * task).
	 */
	public record ObjectionRecord(String name, String organisation, String content, Instant filedAt, Instant resolvedAt,
			String resolution) {
	}

	/**
	 * The objection check {@code taskId} settles every open objection of the case with
	 * its ruling.
	 */
	void resolveAll(long applicationId, String taskId, String resolution) {
		jdbc.sql("""
				UPDATE public_objection SET resolved_at = ?, resolution = ?, resolved_by_task = ?
				WHERE application_id = ? AND resolved_at IS NULL""")
			.params(Timestamp.from(Instant.now()), resolution, taskId, applicationId)
			.update();
	}

	/**
	 * The case ended ({@code how}: the decision issued, or the withdrawal) while
	 * objections were still open (a return to the step before the check that then
	 * refused, a lapse, a withdrawal during a later correction): nobody will check them
	 * any more, so they are closed with the case, and the objector's lookup says so
	 * instead of "to be checked" for ever. Answers how many were closed.
	 */
	public int closeWithCase(long applicationId, String how) {
		return jdbc.sql("""
				UPDATE public_objection SET resolved_at = ?, resolution = ?
				WHERE application_id = ? AND resolved_at IS NULL""")
			.params(Timestamp.from(Instant.now()), "该申报的审查已终结（" + how + "），本异议未单独作出核查结论。", applicationId)
			.update();
	}

	/**
	 * The ruling of the objection check {@code taskId} no longer stands (撤回, 退回上一环节): the
	 * objections it settled are open again, for the check to rule on anew. The ruling
	 * itself stays in the case's opinions, marked as superseded.
	 */
	public void reopenSettledBy(String taskId) {
		jdbc.sql("""
				UPDATE public_objection SET resolved_at = NULL, resolution = NULL, resolved_by_task = NULL
				WHERE resolved_by_task = ?""").param(taskId).update();
	}

	/**
	 * The notice of an application, if it had one, and how many objections were filed
	 * against it. A notice run again (after a correction changed the amount, or after the
	 * case went back a step) is told with its own objections, and apart from them those
	 * of an earlier run still unresolved when it began, which are checked with its own.
	 */
	public Optional<NoticeRecord> record(long applicationId) {
		return jdbc.sql("""
				SELECT n.starts_at, n.ends_at, n.amount,
				       (SELECT COUNT(*) FROM public_objection o
				        WHERE o.application_id = n.application_id AND o.filed_at >= n.starts_at),
				       (SELECT COUNT(*) FROM public_objection o
				        WHERE o.application_id = n.application_id AND o.filed_at < n.starts_at
				          AND (o.resolved_at IS NULL OR o.resolved_at >= n.starts_at)),
				       (SELECT COUNT(*) FROM public_objection o
				        WHERE o.application_id = n.application_id AND o.resolved_at IS NULL)
				FROM public_notice n WHERE n.application_id = ?""")
			.param(applicationId)
			.query((rs, n) -> new NoticeRecord(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
					rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
			.optional();
	}

	/**
	 * @param endsAt the end of the notice period as recorded when the notice began (the
	 * end of its fifth working day)
	 * @param amount the proposed subsidy the notice published
	 * @param objections filed during this run of the notice
	 * @param carriedOver filed during an earlier run and still unresolved when this one
	 * began
	 * @param open objections to any run of the notice not settled now (none filed, or
	 * each settled by a ruling that still stands)
	 */
	public record NoticeRecord(Instant startsAt, Instant endsAt, BigDecimal amount, int objections, int carriedOver,
			int open) {
	}

	public record Notice(long applicationId, String referenceNo, String enterpriseName, String projectName,
			BigDecimal amount, Instant startsAt, Instant endsAt) {
	}

	/**
	 * An objection; {@code receipt} is null for those filed before receipts were given.
	 */
	record Objection(String name, String organisation, String phone, String content, String receipt) {
	}

	/** The objection under a receipt number, as its objector may see it. */
	Optional<Receipt> byReceipt(String receipt) {
		return jdbc.sql("""
				SELECT o.receipt_no, o.contact_phone, o.filed_at, o.resolved_at, o.resolution, a.reference_no,
				       COALESCE(p.submitted_project_name, p.project_name, a.submitted_project_name)
				FROM public_objection o JOIN application a ON a.id = o.application_id
				LEFT JOIN application p ON p.id = a.submitted_project_id
				WHERE o.receipt_no = ?""")
			.param(receipt)
			.query((rs, n) -> new Receipt(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5),
					rs.getString(6), rs.getString(7)))
			.optional();
	}

	/**
	 * What an objector may look up: when it was filed and how it was handled, for which
	 * notice.
	 */
	public record Receipt(String receipt, String phone, Instant filedAt, Instant resolvedAt, String resolution,
			String referenceNo, String projectName) {
	}

}
