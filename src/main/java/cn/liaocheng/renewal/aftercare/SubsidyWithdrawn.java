package cn.liaocheng.renewal.aftercare;

/**
 * Published in the transaction that issues a decision recovering or revoking a case's
 * subsidy: nothing more of it is paid, accepted or evaluated, so the after-award process
 * ends. {@code decisionNumber} is the signed decision's number, for the case history.
 */
public record SubsidyWithdrawn(long applicationId, String decisionNumber) {

}
