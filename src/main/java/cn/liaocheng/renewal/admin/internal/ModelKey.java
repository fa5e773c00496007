package cn.liaocheng.renewal.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A process, decision table or form by its key: what a deployment of a file makes a new
 * version of.
 */
record ModelKey(Kind kind, String key) {

	private static final ObjectMapper JSON = new ObjectMapper();

	enum Kind {

		PROCESS, DECISION, FORM

	}

	/**
	 * Everything the file defines; nothing for a file that cannot be read or defines
	 * nothing known (the deployment's checks then say what is wrong with it).
	 */
	static List<ModelKey> of(String name, byte[] bytes) {
		List<ModelKey> keys = new ArrayList<>();
		try {
			if (ModelValidator.isBpmn(name)) {
				Bpmn.readModelFromStream(new ByteArrayInputStream(bytes))
					.getModelElementsByType(Process.class)
					.forEach(p -> keys.add(new ModelKey(Kind.PROCESS, p.getId())));
			}
			else if (ModelValidator.isDmn(name)) {
				Dmn.readModelFromStream(new ByteArrayInputStream(bytes))
					.getModelElementsByType(Decision.class)
					.forEach(d -> keys.add(new ModelKey(Kind.DECISION, d.getId())));
			}
			else if (name.endsWith(".form")) {
				JsonNode id = JSON.readTree(bytes).get("id");
				if (id != null && id.isTextual()) {
					keys.add(new ModelKey(Kind.FORM, id.asText()));
				}
			}
			return keys;
		}
		catch (RuntimeException | IOException unreadable) {
			return List.of();
		}
	}

}
