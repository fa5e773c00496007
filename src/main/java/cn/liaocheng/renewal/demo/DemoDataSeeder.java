package cn.liaocheng.renewal.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.demo.DemoAccounts.Account;
import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.organization.StartupOrder;
import cn.liaocheng.renewal.security.AccountIds;

/**
 * Creates the demo accounts on a fresh database; accounts that exist are left as they are
 * (an administrator may have changed their passwords). Only in the {@code demo} profile,
 * which is the default of a bare start.
 *
 * <p>
 * The 90 accounts are made in one transaction and one engine command (the engine's
 * services join both), so the engine writes accounts, memberships and grants at the
 * command's end as one batch of statements per table. Their common password is hashed
 * (Argon2id, tens of milliseconds of CPU each) once: the first account made gets its hash
 * and salt, the others a copy of both. The accounts then carry the same hash, which says
 * no more than the README, where the demo password is published.
 */
@Component
@Profile("demo")
@Order(StartupOrder.DEMO_DATA)
class DemoDataSeeder implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

	private final IdentityService identity;

	private final OrganizationCatalog catalog;

	private final EnterpriseRegistry enterprises;

	private final String password;

	private int created;

	/** The first account made in this run, with the hashed password the others copy. */
	private UserEntity hashed;

	private final TransactionTemplate transaction;

	private final ProcessEngineConfigurationImpl engine;

	private final AccountIds ids;

	DemoDataSeeder(IdentityService identity, OrganizationCatalog catalog, EnterpriseRegistry enterprises,
			@Value("${renewal.demo.password}") String password, PlatformTransactionManager transactions,
			ProcessEngineConfigurationImpl engine, AccountIds ids) {
		this.ids = ids;
		this.identity = identity;
		this.catalog = catalog;
		this.enterprises = enterprises;
		this.password = password;
		this.transaction = new TransactionTemplate(transactions);
		this.engine = engine;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> engine.getCommandExecutorTxRequired().execute(context -> {
			seed();
			return null;
		}));
	}

	private void seed() {
		created = 0;
		hashed = null;
		Set<String> existing = new HashSet<>(identity.createUserQuery().list().stream().map(User::getId).toList());
		List<Account> missing = DemoAccounts.all(catalog).stream().filter(a -> !existing.contains(a.userId())).toList();
		// A demo account an administrator deleted stays deleted: its id is retired.
		Set<String> retired = ids.refused(missing.stream().map(Account::userId).toList());
		for (Account account : missing) {
			if (retired.contains(account.userId())) {
				LOG.info("Demo account {} was deleted and is not created again", account.userId());
				continue;
			}
			create(account);
			DemoAccounts.DemoEnterprise e = account.enterprise();
			if (e != null) {
				enterprises.record(new NewEnterprise(new CreditCode(e.creditCode()), e.name(), e.divisionCode(),
						e.industry(), "演示联系人", "0635-0000000", e.userId()), DemoAccounts.ADMINISTRATOR);
			}
		}
		for (Division division : catalog.divisions()) {
			// DEMO placeholders, marked as such: the clawback decision prints them.
			catalog.recordClawbackAccountIfNone(division.code(), division.name() + "财政局非税收入汇缴结算户（演示账户），开户银行：中国工商银行"
					+ division.name() + "支行，账号：1610 0000 0000 " + division.code().substring(2));
		}
		LOG.info("Demo data in place ({} accounts created); see README.md for the logins", created);
	}

	private void create(Account account) {
		String userId = account.userId();
		String groupId = account.groupId();
		User user = identity.newUser(userId);
		user.setFirstName(account.post());
		user.setLastName(account.organisation());
		user.setEmail(userId + "@demo.invalid");
		if (hashed == null) {
			user.setPassword(password);
			identity.saveUser(user);
			// Saving hashed the password into this entity; it is written when the command
			// ends, so a query would not find it yet.
			hashed = (UserEntity) user;
		}
		else {
			((UserEntity) user).setSalt(hashed.getSalt());
			((UserEntity) user).setDbPassword(hashed.getPassword());
			identity.saveUser(user);
		}
		identity.createMembership(userId, groupId);
		created++;
	}

}
