package cn.liaocheng.renewal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "91371525MA3CB7K21F", "91371581MA3D2E8L4F", "91371502MA3EX1P95L" })
	void acceptsCodesWhoseCheckCharacterIsRight(String code) {
		assertThat(CreditCode.problemWith(code)).isEmpty();
		assertThat(new CreditCode(code).value()).isEqualTo(code);
	}

	@ParameterizedTest
	@CsvSource({ "91350100M000100Y44, 校验位不正确", "91350100M000100Y4, 应为 18 位", "913501OOM000100Y43, 第 7 位",
			"91350100M000100Y4I, 第 18 位", "'', 请填写" })
	void explainsWhatIsWrongWithABadCode(String code, String expected) {
		assertThat(CreditCode.problemWith(code)).hasValueSatisfying(p -> assertThat(p).contains(expected));
		assertThatIllegalArgumentException().isThrownBy(() -> new CreditCode(code));
	}

	@ParameterizedTest
	@ValueSource(strings = { " 91350100m000100y43 ", "91350100M000100Y43" })
	void parsingToleratesSpacesAndLowerCase(String input) {
		assertThat(CreditCode.parse(input).value()).isEqualTo("91350100M000100Y43");
	}

	@ParameterizedTest
	@CsvSource({ "91371525MA3CB7K21F, 371525", "91350100M000100Y43, 350100" })
	void knowsTheDivisionItWasIssuedIn(String code, String division) {
		assertThat(new CreditCode(code).divisionCode()).isEqualTo(division);
	}

}
