package cn.liaocheng.renewal.enterprise;

/**
 * Published in the activating transaction when a county activates an enterprise's
 * account.
 *
 * @param activatedBy the user who activated it
 * @param activatingBody who that was, as the enterprise is told: the county's industry
 * bureau, or 系统管理员
 */
public record EnterpriseActivated(long enterpriseId, String userId, String enterpriseName, String activatedBy,
		String activatingBody) {
}
