package cn.liaocheng.renewal.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a field of a JSON answer. */
final class Json {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Json() {
	}

	static JsonNode read(String json) {
		try {
			return MAPPER.readTree(json);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(json, e);
		}
	}

	static String field(String json, String name) {
		return read(json).get(name).asText();
	}

}
