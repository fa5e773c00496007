package cn.liaocheng.renewal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/**
 * The engine's two REST roots as the tests attack them: Camunda's REST API (HTTP Basic,
 * as scripts use it) and the webapps' API (a session with Camunda's XSRF header, as
 * Tasklist uses it).
 */
public final class EngineDoors {

	private EngineDoors() {
	}

	public enum Door {

		ENGINE_REST("/engine-rest"), WEBAPP_API("/camunda/api/engine/engine/default");

		public final String root;

		Door(String root) {
			this.root = root;
		}

	}

	/** One signed-in user at one door. */
	public record Caller(WebClient client, String[] headers) {

		public HttpResponse<String> send(String method, String path, String body) {
			return client.send(method, path, body, headers);
		}

	}

	/** {@code user} signed in at {@code door} of the application on {@code port}. */
	public static Caller caller(int port, Door door, String user) {
		WebClient client = new WebClient(port);
		if (door == Door.ENGINE_REST) {
			return new Caller(client.withBasic(user, DemoUsers.PASSWORD), new String[0]);
		}
		client.login(user, DemoUsers.PASSWORD);
		client.get("/camunda/app/tasklist/default/");
		String xsrf = client.cookie("XSRF-TOKEN");
		assertThat(xsrf).as("Camunda's XSRF cookie").isNotNull();
		return new Caller(client, new String[] { "X-XSRF-TOKEN", xsrf });
	}

	/** A review form's approval as Tasklist submits it. */
	public static String approval(String opinion) {
		return "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"" + opinion + "\"}}}";
	}

}
