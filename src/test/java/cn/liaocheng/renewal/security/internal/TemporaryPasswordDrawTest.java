package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/**
 * Temporary passwords meet the password policy the product runs with (Camunda's default
 * policy: length, upper and lower case, digit, special character) every time, and do not
 * repeat.
 */
class TemporaryPasswordDrawTest {

	@Test
	void everyDrawnPasswordMeetsThePolicyAndIsNew() {
		DefaultPasswordPolicyImpl policy = new DefaultPasswordPolicyImpl();
		UserEntity account = new UserEntity("t-ent-gx01");
		account.setFirstName("财务人员");
		account.setLastName("冠县测试机械制造有限公司");
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String password = TemporaryPasswordStore.draw();
			for (PasswordPolicyRule rule : policy.getRules()) {
				assertThat(rule.execute(password, account)).as("%s against %s", password, rule.getPlaceholder())
					.isTrue();
			}
			assertThat(password).hasSize(TemporaryPasswordStore.LENGTH).doesNotContainPattern("[0O1lI]");
			assertThat(seen.add(password)).isTrue();
		}
	}

}
