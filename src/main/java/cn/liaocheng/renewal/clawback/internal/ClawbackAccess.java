package cn.liaocheng.renewal.clawback.internal;

import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Who may do what with clawbacks and the negative list, by group membership (a body's
 * lead counts as its body). The city industry bureau decides; the county finance bureau
 * of the enterprise's county collects. The negative list: the other city bodies and
 * administrators read all of it, a county's bodies their county's entries, an enterprise
 * its own. Who reads a clawback is {@link ClawbackReaders}'s rule.
 */
public final class ClawbackAccess {

	public static final String CITY_INDUSTRY = GroupNames.city("industry");

	private ClawbackAccess() {
	}

	/**
	 * The city industry bureau: starts clawbacks for false material, adds and lifts
	 * negative-list entries. Not an administrator, even one added to the bureau's group.
	 */
	public static boolean decides(PortalUser user) {
		return user.actsFor(CITY_INDUSTRY);
	}

	/**
	 * The county finance bureau of the clawback's county, or its lead: records and checks
	 * repayments. Not an administrator, even one added to the bureau's group.
	 */
	public static boolean collects(PortalUser user, ClawbackView c) {
		return user.actsFor(GroupNames.county(c.divisionCode(), "finance"));
	}

	/**
	 * Null: every county; otherwise the one county whose entries and clawbacks the user
	 * reads.
	 */
	public static String countyOf(PortalUser user) {
		return user.memberships()
			.stream()
			.filter(m -> m.type() == GroupType.COUNTY && m.groupId().startsWith("county-"))
			.map(m -> m.groupId().split("-")[1])
			.findFirst()
			.orElse(null);
	}

	/** Reads across the city: administrators and city bodies. */
	public static boolean readsCity(PortalUser user) {
		return user.isAdministrator() || user.isIn(GroupType.CITY);
	}

}
