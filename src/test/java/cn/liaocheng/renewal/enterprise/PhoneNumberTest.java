package cn.liaocheng.renewal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one phone rule every form and the text-message channel share. */
class PhoneNumberTest {

	@Test
	void acceptsMobileNumbersAndLandlinesWithAreaCode() {
		assertThat(PhoneNumber.isValid("13900001111")).isTrue();
		assertThat(PhoneNumber.isValid("0635-8123456")).isTrue();
		assertThat(PhoneNumber.isValid("06358123456")).isTrue();
		assertThat(PhoneNumber.isValid("010-12345678")).isTrue();
		assertThat(PhoneNumber.isValid("0635-8123456-801")).isTrue();
	}

	@Test
	void refusesWhatCannotBeDialled() {
		assertThat(PhoneNumber.isValid(null)).isFalse();
		assertThat(PhoneNumber.isValid("")).isFalse();
		assertThat(PhoneNumber.isValid("phone")).isFalse();
		assertThat(PhoneNumber.isValid("12900001111")).isFalse();
		assertThat(PhoneNumber.isValid("1390000111")).isFalse();
		assertThat(PhoneNumber.isValid("8123456")).isFalse();
		assertThat(PhoneNumber.isValid("0635-812345")).isFalse();
	}

	@Test
	void aLandlineIsOneLineWhateverItsExtensionSeparatorsOrCountryPrefix() {
		assertThat(List.of("0635-8123456", "06358123456", "0635-8123456-1", "0635-8123456-801", "06358123456-2",
				" 0635 8123456 801 ", "(0635) 8123456", "（0635）8123456－3", "+86 635 8123456", "+86-0635-8123456",
				"0086 635 8123456-9"))
			.extracting(PhoneNumber::line)
			.containsOnly("06358123456");
		assertThat(PhoneNumber.line("010-12345678-123")).isEqualTo("01012345678");
	}

	@Test
	void aMobileNumberIsOneLineWhateverItsSeparatorsOrCountryPrefix() {
		assertThat(List.of("13900001111", "139 0000 1111", "139-0000-1111", "+8613900001111", "+86 139 0000 1111",
				"008613900001111"))
			.extracting(PhoneNumber::line)
			.containsOnly("13900001111");
	}

	@Test
	void differentLinesStayApart() {
		assertThat(PhoneNumber.line("0635-8123457-1")).isEqualTo("06358123457");
		assertThat(PhoneNumber.line("0635-81234561")).as("an eight-digit number, not an extension")
			.isEqualTo("063581234561");
		assertThat(PhoneNumber.line("13900001112")).isEqualTo("13900001112");
		assertThat(PhoneNumber.line(null)).isEmpty();
	}

	@Test
	void onlyMobileNumbersCanReceiveTextMessages() {
		assertThat(PhoneNumber.isMobile("13900001111")).isTrue();
		assertThat(PhoneNumber.isMobile("0635-8123456")).isFalse();
		assertThat(PhoneNumber.isMobile(null)).isFalse();
	}

}
