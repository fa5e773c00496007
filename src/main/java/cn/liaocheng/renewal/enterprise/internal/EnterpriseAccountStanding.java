package cn.liaocheng.renewal.enterprise.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.InactiveEnterpriseException;
import cn.liaocheng.renewal.security.AccountStanding;

/**
 * An enterprise account may act while its enterprise is active: not pending, not
 * disabled.
 */
@Component
class EnterpriseAccountStanding implements AccountStanding {

	private final EnterpriseRegistry registry;

	EnterpriseAccountStanding(EnterpriseRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Optional<String> refusal(String userId) {
		try {
			registry.requireActiveEnterpriseOf(userId);
			return Optional.empty();
		}
		catch (InactiveEnterpriseException e) {
			return Optional.of(e.getMessage());
		}
	}

}
