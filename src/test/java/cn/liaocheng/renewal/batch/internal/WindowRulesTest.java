package cn.liaocheng.renewal.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.batch.ApplicationWindow;
import cn.liaocheng.renewal.batch.WindowForm;
import cn.liaocheng.renewal.batch.WindowInvalidException;

/**
 * The gate's answer before, within and after a window, and what a window the bureau
 * enters must be.
 */
class WindowRulesTest {

	private static final ApplicationWindow MARCH = window(1, 2027, ApplicationKind.PROJECT, at(2027, 3, 1, 9, 0),
			at(2027, 3, 31, 17, 0), "关于组织申报2027年度第一批设备更新项目入库的通知");

	private static final ApplicationWindow SEPTEMBER = window(2, 2027, ApplicationKind.PROJECT, at(2027, 9, 1, 9, 0),
			at(2027, 9, 30, 17, 0), "第二批项目入库通知");

	@Test
	void acceptsASubmissionFromTheOpeningInstantUntilJustBeforeTheClosingOne() {
		assertThat(WindowRules.openAt(List.of(MARCH), at(2027, 3, 1, 9, 0))).contains(MARCH);
		assertThat(WindowRules.openAt(List.of(MARCH), at(2027, 3, 15, 12, 0))).contains(MARCH);
		assertThat(WindowRules.openAt(List.of(MARCH), at(2027, 3, 31, 17, 0).minusSeconds(1))).contains(MARCH);
		assertThat(WindowRules.openAt(List.of(MARCH), at(2027, 3, 31, 17, 0))).isEmpty();
		assertThat(WindowRules.openAt(List.of(MARCH), at(2027, 3, 1, 9, 0).minusSeconds(1))).isEmpty();
	}

	@Test
	void refusesBeforeTheWindowNamingItsDatesInBeijingTime() {
		String refusal = WindowRules.refusal(ApplicationKind.PROJECT, List.of(MARCH, SEPTEMBER), at(2027, 2, 10, 8, 0));
		assertThat(refusal).contains("当前不在项目入库申请的申报期内", "草稿已保存", "下一批次：2027年度项目入库申请", "关于组织申报2027年度第一批设备更新项目入库的通知",
				"2027年3月1日 09:00 至 2027年3月31日 17:00（北京时间）");
	}

	@Test
	void refusesBetweenTwoWindowsNamingTheNextOne() {
		String refusal = WindowRules.refusal(ApplicationKind.PROJECT, List.of(MARCH, SEPTEMBER), at(2027, 4, 1, 9, 0));
		assertThat(refusal).contains("第二批项目入库通知", "2027年9月1日 09:00 至 2027年9月30日 17:00").doesNotContain("3月1日");
	}

	@Test
	void refusesAfterTheLastWindowSayingNoneIsAnnounced() {
		String refusal = WindowRules.refusal(ApplicationKind.PROJECT, List.of(MARCH), at(2027, 4, 1, 9, 0));
		assertThat(refusal).contains("尚未公布下一批次的申报时间").doesNotContain("下一批次：");
	}

	@Test
	void anotherKindsWindowDoesNotOpenThisKind() {
		ApplicationWindow loans = window(3, 2027, ApplicationKind.LOAN, at(2027, 1, 1, 0, 0), at(2028, 1, 1, 0, 0),
				"贷款");
		// The gate reads the windows of the submission's kind only; a loan window is
		// never among a project's.
		assertThat(WindowRules.openAt(List.of(MARCH), at(2027, 6, 1, 9, 0))).isEmpty();
		assertThat(WindowRules.openAt(List.of(loans), at(2027, 6, 1, 9, 0))).contains(loans);
	}

	@Test
	void readsBeijingTimeAsTypedInTheFormOrWithAnOffset() {
		WindowRules.Window typed = WindowRules
			.parse(form("2027", "PROJECT", "2027-03-01T09:00", "2027-03-31 17:00:00"));
		assertThat(typed.opensAt()).isEqualTo(at(2027, 3, 1, 9, 0));
		assertThat(typed.closesAt()).isEqualTo(at(2027, 3, 31, 17, 0));
		WindowRules.Window offset = WindowRules
			.parse(form("2027", "LOAN", "2027-03-01T01:00:00Z", "2027-03-31T17:00:00+08:00"));
		assertThat(offset.opensAt()).isEqualTo(at(2027, 3, 1, 9, 0));
		assertThat(offset.kind()).isEqualTo(ApplicationKind.LOAN);
	}

	@Test
	void reportsEveryWrongFieldInChinese() {
		assertThatThrownBy(() -> WindowRules.parse(new WindowForm("27", "GRANT", "明天", "", " ", null, "x".repeat(101))))
			.isInstanceOfSatisfying(WindowInvalidException.class,
					e -> assertThat(e.problems()).extracting(FieldProblem::field)
						.containsExactlyInAnyOrder("year", "kind", "opensAt", "closesAt", "noticeTitle", "noticeText",
								"documentNo"));
	}

	@Test
	void refusesAClosingTimeNotAfterTheOpeningAndAnOpeningFarFromTheBatchYear() {
		assertThatThrownBy(() -> WindowRules.parse(form("2027", "PROJECT", "2027-03-31T17:00", "2027-03-01T09:00")))
			.isInstanceOfSatisfying(WindowInvalidException.class,
					e -> assertThat(e.problems()).containsExactly(new FieldProblem("closesAt", "截止时间须晚于开始时间")));
		assertThatThrownBy(() -> WindowRules.parse(form("2027", "PROJECT", "2029-03-01T09:00", "2029-03-31T09:00")))
			.isInstanceOfSatisfying(WindowInvalidException.class,
					e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("opensAt"));
	}

	@Test
	void refusesHiddenCharactersInTheNotice() {
		assertThatThrownBy(() -> WindowRules
			.parse(new WindowForm("2027", "PROJECT", "2027-03-01T09:00", "2027-03-31T09:00", "通知\u202E标题", "正文", null)))
			.isInstanceOfSatisfying(WindowInvalidException.class,
					e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("noticeTitle"));
	}

	@Test
	void findsAnOverlapWithAnotherWindowButNotWithTheOneBeingChanged() {
		WindowRules.Window overlapping = WindowRules
			.parse(form("2027", "PROJECT", "2027-03-31T16:00", "2027-04-30T17:00"));
		assertThat(WindowRules.overlapping(overlapping, List.of(MARCH, SEPTEMBER), null)).contains(MARCH);
		assertThat(WindowRules.overlapping(overlapping, List.of(MARCH, SEPTEMBER), 1L)).isEmpty();
		WindowRules.Window adjacent = WindowRules
			.parse(form("2027", "PROJECT", "2027-03-31T17:00", "2027-04-30T17:00"));
		assertThat(WindowRules.overlapping(adjacent, List.of(MARCH, SEPTEMBER), null)).isEmpty();
		assertThat(WindowRules.overlapProblem(MARCH).message()).contains("时间重叠", "2027年3月1日 09:00");
	}

	@Test
	void aWindowEndingAtMidnightIsShownEndingAt2400OfTheDayBefore() {
		ApplicationWindow wholeYear = window(4, 2027, ApplicationKind.SUBSIDY, at(2027, 1, 1, 0, 0),
				at(2028, 1, 1, 0, 0), "全年");
		assertThat(wholeYear.period()).isEqualTo("2027年1月1日 00:00 至 2027年12月31日 24:00（北京时间）");
		assertThat(MARCH.closesText()).isEqualTo("2027年3月31日 17:00");
	}

	private static WindowForm form(String year, String kind, String opens, String closes) {
		return new WindowForm(year, kind, opens, closes, "通知", "正文", null);
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, ZoneOffset.ofHours(8)).toInstant();
	}

	private static ApplicationWindow window(long id, int year, ApplicationKind kind, Instant opens, Instant closes,
			String title) {
		return new ApplicationWindow(id, year, kind, opens, closes, title, "正文", null, 0, "lc-industry", opens);
	}

}
