package cn.liaocheng.renewal.enterprise;

import cn.liaocheng.renewal.security.PortalUser;

/**
 * How many registrations wait for activation in the user's jurisdiction (a county
 * industry bureau's county, an administrator's whole city), for the start page.
 */
public interface PendingRegistrations {

	/** Zero for a user who activates no one. */
	long count(PortalUser user);

}
