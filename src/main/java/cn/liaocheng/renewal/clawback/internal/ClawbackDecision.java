package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;

/**
 * What a clawback decision (追回财政奖补资金决定书) says, from the clawback's record only: the
 * finding as recorded, the ground in the policy's and the law's terms, the amount, the
 * deadline, where to pay, the listing, and what follows non-payment. The decision module
 * adds the remedies (行政复议, 行政诉讼) as for every adverse decision.
 */
final class ClawbackDecision {

	static final String POLICY = "《聊城市推动工业领域设备更新实施方案》（聊工信发〔2024〕37号）";

	/**
	 * The city industry bureau decides: it leads the programme and allocated the subsidy
	 * with the finance bureau.
	 */
	static final String ISSUER = "industry";

	private ClawbackDecision() {
	}

	/**
	 * @param paid the sum of the payments the county finance bureau recorded; when some
	 * but not all of the allocation was paid, the decision says the rest is not paid
	 * @param nothingPaid nothing of the allocation reached the enterprise: the decision
	 * revokes the allocation instead of ordering a repayment
	 */
	static DecisionRequest of(ClawbackStore.Row row, String countyFinance, String determiner, String confirmer,
			LocalDate today, LocalDate listedUntil, BigDecimal paid, boolean nothingPaid) {
		ClawbackView c = row.view();
		List<String> reasons = new ArrayList<>();
		reasons.add("经查明：" + sentence(c.facts())
				+ (row.determination() == null ? "" : "市工业和信息化局核定意见：" + sentence(row.determination())));
		reasons.add(ground(c.cause(), nothingPaid));
		if (nothingPaid) {
			reasons.add("撤销已下达你单位该项目的设备更新奖补资金人民币" + Money.yuan(c.allocated()) + "元。经" + countyFinance
					+ "核对拨付记录，该资金尚未拨付，不再拨付，你单位无需缴回。");
		}
		else {
			reasons.add("追回你单位该项目设备更新奖补资金人民币" + Money.yuan(c.amount()) + "元（已下达奖补资金人民币" + Money.yuan(c.allocated())
					+ "元）。请于" + day(c.deadline()) + "前（含当日）将上述资金全额缴回至：" + sentence(c.repaymentAccount()) + "缴款时请注明申报编号"
					+ c.referenceNo() + "，并将缴款凭证报送" + countyFinance + "。缴回情况以" + countyFinance + "登记的到账记录为准。"
					+ (paid != null && paid.signum() > 0 && paid.compareTo(c.allocated()) < 0
							? "已下达尚未拨付的奖补资金人民币" + Money.yuan(c.allocated().subtract(paid)) + "元不再拨付。" : ""));
		}
		if (c.listMonths() != null) {
			reasons.add("鉴于情节严重，将你单位列入聊城市工业领域设备更新负面清单，期限" + c.listMonths() + "个月（" + day(today) + "至" + day(listedUntil)
					+ "）。列入期间，不受理你单位新的设备更新项目入库、奖补资金和贷款支持申报。");
		}
		if (!nothingPaid) {
			reasons.add("逾期未缴清的，本机关将依照《中华人民共和国行政强制法》催告你单位履行；经催告仍不履行，且在法定期限内不申请行政复议或者提起行政诉讼的，" + "本机关将依法申请人民法院强制执行。");
		}
		List<String> steps = List.of(determiner + "核定追回事项",
				confirmer + (nothingPaid ? "核对拨付记录，确认该奖补资金尚未拨付" : "核对追回金额和缴款账户"));
		List<String> events = List.of(day(c.startedAt().atZone(Clawbacks.CHINA).toLocalDate()) + "，因“" + c.causeLabel()
				+ "”，该项目已下达的奖补资金进入追回程序。");
		return new DecisionRequest(c.applicationId(), ISSUER,
				nothingPaid ? DecisionType.SUBSIDY_REVOKED : DecisionType.CLAWBACK_DECIDED, c.enterpriseName(),
				row.creditCode(), c.enterpriseName(), c.projectName(), c.referenceNo(),
				new DecisionRequest.Amounts(null, null, c.allocated(), null, null, null, null), null, List.of(),
				reasons, today, new DecisionRequest.Proceedings(steps, events, null));
	}

	/**
	 * What an award's money is bound by: the allocation notice's terms. The plan itself
	 * says only that the equipment-renewal subsidy policy is to be used (三（二）), so it is
	 * cited for where the money comes from, not for terms it does not contain.
	 */
	private static final String FUNDS_TERMS = "奖补资金下达通知中专款专用、接受监督检查和绩效评价的要求（该奖补资金系依据" + POLICY + "三（二）“优化设备更新奖补政策”安排），";

	/**
	 * The rule the finding breaks, in the policy's and the law's words; what follows for
	 * money paid (追回) or allocated and not paid (撤销).
	 */
	static String ground(ClawbackDue.Cause cause, boolean nothingPaid) {
		String commitment = "违反了你单位申报时作出的诚信承诺（“如有弄虚作假、骗取或套取财政资金等行为，本单位同意退回已获得的全部资金”）";
		String funds = FUNDS_TERMS + (nothingPaid ? "已下达的奖补资金应予撤销。" : "已获得的奖补资金应予追回。");
		return switch (cause) {
			// What failed is the acceptance's finding, stated above as recorded; the
			// ground asserts no more than the failure itself.
			case ACCEPTANCE_FAILED -> "该项目未通过项目验收，不符合" + funds;
			case RECTIFICATION_LAPSED -> "该项目验收时被要求限期整改，你单位未在整改期限内提交整改材料，不符合" + funds;
			// Nothing was obtained yet: the act is the false application, not defrauded
			// money (骗取), and what follows is that the allocation it won is revoked.
			case FALSE_MATERIAL -> nothingPaid ? "你单位提供虚假申报材料申请财政奖补资金并获下达，" + commitment + "。以虚报手段申请取得的奖补资金下达应予撤销。"
					: "你单位提供虚假申报材料获得财政奖补资金，" + commitment
							+ "，属于《财政违法行为处罚处分条例》第十四条第一款第（一）项规定的以虚报、冒领等手段骗取财政资金的行为。依照该条规定，应当追回骗取的资金。";
		};
	}

	static String day(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	private static String sentence(String text) {
		String t = text.strip();
		return t.matches(".*[。！？.!?]$") ? t : t + "。";
	}

}
