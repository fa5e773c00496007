package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the enterprise sent after the award: an acceptance application, rectification
 * material or its performance report (the figures are set for a report only), with its
 * evidence.
 *
 * @param outputValue 实际年产值 as reported: a total, not comparable with the increase the
 * project promised ({@link AftercareView.Promised#outputIncrease()})
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
	 * One file of evidence; {@code fileId} is the store's, never shown (one sequence for
	 * every file of every party), {@code id} the one used in download links.
	 */
	public record Evidence(long id, EvidenceCategory category, String fileName, @JsonIgnore long fileId) {
	}

}
