package cn.liaocheng.renewal.aftercare;

/**
 * Published in the transaction that records why a subsidised project's money must be
 * recovered: the clawback (追回) starts from it. {@code facts} is the recorded finding in
 * Chinese (the acceptance opinion, the lapsed rectification's deadline, the false
 * material found), quoted by the clawback decision.
 */
public record ClawbackDue(long applicationId, Cause cause, String facts, String recordedBy) {

	public enum Cause {

		ACCEPTANCE_FAILED("项目验收不合格"), RECTIFICATION_LAPSED("整改期满未提交整改材料"), FALSE_MATERIAL("申报材料弄虚作假");

		private final String label;

		Cause(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
