/**
 * Administrators change flows, rules and forms safely: every deployment (start-up,
 * Camunda Modeler through the REST API, the administration page) is validated before
 * anything is deployed, versions are listed with their running cases, running cases move
 * between versions through Camunda's migration API, every deployed file is kept byte for
 * byte, and a deployment whose models have cases is never deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package cn.liaocheng.renewal.admin;
