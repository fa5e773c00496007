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
import cn.liaocheng.renewal.decision.AllocationTerms;

/**
 * The prior notice of a clawback when nothing was paid announces the decision the record
 * leads to: the revocation where the deciding bureau issued the allocation itself, the
 * proposal of the revocation to the body that did otherwise (the decision's two types),
 * not both of them as alternatives for the enterprise to sort out.
 */
class PriorNoticeRevocationTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void announcesTheProposalToTheAllocatingBureauWhenAnotherBodyAllocated() {
		String notice = notice(new ClawbackDecision.Allocation("finance", "聊城市财政局", "聊财审〔2026〕5号",
				AllocationTerms.of(AllocationTerms.VERSION).orElseThrow()));

		assertThat(notice).contains("拟建议聊城市财政局撤销", "37,000.00", "无需缴回").doesNotContain("由本机关撤销", "由其他机关下达的");
	}

	@Test
	void announcesTheRevocationWhenTheBureauAllocatedItself() {
		String notice = notice(new ClawbackDecision.Allocation("industry", "聊城市工业和信息化局", "聊工信审〔2025〕5号", null));

		assertThat(notice).contains("撤销本机关已下达", "37,000.00", "不再拨付", "无需缴回").doesNotContain("建议", "由其他机关下达的");
	}

	private static String notice(ClawbackDecision.Allocation allocation) {
		ClawbackView view = new ClawbackView(7, 42, "BJ-2026-371525-0007", "冠县演示轴承制造有限公司", "冠县轴承节能降碳改造项目", "371525",
				ClawbackDue.Cause.FALSE_MATERIAL, "发票系虚开", Instant.parse("2026-11-30T02:00:00Z"),
				ClawbackStatus.CONFIRMING, new BigDecimal("37000.00"), null, null, null, null, null, null,
				BigDecimal.ZERO, List.of());
		ClawbackStore.Row row = new ClawbackStore.Row(view, 3, "91371525MA3CB7K21F", null, null);
		return PriorNoticeText.of(row, new ClawbackDecision.Record(allocation, null), "冠县财政局", "聊工信追告〔2026〕7-1号", TODAY,
				TODAY.plusDays(7), null);
	}

}
