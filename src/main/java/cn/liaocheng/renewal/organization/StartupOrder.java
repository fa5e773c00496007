package cn.liaocheng.renewal.organization;

/** The order of the start-up runners: groups first, then the users that join them. */
public final class StartupOrder {

	public static final int GROUPS = 0;

	/**
	 * The ready-made Tasklist filters, shared with the review groups that exist by then.
	 */
	public static final int TASKLIST_FILTERS = 5;

	public static final int ADMINISTRATOR = 10;

	public static final int DEMO_DATA = 20;

	private StartupOrder() {
	}

}
