package cn.liaocheng.renewal.enterprise;

import cn.liaocheng.renewal.security.PortalUser;

/**
 * How many registrations wait for activation in the user's jurisdiction (the county of a
 * county industry bureau's members and lead, an administrator's whole city), for the
 * start page.
 */
public interface PendingRegistrations {

	/**
	 * Whether the user activates anyone's account (the start page shows the way there).
	 */
	boolean activatesAny(PortalUser user);

	/** Zero for a user who activates no one. */
	long count(PortalUser user);

}
