package cn.liaocheng.renewal.review.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.review.ReviewProcesses;

/** How a conclusion of record is worded in decisions and the case history. */
class OpinionTest {

	@Test
	void aConclusionIsStatedInTheWordsTheReviewerPicked() {
		assertThat(opinion(ReviewProcesses.TASK_CITY_ACCEPTANCE, "REFUSE", "不予受理").decisionLabel()).isEqualTo("不予受理");
		assertThat(opinion(ReviewProcesses.TASK_COUNTY_RECOMMENDATION, "APPROVE", "同意推荐至市级").decisionLabel())
			.isEqualTo("同意推荐至市级");
	}

	@Test
	void anOpinionRecordedWithoutThoseWordsKeepsTheParaphraseOfItsValue() {
		assertThat(opinion(ReviewProcesses.TASK_CITY_ACCEPTANCE, "REFUSE", null).decisionLabel()).isEqualTo("不同意");
		assertThat(opinion(ReviewProcesses.TASK_BANK_DECISION, "DECLINED", " ").decisionLabel()).isEqualTo("不予放贷");
		assertThat(opinion(ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW, "REFUSE", null).decisionLabel())
			.isEqualTo("不予贴息");
	}

	/**
	 * Words that say the opposite of the value (a form deployed with an approval reading
	 * 「不予批准」) are not stated: a signed approval would say the lead refused.
	 */
	@Test
	void wordsThatSayOtherwiseThanTheValueGiveWayToItsParaphrase() {
		assertThat(opinion(ReviewProcesses.TASK_INDUSTRY_DECISION, "APPROVE", "不予批准").decisionLabel()).isEqualTo("同意");
		assertThat(opinion(ReviewProcesses.TASK_INDUSTRY_DECISION, "REFUSE", "审定通过").decisionLabel()).isEqualTo("不同意");
		assertThat(opinion(ReviewProcesses.TASK_BANK_DECISION, "GRANTED", "不予放贷").decisionLabel()).isEqualTo("同意放贷");
		assertThat(opinion(ReviewProcesses.TASK_CITY_ACCEPTANCE, "RETURN", "同意").decisionLabel()).isEqualTo("退回补正");
		assertThat(opinion(ReviewProcesses.TASK_JOINT_REVIEW, "APPROVE", "异议不成立，继续办理").decisionLabel())
			.as("an objection that fails lets the case go on")
			.isEqualTo("异议不成立，继续办理");
	}

	private static Opinion opinion(String step, String decision, String chosen) {
		return new Opinion(1, 2, "t", step, "环节", "city-industry", "市工业和信息化局", "u", "审核员", decision, "意见。",
				Instant.parse("2026-05-06T02:00:00Z"), chosen);
	}

}
