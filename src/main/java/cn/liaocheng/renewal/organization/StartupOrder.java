package cn.liaocheng.renewal.organization;

/**
 * The order of the start-up work: groups first, then the filters shared with them (both
 * {@link EngineStartupWork}, which finishes before any application runner), then the
 * users that join them.
 */
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
