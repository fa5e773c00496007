package cn.liaocheng.renewal.security.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Closes the ad-hoc expression bypass of Camunda 7.24.0: the engine refuses expressions such as
 * {@code assigneeExpression} in an ad-hoc task query, but not inside the query's {@code orQueries}, which lets any
 * logged-in user evaluate an expression on the server. Query bodies sent to the task and filter endpoints of the
 * REST API (and of the webapps' copy of it) are read here; an expression inside {@code orQueries} is refused, and
 * so is any expression in a query that is run rather than stored.
 */
class ExpressionQueryGuard extends OncePerRequestFilter {

	private static final String REST_ROOT = "^/(engine-rest|camunda/api/engine/engine/[^/]+)";

	/** Queries that are run as sent: task queries and a stored filter run with an extra query. */
	private static final Pattern AD_HOC_QUERY_PATH = Pattern
		.compile(REST_ROOT + "/(task(/count)?|filter/[^/]+/(list|count|singleResult))$");

	/** Filters being created or changed. */
	private static final Pattern STORED_FILTER_PATH = Pattern.compile(REST_ROOT + "/filter/(create|[^/]+)$");

	private static final int MAX_BODY_BYTES = 1 << 20;

	private final ObjectMapper json = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		if (!("POST".equals(method) || "PUT".equals(method))) {
			return true;
		}
		String path = FirstRunSetupGuard.pathWithinApplication(request);
		return !AD_HOC_QUERY_PATH.matcher(path).matches() && !STORED_FILTER_PATH.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "查询内容过大。");
			return;
		}
		String path = FirstRunSetupGuard.pathWithinApplication(request);
		boolean storedFilter = !AD_HOC_QUERY_PATH.matcher(path).matches();
		if (body.length > 0 && carriesForbiddenExpression(body, storedFilter)) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN, "查询条件中不允许使用表达式（orQueries 中的 *Expression 参数）。");
			return;
		}
		chain.doFilter(new ReplayedBody(request, body), response);
	}

	/**
	 * Stored filters (created by administrators) may use expressions such as {@code ${currentUser()}} at their top
	 * level, as Tasklist's own filters do; nothing may carry one inside {@code orQueries}.
	 */
	boolean carriesForbiddenExpression(byte[] body, boolean storedFilter) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JsonProcessingException e) {
			return false; // not JSON: the REST API answers it with its own error
		}
		catch (IOException e) {
			return false;
		}
		return storedFilter ? hasExpressionInOrQueries(root) : hasExpressionAnywhere(root);
	}

	private static boolean hasExpressionInOrQueries(JsonNode node) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				if ("orqueries".equals(field.getKey().toLowerCase(Locale.ROOT)) && hasExpressionAnywhere(field.getValue())) {
					return true;
				}
				if (hasExpressionInOrQueries(field.getValue())) {
					return true;
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				if (hasExpressionInOrQueries(element)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean hasExpressionAnywhere(JsonNode node) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				if (field.getKey().toLowerCase(Locale.ROOT).endsWith("expression")
						|| hasExpressionAnywhere(field.getValue())) {
					return true;
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				if (hasExpressionAnywhere(element)) {
					return true;
				}
			}
		}
		return false;
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"" + message + "\"}");
	}

	/** The request with its already-read body available again for the REST servlet. */
	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous only");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
