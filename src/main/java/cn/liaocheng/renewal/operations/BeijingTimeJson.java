package cn.liaocheng.renewal.operations;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * Times in the product's JSON in Beijing time with their offset
 * ({@code 2026-12-01T21:00:00+08:00}), as the pages show them, instead of UTC
 * ({@code …T13:00:00Z}): the same instant, readable by an accountant looking at a
 * response and parsed alike by any ISO-8601 client. Camunda's REST API keeps its own
 * format.
 */
@Configuration(proxyBeanMethods = false)
class BeijingTimeJson {

	static final DateTimeFormatter BEIJING = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ChinaTime.ZONE);

	@Bean
	Jackson2ObjectMapperBuilderCustomizer instantsInBeijingTime() {
		return builder -> builder.serializerByType(Instant.class, new InstantInBeijing());
	}

	static final class InstantInBeijing extends StdSerializer<Instant> {

		InstantInBeijing() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
			json.writeString(BEIJING.format(value));
		}

	}

}
