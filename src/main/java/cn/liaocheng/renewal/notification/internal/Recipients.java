package cn.liaocheng.renewal.notification.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.People;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;

/**
 * Who receives a notification, and where they can be reached: e-mail addresses from the
 * accounts ({@link People}), mobile numbers from the enterprises' contacts.
 */
@Component
class Recipients {

	private final People people;

	private final EnterpriseRegistry enterprises;

	Recipients(People people, EnterpriseRegistry enterprises) {
		this.people = people;
		this.enterprises = enterprises;
	}

	Recipient of(String userId) {
		String mobile = enterprises.findByUser(userId).map(Enterprise::contactPhone).orElse(null);
		return new Recipient(userId, people.email(userId).orElse(null), mobile);
	}

	/** The members of the groups, each once, in a stable order. */
	List<String> membersOf(Collection<String> groups) {
		return people.membersOf(groups);
	}

	/** A person's name as the system shows it: organisation and post ("冠县工业和信息化局审核员"). */
	String nameOf(String userId) {
		return people.name(userId);
	}

}
