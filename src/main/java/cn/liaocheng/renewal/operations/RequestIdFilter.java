package cn.liaocheng.renewal.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request an id, in the logs ({@code requestId} in the MDC) and in the
 * {@code X-Request-Id} response header, so that a user's report of an error can be
 * matched to the log lines. An id sent by a proxy is kept when it is short and plain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Under Tomcat the id was given by RequestIdValve, which also keeps it in the MDC
		// past this filter.
		Object given = request.getAttribute(RequestIds.KEY);
		String id = given instanceof String s ? s : idFor(request.getHeader(HEADER));
		String before = MDC.get(RequestIds.KEY);
		MDC.put(RequestIds.KEY, id);
		request.setAttribute(RequestIds.KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (before == null) {
				MDC.remove(RequestIds.KEY);
			}
			else {
				MDC.put(RequestIds.KEY, before);
			}
		}
	}

	/** The id a proxy sent when it is short and plain, else a new one. */
	static String idFor(String incoming) {
		return incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming
				: UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

}
