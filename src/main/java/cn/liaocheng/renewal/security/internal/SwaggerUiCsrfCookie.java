package cn.liaocheng.renewal.security.internal;

import java.io.IOException;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets Swagger UI's "Try it out" pass the CSRF check. The token lives in the session
 * (Spring Security's default repository, which the portal's forms use); Swagger UI can
 * only read a cookie. So when the logged-in user opens Swagger UI, a masked copy of the
 * session's token is put into a cookie that only pages under /swagger-ui see, and
 * springdoc sends it back as the {@code X-CSRF-TOKEN} header. Same-origin script can read
 * the token from any portal page's form anyway; a foreign site can neither read the
 * cookie nor set the header.
 */
final class SwaggerUiCsrfCookie extends OncePerRequestFilter {

	static final String COOKIE = "RENEWAL_XSRF";

	private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
			SecurityConfiguration.path(HttpMethod.GET, "/swagger-ui/index.html"),
			SecurityConfiguration.path(HttpMethod.GET, "/swagger-ui/swagger-initializer.js"));

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SWAGGER_UI.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			ResponseCookie cookie = ResponseCookie.from(COOKIE, token.getToken())
				.path("/swagger-ui")
				.httpOnly(false)
				.secure(request.isSecure())
				.sameSite("Strict")
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
		}
		chain.doFilter(request, response);
	}

}
