package cn.liaocheng.renewal.browser;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a browser test class its {@link Browser}, pointed at the application its Spring
 * test context runs: with {@code @ExtendWith(BrowserExtension.class)} every
 * {@code Browser} field of the test instance is set, and the browser is given back when
 * the instance is done with it. A class with {@code @TestInstance(PER_CLASS)} gets one
 * browser for all its tests, set before its first {@code @BeforeAll} method and given
 * back after its last {@code @AfterAll}; a class with an instance per test gets one per
 * test, set before its {@code @BeforeEach} methods and given back after its
 * {@code @AfterEach} ones. Either way {@link Browser#start} hands it out clean.
 *
 * <p>
 * Before it, every browser test class carried the same lines: a {@code @BeforeAll} that
 * started the browser on {@code @LocalServerPort} and an {@code @AfterAll} that closed it
 * if it had got that far. The extension gives the browser back through JUnit's store,
 * which closes what it holds however the class ends: when a {@code @BeforeAll} method, a
 * test or an {@code @AfterAll} method fails too. A test that needs a browser for part of
 * one test only can still write {@code try (Browser browser = Browser.start(port))}.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getTestInstance().ifPresent(instance -> hand(instance, context));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (context.getTestInstanceLifecycle().orElseThrow() == Lifecycle.PER_METHOD) {
			hand(context.getRequiredTestInstance(), context);
		}
	}

	/**
	 * Starts the browser, has the context's store give it back when the context closes,
	 * and sets the instance's fields to it.
	 */
	private static void hand(Object instance, ExtensionContext context) {
		List<Field> fields = ReflectionSupport.findFields(instance.getClass(),
				field -> field.getType() == Browser.class && !Modifier.isStatic(field.getModifiers()),
				HierarchyTraversalMode.TOP_DOWN);
		if (fields.isEmpty()) {
			throw new ExtensionConfigurationException(
					instance.getClass().getName() + " has no Browser field for BrowserExtension to set");
		}
		Browser browser = Browser.start(port(context));
		context.getStore(NAMESPACE).put(Browser.class, (CloseableResource) browser::close);
		for (Field field : fields) {
			try {
				field.setAccessible(true);
				field.set(instance, browser);
			}
			catch (IllegalAccessException ex) {
				throw new ExtensionConfigurationException("cannot set " + field, ex);
			}
		}
	}

	/** The port the test context's web server listens on (RANDOM_PORT). */
	private static int port(ExtensionContext context) {
		return SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
	}

}
