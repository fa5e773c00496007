package cn.liaocheng.renewal.enterprise;

/**
 * Published in the activating transaction when a county activates an enterprise's
 * account.
 */
public record EnterpriseActivated(long enterpriseId, String userId, String enterpriseName, String activatedBy) {
}
