package cn.liaocheng.renewal.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The door for HTTP Basic (API clients, scripts, Camunda Modeler). Every request whose
 * {@code Authorization} header Spring's Basic filter would read goes through this chain,
 * whatever its path, and is authenticated by that header alone: the session is neither
 * read nor written, so a wrong password is a 401 whatever cookie comes with it, and a
 * right one acts as the header's account, never as the session's. Only this chain is
 * exempt from CSRF: a browser never adds Basic credentials to a foreign site's request
 * here, since nothing asks it for a password (401 without a challenge). Paths, roles and
 * the temporary-password rule are the main chain's.
 */
@Configuration
class BasicSecurity {

	private static final String SCHEME = "Basic";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain basicFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
			TemporaryPasswordStore temporaryPasswords) throws Exception {
		AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		// A check refused for the network or the node, whatever the id, says so and when
		// to come back (429, 503); a wrong password or a locked id is a bare 401.
		AuthenticationEntryPoint refused = (request, response, exception) -> {
			if (exception instanceof PasswordCheckRefusal refusal) {
				refusal.answer(response);
			}
			else {
				unauthorized.commence(request, response, exception);
			}
		};
		StatelessCredentials.apply(http);
		// One manager with no parent: a failed password must be checked (and counted by
		// Camunda) once only.
		http.securityMatcher(BasicSecurity::carriesBasicCredentials)
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests(SecurityConfiguration::doors)
			.httpBasic(basic -> basic.authenticationEntryPoint(refused))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized))
			.addFilterBefore(TemporaryPasswordGate.perRequest(temporaryPasswords), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Whatever Spring's Basic filter would take for Basic credentials: the header,
	 * trimmed, begins with the scheme in any case ({@code BasicAuthenticationConverter}).
	 * A header it cannot decode is answered here with 401; none of it reaches the main
	 * chain, which reads no Basic credentials at all.
	 */
	static boolean carriesBasicCredentials(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.trim().regionMatches(true, 0, SCHEME, 0, SCHEME.length());
	}

}
