package cn.liaocheng.renewal.enterprise;

/** An enterprise as the other modules see it. */
public record Enterprise(long id, CreditCode creditCode, String name, String divisionCode, String industry,
		String contactName, String contactPhone, String userId, EnterpriseStatus status) {
}
