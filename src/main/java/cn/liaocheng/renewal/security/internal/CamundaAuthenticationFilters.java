package cn.liaocheng.renewal.security.internal;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Plugs the single login into Camunda: the webapps and the REST API take the user from
 * Spring Security; the request is bound to its thread before that. The guard against the
 * first-run setup weakness runs before Spring Security (the expression bypass is closed
 * inside the engine, by {@link QueryExpressionGuard}).
 */
@Configuration
class CamundaAuthenticationFilters {

	private static final String PROVIDER = "authentication-provider";

	private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

	/**
	 * The request bound to its thread before Spring Security runs, so that a password
	 * check made while logging in (inside the engine, {@link PasswordChecks}) knows the
	 * network the request came from ({@link LoginNetwork}). Jersey, which serves the
	 * engine's REST API, registers this filter only after Spring Security, where a login
	 * page's or HTTP Basic's check would find no request at all; with this one present it
	 * registers none.
	 */
	@Bean
	FilterRegistrationBean<RequestContextFilter> requestContextBeforeSecurity() {
		FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(
				new RequestContextFilter());
		registration.setName("requestContextBeforeSecurity");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 5);
		return registration;
	}

	@Bean
	FilterRegistrationBean<FirstRunSetupGuard> firstRunSetupGuard() {
		FilterRegistrationBean<FirstRunSetupGuard> registration = new FilterRegistrationBean<>(
				new FirstRunSetupGuard());
		registration.addUrlPatterns("/camunda/*");
		// Before Spring Security: refused for everyone, logged in or not.
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(Map.of(PROVIDER, SpringSecurityCamundaAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(AFTER_SPRING_SECURITY + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<WebappLogoutEndsSession> webappLogoutEndsSession() {
		FilterRegistrationBean<WebappLogoutEndsSession> registration = new FilterRegistrationBean<>(
				new WebappLogoutEndsSession());
		registration.addUrlPatterns("/camunda/*");
		// After the container-based login has put the user into the webapps' session,
		// around Camunda's own filters.
		registration.setOrder(AFTER_SPRING_SECURITY + 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setInitParameters(Map.of(PROVIDER, SpringSecurityCamundaAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/engine-rest/*");
		registration.setOrder(AFTER_SPRING_SECURITY + 1);
		return registration;
	}

}
