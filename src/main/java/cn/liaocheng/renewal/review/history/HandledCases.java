package cn.liaocheng.renewal.review.history;

import java.time.Instant;
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
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * 已办: the cases the reviewer's bodies (for a lead, the body led) gave an opinion on,
 * newest first, with where each stands now, the reviewer's own marked; and a search among
 * exactly those cases. A reviewer never finds a case here that their present body did not
 * handle: one who moved to another county or to a bank no longer lists the cases they
 * handled before, as they may no longer open them. Two queries whatever the number of
 * cases: the opinions, then the applications with their applicants.
 */
@Service
public class HandledCases {

	/** How many of the most recently handled cases are listed and searched. */
	static final int LIMIT = 300;

	private static final String LEAD_SUFFIX = GroupNames.LEAD_SUFFIX;

	private final JdbcClient jdbc;

	private final ApplicationStages stages;

	HandledCases(JdbcClient jdbc, ApplicationStages stages) {
		this.jdbc = jdbc;
		this.stages = stages;
	}

	/**
	 * A handled case: the application, and the last step the reviewer or their body did
	 * on it.
	 */
	public record Handled(CaseListing listing, String lastStep, String lastBody, Instant lastAt, boolean byMe) {
	}

	/**
	 * The cases {@code user} or their bodies handled, filtered by {@code query} (part of
	 * the 申报编号, the enterprise's name or the project; blank: all).
	 */
	@Transactional(readOnly = true)
	public List<Handled> of(PortalUser user, String query) {
		// A body's leads supervise it: their lead group stands for the body.
		List<String> groups = new ArrayList<>(List.of("-"));
		for (String group : user.groupIds()) {
			groups.add(group.endsWith(LEAD_SUFFIX) ? group.substring(0, group.length() - LEAD_SUFFIX.length()) : group);
		}
		Map<Long, Last> last = new HashMap<>();
		List<Long> order = new ArrayList<>();
		jdbc.sql("""
				SELECT application_id, step_name, body_name, reviewer, created_at FROM review_opinion
				WHERE body_group IN (:groups)
				ORDER BY created_at DESC""").param("groups", groups).query(rs -> {
			long id = rs.getLong("application_id");
			boolean mine = user.userId().equals(rs.getString("reviewer"));
			Last known = last.get(id);
			if (known == null) {
				if (order.size() >= LIMIT) {
					return;
				}
				order.add(id);
				last.put(id, new Last(rs.getString("step_name"), rs.getString("body_name"),
						rs.getTimestamp("created_at").toInstant(), mine));
			}
			else if (mine && !known.byMe()) {
				last.put(id, known.markedMine());
			}
		});
		Map<Long, CaseListing> listings = new HashMap<>();
		stages.listings(order).forEach(l -> listings.put(l.summary().id(), l));
		String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		List<Handled> handled = new ArrayList<>();
		for (long id : order) {
			CaseListing listing = listings.get(id);
			if (listing != null && matches(listing, needle)) {
				Last l = last.get(id);
				handled.add(new Handled(listing, l.step(), l.body(), l.at(), l.byMe()));
			}
		}
		return handled;
	}

	private static boolean matches(CaseListing listing, String needle) {
		if (needle.isEmpty()) {
			return true;
		}
		return contains(listing.summary().referenceNo(), needle) || contains(listing.enterpriseName(), needle)
				|| contains(listing.summary().title(), needle);
	}

	private static boolean contains(String text, String needle) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
	}

	private record Last(String step, String body, Instant at, boolean byMe) {

		Last markedMine() {
			return new Last(step, body, at, true);
		}

	}

}
