package cn.liaocheng.renewal.engine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.security.Accounts;

/**
 * People as the accounts in the engine's identity store describe them, for the product's
 * own messages and pages: the name the system shows, the e-mail address a message goes
 * to, the members of a group. Names and memberships are public within the system, and the
 * lookups often run inside a reviewer's request, where the engine filters identity
 * queries by that reviewer's authorizations: they run on the product's own authority
 * ({@link ProductAuthority}), and the reviewer's is restored. An e-mail address is for
 * sending the product's messages, never to be shown to another user.
 */
@Component
public class People {

	/** Who the product names as the actor of its own work. */
	public static final String SYSTEM_NAME = "审批系统";

	private final IdentityService identity;

	People(IdentityService identity) {
		this.identity = identity;
	}

	/**
	 * A person's name as the system shows it ({@link Accounts#shownName}, e.g.
	 * "冠县工业和信息化局审核员"): the login id for an account no longer there, {@link #SYSTEM_NAME}
	 * for no person.
	 */
	public String name(String userId) {
		if (userId == null) {
			return SYSTEM_NAME;
		}
		return account(userId).map(Accounts::shownName).orElse(userId);
	}

	/** The e-mail address on the person's account, if it has one. */
	public Optional<String> email(String userId) {
		return account(userId).map(User::getEmail).filter(email -> !email.isBlank());
	}

	/** The members of the groups, each once, in a stable order. */
	public List<String> membersOf(Collection<String> groups) {
		TreeSet<String> members = new TreeSet<>();
		for (String group : groups) {
			ProductAuthority.call(identity, () -> identity.createUserQuery().memberOfGroup(group).list())
				.forEach(user -> members.add(user.getId()));
		}
		return List.copyOf(members);
	}

	private Optional<User> account(String userId) {
		if (userId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(
				ProductAuthority.call(identity, () -> identity.createUserQuery().userId(userId).singleResult()));
	}

}
