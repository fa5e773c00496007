package cn.liaocheng.renewal.security.internal;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates a request by its {@code Authorization: Bearer} token for this request
 * only: nothing goes into a session. A token that is unknown, revoked, expired or whose
 * enterprise may not act ends the request with 401. Not a bean, so that the servlet
 * container does not run it outside its security chain.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

	static final String SCHEME = "Bearer";

	private final ApiTokenAuthenticator authenticator;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenFilter(ApiTokenAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	static boolean carriesBearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		// The scheme alone, or followed by white space: "Bearer" without a token is a
		// client's mistake to answer here.
		return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
				&& (header.length() == SCHEME.length() || Character.isWhitespace(header.charAt(SCHEME.length())));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(SCHEME.length()).strip();
		ApiTokenAuthenticator.Outcome outcome = authenticator.authenticate(token);
		if (outcome instanceof ApiTokenAuthenticator.Refused refused) {
			contexts.clearContext();
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"liaocheng-renewal\", error=\"invalid_token\"");
			ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "API 令牌不能使用", refused.detail());
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(((ApiTokenAuthenticator.Accepted) outcome).authentication());
		contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			contexts.clearContext();
		}
	}

}
