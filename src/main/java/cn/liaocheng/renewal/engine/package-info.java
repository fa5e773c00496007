/** How the Camunda engine is embedded: start-up order against the application's schema, and its deployments. */
@org.springframework.modulith.ApplicationModule(displayName = "Engine")
package cn.liaocheng.renewal.engine;
