package cn.liaocheng.renewal.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.liaocheng.renewal.decision.DecisionRequest.Amounts;
import cn.liaocheng.renewal.decision.DecisionRequest.Opinion;

/** Requests as the processes will send them, for the demo enterprise 冠县演示轴承制造有限公司. */
final class SampleDecisions {

	static final String ENTERPRISE = "冠县演示轴承制造有限公司";

	static final String CREDIT_CODE = "91371525MA3CB7K21F";

	static final String PROJECT = "高精度轴承智能化生产线设备更新项目";

	static final LocalDate DATE = LocalDate.of(2026, 5, 8);

	/** Application ids no other test uses, even in a shared context. */
	private static final AtomicLong IDS = new AtomicLong(
			ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));

	private SampleDecisions() {
	}

	static long newApplicationId() {
		return IDS.incrementAndGet();
	}

	static List<Opinion> opinions() {
		return List.of(
				new Opinion("冠县工业和信息化局", "冠县工信局审核员", LocalDate.of(2026, 4, 2), "同意推荐",
						"申报材料齐全，设备清单与备案一致，企业近三年无安全生产事故。"),
				new Opinion("冠县财政局", "冠县财政局审核员", LocalDate.of(2026, 4, 3), "同意推荐", "企业财务状况良好。"),
				new Opinion("聊城市工业和信息化局", "市工信局审核员", LocalDate.of(2026, 4, 20), "同意",
						"项目属重点任务第4项“加快智能装备应用”，技术水平国内先进，设备投资占比合理。"),
				new Opinion("聊城市市场监督管理局", "市市场监管局审核员", LocalDate.of(2026, 4, 22), "同意", "检验检测设备符合要求。"));
	}

	static DecisionRequest projectAccepted(long applicationId) {
		return new DecisionRequest(applicationId, "industry", DecisionType.PROJECT_ACCEPTED, ENTERPRISE, CREDIT_CODE,
				null, PROJECT, "XM-2026-000017",
				new Amounts(new BigDecimal("12800000"), new BigDecimal("9650000.50"), null, null, null, null, null),
				null, opinions(), List.of(), DATE);
	}

	static DecisionRequest projectRefused(long applicationId) {
		return new DecisionRequest(applicationId, "industry", DecisionType.PROJECT_REFUSED, ENTERPRISE, CREDIT_CODE,
				null, PROJECT, "XM-2026-000018", Amounts.NONE, null, opinions(),
				List.of("拟购置的3台普通车床属于《产业结构调整指导目录》限制类设备，不符合实施方案第一项重点任务的更新方向。", "项目节能审查意见尚未取得。"), DATE);
	}

	static DecisionRequest subsidyAllocated(long applicationId, String body) {
		return new DecisionRequest(applicationId, body, DecisionType.SUBSIDY_ALLOCATED, ENTERPRISE, CREDIT_CODE, null,
				PROJECT, "BZ-2026-000031",
				new Amounts(null, new BigDecimal("9650000.50"), new BigDecimal("965000.05"), null, null, null, null),
				null, opinions(), List.of(), DATE);
	}

	static DecisionRequest subsidyRevoked(long applicationId) {
		return new DecisionRequest(applicationId, "industry", DecisionType.SUBSIDY_REVOKED, ENTERPRISE, CREDIT_CODE,
				null, PROJECT, "BZ-2026-000031", Amounts.NONE, null, List.of(),
				List.of("经核查，该项目设备购置发票系虚开，撤销已下达的设备更新奖补资金965,000.05元。该资金尚未拨付，不再拨付。"), DATE);
	}

	static DecisionRequest loanListed(long applicationId) {
		return new DecisionRequest(applicationId, "pboc", DecisionType.LOAN_LISTED, ENTERPRISE, CREDIT_CODE, null,
				PROJECT, "DK-2026-000005",
				new Amounts(null, null, null, new BigDecimal("5000000"), new BigDecimal("3.10"), 36, null),
				"中国工商银行聊城分行", opinions(), List.of(), DATE);
	}

	static DecisionRequest interestPayment(long applicationId, String period, String amount) {
		return new DecisionRequest(applicationId, "finance", DecisionType.INTEREST_SUBSIDY_PAYMENT, ENTERPRISE,
				CREDIT_CODE, null, PROJECT, "DK-2026-000005", new Amounts(null, null, null, new BigDecimal("5000000"),
						new BigDecimal("3.10"), 36, new BigDecimal(amount)),
				"中国工商银行聊城分行", List.of(), List.of(), DATE, null,
				new DecisionRequest.Payment(period, LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 31), 16,
						new BigDecimal("48000000.00"), new BigDecimal("1.5"), new BigDecimal(amount), DATE,
						"LCCZ-2026-0508-01", "ICBC-LC-2026-0316", null));
	}

	/**
	 * A period of a loan paid out in two tranches, the second on a day after the last
	 * rule known: only the first is subsidised, the second gets nothing yet.
	 */
	static DecisionRequest interestPaymentWithATrancheOutsideThePolicy(long applicationId) {
		return new DecisionRequest(applicationId, "finance", DecisionType.INTEREST_SUBSIDY_PAYMENT, ENTERPRISE,
				CREDIT_CODE, null, PROJECT, "DK-2026-000005", new Amounts(null, null, null, new BigDecimal("5000000"),
						new BigDecimal("3.10"), 36, new BigDecimal("150000")),
				"中国工商银行聊城分行", List.of(), List.of(), DATE, null,
				new DecisionRequest.Payment("2027-01", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), 31,
						new BigDecimal("37200000.00"), new BigDecimal("1.5"), new BigDecimal("1550.00"), DATE,
						"LCCZ-2027-0205-01", "ICBC-LC-2026-0316、ICBC-LC-2027-0115", "放款日适用的国家设备更新贷款财政贴息政策",
						List.of(new DecisionRequest.Tranche(LocalDate.of(2026, 3, 16), new BigDecimal("37200000.00"),
								new BigDecimal("1.5"), null, null),
								new DecisionRequest.Tranche(LocalDate.of(2027, 1, 15), new BigDecimal("20400000.00"),
										BigDecimal.ZERO, null, "放款日暂无适用的贴息政策", true)),
						false));
	}

	/**
	 * A period of a loan decided by tranche (no total determined) with two tranches whose
	 * parts, each rounded to the fen as the ledger rounds them, add up to 20.00 where
	 * their sum rounded once would be 20.01: 240,096 × 1.5 ÷ 36,000 = 10.004 each.
	 */
	static DecisionRequest interestPaymentByTrancheRoundedEach(long applicationId, String amount) {
		return new DecisionRequest(applicationId, "finance", DecisionType.INTEREST_SUBSIDY_PAYMENT, ENTERPRISE,
				CREDIT_CODE, null, PROJECT, "DK-2026-000005",
				new Amounts(null, null, null, new BigDecimal("5000000"), new BigDecimal("3.10"), 36, null),
				"中国工商银行聊城分行", List.of(), List.of(), DATE, null,
				new DecisionRequest.Payment("2026-05", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), 31,
						new BigDecimal("480192.00"), null, new BigDecimal(amount), DATE, "LCCZ-2026-0610-01",
						"ICBC-LC-2024-0301、ICBC-LC-2024-0901", "放款日适用的国家设备更新贷款财政贴息政策",
						List.of(new DecisionRequest.Tranche(LocalDate.of(2024, 3, 1), BigDecimal.ZERO, BigDecimal.ZERO,
								null, "放款日不在国家设备更新贷款财政贴息政策的实施期内"),
								new DecisionRequest.Tranche(LocalDate.of(2024, 9, 1), new BigDecimal("240096.00"),
										new BigDecimal("1.5"), null, null),
								new DecisionRequest.Tranche(LocalDate.of(2024, 10, 8), new BigDecimal("240096.00"),
										new BigDecimal("1.5"), null, null)),
						true));
	}

	static DecisionRequest lapsed(long applicationId) {
		return new DecisionRequest(applicationId, "industry", DecisionType.APPLICATION_LAPSED, ENTERPRISE, CREDIT_CODE,
				null, PROJECT, "BZ-2026-000040", Amounts.NONE, null, List.of(),
				List.of("2026年4月10日书面通知补正设备购置发票原件扫描件，补正期限至2026年4月30日，逾期未补正。"), DATE);
	}

}
