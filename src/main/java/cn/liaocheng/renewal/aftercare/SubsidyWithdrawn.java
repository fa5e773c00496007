package cn.liaocheng.renewal.aftercare;

/**
 * Published in the transaction that issues a decision recovering or revoking a case's
 * subsidy: nothing more of it is paid, accepted or evaluated, so the after-award process
 * ends. {@code decisionNumber} is the signed decision's number, for the case history.
 * {@code revocationProposedTo} names the body that allocated the subsidy when the
 * deciding bureau did not and some of it was not paid: the decision only holds what was
 * not paid and proposes that body revoke it, so the history may not say it will never be
 * paid; {@code null} when the decision proposed nothing (the deciding bureau allocated
 * the subsidy itself, or all of it was paid).
 */
public record SubsidyWithdrawn(long applicationId, String decisionNumber, String revocationProposedTo) {

}
