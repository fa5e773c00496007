package cn.liaocheng.renewal.engine;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine creates its tables in the same database as the application's Flyway
 * migrations. Flyway refuses a non-empty schema without its history table, so it must run
 * first: the engine is made to wait for it. Where the migration was started early
 * ({@link EarlyMigration}), Spring Boot's migration waits for that one instead of running
 * again.
 */
@Configuration(proxyBeanMethods = false)
class EngineStartupOrder {

	static final String ENGINE_BEAN = "processEngineFactoryBean";

	static final String FLYWAY_BEAN = "flywayInitializer";

	@Bean
	static BeanFactoryPostProcessor engineWaitsForFlyway() {
		return (ConfigurableListableBeanFactory factory) -> {
			if (!factory.containsBeanDefinition(ENGINE_BEAN) || !factory.containsBeanDefinition(FLYWAY_BEAN)) {
				return;
			}
			BeanDefinition engine = factory.getBeanDefinition(ENGINE_BEAN);
			String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
			if (!Arrays.asList(dependsOn).contains(FLYWAY_BEAN)) {
				engine.setDependsOn(
						Stream.concat(Arrays.stream(dependsOn), Stream.of(FLYWAY_BEAN)).toArray(String[]::new));
			}
		};
	}

	@Bean
	FlywayMigrationStrategy migrationStartedEarly(ObjectProvider<EarlyMigration.Started> early) {
		return flyway -> {
			EarlyMigration.Started started = early.getIfAvailable();
			if (started == null) {
				flyway.migrate();
			}
			else {
				started.finish(flyway);
			}
		};
	}

}
