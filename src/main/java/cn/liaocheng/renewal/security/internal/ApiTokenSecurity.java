package cn.liaocheng.renewal.security.internal;

import static cn.liaocheng.renewal.security.Roles.ENTERPRISE;
import static cn.liaocheng.renewal.security.internal.SecurityConfiguration.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import jakarta.servlet.DispatcherType;

/**
 * The door for machine clients with a personal API token. Every request that carries
 * {@code Authorization: Bearer} goes through this chain, whatever its path, and nothing
 * else: stateless (no session is read or created), without CSRF (browsers never add a
 * bearer token on their own, so a foreign site cannot borrow it), and only to the
 * enterprise's own applications API and {@code /api/me}. Everything else is refused: the
 * Camunda REST API and webapps, administration, the portal pages with the account and
 * password, and token management itself, so that a leaked token can neither make more
 * tokens nor outlive its revocation.
 */
@Configuration
class ApiTokenSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain apiTokenFilterChain(HttpSecurity http, ApiTokenAuthenticator authenticator) throws Exception {
		StatelessCredentials.apply(http);
		http.securityMatcher(ApiTokenFilter::carriesBearerToken)
			.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(path("/api/applications/**"), path(HttpMethod.GET, "/api/me"))
				.hasRole(ENTERPRISE)
				.anyRequest()
				.denyAll())
			.addFilterAt(new ApiTokenFilter(authenticator), BasicAuthenticationFilter.class)
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((request, response, e) -> ApiProblems.write(response, HttpStatus.UNAUTHORIZED,
						"API 令牌不能使用", "请在 Authorization 请求头中提供有效的 API 令牌"))
				.accessDeniedHandler(
						(request, response, e) -> ApiProblems.write(response, HttpStatus.FORBIDDEN, "API 令牌不能访问此地址",
								"API 令牌只能调用本企业的申报接口（/api/applications）和 /api/me；" + "令牌管理、账户和密码、审批系统请登录门户办理")));
		return http.build();
	}

}
