package cn.liaocheng.renewal.support;

/**
 * Tests that start a Spring context of their own (another database, other properties)
 * carry {@code @Tag(OwnContext.TAG)}: Maven runs them apart, each in a fresh JVM, because
 * Camunda's REST API and webapps look the engine up in a JVM-wide registry that a second
 * context would take over (see pom.xml). Classes on PostgreSQL that need neither a web
 * server nor properties of their own share one context instead ({@link PostgresContext}).
 */
public final class OwnContext {

	public static final String TAG = "own-context";

	private OwnContext() {
	}

}
