package cn.liaocheng.renewal.review.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.People;
import cn.liaocheng.renewal.engine.ProductAuthority;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.organization.OrganizationCatalog.ReviewGroup;

/**
 * Names of people and bodies for opinions. Listeners run inside a reviewer's request,
 * where Camunda filters identity queries by that reviewer's authorizations; names are
 * public within the system, so the lookup runs without them and restores them after.
 */
@Component
public class Directory {

	private final IdentityService identity;

	private final OrganizationCatalog organizations;

	private final People people;

	Directory(IdentityService identity, OrganizationCatalog organizations, People people) {
		this.identity = identity;
		this.people = people;
		this.organizations = organizations;
	}

	public String personName(String userId) {
		return people.name(userId);
	}

	/**
	 * Whether the person is now a member of the body or of its lead group (负责人), the rule
	 * by which they may work its tasks; false for no person and for no body.
	 */
	public boolean isMemberOf(String userId, String group) {
		if (userId == null || group == null || group.isBlank()) {
			return false;
		}
		return ProductAuthority.call(identity,
				() -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0
						|| identity.createUserQuery().userId(userId).memberOfGroup(GroupNames.lead(group)).count() > 0);
	}

	/**
	 * Whether the person is now an administrator (a member of {@code camunda-admin}): an
	 * administrator's account gives no opinion for a body; false for no person.
	 */
	public boolean isAdministrator(String userId) {
		if (userId == null) {
			return false;
		}
		return ProductAuthority.call(identity,
				() -> identity.createUserQuery().userId(userId).memberOfGroup(GroupNames.ADMINISTRATORS).count() > 0);
	}

	public String bodyName(String groupId) {
		Map<String, String> names = organizations.reviewGroups()
			.stream()
			.collect(Collectors.toMap(ReviewGroup::id, ReviewGroup::name, (a, b) -> a));
		return names.getOrDefault(groupId, groupId);
	}

	/**
	 * Every body (county departments, city bodies, banks) by group id, without the lead
	 * groups.
	 */
	public Map<String, String> bodies() {
		return organizations.reviewGroups()
			.stream()
			.filter(g -> !g.id().endsWith(GroupNames.LEAD_SUFFIX))
			.collect(Collectors.toMap(ReviewGroup::id, ReviewGroup::name, (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * Whether the bank is one of the institutions that lend technology-innovation and
	 * technical-renovation re-lending.
	 */
	public boolean isRelendingBank(String bankKey) {
		return bankKey != null
				&& organizations.banks().stream().anyMatch(b -> b.key().equals(bankKey) && b.relendingEligible());
	}

	/**
	 * The bank's name as the directory has it; the key only when the bank was removed
	 * from the directory.
	 */
	public String bankName(String bankKey) {
		return organizations.bankName(bankKey);
	}

	public Map<String, String> cityBodyNames() {
		return organizations.departments()
			.stream()
			.collect(Collectors.toMap(d -> d.key(), d -> d.cityName(), (a, b) -> a, LinkedHashMap::new));
	}

}
