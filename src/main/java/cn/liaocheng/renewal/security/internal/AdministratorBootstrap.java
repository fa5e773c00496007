package cn.liaocheng.renewal.security.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.StartupOrder;

/**
 * Creates the first administrator from {@code RENEWAL_ADMIN_ID} and {@code RENEWAL_ADMIN_PASSWORD} when that user
 * does not exist yet. This replaces Camunda Admin's first-run page, which {@link FirstRunSetupGuard} keeps shut.
 */
@Component
@Order(StartupOrder.ADMINISTRATOR)
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final IdentityService identity;

	private final String adminId;

	private final String adminPassword;

	AdministratorBootstrap(IdentityService identity, @Value("${renewal.security.bootstrap-admin.id:}") String adminId,
			@Value("${renewal.security.bootstrap-admin.password:}") String adminPassword) {
		this.identity = identity;
		this.adminId = adminId;
		this.adminPassword = adminPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (adminId.isBlank()) {
			return;
		}
		if (adminPassword.isBlank()) {
			throw new IllegalStateException("RENEWAL_ADMIN_ID is set but RENEWAL_ADMIN_PASSWORD is empty");
		}
		if (identity.createUserQuery().userId(adminId).count() > 0) {
			return;
		}
		User user = identity.newUser(adminId);
		user.setFirstName("管理员");
		user.setLastName("系统");
		user.setPassword(adminPassword);
		identity.saveUser(user);
		identity.createMembership(adminId, GroupNames.ADMINISTRATORS);
		LOG.info("Created administrator {} from configuration", adminId);
	}

}
