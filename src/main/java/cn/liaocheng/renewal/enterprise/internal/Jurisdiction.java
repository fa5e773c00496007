package cn.liaocheng.renewal.enterprise.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Whose enterprise accounts a user may activate: an administrator everyone's, a county
 * industry bureau's reviewer those of its own division (a reviewer may serve more than
 * one), anyone else nobody's.
 */
record Jurisdiction(boolean everywhere, Set<String> divisionCodes) {

	static final String INDUSTRY = "industry";

	static Jurisdiction of(PortalUser user, List<Division> divisions) {
		if (user.isAdministrator()) {
			return new Jurisdiction(true, divisions.stream().map(Division::code).collect(Collectors.toSet()));
		}
		return new Jurisdiction(false, industryBureauDivisions(user, divisions, false));
	}

	/**
	 * The divisions whose county industry bureau the user serves as a member, or also as
	 * its lead ({@code orLead}); administrators as such serve none.
	 */
	static Set<String> industryBureauDivisions(PortalUser user, List<Division> divisions, boolean orLead) {
		Set<String> groups = user.memberships()
			.stream()
			.filter(m -> m.type() == GroupType.COUNTY)
			.map(PortalUser.Membership::groupId)
			.collect(Collectors.toSet());
		return divisions.stream().map(Division::code).filter(code -> {
			String bureau = GroupNames.county(code, INDUSTRY);
			return groups.contains(bureau) || (orLead && groups.contains(GroupNames.lead(bureau)));
		}).collect(Collectors.toSet());
	}

	boolean covers(String divisionCode) {
		return everywhere || divisionCodes.contains(divisionCode);
	}

	boolean isEmpty() {
		return !everywhere && divisionCodes.isEmpty();
	}

}
