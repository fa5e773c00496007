package cn.liaocheng.renewal.aftercare.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A bureau's finding after the award: the county's check of an acceptance application,
 * the city's on-site acceptance (with the rectification deadline when it ordered one), or
 * the performance evaluation (with score and grade).
 */
public record Finding(Step step, String result, LocalDate deadline, Integer score, Grade grade, String opinion,
		String bodyGroup, Instant recordedAt) {

	public enum Step {

		COUNTY_CHECK("县级验收初核"), CITY_ACCEPTANCE("市级现场验收"), PERFORMANCE("绩效评价");

		private final String label;

		Step(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * Whether a finding with this step and result (as stored) sent the acceptance
	 * application back to the enterprise: the county's check, not approved.
	 */
	static boolean sendsAcceptanceBack(String step, String result) {
		return Step.COUNTY_CHECK.name().equals(step) && !"APPROVE".equals(result);
	}

	/** Grades of a performance evaluation and the score range each stands for. */
	public enum Grade {

		EXCELLENT("优秀", 90), GOOD("良好", 80), PASS("合格", 60), FAIL("不合格", 0);

		private final String label;

		private final int from;

		Grade(String label, int from) {
			this.label = label;
			this.from = from;
		}

		public String label() {
			return label;
		}

		/**
		 * The grade a score falls in: 90 and above 优秀, 80–89 良好, 60–79 合格, below 60 不合格.
		 */
		public static Grade of(int score) {
			for (Grade g : values()) {
				if (score >= g.from) {
					return g;
				}
			}
			return FAIL;
		}

	}

	/** What the result means in words, for the enterprise's page. */
	public String resultLabel() {
		return switch (step) {
			case COUNTY_CHECK -> "APPROVE".equals(result) ? "材料齐全，已报市级验收" : "退回补充材料";
			case CITY_ACCEPTANCE -> switch (result) {
				case "APPROVE" -> "验收通过";
				case "RETURN" -> "限期整改";
				default -> "验收不通过";
			};
			case PERFORMANCE -> "APPROVE".equals(result) ? "达到预期目标" : "未达到预期目标";
		};
	}

}
