package cn.liaocheng.renewal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.demo.DemoAccounts.Account;
import cn.liaocheng.renewal.engine.StartupWrites;
import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.organization.StartupOrder;
import cn.liaocheng.renewal.security.AccountIds;
import cn.liaocheng.renewal.security.Accounts;

/**
 * Creates the demo accounts on a fresh database; accounts that exist are left as they are
 * (an administrator may have changed their passwords). Only in the {@code demo} profile,
 * which is the default of a bare start.
 *
 * <p>
 * The 90 accounts are made in one transaction and one engine command
 * ({@link StartupWrites}), so the engine writes accounts, memberships and grants at the
 * command's end as one batch of statements per table; a node seeding the same fresh
 * database at the same moment makes this one start over and find them. Their common
 * password is hashed once ({@link Accounts#openSharingOnePassword}): the accounts carry
 * the same hash, which says no more than the README, where the demo password is
 * published.
 */
@Component
@Profile("demo")
@Order(StartupOrder.DEMO_DATA)
class DemoDataSeeder implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

	private final Accounts accounts;

	private final OrganizationCatalog catalog;

	private final EnterpriseRegistry enterprises;

	private final String password;

	private final StartupWrites writes;

	private final AccountIds ids;

	DemoDataSeeder(Accounts accounts, OrganizationCatalog catalog, EnterpriseRegistry enterprises,
			@Value("${renewal.demo.password}") String password, StartupWrites writes, AccountIds ids) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.enterprises = enterprises;
		this.password = password;
		this.writes = writes;
		this.ids = ids;
	}

	@Override
	public void run(ApplicationArguments args) {
		writes.inOneCommand("Demo data", this::seed);
	}

	private void seed() {
		List<Account> all = DemoAccounts.all(catalog);
		Set<String> existing = accounts.existing(all.stream().map(Account::userId).toList());
		List<Account> missing = all.stream().filter(a -> !existing.contains(a.userId())).toList();
		// A demo account an administrator deleted stays deleted: its id is retired.
		Set<String> retired = ids.refused(missing.stream().map(Account::userId).toList());
		List<Account> made = new ArrayList<>();
		for (Account account : missing) {
			if (retired.contains(account.userId())) {
				LOG.info("Demo account {} was deleted and is not created again", account.userId());
			}
			else {
				made.add(account);
			}
		}
		accounts
			.openSharingOnePassword(
					made.stream()
						.map(a -> new Accounts.Opening(new Accounts.Account(a.userId(), a.post(), a.organisation(),
								a.userId() + "@demo.invalid"), a.groupId()))
						.toList(),
					password);
		for (Account account : made) {
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
		LOG.info("Demo data in place ({} accounts created); see README.md for the logins", made.size());
	}

}
