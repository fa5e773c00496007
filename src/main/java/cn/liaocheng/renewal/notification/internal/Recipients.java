package cn.liaocheng.renewal.notification.internal;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.ProductAuthority;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;

/**
 * Who receives a notification, and where they can be reached: e-mail addresses from the
 * accounts (Camunda's user store), mobile numbers from the enterprises' contacts. Events
 * arrive inside a reviewer's request, where Camunda filters identity queries by that
 * reviewer's authorizations; the lookups here run without them and restore them.
 */
@Component
class Recipients {

	private final IdentityService identity;

	private final EnterpriseRegistry enterprises;

	Recipients(IdentityService identity, EnterpriseRegistry enterprises) {
		this.identity = identity;
		this.enterprises = enterprises;
	}

	Recipient of(String userId) {
		User user = withoutAuthorizations(() -> identity.createUserQuery().userId(userId).singleResult());
		String mobile = enterprises.findByUser(userId).map(Enterprise::contactPhone).orElse(null);
		return new Recipient(userId, user == null ? null : user.getEmail(), mobile);
	}

	/** The members of the groups, each once, in a stable order. */
	List<String> membersOf(Collection<String> groups) {
		TreeSet<String> members = new TreeSet<>();
		for (String group : groups) {
			withoutAuthorizations(() -> identity.createUserQuery().memberOfGroup(group).list())
				.forEach(u -> members.add(u.getId()));
		}
		return List.copyOf(members);
	}

	/** A person's name as the system shows it: organisation and post ("冠县工业和信息化局审核员"). */
	String nameOf(String userId) {
		if (userId == null) {
			return "审批系统";
		}
		User user = withoutAuthorizations(() -> identity.createUserQuery().userId(userId).singleResult());
		if (user == null) {
			return userId;
		}
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName()))
			.strip();
		return name.isEmpty() ? userId : name;
	}

	private <T> T withoutAuthorizations(Supplier<T> query) {
		return ProductAuthority.call(identity, query);
	}

}
