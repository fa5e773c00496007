package cn.liaocheng.renewal.security;

/**
 * The coarse roles Spring Security knows, derived from the types of a user's Camunda
 * groups.
 */
public final class Roles {

	public static final String ADMIN = "ADMIN";

	public static final String REVIEWER = "REVIEWER";

	public static final String BANK = "BANK";

	public static final String ENTERPRISE = "ENTERPRISE";

	private Roles() {
	}

}
