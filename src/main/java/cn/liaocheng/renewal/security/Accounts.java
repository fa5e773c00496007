package cn.liaocheng.renewal.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * User accounts in the identity store (Camunda's user tables) for the modules that keep
 * accounts of their own users without the engine's API: opening one, its password and
 * e-mail address, its groups' types, closing it. Each call runs as the engine's identity
 * service runs it for whoever is signed in: its authorizations, the password policy, the
 * guards that end an account's sessions when its password changes and the identity audit
 * apply as at any other door. The one exception, {@link #openSharingOnePassword}, copies
 * one hash onto several accounts; it is for the demo's published password only
 * ({@code SharedPasswordRuleTest} fails if any other module calls it).
 */
@Component
public class Accounts {

	private final IdentityService identity;

	Accounts(IdentityService identity) {
		this.identity = identity;
	}

	/** What the identity store keeps of an account besides its password. */
	public record Account(String id, String firstName, String lastName, String email) {
	}

	/**
	 * A rule of the password policy a password does not meet: its placeholder (e.g.
	 * {@code PASSWORD_POLICY_LENGTH}) and parameters (e.g. {@code minLength}).
	 */
	public record PasswordRule(String placeholder, Map<String, String> parameters) {

		/**
		 * What the password must do to meet the rule, in Chinese, for a message such as
		 * "新密码须至少 10 位"; {@code userData} names what the user-data rule forbids here
		 * (登录用户名或企业名称).
		 */
		public String inChinese(String userData) {
			return switch (placeholder) {
				case "PASSWORD_POLICY_LENGTH" -> "至少 " + parameters.getOrDefault("minLength", "10") + " 位";
				case "PASSWORD_POLICY_LOWERCASE" -> "包含小写字母";
				case "PASSWORD_POLICY_UPPERCASE" -> "包含大写字母";
				case "PASSWORD_POLICY_DIGIT" -> "包含数字";
				case "PASSWORD_POLICY_SPECIAL" -> "包含特殊字符（如 @ # $ % ! _）";
				case "PASSWORD_POLICY_USER_DATA" -> "不得包含" + userData;
				default -> "符合系统密码规则";
			};
		}

	}

	/**
	 * Opens an account with its password, as a member of {@code group}; refused by the
	 * engine (a {@link ProcessEngineException}) when the password breaks the policy.
	 */
	public void open(Account account, String password, String group) {
		User user = identity.newUser(account.id());
		user.setEmail(account.email());
		user.setFirstName(account.firstName());
		user.setLastName(account.lastName());
		user.setPassword(password);
		identity.saveUser(user);
		identity.createMembership(account.id(), group);
	}

	/** An account to open, and the group it joins. */
	public record Opening(Account account, String group) {
	}

	/**
	 * Opens accounts that share one password, whose hash (Argon2id, tens of milliseconds
	 * of CPU each) is made once: the first account saved gets the hash and its salt, the
	 * others a copy of both, so the accounts carry the same hash. Only for a password
	 * that is published anyway (the demo's, in the README); every other account gets a
	 * hash of its own through {@link #open}. Inside one engine command (a caller's
	 * {@code engine.StartupWrites}), the engine writes the accounts and memberships when
	 * the command ends, one batch per table.
	 */
	public void openSharingOnePassword(List<Opening> openings, String password) {
		UserEntity hashed = null;
		for (Opening opening : openings) {
			Account account = opening.account();
			User user = identity.newUser(account.id());
			user.setEmail(account.email());
			user.setFirstName(account.firstName());
			user.setLastName(account.lastName());
			if (hashed == null) {
				user.setPassword(password);
				identity.saveUser(user);
				// Saving hashed the password into this entity; inside one command it is
				// written when the command ends, so a query would not find it yet.
				hashed = (UserEntity) user;
			}
			else {
				// The engine checks the policy when it hashes a password; a copied hash
				// is checked here, with this account's id and names.
				if (identity.getPasswordPolicy() != null
						&& !identity.checkPasswordAgainstPolicy(password, user).isValid()) {
					throw new ProcessEngineException("The password does not match policy for " + account.id());
				}
				((UserEntity) user).setSalt(hashed.getSalt());
				((UserEntity) user).setDbPassword(hashed.getPassword());
				identity.saveUser(user);
			}
			identity.createMembership(account.id(), opening.group());
		}
	}

	/** Those of the ids that an account has, exactly as given. */
	public Set<String> existing(Collection<String> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return identity.createUserQuery()
			.userIdIn(userIds.toArray(String[]::new))
			.list()
			.stream()
			.map(User::getId)
			.collect(Collectors.toSet());
	}

	/**
	 * Whether the exception is the engine's refusal of a password that breaks the policy.
	 */
	public static boolean isPasswordPolicyRefusal(RuntimeException e) {
		return e instanceof ProcessEngineException && String.valueOf(e.getMessage()).contains("does not match policy");
	}

	public Optional<Account> account(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		return Optional.ofNullable(user)
			.map(u -> new Account(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail()));
	}

	/**
	 * Whether an account has the id in any case: staff accounts created in Camunda Admin
	 * may carry capitals.
	 */
	public boolean idTakenInAnyCase(String userId) {
		return identity.createNativeUserQuery()
			.sql("SELECT COUNT(*) FROM ACT_ID_USER WHERE LOWER(ID_) = #{id}")
			.parameter("id", userId.toLowerCase(Locale.ROOT))
			.count() > 0;
	}

	/**
	 * The rules of the password policy that the password would break for an account of
	 * that id and names (the policy forbids passwords containing them); none without a
	 * policy.
	 */
	public List<PasswordRule> unmetPasswordRules(String password, String userId, String firstName, String lastName) {
		return unmetPasswordRules(password, userId, firstName, lastName, null);
	}

	private List<PasswordRule> unmetPasswordRules(String password, String userId, String firstName, String lastName,
			String email) {
		if (identity.getPasswordPolicy() == null) {
			return List.of();
		}
		User candidate = identity.newUser(userId);
		candidate.setFirstName(firstName);
		candidate.setLastName(lastName);
		candidate.setEmail(email);
		PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(password, candidate);
		List<PasswordRule> unmet = new ArrayList<>();
		for (PasswordPolicyRule rule : result.getViolatedRules()) {
			unmet.add(new PasswordRule(rule.getPlaceholder(), rule.getParameters() == null ? Map.of()
					: Collections.unmodifiableMap(new LinkedHashMap<>(rule.getParameters()))));
		}
		return unmet;
	}

	/**
	 * The rules of the password policy that the password would break for this existing
	 * account, judged on its id, names and e-mail address as the engine judges them when
	 * the password is set.
	 */
	public List<PasswordRule> unmetPasswordRules(String password, Account account) {
		return unmetPasswordRules(password, account.id(), account.firstName(), account.lastName(), account.email());
	}

	/**
	 * Checked as a login is checked: wrong guesses make the network wait, and during that
	 * wait even the right password is refused.
	 */
	public boolean checkPassword(String userId, String password) {
		return identity.checkPassword(userId, password);
	}

	/**
	 * Why the holder of {@code userId} may not change its password to {@code proposed},
	 * by form field ({@code currentPassword}, {@code newPassword},
	 * {@code confirmPassword}), in Chinese; empty when the change may be made. The
	 * current password is checked as a login is ({@link #checkPassword});
	 * {@code unmetRules} is what the proposed one lacks, worded for the page that asks.
	 */
	public Map<String, String> ownPasswordChangeProblems(String userId, String current, String proposed,
			String confirmation, List<String> unmetRules) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (current.isEmpty() || !checkPassword(userId, current)) {
			problems.put("currentPassword", "当前密码不正确（多次输错后须稍候片刻再试）");
		}
		if (proposed.isEmpty()) {
			problems.put("newPassword", "请填写新密码");
		}
		else if (!unmetRules.isEmpty()) {
			problems.put("newPassword", "新密码须" + String.join("、", unmetRules));
		}
		else if (proposed.equals(current)) {
			problems.put("newPassword", "新密码不能与当前密码相同");
		}
		if (!confirmation.equals(proposed)) {
			problems.put("confirmPassword", "两次输入的新密码不一致");
		}
		return problems;
	}

	/** Sets the password (which also ends the account's sessions elsewhere). */
	public void changePassword(String userId, String password) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		user.setPassword(password);
		identity.saveUser(user);
	}

	/**
	 * Sets the e-mail address, if the account still has the address {@code was} the
	 * caller decided on; refused as a concurrent change otherwise.
	 */
	public void changeEmail(String userId, String was, String email) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (!Objects.equals(user.getEmail(), was)) {
			throw new OptimisticLockingException("The e-mail address of " + userId + " changed meanwhile");
		}
		user.setEmail(email);
		identity.saveUser(user);
	}

	/**
	 * The types of the groups the account belongs to, as stored (none for no account).
	 */
	public List<String> groupTypes(String userId) {
		return identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getType()).toList();
	}

	/**
	 * 姓 + 名 as administrators maintain them (Chinese order: for a reviewer the
	 * organisation, then the post), without surrounding white space; empty when neither
	 * is set.
	 */
	public static String fullName(User user) {
		return ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName()))
			.strip();
	}

	/** The name the system shows for the account: {@link #fullName}, or the login id. */
	public static String shownName(User user) {
		String name = fullName(user);
		return name.isEmpty() ? user.getId() : name;
	}

	/** Closes the account (its memberships go with it). */
	public void delete(String userId) {
		identity.deleteUser(userId);
	}

}
