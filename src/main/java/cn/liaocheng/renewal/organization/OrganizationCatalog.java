package cn.liaocheng.renewal.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the organisations of the programme. The rows are few and change rarely; each call
 * reads them afresh.
 */
@Service
public class OrganizationCatalog {

	private static final String INDUSTRY = "industry";

	private final JdbcClient jdbc;

	OrganizationCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Division> divisions() {
		return jdbc.sql("SELECT code, name, kind FROM org_division ORDER BY sort_order")
			.query((rs, n) -> new Division(rs.getString(1), rs.getString(2), Division.Kind.valueOf(rs.getString(3))))
			.list();
	}

	public Optional<Division> division(String code) {
		return divisions().stream().filter(d -> d.code().equals(code)).findFirst();
	}

	/**
	 * Each county's (zone's) industry bureau with its public service phone, in the
	 * divisions' order.
	 */
	public List<BureauContact> industryBureaus() {
		Department industry = departments().stream().filter(d -> d.key().equals(INDUSTRY)).findFirst().orElseThrow();
		return jdbc.sql("SELECT code, name, kind, industry_bureau_phone FROM org_division ORDER BY sort_order")
			.query((rs, n) -> {
				Division division = new Division(rs.getString(1), rs.getString(2),
						Division.Kind.valueOf(rs.getString(3)));
				return new BureauContact(division.code(), division.name(), industry.nameIn(division), rs.getString(4));
			})
			.list();
	}

	public Optional<BureauContact> industryBureau(String divisionCode) {
		return industryBureaus().stream().filter(b -> b.divisionCode().equals(divisionCode)).findFirst();
	}

	/**
	 * The account recovered subsidies of the division's enterprises are paid into, as an
	 * administrator recorded it; empty when none is on record.
	 */
	public Optional<String> clawbackAccount(String divisionCode) {
		return jdbc.sql("SELECT clawback_account FROM org_division WHERE code = ?")
			.param(divisionCode)
			.query(String.class)
			.optional()
			.filter(account -> !account.isBlank());
	}

	/**
	 * Records the division's collection account where none is on record yet (the demo
	 * data); an administrator changes one on record in the database.
	 */
	public void recordClawbackAccountIfNone(String divisionCode, String account) {
		jdbc.sql("UPDATE org_division SET clawback_account = ? WHERE code = ? AND clawback_account IS NULL")
			.params(account, divisionCode)
			.update();
	}

	public List<Department> departments() {
		return jdbc.sql("SELECT dept_key, city_name, county_name, concern FROM org_department ORDER BY sort_order")
			.query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public List<Bank> banks() {
		return jdbc.sql("SELECT bank_key, name, active, relending_eligible FROM org_bank ORDER BY sort_order")
			.query((rs, n) -> new Bank(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
			.list();
	}

	/**
	 * A bank's name as the directory has it; its key only when the bank was removed from
	 * the directory.
	 */
	public String bankName(String bankKey) {
		return banks().stream().filter(b -> b.key().equals(bankKey)).map(Bank::name).findFirst().orElse(bankKey);
	}

	/** The names of the banks, in the order given, joined as Chinese lists them (、). */
	public String bankNames(List<String> bankKeys) {
		List<Bank> all = banks();
		return String.join("、",
				bankKeys.stream()
					.map(key -> all.stream().filter(b -> b.key().equals(key)).map(Bank::name).findFirst().orElse(key))
					.toList());
	}

	/** Every review group the organisations imply, with its Chinese name and type. */
	public List<ReviewGroup> reviewGroups() {
		List<Department> departments = departments();
		ArrayList<ReviewGroup> groups = new ArrayList<>();
		for (Division division : divisions()) {
			for (Department department : departments) {
				if (department.hasCountyCounterpart()) {
					groups.add(new ReviewGroup(GroupNames.county(division.code(), department.key()),
							department.nameIn(division), GroupType.COUNTY));
				}
			}
		}
		for (Department department : departments) {
			groups.add(new ReviewGroup(GroupNames.city(department.key()), department.cityName(), GroupType.CITY));
		}
		for (Bank bank : banks()) {
			groups.add(new ReviewGroup(GroupNames.bank(bank.key()), bank.name(), GroupType.BANK));
		}
		// Every review group has a lead group (负责人) to which its overdue tasks are
		// escalated.
		List<ReviewGroup> leads = groups.stream()
			.map(g -> new ReviewGroup(GroupNames.lead(g.id()), g.name() + "（负责人）", g.type()))
			.toList();
		groups.addAll(leads);
		return groups;
	}

	/**
	 * The Chinese name of the body behind a review group, as case histories and pages
	 * name it; the group's id when no organisation implies it (any more).
	 */
	public String groupName(String groupId) {
		return reviewGroups().stream()
			.filter(g -> g.id().equals(groupId))
			.map(ReviewGroup::name)
			.findFirst()
			.orElse(groupId);
	}

	/** A group that reviews, with the name shown in Camunda Admin and Tasklist. */
	public record ReviewGroup(String id, String name, GroupType type) {
	}

}
