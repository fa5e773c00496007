package cn.liaocheng.renewal.enterprise.internal;

import java.sql.Timestamp;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistered;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.Accounts;

/**
 * Opens an enterprise's account: the Camunda user, its membership of the enterprises'
 * group and the enterprise row, in one transaction, which also tells the county that it
 * waits for activation ({@link EnterpriseRegistered}). Camunda's commands join the Spring
 * transaction, so a failure anywhere leaves nothing behind, the county's messages
 * included.
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

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final OrganizationCatalog catalog;

	EnterpriseAccounts(Accounts accounts, EnterpriseRegistry registry, JdbcClient jdbc,
			ApplicationEventPublisher events, OrganizationCatalog catalog) {
		this.accounts = accounts;
		this.registry = registry;
		this.jdbc = jdbc;
		this.events = events;
		this.catalog = catalog;
	}

	@Transactional
	Enterprise open(NewEnterprise enterprise, String password, String email) {
		// The e-mail address is where the notification outbox sends e-mail (in-app
		// messages go out whatever is here).
		accounts.open(new Accounts.Account(enterprise.userId(), POST, enterprise.name(), email), password,
				GroupNames.ENTERPRISES);
		Enterprise opened = registry.record(enterprise, null);
		// The time the county's list shows, read back rather than taken again here.
		Timestamp registeredAt = jdbc.sql("SELECT created_at FROM enterprise WHERE id = ?")
			.param(opened.id())
			.query(Timestamp.class)
			.single();
		String movedFrom = enterprise.movedFromDivision() == null ? null
				: catalog.division(enterprise.movedFromDivision())
					.map(Division::name)
					.orElse(enterprise.movedFromDivision());
		events.publishEvent(new EnterpriseRegistered(opened.id(), opened.creditCode().value(), opened.name(),
				opened.divisionCode(), GroupNames.county(opened.divisionCode(), Jurisdiction.INDUSTRY),
				registeredAt.toInstant(), movedFrom));
		return opened;
	}

}
