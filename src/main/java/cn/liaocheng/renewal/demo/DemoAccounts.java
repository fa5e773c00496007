package cn.liaocheng.renewal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.liaocheng.renewal.organization.Bank;
import cn.liaocheng.renewal.organization.Department;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * The demo accounts, listed in README.md. User ids are short pinyin so that a tester can
 * type them; the person names are the post, not invented people.
 */
final class DemoAccounts {

	/**
	 * The short pinyin of each division, for user ids such as {@code gx-industry}
	 * (冠县工业和信息化局).
	 */
	static final Map<String, String> DIVISION_ABBREVIATIONS = Map.ofEntries(Map.entry("371502", "dcf"),
			Map.entry("371503", "cp"), Map.entry("371521", "yg"), Map.entry("371522", "sx"), Map.entry("371524", "da"),
			Map.entry("371525", "gx"), Map.entry("371526", "gt"), Map.entry("371581", "lq"), Map.entry("lcetdz", "jkq"),
			Map.entry("lchtz", "gxq"), Map.entry("lcjbsc", "jbsc"));

	/** The county departments that get a demo reviewer in every division. */
	static final List<String> COUNTY_DEPARTMENTS = List.of("industry", "finance");

	static final String ADMINISTRATOR = "admin";

	static final List<DemoEnterprise> ENTERPRISES = List.of(
			new DemoEnterprise("ent-gx", "91371525MA3CB7K21F", "冠县演示轴承制造有限公司", "371525", "轴承制造"),
			new DemoEnterprise("ent-lq", "91371581MA3D2E8L4F", "临清市演示纺织机械有限公司", "371581", "纺织机械"),
			new DemoEnterprise("ent-dcf", "91371502MA3EX1P95L", "东昌府区演示精细化工有限公司", "371502", "精细化工"));

	private DemoAccounts() {
	}

	/**
	 * A demo account. Camunda's last name holds the organisation and the first name the
	 * post, so that Camunda Admin (which requires both) shows "冠县工业和信息化局 审核员".
	 */
	record Account(String userId, String organisation, String post, String groupId, DemoEnterprise enterprise) {

		Account(String userId, String organisation, String post, String groupId) {
			this(userId, organisation, post, groupId, null);
		}

	}

	/** Every demo account, in the order they are made. */
	static List<Account> all(OrganizationCatalog catalog) {
		List<Account> accounts = new ArrayList<>();
		accounts.add(new Account(ADMINISTRATOR, "系统", "管理员", GroupNames.ADMINISTRATORS));
		for (Division division : catalog.divisions()) {
			String abbreviation = DIVISION_ABBREVIATIONS.get(division.code());
			for (Department department : catalog.departments()) {
				if (COUNTY_DEPARTMENTS.contains(department.key()) && abbreviation != null) {
					accounts.add(new Account(abbreviation + "-" + department.key(), department.nameIn(division), "审核员",
							GroupNames.county(division.code(), department.key())));
					// The lead (负责人) of each demo body, who sees its open tasks (本部门在办)
					// and to whom its overdue tasks are escalated and reported.
					accounts
						.add(new Account(abbreviation + "-" + department.key() + "-lead", department.nameIn(division),
								"负责人", GroupNames.lead(GroupNames.county(division.code(), department.key()))));
				}
			}
		}
		for (Department department : catalog.departments()) {
			accounts.add(new Account("lc-" + department.key(), department.cityName(), "审核员",
					GroupNames.city(department.key())));
			accounts.add(new Account("lc-" + department.key() + "-lead", department.cityName(), "负责人",
					GroupNames.lead(GroupNames.city(department.key()))));
			if (department.key().equals("finance")) {
				// The interest subsidy is approved and paid by two different people of
				// the bureau (LedgerPayments).
				accounts.add(new Account("lc-finance-pay", department.cityName(), "拨付经办",
						GroupNames.city(department.key())));
			}
		}
		for (Bank bank : catalog.banks()) {
			accounts.add(new Account(bank.key() + "-officer", bank.name(), "信贷员", GroupNames.bank(bank.key())));
		}
		for (DemoEnterprise e : ENTERPRISES) {
			accounts.add(new Account(e.userId(), e.name(), "申报账户", GroupNames.ENTERPRISES, e));
		}
		return accounts;
	}

	record DemoEnterprise(String userId, String creditCode, String name, String divisionCode, String industry) {
	}

}
