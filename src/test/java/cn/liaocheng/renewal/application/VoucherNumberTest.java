package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * A voucher typed with other spacing or letter case is the same voucher; a voucher with
 * other characters is not.
 */
class VoucherNumberTest {

	@Test
	void theSameVoucherTypedWithSpacesAroundOrInLowerCaseHasOneKey() {
		assertThat(VoucherNumber.key("  pz-2026-001\t")).isEqualTo("PZ-2026-001");
		assertThat(VoucherNumber.key("Pz-2026-001")).isEqualTo(VoucherNumber.key("PZ-2026-001 "));
	}

	@Test
	void fullWidthSpacesAroundAVoucherAreStrippedToo() {
		assertThat(VoucherNumber.key("\u3000记字第12号\u3000")).isEqualTo("记字第12号");
	}

	@Test
	void spacesInsideAVoucherAreKeptSoDifferentVouchersStayApart() {
		assertThat(VoucherNumber.key("PZ 001")).isEqualTo("PZ 001").isNotEqualTo(VoucherNumber.key("PZ001"));
		assertThat(VoucherNumber.key("PZ-001")).isNotEqualTo(VoucherNumber.key("PZ-002"));
	}

	@Test
	void caseIsFoldedTheSameWayWhateverTheServersLanguage() {
		// In Turkish "i" upper-cases to a dotted capital and would part two keys for one
		// voucher.
		Locale before = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			assertThat(VoucherNumber.key("pz-i01")).isEqualTo("PZ-I01");
		}
		finally {
			Locale.setDefault(before);
		}
	}

}
