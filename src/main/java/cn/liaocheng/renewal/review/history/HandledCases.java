package cn.liaocheng.renewal.review.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.operations.LikePatterns;
import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * 已办: the cases the reviewer's bodies (for a lead, the body led) gave an opinion on,
 * newest first, with where each stands now and the last step their bodies did, marked
 * when that step was the reviewer's own; and a search among exactly those cases, by words
 * and by batch year, done by the database before the list is cut into pages of
 * {@link #PAGE_SIZE}, so that an older case is found when searched for, and counted. A
 * reviewer never finds a case here that their present body did not handle: one who moved
 * to another county or to a bank no longer lists the cases they handled before, as they
 * may no longer open them. Four queries whatever the number of cases: their count, the
 * page's cases, their last steps (with whether each was taken back since), the
 * applications with their applicants. An export (导出 Excel) is the same search, one page
 * of at most {@link #EXPORT_LIMIT} cases.
 */
@Service
public class HandledCases {

	/** How many handled cases a page lists. */
	public static final int PAGE_SIZE = 50;

	/**
	 * How many handled cases an export holds at most: a body's cases of several years,
	 * and a workbook Excel opens at once; beyond it the export says how many it left out.
	 */
	public static final int EXPORT_LIMIT = 5000;

	private static final String LEAD_SUFFIX = GroupNames.LEAD_SUFFIX;

	private final JdbcClient jdbc;

	private final ApplicationStages stages;

	private final OpinionStore opinions;

	HandledCases(JdbcClient jdbc, ApplicationStages stages, OpinionStore opinions) {
		this.jdbc = jdbc;
		this.stages = stages;
		this.opinions = opinions;
	}

	/**
	 * A handled case: the application, and the opinion its last step by the reviewer's
	 * bodies gave ({@code byMe}: that step was the reviewer's own; {@code superseded}:
	 * the step was withdrawn or returned to be done again since, so the opinion is no
	 * longer a conclusion of the case).
	 */
	public record Handled(CaseListing listing, Opinion last, boolean byMe, boolean superseded) {

		/** What the step concluded, as the case's record now stands. */
		public String conclusion() {
			return superseded ? last.decisionLabel() + "（该环节已撤回或被退回重新办理，此意见不再作为结论）" : last.decisionLabel();
		}

	}

	/**
	 * The cases {@code user} or their bodies handled, filtered by {@code query} (part of
	 * the 申报编号, the enterprise's name or the project as last submitted; blank: all) and
	 * by {@code batchYear} (the year of the batch the case was submitted in;
	 * {@code null}: all), most recently handled first: page {@code page} (from 1; past
	 * the last, the last) of {@link #PAGE_SIZE}.
	 */
	@Transactional(readOnly = true)
	public ResultPage<Handled> of(PortalUser user, String query, Integer batchYear, int page) {
		return of(user, query, batchYear, page, PAGE_SIZE);
	}

	/**
	 * The first {@link #EXPORT_LIMIT} cases {@link #of} finds, in its order, and how many
	 * it finds in all: what an export of 已办 holds.
	 */
	@Transactional(readOnly = true)
	public ResultPage<Handled> forExport(PortalUser user, String query, Integer batchYear) {
		return of(user, query, batchYear, 1, EXPORT_LIMIT);
	}

	@Transactional(readOnly = true)
	public ResultPage<Handled> of(PortalUser user, String query, Integer batchYear, int page, int size) {
		// A body's leads supervise it: their lead group stands for the body.
		List<String> groups = new ArrayList<>(List.of("-"));
		for (String group : user.groupIds()) {
			groups.add(group.endsWith(LEAD_SUFFIX) ? group.substring(0, group.length() - LEAD_SUFFIX.length()) : group);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("groups", groups);
		StringBuilder where = new StringBuilder("o.body_group IN (:groups)");
		String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		if (!needle.isEmpty()) {
			where
				.append("""
						AND (LOWER(a.reference_no) LIKE :text ESCAPE '\\' OR LOWER(e.name) LIKE :text ESCAPE '\\'
						     OR LOWER(COALESCE(a.submitted_project_name, a.project_name, p.project_name)) LIKE :text ESCAPE '\\')""");
			params.put("text", LikePatterns.containing(needle));
		}
		if (batchYear != null) {
			where.append(
					" AND EXISTS (SELECT 1 FROM batch_entry b WHERE b.application_id = a.id AND b.batch_year = :year)");
			params.put("year", batchYear);
		}
		String from = """
				FROM review_opinion o
				JOIN application a ON a.id = o.application_id
				JOIN enterprise e ON e.id = a.enterprise_id
				LEFT JOIN application p ON p.id = COALESCE(a.submitted_project_id, a.project_id)
				WHERE %s""".formatted(where);
		int total = jdbc.sql("SELECT COUNT(DISTINCT o.application_id) " + from)
			.params(params)
			.query(Integer.class)
			.single();
		int number = ResultPage.number(page, total, size);
		params.put("offset", ResultPage.offset(number, size));
		params.put("size", size);
		List<Long> order = jdbc.sql("SELECT o.application_id " + from + """

				GROUP BY o.application_id
				ORDER BY MAX(o.created_at) DESC, o.application_id DESC
				OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY""").params(params).query(Long.class).list();
		if (order.isEmpty()) {
			return new ResultPage<>(List.of(), total, number, size);
		}
		Map<Long, OpinionStore.Latest> last = opinions.latestOfBodies(order, groups);
		Map<Long, CaseListing> listings = new HashMap<>();
		stages.listings(order).forEach(l -> listings.put(l.summary().id(), l));
		List<Handled> handled = new ArrayList<>();
		for (long id : order) {
			CaseListing listing = listings.get(id);
			OpinionStore.Latest l = last.get(id);
			if (listing != null && l != null) {
				handled.add(new Handled(listing, l.opinion(), user.userId().equals(l.opinion().reviewer()),
						l.superseded()));
			}
		}
		return new ResultPage<>(handled, total, number, size);
	}

}
