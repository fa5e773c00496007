package cn.liaocheng.renewal.operations;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A body that replaces a whole record (a dossier and its equipment lines, which a change
 * replaces entirely) is refused when it has a field the record does not: a misspelt
 * {@code equipments} would otherwise be dropped and leave the dossier without equipment.
 * The refusal names the field ({@link Problems#unreadableJson(Exception)}). Other bodies
 * keep Jackson's default of ignoring fields they do not have, so that a client may send
 * back what it read (a window with its {@code id} and {@code state}), and the server
 * decides those.
 */
@Configuration(proxyBeanMethods = false)
class WholeJson {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer unknownFieldsOfWholeRecordsRefused() {
		return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new Refusal()));
	}

	static final class Refusal extends DeserializationProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
			Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
			if (WholeRecord.class.isAssignableFrom(type)) {
				throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
						deserializer.getKnownPropertyNames());
			}
			return false;
		}

	}

}
