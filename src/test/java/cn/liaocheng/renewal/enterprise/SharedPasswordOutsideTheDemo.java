package cn.liaocheng.renewal.enterprise;

import java.util.List;

import cn.liaocheng.renewal.security.Accounts;

/**
 * What {@code security.SharedPasswordRuleTest} must catch: a module other than the demo
 * opening accounts with one shared hash. Never instantiated.
 */
public class SharedPasswordOutsideTheDemo {

	void open(Accounts accounts) {
		accounts.openSharingOnePassword(List.of(), "not-published");
	}

}
