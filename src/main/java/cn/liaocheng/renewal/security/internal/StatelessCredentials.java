package cn.liaocheng.renewal.security.internal;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * A chain whose requests are signed in by the credentials they carry (an API token, HTTP
 * Basic), each on its own: it never reads or writes the session a cookie may name, so no
 * session can lend it a sign-in, and it has no CSRF check, no logout and no saved request
 * to go back to, which only a browser's session needs.
 */
final class StatelessCredentials {

	private StatelessCredentials() {
	}

	static void apply(HttpSecurity http) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
	}

}
