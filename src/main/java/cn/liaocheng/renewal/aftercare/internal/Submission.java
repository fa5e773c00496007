package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the enterprise sent after the award: an acceptance application, rectification
 * material or its performance report (the figures are set for a report only), with its
 * evidence.
 */
public record Submission(long id, Kind kind, String statement, BigDecimal outputValue, BigDecimal energySaving,
		Integer efficiencyGrade, String digitalIndicators, Instant submittedAt, List<Evidence> evidence) {

	public enum Kind {

		ACCEPTANCE("申请项目验收"), RECTIFICATION("提交整改材料"), PERFORMANCE("报送绩效自评");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * One file of evidence; {@code fileId} is the store's, {@code id} the one used in
	 * download links.
	 */
	public record Evidence(long id, EvidenceCategory category, String fileName, long fileId) {
	}

}
