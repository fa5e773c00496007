package cn.liaocheng.renewal.organization;

/**
 * Start-up work on what the engine keeps (groups, grants, filters) that needs nothing but
 * the engine and the database. It runs in the order of its {@code @Order}
 * ({@link StartupOrder}), on a thread of its own that begins once the application's beans
 * are made, while the web server starts; the application runners, and so readiness, wait
 * until it is done, and a failure fails the start as a failing runner does.
 */
public interface EngineStartupWork {

	void run();

}
