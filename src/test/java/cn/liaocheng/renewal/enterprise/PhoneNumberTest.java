package cn.liaocheng.renewal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

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
	void onlyMobileNumbersCanReceiveTextMessages() {
		assertThat(PhoneNumber.isMobile("13900001111")).isTrue();
		assertThat(PhoneNumber.isMobile("0635-8123456")).isFalse();
		assertThat(PhoneNumber.isMobile(null)).isFalse();
	}

}
