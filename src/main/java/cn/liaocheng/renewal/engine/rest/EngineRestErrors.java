package cn.liaocheng.renewal.engine.rest;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import cn.liaocheng.renewal.operations.RequestIds;

/**
 * Answers failures of Camunda's REST API at {@code /engine-rest} through
 * {@link ErrorAnswers}. Camunda registers a mapper for each of these exception types;
 * Jersey picks the mapper of the nearest type and, between mappers of the same type, the
 * one with the lowest priority value, so these are registered for the same types with
 * priority 1.
 */
@Configuration
class EngineRestErrors {

	private static final int BEFORE_CAMUNDA = 1;

	@Bean
	ResourceConfigCustomizer engineRestErrorMappers() {
		return config -> {
			config.register(new AnyFailure(), BEFORE_CAMUNDA);
			config.register(new EngineFailure(), BEFORE_CAMUNDA);
			config.register(new RestFailure(), BEFORE_CAMUNDA);
			config.register(new UnreadableJson(), BEFORE_CAMUNDA);
			config.register(new MalformedJson(), BEFORE_CAMUNDA);
		};
	}

	/** Camunda's own status and texts, then the product's answer. */
	static Response answer(Throwable failure) {
		Response camunda = ExceptionHandlerHelper.getInstance().getResponse(failure);
		ExceptionDto dto = camunda.getEntity() instanceof ExceptionDto d ? d : null;
		ErrorAnswers.Answer answer = ErrorAnswers.answer(failure, camunda.getStatus(),
				dto == null ? null : dto.getType(), dto == null ? null : dto.getMessage(), RequestIds.current());
		if (answer != null) {
			return respond(answer);
		}
		if (dto != null) {
			dto.setMessage(ErrorAnswers.publicMessage(dto.getType(), dto.getMessage()));
			dto.setType(ErrorAnswers.publicType(dto.getType(), camunda.getStatus()));
		}
		return camunda;
	}

	static Response badJson(Throwable failure) {
		return respond(ErrorAnswers.Answer.of(400, "InvalidRequest", "请求内容不是有效的 JSON，或字段类型不符", RequestIds.current()));
	}

	private static Response respond(ErrorAnswers.Answer answer) {
		return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body()).build();
	}

	static final class AnyFailure implements ExceptionMapper<Throwable> {

		@Override
		public Response toResponse(Throwable failure) {
			return answer(failure);
		}

	}

	static final class EngineFailure implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException failure) {
			return answer(failure);
		}

	}

	static final class RestFailure implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException failure) {
			return answer(failure);
		}

	}

	static final class UnreadableJson implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException failure) {
			return badJson(failure);
		}

	}

	static final class MalformedJson implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException failure) {
			return badJson(failure);
		}

	}

}
