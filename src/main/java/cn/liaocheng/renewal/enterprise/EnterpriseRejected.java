package cn.liaocheng.renewal.enterprise;

/**
 * Published in the rejecting transaction when a county rejects a registration before
 * activating it (驳回注册): the account is closed for good, so what it saved (drafts and
 * their files, which it could never submit) goes with it.
 */
public record EnterpriseRejected(long enterpriseId) {
}
