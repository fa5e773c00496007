package cn.liaocheng.renewal.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VerificationCodesTest {

	@Test
	void codesAreTenUnambiguousCharactersAndDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String code = VerificationCodes.next();
			assertThat(code).hasSize(10).doesNotContainAnyWhitespaces().matches("[2-9A-HJKMNP-Z]{10}");
			seen.add(code);
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void typedCodesAreTidiedAndNonsenseIsRejected() {
		assertThat(VerificationCodes.normalise(" 7kq2m-9xh4p ")).contains("7KQ2M9XH4P");
		assertThat(VerificationCodes.normalise("0OI1L23456")).isEmpty();
		assertThat(VerificationCodes.normalise("short")).isEmpty();
		assertThat(VerificationCodes.normalise(null)).isEmpty();
	}

}
