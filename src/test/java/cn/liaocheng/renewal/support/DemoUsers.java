package cn.liaocheng.renewal.support;

/**
 * The demo accounts the tests act as (created by the demo profile; listed in README.md).
 */
public final class DemoUsers {

	public static final String PASSWORD = "Demo@2026lc";

	public static final String ADMIN = "admin";

	public static final String ENTERPRISE = "ent-gx";

	public static final String OTHER_ENTERPRISE = "ent-lq";

	public static final String COUNTY_REVIEWER = "gx-industry";

	public static final String CITY_REVIEWER = "lc-ecology";

	public static final String BANK_OFFICER = "icbc-officer";

	private DemoUsers() {
	}

}
