/**
 * Recovering an allocated subsidy (追回): started by the after-award process
 * ({@code aftercare.ClawbackDue}) or by the city industry bureau for false material,
 * determined and confirmed in {@code bpmn/clawback.bpmn}, decided by a signed decision
 * and tracked until repaid; and the negative list (负面清单), which refuses listed
 * enterprises' new submissions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clawback and negative list")
package cn.liaocheng.renewal.clawback;
