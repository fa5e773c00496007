package cn.liaocheng.renewal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user at the other end of a real HTTP connection: keeps cookies, logs in through the
 * login page as a browser would, or sends Basic credentials as Camunda Modeler does.
 * Camunda's servlets are outside MockMvc's reach, so the security tests use this against
 * a running server.
 */
public final class WebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String basic;

	public WebClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Logs in through the login form; returns the response to the form post (a redirect
	 * on success).
	 */
	public HttpResponse<String> login(String user, String password) {
		String token = csrfTokenOf(get("/login").body());
		return postForm("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token));
	}

	/** From now on sends HTTP Basic credentials instead of relying on a session. */
	public WebClient withBasic(String user, String password) {
		this.basic = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/** A download (an export, a PDF), as bytes. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public HttpResponse<String> postForm(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	public HttpResponse<String> postJson(String path, String json, String... headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder.build());
	}

	/**
	 * Any method (PUT, DELETE, …) with a JSON body, as Camunda's REST clients send them;
	 * headers as name, value.
	 */
	public HttpResponse<String> sendJson(String method, String path, String json, String... headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder.build());
	}

	public HttpResponse<String> putJson(String path, String json, String... headers) {
		return sendJson("PUT", path, json, headers);
	}

	public HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String contentType) {
		return send(request(path).header("Content-Type", contentType).POST(body).build());
	}

	/**
	 * Any method with an optional JSON body (PUT, DELETE, …), as a script would send it.
	 */
	public HttpResponse<String> send(String method, String path, String json, String... headers) {
		HttpRequest.Builder builder = request(path).method(method,
				json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder.build());
	}

	/**
	 * Any method with any body (a multipart upload, a raw stream); headers as name,
	 * value.
	 */
	public HttpResponse<String> sendBody(String method, String path, HttpRequest.BodyPublisher body, String contentType,
			String... headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", contentType).method(method, body);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return send(builder.build());
	}

	/** The CSRF token of a page the server rendered. */
	public static String csrfTokenOf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token in page");
		}
		return m.group(1);
	}

	/** The value of a cookie this client holds, or null. */
	public String cookie(String name) {
		return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
		if (basic != null) {
			builder.header("Authorization", basic);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
