package cn.liaocheng.renewal.organization;

/** The order of the start-up runners: groups first, then the users that join them. */
public final class StartupOrder {

	public static final int GROUPS = 0;

	public static final int ADMINISTRATOR = 10;

	public static final int DEMO_DATA = 20;

	private StartupOrder() {
	}

}
