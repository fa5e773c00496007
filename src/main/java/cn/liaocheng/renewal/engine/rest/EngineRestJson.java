package cn.liaocheng.renewal.engine.rest;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * One JSON mapper for Camunda's REST API at {@code /engine-rest}, configured by Camunda's
 * own {@link JacksonConfigurator} (its date format, unknown fields ignored, Java time).
 * Camunda's resolver builds a new mapper every time it is asked, several times a request
 * (the resources' variables, the body read, the answer written), and a new mapper learns
 * again how to read and write each class it meets; the mapper is safe to share once
 * configured, and nothing in Camunda's REST layer changes it after. Registered with a
 * rank (1) above Camunda's resolver for the same media types, which has none (0): Jersey
 * asks the highest-ranked resolver first ({@code EngineRestJsonTest} fails if Camunda's
 * answers instead).
 */
@Configuration
class EngineRestJson {

	private static final int BEFORE_CAMUNDA = 1;

	@Bean
	OneMapper engineRestMapper() {
		return new OneMapper();
	}

	@Bean
	ResourceConfigCustomizer engineRestOneMapper(OneMapper mapper) {
		return config -> config.register(mapper, BEFORE_CAMUNDA);
	}

	@Produces({ MediaType.APPLICATION_JSON, "application/hal+json" })
	static final class OneMapper implements ContextResolver<ObjectMapper> {

		private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

		private final AtomicLong handedOut = new AtomicLong();

		@Override
		public ObjectMapper getContext(Class<?> type) {
			handedOut.incrementAndGet();
			return mapper;
		}

		/** How many times the mapper was handed out since start. */
		long handedOut() {
			return handedOut.get();
		}

	}

}
