package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebClient;

/** A case's one open task of a step, claimed and its form submitted as Tasklist does. */
final class TasklistSubmission {

	private static final ObjectMapper JSON = new ObjectMapper();

	private TasklistSubmission() {
	}

	/** Claims the task and submits its form; returns the answer to submit-form. */
	static HttpResponse<String> submit(WebClient user, Case claim, String taskKey, Map<String, Object> values) {
		JsonNode open = json(
				user.get("/engine-rest/task?processInstanceBusinessKey=" + claim.id() + "&taskDefinitionKey=" + taskKey)
					.body());
		assertThat(open).as("%s at %s", taskKey, claim.id()).hasSize(1);
		String id = open.get(0).get("id").asText();
		String userId = json(user.get("/api/me").body()).get("userId").asText();
		user.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + userId + "\"}");
		ObjectNode variables = JSON.createObjectNode();
		values.forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
		ObjectNode body = JSON.createObjectNode();
		body.set("variables", variables);
		return user.postJson("/engine-rest/task/" + id + "/submit-form", body.toString());
	}

	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
