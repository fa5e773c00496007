package cn.liaocheng.renewal.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole system on PostgreSQL, the production database, without a web server and
 * without the periodic jobs (the tests call them). Every class that carries it shares one
 * Spring context, one engine and one database ({@value #DATABASE}, created anew when the
 * context starts), in one test JVM: Maven runs these classes (tag {@value #TAG}) apart
 * from the others, in a single JVM that is reused (see pom.xml), so the application
 * starts once for all of them. As in the H2 shared context, a class may not count on what
 * another class left behind, nor on an empty database: it works on cases, users and keys
 * of its own and scopes its queries to them. A class that needs a web server or other
 * properties starts a context of its own instead ({@link OwnContext}).
 * <p>
 * The database comes from an initializer rather than a {@code @DynamicPropertySource}
 * method, which an annotation cannot carry: every class then has the same configuration,
 * which is what lets Spring's context cache hand them all the same context. A class that
 * adds to it (a mock bean, a property, another profile) would start a second context,
 * with a second engine and job executor, in the same JVM and database while the first one
 * still runs: such a class takes {@link OwnContext} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(PostgresContext.TAG)
@SpringBootTest(properties = "renewal.scheduling.enabled=false")
@ActiveProfiles({ "postgres", "demo" })
@ContextConfiguration(initializers = PostgresContext.Database.class)
public @interface PostgresContext {

	/** The tag of the classes that share the context (pom.xml runs them on their own). */
	String TAG = "postgres-context";

	/** The database of the shared context, on the test PostgreSQL server. */
	String DATABASE = "renewal_shared";

	/**
	 * Points the context at a fresh {@link #DATABASE} ({@link PostgresTestDatabase}), as
	 * the own-context classes' {@code @DynamicPropertySource} does for theirs.
	 */
	final class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			PostgresTestDatabase.Fresh fresh = PostgresTestDatabase.fresh(DATABASE);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("postgresContext", Map.of("spring.datasource.url", fresh.url(),
						"spring.datasource.username", fresh.user(), "spring.datasource.password", fresh.password())));
		}

	}

}
