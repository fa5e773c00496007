/**
 * How the Camunda engine is embedded: start-up order against the application's schema,
 * its deployments, and the rule that a task completion carries only the fields of the
 * task's form.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine")
package cn.liaocheng.renewal.engine;
