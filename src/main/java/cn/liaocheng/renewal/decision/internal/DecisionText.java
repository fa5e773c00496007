package cn.liaocheng.renewal.decision.internal;

import static cn.liaocheng.renewal.decision.internal.ChineseFormats.date;
import static cn.liaocheng.renewal.decision.internal.ChineseFormats.ordinal;
import static cn.liaocheng.renewal.decision.internal.ChineseFormats.yuan;
import static cn.liaocheng.renewal.decision.internal.ChineseFormats.yuanWithCapitals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionRequest.Amounts;
import cn.liaocheng.renewal.decision.DecisionRequest.Opinion;
import cn.liaocheng.renewal.decision.DecisionType;

/** Writes what each kind of decision says, in the words Chinese administrative decisions use. */
final class DecisionText {

	static final String POLICY = "《聊城市推动工业领域设备更新实施方案》（聊工信发〔2024〕37号）";

	private final List<Letter.Block> blocks = new ArrayList<>();

	private int headings;

	private DecisionText() {
	}

	/** @param reconsiderationBody where the applicant may ask for administrative reconsideration */
	static Letter of(DecisionRequest request, String reconsiderationBody) {
		DecisionText text = new DecisionText();
		text.paragraph(opening(request));
		text.heading("基本情况");
		text.facts(request);
		if (!request.opinions().isEmpty()) {
			text.heading("审查意见");
			text.opinions(request.opinions());
		}
		text.heading(request.type().adverse() ? "决定及理由" : "审查结论");
		text.paragraph(decision(request));
		List<String> reasons = request.reasons();
		for (int i = 0; i < reasons.size(); i++) {
			text.paragraph("（" + ordinal(i + 1) + "）" + reasons.get(i));
		}
		if (request.type().adverse()) {
			text.paragraph("如不服本决定，可以自收到本决定书之日起六十日内，依照《中华人民共和国行政复议法》向" + reconsiderationBody
					+ "申请行政复议；也可以自收到本决定书之日起六个月内，依照《中华人民共和国行政诉讼法》向有管辖权的人民法院提起行政诉讼。");
		}
		else {
			text.paragraph("特此通知。");
		}
		return new Letter(request.type().title(), request.addressee() + "：", List.copyOf(text.blocks));
	}

	private static String opening(DecisionRequest r) {
		String project = "你单位报送的“" + r.projectName() + "”" + (r.referenceNo() == null ? "" : "（申报编号：" + r.referenceNo() + "）");
		return switch (r.type()) {
			case PROJECT_ACCEPTED, PROJECT_REFUSED -> project + "入库申请收悉。经县级初审推荐和市级有关部门联合审查，现"
					+ (r.type().adverse() ? "决定" : "通知") + "如下：";
			case SUBSIDY_ALLOCATED -> project + "设备更新奖补资金申请收悉。经审核、联合审查和公示，公示期内无异议，现通知如下：";
			case SUBSIDY_REFUSED -> project + "设备更新奖补资金申请收悉。经审核和联合审查，现决定如下：";
			case LOAN_LISTED, LOAN_REFUSED -> project + "设备更新贷款支持申请收悉。经工业和信息化部门筛选和有关部门审核，现"
					+ (r.type().adverse() ? "决定" : "通知") + "如下：";
			case INTEREST_SUBSIDY_GRANTED, INTEREST_SUBSIDY_REFUSED -> project + "贷款财政贴息申请收悉。经审核，现"
					+ (r.type().adverse() ? "决定" : "通知") + "如下：";
			case APPLICATION_LAPSED -> project + "申请，经审查需补正材料，已书面告知你单位补正的内容和期限。现决定如下：";
		};
	}

	private static String decision(DecisionRequest r) {
		int year = r.decisionDate().getYear();
		Amounts a = r.amounts();
		return switch (r.type()) {
			case PROJECT_ACCEPTED -> "该项目符合" + POLICY + "规定的条件，同意纳入" + year
					+ "年度聊城市工业领域设备更新和技术改造项目库。请你单位按照申报内容抓紧组织实施，按要求报送项目进展情况；设备购置完成后，可按规定申请奖补资金或设备更新贷款支持。";
			case PROJECT_REFUSED -> "该项目不予纳入" + year + "年度聊城市工业领域设备更新和技术改造项目库。理由如下：";
			case SUBSIDY_ALLOCATED -> "核定你单位该项目设备更新奖补资金" + yuanWithCapitals(required(a.subsidy(), "subsidy"))
					+ "。资金由财政部门按规定程序拨付，请专款专用，并接受有关部门的监督检查和绩效评价。";
			case SUBSIDY_REFUSED -> "不予拨付该项目设备更新奖补资金。理由如下：";
			case LOAN_LISTED -> "同意将该项目列入技术改造再贷款支持项目清单"
					+ (r.lender() == null ? "" : "，并推送至" + r.lender() + "。贷款由银行依法自主审贷、自担风险")
					+ "。贷款发放后，你单位可按规定申请财政贴息。";
			case LOAN_REFUSED -> "不予将该项目列入技术改造再贷款支持项目清单。理由如下：";
			case INTEREST_SUBSIDY_GRANTED -> "确认给予你单位该项目贷款财政贴息"
					+ yuanWithCapitals(required(a.interestSubsidy(), "interestSubsidy"))
					+ "。贴息资金按规定程序拨付，请你单位按期还本付息，并配合做好贴息台账管理。";
			case INTEREST_SUBSIDY_REFUSED -> "不予给予该项目贷款财政贴息。理由如下：";
			case APPLICATION_LAPSED -> "你单位未在规定期限内补正，终止对该申请的审查。你单位可在材料齐全后重新提出申请。理由如下：";
		};
	}

	private void facts(DecisionRequest r) {
		Amounts a = r.amounts();
		fact("申报单位", r.enterpriseName() + "（统一社会信用代码：" + r.creditCode() + "）");
		fact("项目名称", r.projectName());
		fact("申报编号", r.referenceNo());
		fact("项目总投资", money(a.totalInvestment()));
		fact("设备投资", money(a.equipmentInvestment()));
		fact("奖补资金", money(a.subsidy()));
		fact("贷款银行", r.lender());
		fact("贷款金额", money(a.loanAmount()));
		fact("贷款年利率", a.loanRatePercent() == null ? null : a.loanRatePercent().stripTrailingZeros().toPlainString() + "%");
		fact("贷款期限", a.loanTermMonths() == null ? null : a.loanTermMonths() + "个月");
		fact("财政贴息", money(a.interestSubsidy()));
	}

	private void opinions(List<Opinion> opinions) {
		for (int i = 0; i < opinions.size(); i++) {
			Opinion o = opinions.get(i);
			StringBuilder line = new StringBuilder("（").append(ordinal(i + 1)).append("）").append(o.body());
			line.append("（").append(o.reviewer() == null ? "" : "审查人：" + o.reviewer() + "，");
			line.append(o.date() == null ? "" : date(o.date())).append("）：");
			line.append(o.conclusion() == null ? "" : o.conclusion() + "。");
			if (o.text() != null && !o.text().isBlank()) {
				line.append(o.text().strip());
			}
			paragraph(line.toString().replace("（）", ""));
		}
	}

	private void fact(String label, String value) {
		if (value != null && !value.isBlank()) {
			paragraph(label + "：" + value);
		}
	}

	private static String money(BigDecimal amount) {
		return amount == null ? null : "人民币" + yuan(amount) + "元";
	}

	private static BigDecimal required(BigDecimal amount, String field) {
		if (amount == null) {
			throw new IllegalArgumentException("amounts." + field + " is required for this decision type");
		}
		return amount;
	}

	private void heading(String title) {
		headings++;
		blocks.add(new Letter.Block(Letter.Kind.HEADING, ordinal(headings) + "、" + title));
	}

	private void paragraph(String text) {
		blocks.add(new Letter.Block(Letter.Kind.PARAGRAPH, text));
	}

}
