package cn.liaocheng.renewal.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;

/**
 * Who is logged in: the Camunda user id, the name to show and the groups with their
 * types, and whether the request came with an API token rather than a person signing in
 * ({@code byApiToken}). It is kept in the HTTP session, which lives in the database,
 * hence {@link Serializable} (a session saved before {@code byApiToken} existed reads it
 * as false, as sessions are never a token's).
 */
public record PortalUser(String userId, String displayName, List<Membership> memberships,
		boolean byApiToken) implements Principal, Serializable {

	public PortalUser(String userId, String displayName, List<Membership> memberships) {
		this(userId, displayName, memberships, false);
	}

	/**
	 * Refuses an act that gives up a right or cannot be undone (withdrawing an
	 * application, accepting a bank's loan, stating or waiving a defence against a
	 * clawback) to a request made with an API token: a token sits in another system's
	 * configuration, and such an act is the enterprise's own, made by a person signed in.
	 * @param act the act, as the refusal names it (撤回申报)
	 */
	public void requirePerson(String act) {
		if (byApiToken) {
			throw new PersonalActRequired(act + "须由企业经办人登录门户办理，API 令牌不能办理");
		}
	}

	/**
	 * The Camunda user id: what Spring Security, Spring Session and Camunda call the
	 * user's name.
	 */
	@Override
	public String getName() {
		return userId;
	}

	public List<String> groupIds() {
		return memberships.stream().map(Membership::groupId).toList();
	}

	public boolean isIn(GroupType type) {
		return memberships.stream().anyMatch(m -> m.type() == type);
	}

	public boolean isAdministrator() {
		return isIn(GroupType.SYSTEM);
	}

	/**
	 * Whether the user acts for {@code group}, as its member or as its lead: never an
	 * administrator, whom the engine refuses any body's work too (an administrator who
	 * must act for a body does so with an account of that body, not their own).
	 */
	public boolean actsFor(String group) {
		return !isAdministrator() && memberships.stream()
			.anyMatch(m -> m.groupId().equals(group) || m.groupId().equals(GroupNames.lead(group)));
	}

	/**
	 * The banks the user acts for, by group ({@code bank-icbc}): as an officer or as the
	 * bank's lead.
	 */
	public List<String> banks() {
		return memberships.stream()
			.filter(m -> m.type() == GroupType.BANK)
			.map(m -> m.groupId().endsWith(GroupNames.LEAD_SUFFIX)
					? m.groupId().substring(0, m.groupId().length() - GroupNames.LEAD_SUFFIX.length()) : m.groupId())
			.distinct()
			.toList();
	}

	/**
	 * One group the user belongs to; {@code type} is {@code null} for groups that are
	 * none of the system's.
	 */
	public record Membership(String groupId, String groupName, GroupType type) implements Serializable {
	}

}
