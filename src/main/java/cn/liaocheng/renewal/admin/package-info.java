/**
 * Administrators change flows, rules and forms safely: every deployment (start-up,
 * Camunda Modeler through the REST API, the administration page) is validated before
 * anything is deployed, versions are listed with their running cases, and running cases
 * move between versions through Camunda's migration API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package cn.liaocheng.renewal.admin;
