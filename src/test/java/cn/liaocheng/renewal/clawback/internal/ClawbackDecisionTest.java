package cn.liaocheng.renewal.clawback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.clawback.NegativeListEntry;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;

/**
 * What a clawback decision states follows from the clawback's record, and when a listing
 * is in force.
 */
class ClawbackDecisionTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void shouldStateTheFindingTheAmountTheDeadlineAndTheAccountFromTheRecord() {
		DecisionRequest r = ClawbackDecision.of(row(ClawbackDue.Cause.ACCEPTANCE_FAILED, null), "冠县财政局", "聊城市工业和信息化局",
				"冠县财政局", TODAY, null, new BigDecimal("30000"), false);

		assertThat(r.type()).isEqualTo(DecisionType.CLAWBACK_DECIDED);
		assertThat(r.issuingBody()).isEqualTo("industry");
		assertThat(r.amounts().subsidy()).isEqualByComparingTo("37000");
		assertThat(String.join("", r.reasons()))
			.contains("经查明：两台数控磨床未安装投产。", "项目验收", "专款专用", "人民币30,000.00元", "2026年12月31日前（含当日）", "工商银行冠县支行", "冠县财政局",
					"申请人民法院强制执行")
			.contains("已下达尚未拨付的奖补资金人民币7,000.00元不再拨付", "该项目未通过项目验收，不符合")
			.doesNotContain("未按申报内容实施") // a finding the acceptance may not have made
			.doesNotContain("负面清单", "财政违法行为处罚处分条例");
		// The plan says only that the subsidy policy is to be used (三（二）); supervision,
		// evaluation and earmarking are the allocation notice's terms, and are cited as
		// such.
		assertThat(String.join("", r.reasons())).contains("奖补资金下达通知中专款专用、接受监督检查和绩效评价的要求", "三（二）“优化设备更新奖补政策”")
			.doesNotContain("实施方案》（聊工信发〔2024〕37号）关于");
		assertThat(r.proceedings().steps()).containsExactly("聊城市工业和信息化局核定追回事项", "冠县财政局核对追回金额和缴款账户");
	}

	@Test
	void shouldKeepTheDeterminedDeadlineUnlessTooFewDaysOfItAreLeftWhenTheDecisionIsIssued() {
		LocalDate determinedOn = LocalDate.of(2026, 11, 2);
		// Issued the same day or while 15 days are left: as determined.
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(20), determinedOn, determinedOn))
			.isEqualTo(determinedOn.plusDays(20));
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(20), determinedOn, determinedOn.plusDays(5)))
			.isEqualTo(determinedOn.plusDays(20));
		// Ten days later: the 20 days given, from the decision.
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(20), determinedOn, determinedOn.plusDays(10)))
			.isEqualTo(determinedOn.plusDays(30));
		// After the deadline itself: never a date already passed, never fewer than 15
		// days.
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(15), determinedOn, determinedOn.plusDays(40)))
			.isEqualTo(determinedOn.plusDays(55));
	}

	@Test
	void shouldCiteTheRegulationOnDefraudedFundsAndTheListingForFalseMaterial() {
		DecisionRequest r = ClawbackDecision.of(row(ClawbackDue.Cause.FALSE_MATERIAL, 36), "冠县财政局", "聊城市工业和信息化局",
				"冠县财政局", TODAY, TODAY.plusMonths(36).minusDays(1), new BigDecimal("37000"), false);

		assertThat(String.join("", r.reasons())).as("paid in full: nothing left unpaid").doesNotContain("不再拨付");
		assertThat(String.join("", r.reasons())).contains("《财政违法行为处罚处分条例》第十四条第一款第（一）项", "诚信承诺",
				"负面清单，期限36个月（2026年12月1日至2029年11月30日）");
	}

	@Test
	void shouldRevokeAnAllocationNeverPaidInsteadOfOrderingItsRepayment() {
		ClawbackStore.Row row = row(ClawbackDue.Cause.FALSE_MATERIAL, 24, null, null, null);
		DecisionRequest r = ClawbackDecision.of(row, "冠县财政局", "聊城市工业和信息化局", "冠县财政局", TODAY,
				TODAY.plusMonths(24).minusDays(1), BigDecimal.ZERO, true);

		assertThat(r.type()).isEqualTo(DecisionType.SUBSIDY_REVOKED);
		assertThat(r.type().title()).isEqualTo("撤销财政奖补资金决定书");
		assertThat(r.type().challengeable()).isTrue();
		String text = String.join("", r.reasons());
		assertThat(text)
			.contains("经查明：两台数控磨床未安装投产。", "撤销已下达你单位该项目的设备更新奖补资金人民币37,000.00元", "经冠县财政局核对拨付记录，该资金尚未拨付，不再拨付，你单位无需缴回",
					"申请财政奖补资金并获下达", "诚信承诺", "以虚报手段申请取得的奖补资金下达应予撤销", "负面清单，期限24个月（2026年12月1日至2028年11月30日）")
			// nothing was received, so nothing is owed, recovered, enforced or defrauded
			// (the commitment quoted names 骗取 among what it forbids)
			.doesNotContain("追回你单位", "缴回至", "缴款凭证", "前（含当日）", "强制执行", "获得财政奖补资金", "骗取财政资金的行为", "追回骗取");
		assertThat(r.proceedings().steps()).containsExactly("聊城市工业和信息化局核定追回事项", "冠县财政局核对拨付记录，确认该奖补资金尚未拨付");
	}

	@Test
	void shouldSayTheAcceptanceGroundsRevokeWhatWasNeverPaid() {
		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.ACCEPTANCE_FAILED, true)).endsWith("已下达的奖补资金应予撤销。")
			.doesNotContain("追回");
		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.ACCEPTANCE_FAILED, false)).endsWith("已获得的奖补资金应予追回。");
	}

	@Test
	void shouldBeInForceFromItsFirstToItsLastDayUnlessLifted() {
		NegativeListEntry entry = new NegativeListEntry(1, "91371525MA3CB7K21F", "企业", "371525", "原因", null, null,
				TODAY, TODAY.plusMonths(12).minusDays(1), "lc-industry", Instant.now(), null, null, null);

		assertThat(entry.stateOn(TODAY.minusDays(1))).isEqualTo(NegativeListEntry.State.PENDING);
		assertThat(entry.stateOn(TODAY)).isEqualTo(NegativeListEntry.State.ACTIVE);
		assertThat(entry.stateOn(TODAY.plusMonths(12).minusDays(1))).isEqualTo(NegativeListEntry.State.ACTIVE);
		assertThat(entry.stateOn(TODAY.plusMonths(12))).isEqualTo(NegativeListEntry.State.EXPIRED);
		NegativeListEntry lifted = new NegativeListEntry(1, "91371525MA3CB7K21F", "企业", "371525", "原因", null, null,
				TODAY, TODAY.plusMonths(12), "lc-industry", Instant.now(), "lc-industry", Instant.now(), "复议撤销");
		assertThat(lifted.stateOn(TODAY)).isEqualTo(NegativeListEntry.State.LIFTED);
	}

	private static ClawbackStore.Row row(ClawbackDue.Cause cause, Integer months) {
		return row(cause, months, new BigDecimal("30000.00"), LocalDate.of(2026, 12, 31),
				"冠县财政局国库存款账户，开户银行：中国工商银行冠县支行，账号：1610");
	}

	private static ClawbackStore.Row row(ClawbackDue.Cause cause, Integer months, BigDecimal amount, LocalDate deadline,
			String account) {
		ClawbackView view = new ClawbackView(7, 42, "BJ-2026-371525-0007", "冠县演示轴承制造有限公司", "冠县轴承节能降碳改造项目", "371525",
				cause, "两台数控磨床未安装投产", Instant.parse("2026-11-30T02:00:00Z"), ClawbackStatus.CONFIRMING,
				new BigDecimal("37000.00"), amount, deadline, months, account, null, null, BigDecimal.ZERO, List.of());
		return new ClawbackStore.Row(view, 3, "91371525MA3CB7K21F", null, null);
	}

}
