package cn.liaocheng.renewal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole system on a random port with an in-memory H2 database and the demo data.
 * Every class that uses it shares one Spring context (and so one engine), which keeps the
 * suite fast. Tagged {@value #TAG}, which {@code mvn -B test -Pquick} leaves out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@AutoConfigureObservability
@Tag(WebIntegrationTest.TAG)
public @interface WebIntegrationTest {

	String TAG = "shared-context";

}
