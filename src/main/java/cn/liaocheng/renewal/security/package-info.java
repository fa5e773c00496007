/**
 * One login for every door: the portal, the application API, the Camunda REST API and the
 * Camunda webapps, with Camunda's identity tables as the user store and guards for the
 * engine's known weaknesses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package cn.liaocheng.renewal.security;
