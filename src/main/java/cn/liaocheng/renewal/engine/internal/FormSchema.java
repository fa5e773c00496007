package cn.liaocheng.renewal.engine.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.engine.internal.FormField.Kind;

/**
 * Reads the keyed components of a Camunda Form (form-js JSON) into {@link FormField}s,
 * descending into groups and other containers. Components without a key (headings, links,
 * spacers) carry no value and are left out.
 */
final class FormSchema {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, Kind> INPUTS = Map.of("textfield", Kind.TEXT, "textarea", Kind.TEXT_AREA, "number",
			Kind.NUMBER, "checkbox", Kind.CHECKBOX, "radio", Kind.CHOICE, "select", Kind.CHOICE, "datetime",
			Kind.DATE_TIME, "expression", Kind.COMPUTED);

	private FormSchema() {
	}

	static List<FormField> fields(byte[] formJson) {
		JsonNode root;
		try {
			root = JSON.readTree(formJson);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("Not a Camunda Form: " + e.getMessage(), e);
		}
		List<FormField> fields = new ArrayList<>();
		collect(root.path("components"), List.of(), false, fields);
		return fields;
	}

	private static void collect(JsonNode components, List<String> hiddenWhen, boolean readOnlyGroup,
			List<FormField> into) {
		for (JsonNode c : components) {
			List<String> hidden = new ArrayList<>(hiddenWhen);
			String hide = c.path("conditional").path("hide").asText(null);
			if (hide != null && !hide.isBlank()) {
				hidden.add(hide);
			}
			boolean readOnly = readOnlyGroup || c.path("readonly").asBoolean(false)
					|| c.path("disabled").asBoolean(false);
			String path = c.path("path").asText("");
			if (c.hasNonNull("key")) {
				into.add(field(c, c.path("key").asText(), List.copyOf(hidden), readOnly));
			}
			else if (!path.isBlank()) {
				// A group with a path nests its fields' values in one object, which the
				// server does not check.
				into.add(field(c, path, List.copyOf(hidden), readOnly));
			}
			else if (c.has("components")) {
				collect(c.path("components"), hidden, readOnly, into);
			}
		}
	}

	/**
	 * A keyed component; containers with a key (a dynamic list) hold one value per item
	 * and are not descended.
	 */
	private static FormField field(JsonNode c, String key, List<String> hiddenWhen, boolean readOnly) {
		String type = c.path("type").asText("");
		Kind kind = INPUTS.getOrDefault(type, Kind.UNSUPPORTED);
		List<String> options = new ArrayList<>();
		List<String> optionLabels = new ArrayList<>();
		c.path("values").forEach(v -> {
			options.add(v.path("value").asText());
			optionLabels.add(v.path("label").asText("").strip());
		});
		if (kind == Kind.CHOICE && options.isEmpty()) {
			// Options from a variable or an expression differ per case; the server has no
			// fixed list to check against.
			kind = Kind.UNSUPPORTED;
		}
		JsonNode rules = c.path("validate");
		// form-js writes a conditional read-only as a FEEL string ("=…"): it is decided
		// per submission.
		JsonNode readonlyNode = c.path("readonly");
		String readOnlyWhen = readonlyNode.isTextual() ? readonlyNode.asText() : null;
		return new FormField(key, label(c), kind, readOnly, readOnlyWhen, hiddenWhen,
				rules.path("required").asBoolean(false), integer(rules, "minLength"), integer(rules, "maxLength"),
				decimal(rules, "min"), decimal(rules, "max"), rules.path("pattern").asText(null),
				integer(c, "decimalDigits"), c.path("serializeToString").asBoolean(false),
				c.path("subtype").asText(null), List.copyOf(options), List.copyOf(optionLabels));
	}

	/**
	 * The label a reviewer sees; a date-time field labels its parts, other unlabelled
	 * fields go by their key.
	 */
	private static String label(JsonNode c) {
		for (String name : new String[] { "label", "dateLabel", "timeLabel" }) {
			String label = c.path(name).asText("");
			if (!label.isBlank()) {
				return label.strip();
			}
		}
		return c.path("key").asText(c.path("path").asText());
	}

	private static Integer integer(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return value.isNumber() ? value.intValue() : null;
	}

	private static BigDecimal decimal(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return value.isNumber() ? value.decimalValue() : null;
	}

}
