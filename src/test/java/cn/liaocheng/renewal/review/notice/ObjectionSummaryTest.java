package cn.liaocheng.renewal.review.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the lead body's task says of the objections it settles: whole objections within
 * the form field, and, when some do not fit, that they exist and where to read them.
 */
class ObjectionSummaryTest {

	@Test
	void objectionsThatDoNotFitAreCountedAndPointedToNeverCutOrLeftUnsaid() {
		List<PublicNotices.Objection> three = List.of(objection("甲", "一"), objection("乙", "二"), objection("丙", "三"));

		String summary = PublicNotices.summary(three);

		assertThat(summary.length()).isLessThanOrEqualTo(PublicNotices.SUMMARY_LIMIT);
		assertThat(summary).startsWith("甲，电话 13900000001：" + "一".repeat(1500))
			.contains("另有 2 件异议因篇幅未在此列出", "申报材料页“公示异议”")
			.doesNotContain("乙，电话");
	}

	@Test
	void objectionsThatFitAreListedWhole() {
		String summary = PublicNotices.summary(List.of(objection("甲", "一"),
				new PublicNotices.Objection("乙", "某机床厂", "13900000002", "设备投用日期与实际不符。", "R2")));

		assertThat(summary).contains("甲，电话 13900000001：", "乙（某机床厂），电话 13900000002：设备投用日期与实际不符。").doesNotContain("另有");
		assertThat(PublicNotices.summary(List.of())).isEqualTo("公示期内未收到异议");
	}

	private static PublicNotices.Objection objection(String name, String character) {
		return new PublicNotices.Objection(name, null, "13900000001", character.repeat(1500), "R");
	}

}
