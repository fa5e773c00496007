package cn.liaocheng.renewal.batch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.batch.internal.BatchEntries;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * 分年度项目库: the applications of one kind first submitted in one year's windows, by default
 * those approved (for project registration: 已入库). City bodies and administrators see
 * every county; a county body sees its own county only; banks and enterprises see none.
 * Searched by county, policy task, status and text in the database, a page at a time.
 */
@Service
public class ProjectLibrary {

	/** How many entries the REST list gives at most in one answer. */
	public static final int LIMIT = 2000;

	/** How many entries one page of the library shows. */
	public static final int PAGE = 50;

	/** How many entries one export holds at most. */
	public static final int EXPORT_LIMIT = 10_000;

	private final BatchEntries entries;

	private final ApplicationStages stages;

	private final OrganizationCatalog organizations;

	ProjectLibrary(BatchEntries entries, ApplicationStages stages, OrganizationCatalog organizations) {
		this.entries = entries;
		this.stages = stages;
		this.organizations = organizations;
	}

	/**
	 * What the reader asks of the library.
	 *
	 * @param division one county's code, or {@code null} for every county the reader may
	 * see
	 * @param task one policy task, or {@code null} for all
	 * @param status one status, or {@code null} for every status
	 * @param text a part of the reference number, the enterprise's name or credit code or
	 * the project's name, or blank
	 */
	public record Query(int year, ApplicationKind kind, String division, PolicyTask task, ApplicationStatus status,
			String text) {

		/** The longest text searched for; longer text is cut. */
		public static final int TEXT_LIMIT = 64;

		public Query {
			text = text == null ? "" : text.strip();
			if (text.length() > TEXT_LIMIT) {
				text = text.substring(0, TEXT_LIMIT);
			}
		}

	}

	/**
	 * One application in the library: its listing, county and when it entered the batch,
	 * with the figures the export holds.
	 */
	public record Entry(CaseListing listing, int year, String divisionCode, String divisionName, Instant submittedAt,
			PolicyTask task, String creditCode, BigDecimal totalInvestment, BigDecimal equipmentInvestment,
			BigDecimal loanAmount, BigDecimal grantedAmount, BigDecimal subsidyAmount, Instant decidedAt) {
	}

	/**
	 * A page of the library.
	 *
	 * @param total how many applications match in all
	 */
	public record Page(List<Entry> entries, int total, int offset, int limit) {

		public int number() {
			return offset / limit + 1;
		}

		public int pages() {
			return Math.max(1, (total + limit - 1) / limit);
		}

	}

	/**
	 * The library of {@code query.year()} for {@code query.kind()}, newest first:
	 * {@code limit} entries from {@code offset}. Three queries whatever the page's size.
	 * A county body asking for another county is refused.
	 */
	@Transactional(readOnly = true)
	public Page search(PortalUser user, Query query, int offset, int limit) {
		List<String> divisions = divisions(user, query.division());
		BatchEntries.Found found = entries.search(
				new BatchEntries.Search(query.year(), query.kind(), divisions,
						query.task() == null ? null : query.task().number(), query.status(), query.text()),
				offset, limit);
		Map<Long, CaseListing> listings = new HashMap<>();
		List<Long> ids = found.entries().stream().map(BatchEntries.Entry::applicationId).toList();
		for (int from = 0; from < ids.size(); from += 1000) {
			stages.listings(ids.subList(from, Math.min(ids.size(), from + 1000)))
				.forEach(l -> listings.put(l.summary().id(), l));
		}
		Map<String, String> names = new HashMap<>();
		organizations.divisions().forEach(d -> names.put(d.code(), d.name()));
		List<Entry> library = new ArrayList<>();
		for (BatchEntries.Entry e : found.entries()) {
			CaseListing listing = listings.get(e.applicationId());
			if (listing != null) {
				library.add(new Entry(listing, e.year(), e.divisionCode(),
						names.getOrDefault(e.divisionCode(), e.divisionCode()), e.submittedAt(),
						PolicyTask.of(e.policyTask()).orElse(null), e.creditCode(), e.totalInvestment(),
						e.equipmentInvestment(), e.loanAmount(), e.grantedAmount(), e.subsidyAmount(), e.decidedAt()));
			}
		}
		return new Page(library, found.total(), offset, limit);
	}

	/**
	 * The counties a search covers: the one asked for, or every county the reader may see
	 * ({@code null}: all).
	 */
	private List<String> divisions(PortalUser user, String division) {
		List<String> scope = scope(user);
		if (division == null || division.isBlank()) {
			return scope;
		}
		if (organizations.divisions().stream().noneMatch(d -> d.code().equals(division))) {
			throw new IllegalArgumentException("没有这个县（市、区）：" + division);
		}
		if (scope != null && !scope.contains(division)) {
			throw new AccessDeniedException("县级部门只能查看本县（市、区）的申报");
		}
		return List.of(division);
	}

	/**
	 * Whether the library lists the case to {@code user}: it has a batch entry in a
	 * county the reader sees. False for banks and enterprises, who see no library.
	 */
	@Transactional(readOnly = true)
	public boolean lists(PortalUser user, long applicationId) {
		if (!user.isAdministrator() && !user.isIn(GroupType.CITY) && !user.isIn(GroupType.COUNTY)) {
			return false;
		}
		List<String> scope = scope(user);
		return entries.divisionOf(applicationId).filter(d -> scope == null || scope.contains(d)).isPresent();
	}

	/** The counties the reader may choose from, in the catalogue's order. */
	public List<Division> counties(PortalUser user) {
		List<String> scope = scope(user);
		return organizations.divisions().stream().filter(d -> scope == null || scope.contains(d.code())).toList();
	}

	/** The years with windows or entries, newest first. */
	@Transactional(readOnly = true)
	public List<Integer> years(PortalUser user) {
		scope(user);
		return entries.years();
	}

	/**
	 * Which counties the user sees: {@code null} for all (city bodies, administrators).
	 */
	public List<String> scope(PortalUser user) {
		if (user.isAdministrator() || user.isIn(GroupType.CITY)) {
			return null;
		}
		if (!user.isIn(GroupType.COUNTY)) {
			throw new AccessDeniedException("分年度项目库仅供市、县审核部门查阅");
		}
		Set<String> codes = new LinkedHashSet<>();
		Set<String> known = new LinkedHashSet<>(organizations.divisions().stream().map(Division::code).toList());
		for (PortalUser.Membership m : user.memberships()) {
			// county-371525-industry, county-371525-industry-lead
			String[] parts = m.groupId().split("-");
			if (m.type() == GroupType.COUNTY && parts.length >= 3 && known.contains(parts[1])) {
				codes.add(parts[1]);
			}
		}
		return List.copyOf(codes);
	}

}
