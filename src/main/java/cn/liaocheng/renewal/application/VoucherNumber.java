package cn.liaocheng.renewal.application;

import java.util.Locale;

/**
 * A payment voucher number (凭证号) as vouchers are compared, so that one voucher is
 * recorded once whatever the case or spacing it was typed with: the subsidy payments of a
 * bureau and the clawback repayments of a county both hold a voucher by this key.
 */
public final class VoucherNumber {

	private VoucherNumber() {
	}

	/**
	 * The voucher number stripped and upper-cased; V117 and V118 computed the same for
	 * the entries recorded before them.
	 */
	public static String key(String voucherNo) {
		return voucherNo.strip().toUpperCase(Locale.ROOT);
	}

}
