package cn.liaocheng.renewal.enterprise.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.Accounts;

/**
 * Opens an enterprise's account: the Camunda user, its membership of the enterprises'
 * group and the enterprise row, in one transaction. Camunda's commands join the Spring
 * transaction, so a failure anywhere leaves nothing behind.
 */
@Component
class EnterpriseAccounts {

	/**
	 * Camunda's first name of every enterprise account; the last name holds the
	 * enterprise's name, so that the portal (organisation first) shows "XX有限公司申报账户" and
	 * Camunda Admin, which requires both, accepts it.
	 */
	static final String POST = "申报账户";

	private final Accounts accounts;

	private final EnterpriseRegistry registry;

	EnterpriseAccounts(Accounts accounts, EnterpriseRegistry registry) {
		this.accounts = accounts;
		this.registry = registry;
	}

	@Transactional
	Enterprise open(NewEnterprise enterprise, String password, String email) {
		// The e-mail address is where the notification outbox sends e-mail (in-app
		// messages go out whatever is here).
		accounts.open(new Accounts.Account(enterprise.userId(), POST, enterprise.name(), email), password,
				GroupNames.ENTERPRISES);
		return registry.record(enterprise, null);
	}

}
