/** What operators need: request ids in every log line, health and metrics. */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package cn.liaocheng.renewal.operations;
