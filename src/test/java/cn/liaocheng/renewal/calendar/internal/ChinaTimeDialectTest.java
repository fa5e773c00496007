package cn.liaocheng.renewal.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Templates show times in Beijing time through #chinaTime, whatever zone the server runs
 * in.
 */
class ChinaTimeDialectTest {

	@Test
	void templatesFormatInstantsInBeijingTime() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		engine.addDialect(new ChinaTimeDialect());

		String page = engine.process(
				"<p th:with=\"zone=${#chinaTime.zone}\" th:text=\"${#temporals.format(at.atZone(zone), 'yyyy-MM-dd HH:mm')}\"></p>",
				new Context(null, Map.of("at", Instant.parse("2026-01-31T16:30:00Z"))));

		assertThat(page).isEqualTo("<p>2026-02-01 00:30</p>");
	}

}
