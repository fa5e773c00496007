package cn.liaocheng.renewal.statistics.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Who sees which statistics: administrators and city bodies the whole city, a county body
 * (or development zone department) its own division only, anyone else nothing. The
 * division comes from the user's groups ({@code county-<code>-<department>}), so a
 * request naming another county is refused, not obeyed.
 */
@Component
public class StatisticsAccess {

	private final OrganizationCatalog catalog;

	StatisticsAccess(OrganizationCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * The scope of a dashboard for {@code user}, narrowed to {@code requestedCounty} when
	 * given.
	 * @throws AccessDeniedException when the user may not see statistics or not that
	 * county's
	 */
	public StatisticsScope scope(PortalUser user, String requestedCounty, Integer year) {
		Set<String> own = visibleDivisions(user);
		if (requestedCounty == null || requestedCounty.isBlank()) {
			return new StatisticsScope(own, year, !own.isEmpty());
		}
		String county = requestedCounty.trim();
		if (catalog.division(county).isEmpty()) {
			throw new IllegalArgumentException("没有代码为“" + county + "”的县（市、区）或开发区。");
		}
		if (!own.isEmpty() && !own.contains(county)) {
			throw new AccessDeniedException("县级部门只能查看本辖区的统计数据。");
		}
		return new StatisticsScope(Set.of(county), year, !own.isEmpty());
	}

	/** Empty for the whole city; the user's own divisions for a county body. */
	Set<String> visibleDivisions(PortalUser user) {
		if (user.isAdministrator() || user.isIn(GroupType.CITY)) {
			return Set.of();
		}
		Set<String> divisions = new LinkedHashSet<>();
		for (PortalUser.Membership membership : user.memberships()) {
			if (membership.type() == GroupType.COUNTY) {
				String division = divisionOf(membership.groupId());
				if (division != null && catalog.division(division).isPresent()) {
					divisions.add(division);
				}
			}
		}
		if (divisions.isEmpty()) {
			throw new AccessDeniedException("统计数据仅向市级部门、县级部门和系统管理员开放。");
		}
		return divisions;
	}

	/** {@code county-371525-industry} (or {@code …-industry-lead}) → {@code 371525}. */
	static String divisionOf(String groupId) {
		if (!groupId.startsWith("county-")) {
			return null;
		}
		int end = groupId.indexOf('-', "county-".length());
		return end < 0 ? null : groupId.substring("county-".length(), end);
	}

}
