package cn.liaocheng.renewal.enterprise.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Whose enterprise accounts a user may list and act on (activate, disable, reject, reset
 * a password): an administrator everyone's, a county industry bureau's reviewer or its
 * lead those of its own division (one may serve more than one), anyone else nobody's. The
 * lead acts for the bureau here as a body's lead does at the product's other doors
 * ({@link PortalUser#actsFor}).
 */
record Jurisdiction(boolean everywhere, Set<String> divisionCodes) {

	static final String INDUSTRY = "industry";

	static Jurisdiction of(PortalUser user, List<Division> divisions) {
		if (user.isAdministrator()) {
			return new Jurisdiction(true, divisions.stream().map(Division::code).collect(Collectors.toSet()));
		}
		return new Jurisdiction(false, industryBureauDivisions(user, divisions));
	}

	/**
	 * The divisions whose county industry bureau the user serves, as a member or as its
	 * lead; administrators as such serve none.
	 */
	static Set<String> industryBureauDivisions(PortalUser user, List<Division> divisions) {
		Set<String> groups = user.memberships()
			.stream()
			.filter(m -> m.type() == GroupType.COUNTY)
			.map(PortalUser.Membership::groupId)
			.collect(Collectors.toSet());
		return divisions.stream().map(Division::code).filter(code -> {
			String bureau = GroupNames.county(code, INDUSTRY);
			return groups.contains(bureau) || groups.contains(GroupNames.lead(bureau));
		}).collect(Collectors.toSet());
	}

	boolean covers(String divisionCode) {
		return everywhere || divisionCodes.contains(divisionCode);
	}

	boolean isEmpty() {
		return !everywhere && divisionCodes.isEmpty();
	}

}
