package cn.liaocheng.renewal.batch;

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
import cn.liaocheng.renewal.batch.internal.BatchEntries;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * 分年度项目库: the applications of one kind first submitted in one year's windows, by default
 * those approved (for project registration: 已入库). City bodies and administrators see
 * every county; a county body sees its own county only; banks and enterprises see none.
 * Two queries whatever the number of projects.
 */
@Service
public class ProjectLibrary {

	/** How many entries of one year and kind a list shows at most. */
	public static final int LIMIT = 2000;

	private final BatchEntries entries;

	private final ApplicationStages stages;

	private final OrganizationCatalog organizations;

	ProjectLibrary(BatchEntries entries, ApplicationStages stages, OrganizationCatalog organizations) {
		this.entries = entries;
		this.stages = stages;
		this.organizations = organizations;
	}

	/**
	 * One application in the library: its listing, county and when it entered the batch.
	 */
	public record Entry(CaseListing listing, int year, String divisionCode, String divisionName, Instant submittedAt) {
	}

	/**
	 * The library of {@code year} for {@code kind}; {@code approvedOnly} keeps the
	 * approved applications (入库 for projects), otherwise every application of the batch
	 * with where it stands.
	 */
	@Transactional(readOnly = true)
	public List<Entry> list(PortalUser user, int year, ApplicationKind kind, boolean approvedOnly) {
		List<String> scope = scope(user);
		List<BatchEntries.Entry> found = entries.of(year, kind, scope, LIMIT);
		Map<Long, CaseListing> listings = new HashMap<>();
		stages.listings(found.stream().map(BatchEntries.Entry::applicationId).toList())
			.forEach(l -> listings.put(l.summary().id(), l));
		Map<String, String> divisions = new HashMap<>();
		organizations.divisions().forEach(d -> divisions.put(d.code(), d.name()));
		List<Entry> library = new ArrayList<>();
		for (BatchEntries.Entry e : found) {
			CaseListing listing = listings.get(e.applicationId());
			if (listing != null && (!approvedOnly || listing.summary().status() == ApplicationStatus.APPROVED)) {
				library.add(new Entry(listing, e.year(), e.divisionCode(),
						divisions.getOrDefault(e.divisionCode(), e.divisionCode()), e.submittedAt()));
			}
		}
		return library;
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
