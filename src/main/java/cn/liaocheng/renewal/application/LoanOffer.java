package cn.liaocheng.renewal.application;

import java.time.Instant;

/**
 * One chosen bank's own decision on a loan: a grant with its terms, a decline, or closed
 * because the enterprise accepted another bank's grant first.
 *
 * @param grant the terms of a grant, otherwise {@code null}
 * @param acceptedAt when the enterprise accepted this grant, otherwise {@code null}
 */
public record LoanOffer(String bankKey, Decision decision, LoanGrant grant, String opinion, Instant decidedAt,
		Instant acceptedAt) {

	public enum Decision {

		GRANTED("同意放贷"), DECLINED("不予放贷"), CLOSED("已关闭（企业已接受其他银行的贷款）");

		private final String label;

		Decision(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public boolean accepted() {
		return acceptedAt != null;
	}

}
