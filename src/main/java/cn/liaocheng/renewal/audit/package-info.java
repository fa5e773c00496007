/**
 * The system's own audit trail: append-only, each entry chained to the one before by
 * SHA-256, so that a changed or deleted row breaks the chain. It outlives Camunda's
 * history cleanup.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.liaocheng.renewal.audit;
