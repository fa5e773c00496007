package cn.liaocheng.renewal.security.internal;

import static cn.liaocheng.renewal.security.Roles.ADMIN;
import static cn.liaocheng.renewal.security.Roles.BANK;
import static cn.liaocheng.renewal.security.Roles.ENTERPRISE;
import static cn.liaocheng.renewal.security.Roles.REVIEWER;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open which door. Paths are matched with {@link PathPatternRequestMatcher}
 * because most of them belong to Camunda's servlets and filters, not to Spring MVC.
 * Camunda's own authorizations decide the finer grain (which tasks, which deployments)
 * behind these doors, and the application's services check ownership again.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

	private static final String[] STAFF = { REVIEWER, BANK, ADMIN };

	/**
	 * Spring Security's own observations are off: with them every filter of every
	 * request, every login and every access decision is wrapped and timed, about 3 % of a
	 * loaded node's CPU, and nothing reads those timers. The requests' own metrics
	 * ({@code http.server.requests}) stay.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
			LoginSuccessHandler loginSuccessHandler, LoginFailureHandler loginFailureHandler,
			TemporaryPasswordStore temporaryPasswords) throws Exception {
		// 401 without a Basic challenge: a challenge makes a browser ask for and then
		// cache the password, and resend it with requests a foreign site makes.
		AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		// One manager with no parent: a failed password must be checked (and counted by
		// Camunda) once only.
		http.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests(SecurityConfiguration::doors)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(loginSuccessHandler)
				.failureHandler(loginFailureHandler)
				.permitAll())
			.logout(logout -> logout.logoutRequestMatcher(path(HttpMethod.POST, "/logout"))
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.deleteCookies("RENEWAL_SESSION"))
			.exceptionHandling(ex -> ex.accessDeniedHandler(new FormExpiredHandler())
				.defaultAuthenticationEntryPointFor(unauthorized,
						new OrRequestMatcher(path("/engine-rest/**"), path("/api/**"), path("/camunda/api/**"),
								path("/actuator/**")))
				.defaultAuthenticationEntryPointFor(loginPage(), path("/**")))
			// Camunda's webapps carry their own CSRF protection (X-XSRF-TOKEN). Every
			// other request of this chain may ride on the session's cookie, whatever
			// Authorization header it carries: HTTP Basic is another chain's, the only
			// one exempt from CSRF (BasicSecurity).
			.csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
			.addFilterAfter(new SwaggerUiCsrfCookie(), CsrfFilter.class)
			// After every way of logging in, before any door is opened: a temporary
			// password only lets its account change it.
			.addFilterBefore(TemporaryPasswordGate.inSessions(temporaryPasswords), AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		return http.build();
	}

	/**
	 * Which roles open which paths, the same rule for every door that authenticates by
	 * password: the session's main chain and HTTP Basic's own ({@link BasicSecurity}).
	 */
	static void doors(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(path("/"), path("/login"), path("/css/**"), path("/js/**"), path("/images/**"),
				path("/webjars/**"), path("/favicon.ico"), path("/error"), path("/actuator/health"),
				path("/actuator/health/**"), path("/register"), path("/notices"), path("/notices/**"),
				path(HttpMethod.POST, "/api/enterprises/registrations"), path("/verify"), path("/verify/**"),
				path(FormExpiredController.PATH), path(FormExpiredController.PATH + "/token"), path("/guide"))
			.permitAll()
			// Camunda's own login form would bypass the single login page.
			.requestMatchers(path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/**"))
			.denyAll()
			.requestMatchers(path("/actuator/**"))
			.hasRole(ADMIN)
			.requestMatchers(path("/admin/**"))
			.hasRole(ADMIN)
			.requestMatchers(path("/camunda/app/cockpit/**"), path("/camunda/app/admin/**"),
					path("/camunda/api/cockpit/**"), path("/camunda/api/admin/plugin/**"),
					path("/camunda/api/admin/setup/**"))
			.hasRole(ADMIN)
			// Deployments at every REST root and spelling the engine answers; the
			// engine's own authorizations refuse them to staff as well.
			.requestMatchers(path(HttpMethod.POST, "/engine-rest/deployment/**"),
					path(HttpMethod.DELETE, "/engine-rest/deployment/**"),
					path(HttpMethod.POST, "/engine-rest/engine/*/deployment/**"),
					path(HttpMethod.DELETE, "/engine-rest/engine/*/deployment/**"),
					path(HttpMethod.POST, "/camunda/api/engine/engine/*/deployment/**"),
					path(HttpMethod.DELETE, "/camunda/api/engine/engine/*/deployment/**"))
			.hasRole(ADMIN)
			.requestMatchers(path("/camunda/**"))
			.hasAnyRole(STAFF)
			.requestMatchers(path("/engine-rest/**"))
			.hasAnyRole(STAFF)
			.requestMatchers(path("/enterprise/**"), path("/api/applications/**"), path("/api/tokens/**"),
					path("/account"), path("/account/**"))
			.hasRole(ENTERPRISE)
			// Staff's own password (an enterprise's is on /account): /me and all below, a
			// trailing slash included.
			.requestMatchers(path("/me/**"))
			.hasAnyRole(STAFF)
			.requestMatchers(path("/county/**"), path("/api/county/**"))
			.hasAnyRole(REVIEWER, ADMIN)
			// Statistics: city and county bodies and administrators; which counties each
			// sees is decided per user.
			.requestMatchers(path("/statistics/**"), path("/api/statistics/**"))
			.hasAnyRole(REVIEWER, ADMIN)
			// Application windows (申报批次): the city industry bureau and administrators,
			// checked again per call.
			.requestMatchers(path("/batches"), path("/batches/**"), path("/api/batches/windows"),
					path("/api/batches/windows/**"))
			.hasAnyRole(REVIEWER, ADMIN)
			// The reviewers' dossier view and task hand-overs; which cases and tasks are
			// checked per case and task.
			.requestMatchers(path("/review/**"), path("/api/review/**"))
			.hasAnyRole(STAFF)
			// The loan ledger: which loans and operations are checked per loan (granting
			// bank, city finance).
			.requestMatchers(path("/ledger/**"), path("/api/ledger/**"))
			.hasAnyRole(STAFF)
			.anyRequest()
			.authenticated();
	}

	/**
	 * A relative redirect: an absolute one would be built from the request's Host header.
	 */
	private static LoginUrlAuthenticationEntryPoint loginPage() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	static RequestMatcher path(HttpMethod method, String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
	}

}
