/**
 * How the Camunda engine is embedded: start-up order against the application's schema,
 * its deployments, the rule that a task completion carries only the fields of the task's
 * form, people and groups as the identity store describes them, the organisation's groups
 * and grants written at start ({@link cn.liaocheng.renewal.engine.StartupWrites}), and
 * what callers of the engine's REST API are told about a failure ({@code engine.rest}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine")
package cn.liaocheng.renewal.engine;
