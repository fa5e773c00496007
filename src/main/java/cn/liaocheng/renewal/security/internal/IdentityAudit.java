package cn.liaocheng.renewal.security.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.security.Accounts;

/**
 * Writes every change of who is who to the audit trail: accounts made and deleted,
 * passwords changed, groups made, retyped and deleted, memberships gained and lost, and
 * the same for tenants. Groups decide who reviews for which body and who administers, so
 * an administrator who joins a body's group, works its task and leaves again leaves these
 * entries behind, whatever the door (Camunda Admin, the REST API, the application's own
 * pages and start-up). Called by the engine's identity provider
 * ({@link PasswordChangeEndsSessions}) inside the change's transaction, after the change
 * was allowed: an entry is written only if the change commits.
 *
 * <p>
 * The actor is the engine's signed-in user (Camunda Admin, the REST API), else the user
 * Spring Security signed in (the portal's pages, which call the engine in the product's
 * name), else {@value #SYSTEM} (start-up, the demo data, self-registration).
 */
@Component
class IdentityAudit {

	static final String USER_CREATED = "USER_CREATED";

	static final String USER_DELETED = "USER_DELETED";

	static final String USER_PASSWORD_CHANGED = "USER_PASSWORD_CHANGED";

	static final String USER_PROFILE_CHANGED = "USER_PROFILE_CHANGED";

	static final String GROUP_CREATED = "GROUP_CREATED";

	static final String GROUP_TYPE_CHANGED = "GROUP_TYPE_CHANGED";

	static final String GROUP_DELETED = "GROUP_DELETED";

	static final String MEMBERSHIP_CREATED = "GROUP_MEMBERSHIP_CREATED";

	static final String MEMBERSHIP_DELETED = "GROUP_MEMBERSHIP_DELETED";

	static final String TENANT_CREATED = "TENANT_CREATED";

	static final String TENANT_DELETED = "TENANT_DELETED";

	static final String TENANT_MEMBERSHIP_CREATED = "TENANT_MEMBERSHIP_CREATED";

	static final String TENANT_MEMBERSHIP_DELETED = "TENANT_MEMBERSHIP_DELETED";

	static final String SYSTEM = "system";

	/**
	 * How many ids a deleted group's entry names; the rest are counted. The column holds
	 * 16,000 characters, and the enterprises' group has thousands of members.
	 */
	static final int LISTED = 200;

	private final AuditTrail audit;

	IdentityAudit(AuditTrail audit) {
		this.audit = audit;
	}

	void userCreated(User user) {
		record(USER_CREATED, user(user.getId()), "name=" + name(user));
	}

	void userDeleted(String userId, Collection<String> groups) {
		record(USER_DELETED, user(userId), "groups=" + listed(groups));
	}

	/**
	 * The name or e-mail address of an existing account changed: decisions and histories
	 * name a reviewer by the name the account had when the opinion was given, so who
	 * renamed an account, from what to what, is kept.
	 */
	void profileChanged(User before, User after) {
		String nameBefore = name(before);
		String nameAfter = name(after);
		boolean renamed = !nameBefore.equals(nameAfter);
		boolean readdressed = !Objects.equals(before.getEmail(), after.getEmail());
		if (renamed || readdressed) {
			record(USER_PROFILE_CHANGED, user(after.getId()),
					(renamed ? "name " + nameBefore + " -> " + nameAfter : "") + (renamed && readdressed ? "; " : "")
							+ (readdressed ? "email " + before.getEmail() + " -> " + after.getEmail() : ""));
		}
	}

	/** A password changed by its holder, or reset by someone else (an administrator). */
	void passwordChanged(String userId) {
		String actor = actor();
		audit.record(actor, USER_PASSWORD_CHANGED, user(userId), actor.equals(userId) ? "by the holder" : "reset");
	}

	void groupCreated(Group group) {
		record(GROUP_CREATED, group(group.getId()), "name=" + group.getName() + " type=" + group.getType());
	}

	void groupTypeChanged(String groupId, String before, String after) {
		record(GROUP_TYPE_CHANGED, group(groupId), "type " + before + " -> " + after);
	}

	void groupDeleted(String groupId, Collection<String> members) {
		record(GROUP_DELETED, group(groupId), "members=" + listed(members));
	}

	/** {@code userId} joined {@code groupId}. */
	void membershipCreated(String userId, String groupId) {
		record(MEMBERSHIP_CREATED, user(userId), "group=" + groupId);
	}

	/** {@code userId} left {@code groupId}. */
	void membershipDeleted(String userId, String groupId) {
		record(MEMBERSHIP_DELETED, user(userId), "group=" + groupId);
	}

	void tenantCreated(Tenant tenant) {
		record(TENANT_CREATED, "tenant:" + tenant.getId(), "name=" + tenant.getName());
	}

	void tenantDeleted(String tenantId) {
		record(TENANT_DELETED, "tenant:" + tenantId, "");
	}

	/**
	 * A user or a group ({@code member}: {@code user:…}, {@code group:…}) joined a
	 * tenant.
	 */
	void tenantMembershipCreated(String member, String tenantId) {
		record(TENANT_MEMBERSHIP_CREATED, member, "tenant=" + tenantId);
	}

	void tenantMembershipDeleted(String member, String tenantId) {
		record(TENANT_MEMBERSHIP_DELETED, member, "tenant=" + tenantId);
	}

	static String user(String userId) {
		return "user:" + userId;
	}

	static String group(String groupId) {
		return "group:" + groupId;
	}

	private void record(String action, String subject, String details) {
		audit.record(actor(), action, subject, details);
	}

	/** Who makes the change: see the class comment. */
	static String actor() {
		CommandContext command = Context.getCommandContext();
		String engineUser = command == null ? null : command.getAuthenticatedUserId();
		if (engineUser != null) {
			return engineUser;
		}
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
			return signedIn.getName();
		}
		return SYSTEM;
	}

	private static String name(User user) {
		return Accounts.fullName(user);
	}

	private static String listed(Collection<String> ids) {
		List<String> sorted = ids.stream().sorted().toList();
		if (sorted.size() <= LISTED) {
			return String.join(",", sorted);
		}
		return String.join(",", sorted.subList(0, LISTED)) + " and " + (sorted.size() - LISTED) + " more";
	}

}
