package cn.liaocheng.renewal.enterprise.internal;

/**
 * A credit code issued in another of Liaocheng's counties than the one the enterprise
 * registers in. A code is assigned once and never changes, also when its enterprise
 * moves, so the difference is either a mistyped county or a move: the applicant says
 * which, and the chosen county's industry bureau checks the business licence's address
 * before it activates the account.
 * <p>
 * Its methods are public for the registration page's template to call.
 *
 * @param issuedIn the division the code was issued in (its characters 3 to 8)
 * @param chosen the division chosen on the form
 * @param chosenBureau the industry bureau of the chosen division, which activates
 */
record Relocation(String issuedIn, String issuerName, String chosen, String chosenName, String chosenBureau) {

	/** What the applicant confirms: the words of the form's checkbox. */
	public String declaration() {
		return "本企业已从" + issuerName + "迁入" + chosenName + "（营业执照住所在" + chosenName + "）";
	}

	/** Why the registration stops at the county field until the move is confirmed. */
	String question() {
		return "统一社会信用代码第 3–8 位为 " + issuedIn + "（" + issuerName + "），与所选的" + chosenName + "不一致，请核对所在县（市、区）或信用代码。"
				+ "信用代码在企业迁址后不变：如本企业确已从" + issuerName + "迁入" + chosenName + "，请确认迁入后重新提交，" + chosenBureau
				+ "激活账户前将核验营业执照住所";
	}

	/** What confirming the move does, as the form explains it beside the checkbox. */
	public String consequence() {
		return "确认后企业注册在" + chosenName + "，由" + chosenBureau + "审核激活，激活前核验营业执照住所是否在" + chosenName + "；信用代码登记地（"
				+ issuerName + "）和本声明一并记录";
	}

	/**
	 * Whether the request confirms this move: it names the chosen division as the one
	 * moved into, so that a box ticked before the county was changed confirms nothing.
	 */
	public boolean declaredIn(RegistrationRequest request) {
		return chosen.equals(RegistrationRules.trim(request.movedInto()));
	}

}
