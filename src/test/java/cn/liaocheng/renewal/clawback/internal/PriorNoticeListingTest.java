package cn.liaocheng.renewal.clawback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.decision.AllocationTerms;

/**
 * The prior notice announces a listing on the negative list only where the decision could
 * make it: a clawback for false material of a claim whose recorded commitment accepts the
 * loss of the right to apply. A listing determined before that was required (recorded
 * with another cause, or on a claim with no such commitment) is dropped by the decision,
 * so the notice does not announce it either.
 */
class PriorNoticeListingTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	private static final IntegrityDeclaration DECLARED = new IntegrityDeclaration("ent", "企业经办人",
			Instant.parse("2026-03-02T01:00:00Z"), IntegrityDeclaration.VERSION);

	private static final ClawbackDecision.Allocation ALLOCATION = new ClawbackDecision.Allocation("finance", "聊城市财政局",
			"聊财审〔2026〕5号", AllocationTerms.of(AllocationTerms.VERSION).orElseThrow());

	@Test
	void announcesAListingForFalseMaterialOnTheRecordedCommitment() {
		String notice = notice(ClawbackDue.Cause.FALSE_MATERIAL, new ClawbackDecision.Record(ALLOCATION, DECLARED));

		assertThat(notice).contains("二、依据你单位申报时所作诚信承诺，将你单位列入聊城市工业领域设备更新负面清单，期限36个月");
	}

	/**
	 * The notice states the decision's ground: the recovery on the recorded commitment
	 * and the referral of the facts to the finance department, which alone applies the
	 * 《财政违法行为处罚处分条例》; the industry bureau does not announce it applies it.
	 */
	@Test
	void announcesTheReferralToFinanceAndNoRegulationTheBureauCannotApply() {
		String declared = notice(ClawbackDue.Cause.FALSE_MATERIAL, new ClawbackDecision.Record(ALLOCATION, DECLARED));
		String undeclared = notice(ClawbackDue.Cause.FALSE_MATERIAL, new ClawbackDecision.Record(ALLOCATION, null));

		assertThat(declared).contains("依据你单位的上述承诺，你单位已获得的奖补资金应予追回。");
		for (String notice : List.of(declared, undeclared)) {
			assertThat(notice)
				.contains("本机关将有关事实移送财政部门，由财政部门依照《财政违法行为处罚处分条例》等规定依法处理。", "一、追回你单位该项目设备更新奖补资金人民币30,000.00元")
				.doesNotContain("第十四条", "依照该条规定", "属于《财政违法行为处罚处分条例》", "追回骗取的资金");
		}
	}

	@Test
	void announcesNoListingTheDecisionCouldNotMake() {
		String failedAcceptance = notice(ClawbackDue.Cause.ACCEPTANCE_FAILED,
				new ClawbackDecision.Record(ALLOCATION, DECLARED));
		String undeclared = notice(ClawbackDue.Cause.FALSE_MATERIAL, new ClawbackDecision.Record(ALLOCATION, null));

		assertThat(failedAcceptance).doesNotContain("负面清单");
		assertThat(undeclared).doesNotContain("负面清单");
		assertThat(failedAcceptance).contains("一、追回你单位该项目设备更新奖补资金人民币30,000.00元", "陈述和申辩");
	}

	private static String notice(ClawbackDue.Cause cause, ClawbackDecision.Record record) {
		ClawbackView view = new ClawbackView(7, 42, "BJ-2026-371525-0007", "冠县演示轴承制造有限公司", "冠县轴承节能降碳改造项目", "371525",
				cause, "两台数控磨床未安装投产", Instant.parse("2026-11-30T02:00:00Z"), ClawbackStatus.CONFIRMING,
				new BigDecimal("37000.00"), new BigDecimal("30000.00"), LocalDate.of(2026, 12, 31), 36, "冠县财政局国库存款账户",
				null, null, BigDecimal.ZERO, List.of());
		ClawbackStore.Row row = new ClawbackStore.Row(view, 3, "91371525MA3CB7K21F", null, null);
		return PriorNoticeText.of(row, record, "冠县财政局", "聊工信追告〔2026〕7-1号", TODAY, TODAY.plusDays(7), 30);
	}

}
