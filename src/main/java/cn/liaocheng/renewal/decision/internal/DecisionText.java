package cn.liaocheng.renewal.decision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.liaocheng.renewal.decision.AllocationTerms;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionRequest.Amounts;
import cn.liaocheng.renewal.decision.DecisionRequest.Opinion;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.organization.GroupNames;

import static cn.liaocheng.renewal.decision.internal.ChineseFormats.date;
import static cn.liaocheng.renewal.decision.internal.ChineseFormats.ordinal;
import static cn.liaocheng.renewal.decision.internal.ChineseFormats.periodName;
import static cn.liaocheng.renewal.decision.internal.ChineseFormats.yuan;
import static cn.liaocheng.renewal.decision.internal.ChineseFormats.yuanWithCapitals;

/**
 * Writes what each kind of decision says, in the words Chinese administrative decisions
 * use.
 */
final class DecisionText {

	static final String POLICY = "《聊城市推动工业领域设备更新实施方案》（聊工信发〔2024〕37号）";

	private final List<Letter.Block> blocks = new ArrayList<>();

	private int headings;

	private DecisionText() {
	}

	/**
	 * @param reconsiderationBody where the applicant may ask for administrative
	 * reconsideration
	 */
	static Letter of(DecisionRequest request, String reconsiderationBody) {
		DecisionText text = new DecisionText();
		text.paragraph(opening(request));
		text.heading("基本情况");
		text.facts(request);
		List<String> events = request.proceedings().events();
		if (!events.isEmpty()) {
			text.heading("办理经过");
			events.forEach(text::paragraph);
		}
		if (!request.opinions().isEmpty()) {
			text.heading("审查意见");
			text.opinions(request.opinions());
		}
		text.heading(request.type() == DecisionType.LOAN_DECLINED ? "审贷结果"
				: request.type() == DecisionType.INTEREST_SUBSIDY_PAYMENT ? "拨付情况"
						: request.type().adverse() ? "决定及理由" : "审查结论");
		text.paragraph(decision(request));
		List<String> reasons = request.reasons();
		for (int i = 0; i < reasons.size(); i++) {
			text.paragraph("（" + ordinal(i + 1) + "）" + reasons.get(i));
		}
		closing(request).ifPresent(text::paragraph);
		if (request.type().challengeable()) {
			text.paragraph("如不服本决定，可以自收到本决定书之日起六十日内，依照《中华人民共和国行政复议法》向" + reconsiderationBody
					+ "申请行政复议；也可以自收到本决定书之日起六个月内，依照《中华人民共和国行政诉讼法》向有管辖权的人民法院提起行政诉讼。");
		}
		else {
			text.paragraph(request.type() == DecisionType.LOAN_DECLINED ? "特此告知。" : "特此通知。");
		}
		return new Letter(request.type().title(), request.addressee() + "：", List.copyOf(text.blocks));
	}

	/**
	 * The wording a decision of this type is issued in, recorded with it when later
	 * decisions depend on what it said: the allocation notice's after-award terms.
	 * {@code null} for the others.
	 */
	static String version(DecisionType type) {
		return type == DecisionType.SUBSIDY_ALLOCATED ? AllocationTerms.VERSION : null;
	}

	private static String opening(DecisionRequest r) {
		String project = "你单位报送的“" + r.projectName() + "”"
				+ (r.referenceNo() == null ? "" : "（申报编号：" + r.referenceNo() + "）");
		String path = r.proceedings().steps().isEmpty() ? "" : "经" + String.join("，", r.proceedings().steps()) + "，";
		String verb = r.type().challengeable() ? "决定" : "通知";
		return switch (r.type()) {
			case PROJECT_ACCEPTED, PROJECT_REFUSED, PROJECT_NOT_RECOMMENDED, PROJECT_NOT_ACCEPTED ->
				project + "入库申请收悉。" + path + "现" + verb + "如下：";
			case SUBSIDY_ALLOCATED, SUBSIDY_REFUSED, SUBSIDY_NOT_RECOMMENDED, SUBSIDY_NOT_ACCEPTED ->
				project + "设备更新奖补资金申请收悉。" + path + "现" + verb + "如下：";
			case LOAN_LISTED, LOAN_REFUSED, LOAN_NOT_PUSHED, LOAN_NOT_RECOMMENDED, LOAN_NOT_ACCEPTED ->
				project + "设备更新贷款支持申请收悉。" + path + "现" + verb + "如下：";
			case LOAN_DECLINED -> project + "设备更新贷款支持申请收悉。" + path + "现将审贷结果告知如下：";
			case INTEREST_SUBSIDY_GRANTED, INTEREST_SUBSIDY_REFUSED, INTEREST_SUBSIDY_BY_TRANCHE ->
				interestOpening(r, project) + "现" + verb + "如下：";
			case INTEREST_SUBSIDY_PAYMENT -> project + "设备更新贷款" + (r.lender() == null ? "" : "由" + r.lender() + "发放")
					+ "，已按规定纳入财政贴息台账。根据本期贴息台账及财政部门审核结果，现将本期贴息资金拨付情况通知如下：";
			case APPLICATION_LAPSED -> lapseOpening(r, project, path);
			case CLAWBACK_DECIDED, SUBSIDY_REVOKED, SUBSIDY_REVOCATION_PROPOSED ->
				project + "已获批设备更新奖补资金。" + path + "现决定如下：";
		};
	}

	/**
	 * The lapse names the application that lapsed and the body that asked for the
	 * correction, at its step: the steps before it had approved, and a return by another
	 * body (the county finance bureau's invoice check, one body of the joint review) is
	 * not told as theirs.
	 */
	private static String lapseOpening(DecisionRequest r, String project, String path) {
		DecisionRequest.Lapse lapse = r.proceedings().lapse();
		String application = lapse == null || lapse.application() == null ? "申请" : lapse.application();
		String asked = lapse == null || lapse.askedBy() == null ? "需补正材料" : lapse.askedBy() + "要求补正材料";
		return project + application + "，" + path + asked + "，已告知你单位补正的内容和期限。现决定如下：";
	}

	/**
	 * No one applies for the interest subsidy: it follows from the granted loan, and the
	 * finance bureau reviews it.
	 */
	private static String interestOpening(DecisionRequest r, String project) {
		DecisionRequest.Loan loan = r.proceedings().loan();
		StringBuilder text = new StringBuilder(project).append("设备更新贷款");
		if (loan != null && r.lender() != null) {
			text.append("已由").append(r.lender()).append("于").append(date(loan.grantDate())).append("发放");
		}
		else {
			text.append("已发放");
		}
		// No rule in force on the loan's day (a decision by tranche, or its outright
		// refusal): none is named as the ground. Nor is the rule named when it gives an
		// amount and the bureau refuses it: the ground is the bureau's review.
		boolean noRuleOnTheDay = r.type() == DecisionType.INTEREST_SUBSIDY_BY_TRANCHE
				|| loan != null && !loan.ruleOnTheDay();
		boolean refusedAgainstTheRule = r.type() == DecisionType.INTEREST_SUBSIDY_REFUSED && loan != null
				&& loan.ruleGrants();
		return text.append(noRuleOnTheDay || refusedAgainstTheRule ? "。经本机关审核，" : "。经本机关审核，根据放款日适用的国家设备更新贷款财政贴息政策，")
			.toString();
	}

	private static String decision(DecisionRequest r) {
		// The library of the batch the project was submitted in: a batch's window may
		// open in the year before its own, so the decision's date does not tell it.
		int year = r.proceedings().batchYear() != null ? r.proceedings().batchYear() : r.decisionDate().getYear();
		Amounts a = r.amounts();
		DecisionRequest.Loan loan = r.proceedings().loan();
		return switch (r.type()) {
			// The policy sets no conditions of entry of its own: it provides for the
			// annual library (三、保障措施（一）), and the reviews above decided the entry.
			case PROJECT_ACCEPTED -> "根据" + POLICY + "关于“分年度建立工业领域设备更新和技术改造项目库”的规定，同意将该项目纳入" + year
					+ "年度聊城市工业领域设备更新和技术改造项目库。请你单位按照申报内容抓紧组织实施；可按规定申请设备更新贷款支持，设备购置完成并投用后，可按规定申请奖补资金。";
			case PROJECT_REFUSED -> "该项目不予纳入" + year + "年度聊城市工业领域设备更新和技术改造项目库。理由如下：";
			// A county department does not decide the library, the subsidy or the
			// listing: it does not recommend, and the application ends there.
			case PROJECT_NOT_RECOMMENDED -> "该项目未通过县级审查，不予推荐，本次申请不能纳入" + year + "年度聊城市工业领域设备更新和技术改造项目库。理由如下：";
			// The county finance bureau checks the invoices only: its refusal says
			// what it found, not that the claim failed the county's review as a whole.
			case SUBSIDY_NOT_RECOMMENDED -> GroupNames.isCountyFinance(r.issuingBody())
					? "经核验，该项目设备更新奖补资金申请所附发票未通过县级财政部门核验，本次申请不予推荐至市级，不能获得奖补资金。理由如下："
					: "该项目设备更新奖补资金申请未通过县级审查，不予推荐，本次申请不能获得奖补资金。理由如下：";
			case LOAN_NOT_RECOMMENDED -> "该项目未通过县级审查，不予推荐，本次申请不能列入设备更新和技术改造贷款支持项目清单。理由如下：";
			// Refused at acceptance, the application never reached the joint review.
			case PROJECT_NOT_ACCEPTED -> "该项目入库申请不符合受理条件，本机关决定不予受理，本次申请不能纳入" + year + "年度聊城市工业领域设备更新和技术改造项目库。理由如下：";
			case SUBSIDY_NOT_ACCEPTED -> "该项目设备更新奖补资金申请不符合受理条件，本机关决定不予受理。理由如下：";
			case LOAN_NOT_ACCEPTED -> "该项目设备更新贷款支持申请不符合受理条件，本机关决定不予受理，本次申请不能列入设备更新和技术改造贷款支持项目清单。理由如下：";
			// The after-award terms a later clawback may cite: the wording is recorded
			// with the notice (version(SUBSIDY_ALLOCATED)).
			case SUBSIDY_ALLOCATED -> "核定你单位该项目设备更新奖补资金" + yuanWithCapitals(required(a.subsidy(), "subsidy"))
					+ "。资金由财政部门按规定程序拨付，请专款专用，并接受有关部门的监督检查和绩效评价。" + AllocationTerms.ACCEPTANCE + "。"
					+ AllocationTerms.RECOVERY + "。";
			// The finance bureau refuses to allocate (下达); a refusal by the lead bureau
			// refuses the subsidy. Paying out (拨付) is the county's later act.
			case SUBSIDY_REFUSED ->
				"finance".equals(r.issuingBody()) ? "不予下达该项目设备更新奖补资金。理由如下：" : "该项目设备更新奖补资金申请不予批准，不予奖补。理由如下：";
			case LOAN_LISTED -> loanListed(r, loan);
			// Listing is the central-bank branch's act; the lead bureau's refusal keeps
			// the project from being pushed to it.
			case LOAN_REFUSED -> "不予将该项目列入设备更新和技术改造贷款支持项目清单。理由如下：";
			case LOAN_NOT_PUSHED -> "该项目未通过市级审查，不予推送人民银行聊城市分行列入设备更新和技术改造贷款支持项目清单。理由如下：";
			case LOAN_DECLINED -> "该项目已列入设备更新和技术改造贷款支持项目清单并推送至" + orBank(r.lender()) + (orBank(r.lender()).contains("、")
					? "。上述银行经依法自主审贷，均决定不予发放该笔贷款，意见如下：" : "。该行经依法自主审贷，决定不予发放该笔贷款，意见如下：");
			case INTEREST_SUBSIDY_GRANTED -> interestGranted(r, a, loan);
			case INTEREST_SUBSIDY_REFUSED -> "对该笔贷款不予财政贴息。理由如下：";
			case INTEREST_SUBSIDY_BY_TRANCHE -> byTranche(loan);
			case INTEREST_SUBSIDY_PAYMENT -> payment(r.payment());
			case APPLICATION_LAPSED -> "你单位未在规定期限内补正，终止对该申请的审查。符合条件的，你单位可在材料齐全后于申报期内重新提出申请。理由如下：";
			case CLAWBACK_DECIDED, SUBSIDY_REVOKED, SUBSIDY_REVOCATION_PROPOSED -> "经核查，本机关认定事实、理由及决定事项如下：";
		};
	}

	/**
	 * No rule covers the loan's day: nothing is determined now, and every tranche, that
	 * day's included, accrues by its own day's rule, or not at all.
	 */
	private static String byTranche(DecisionRequest.Loan loan) {
		String day = loan == null || loan.grantDate() == null ? "放款日" : date(loan.grantDate());
		return "本次不予核定该笔贷款的财政贴息金额。该笔贷款各笔放款（含" + day + "发放的款项）按其放款日适用的国家设备更新贷款财政贴息政策计算贴息，"
				+ "按期计入贴息台账，由财政部门审核拨付；放款日无适用贴息政策的款项不予贴息。理由如下：";
	}

	private static String loanListed(DecisionRequest r, DecisionRequest.Loan loan) {
		Amounts a = r.amounts();
		StringBuilder text = new StringBuilder("同意将该项目列入设备更新和技术改造贷款支持项目清单，并推送至你单位选择的银行。");
		if (loan != null && a.loanAmount() != null) {
			// The bank states the amount it approved and the day of its first payment: a
			// loan may be paid out in tranches, the first smaller than the whole.
			text.append(orBank(r.lender()))
				.append("经依法自主审贷，批准发放")
				.append(loan.typeLabel() == null ? "贷款" : loan.typeLabel())
				.append(yuanWithCapitals(a.loanAmount()));
			if (a.loanRatePercent() != null) {
				text.append("，年利率").append(a.loanRatePercent().stripTrailingZeros().toPlainString()).append("%");
			}
			if (a.loanTermMonths() != null) {
				text.append("，期限").append(a.loanTermMonths()).append("个月");
			}
			text.append("，首笔放款日为")
				.append(date(loan.grantDate()))
				.append(loan.relending() ? "，使用科技创新和技术改造再贷款资金" : "")
				.append("。");
		}
		return text.append("贷款由银行依法自主审贷、自担风险。该笔贷款的财政贴息由财政部门另行通知。").toString();
	}

	/**
	 * The total is computed on the whole grant under the rule of the loan's day; a later
	 * tranche may fall under a rule of another rate or term (the July 2024 rise), which
	 * the ledger applies within the tranche's own limit, outside the total, and takes its
	 * principal's share at the decided rate out of the total. Every sentence states what
	 * the ledger does.
	 */
	private static String interestGranted(DecisionRequest r, Amounts a, DecisionRequest.Loan loan) {
		BigDecimal interest = required(a.interestSubsidy(), "interestSubsidy");
		StringBuilder text = new StringBuilder();
		boolean dated = loan != null && loan.grantDate() != null;
		if (loan != null) {
			text.append("依照")
				.append(loan.interestBasis())
				.append("，按贷款本金")
				.append(a.loanAmount() == null ? "" : yuan(a.loanAmount()) + "元")
				.append("、每年")
				.append(loan.interestPoints().stripTrailingZeros().toPlainString())
				.append("个百分点、贴息期限")
				.append(loan.interestMonths())
				.append("个月");
			if (a.loanTermMonths() != null && a.loanTermMonths() > loan.interestMonths()) {
				text.append("（贷款期限").append(a.loanTermMonths()).append("个月，贴息期限以政策规定的最长期限为限）");
			}
			text.append("计算，");
			if (loan.interestCap() != null && interest.compareTo(loan.interestCap()) >= 0) {
				text.append("已达单笔贴息上限").append(yuan(loan.interestCap())).append("元，");
			}
		}
		// The ledger pays each period on the actual daily balance, up to this total: an
		// enterprise that repays early receives less, so the figure is a ceiling.
		text.append(dated ? "核定该笔贷款按上述比例和期限计算的财政贴息总额不超过" : "核定该笔贷款财政贴息总额不超过")
			.append(yuanWithCapitals(interest))
			.append("。");
		if (dated) {
			String day = date(loan.grantDate());
			text.append("上述贴息比例和期限为")
				.append(day)
				.append("适用的贴息政策所定，适用于该日发放的贷款。贷款分笔发放的，此后各笔按其本身放款日适用的贴息政策计算贴息：")
				.append("适用的贴息比例和期限与上述相同的，与")
				.append(day)
				.append("发放的贷款合计不超过上述总额；不同的，该笔贴息不计入上述总额，")
				.append("累计不超过该笔放款本金×其放款日适用的贴息比例×贴息期限（月）÷12，上述总额相应扣减该笔放款本金按上述比例和期限计算的金额。");
			if (loan.interestCap() != null) {
				text.append("全部放款的贴息合计不超过单笔贴息上限").append(yuan(loan.interestCap())).append("元。");
			}
		}
		return text.append("贴息资金由财政部门建立台账，按每期实际贷款本金余额计提、按规定程序拨付，累计不超过上述")
			.append(dated ? "限额" : "总额")
			.append("；提前还款的，按实际余额和天数计算；逾期或违约的，自逾期或违约之日起停止贴息。")
			.append("请你单位按期还本付息，并配合做好贴息台账管理。")
			.toString();
	}

	/**
	 * The ledger period's computation in words; the period's figures stand in the facts
	 * above.
	 */
	private static String payment(DecisionRequest.Payment p) {
		if (!p.tranches().isEmpty()) {
			return trancheByTranche(p);
		}
		// When the total granted is reached, the period pays what is left of it, less
		// than its computation gives: the notice says so rather than show a sum that does
		// not come out.
		BigDecimal computed = p.balanceBasis() == null ? null : toFen(p.balanceBasis().multiply(p.points()));
		boolean capped = computed != null && p.amount().compareTo(computed) < 0;
		return (p.basis() == null ? "" : "依照" + p.basis() + "，") + "按本期每日实际贷款本金余额累计的计息积数、贴息"
				+ p.points().stripTrailingZeros().toPlainString() + "个百分点/年、一年按360天计算（本期贴息＝计息积数×贴息比例÷360）"
				+ (capped ? "，按此计算为" + yuan(computed) + "元" + totalLimit(p) : "，") + "核定" + periodName(p.period())
				+ "贴息资金" + yuanWithCapitals(p.amount()) + "，已于" + date(p.paidOn())
				+ "拨付。请你单位注意查收，专款专用，按期还本付息，并配合做好贴息台账管理和监督检查。";
	}

	/**
	 * A period of a loan paid out in tranches under different rules, or with a tranche
	 * that gets nothing: the rate of each tranche, as the rule in force on its own
	 * disbursement day gives it. What limits the period's amount is said as the ledger
	 * computed it: for a loan whose interest subsidy was determined, the total determined
	 * for the tranches at its rate and term (their parts summed, then rounded once, as
	 * the ledger rounds them), and for a tranche under another rule its own limit; for a
	 * loan decided by tranche, which has no total, each tranche's own limit under its
	 * day's rule. A part within its own limit is rounded to the fen on its own, as the
	 * ledger rounds it, so that rounding alone is never told as a limit reached.
	 */
	private static String trancheByTranche(DecisionRequest.Payment p) {
		List<String> parts = new ArrayList<>();
		BigDecimal weighted = BigDecimal.ZERO;
		BigDecimal eachRounded = BigDecimal.ZERO;
		boolean anyOwnLimit = false;
		for (DecisionRequest.Tranche t : p.tranches()) {
			if (t.points().signum() > 0) {
				parts.add(date(t.disbursedOn()) + "放款的部分，计息积数" + yuan(t.balanceBasis()) + "元，贴息"
						+ t.points().stripTrailingZeros().toPlainString() + "个百分点/年"
						+ (t.basis() == null ? "" : "（依照" + t.basis() + "）"));
				BigDecimal part = t.balanceBasis().multiply(t.points());
				if (p.byTranche() || t.ownLimit()) {
					eachRounded = eachRounded.add(toFen(part));
					anyOwnLimit = true;
				}
				else {
					weighted = weighted.add(part);
				}
			}
			else {
				parts.add("该笔放款于" + date(t.disbursedOn()) + "发放，" + (t.finding() == null ? "不予贴息" : t.finding())
						+ "，不计贴息" + (t.pending() ? "；政策延续的，由财政部门另行补计" : ""));
			}
		}
		BigDecimal computed = toFen(weighted).add(eachRounded);
		boolean capped = p.amount().compareTo(computed) < 0;
		String limit = p.byTranche() ? "；每笔放款的贴息累计不超过该笔放款本金×其放款日适用的贴息比例×贴息期限（月）÷12，本期已达该上限的放款只计至上限，" : totalLimit(p);
		String rounding = p.byTranche() ? "，各笔分别计至分后相加）" : anyOwnLimit ? "，适用核定比例和期限的各笔合计计至分，其余各笔分别计至分，再相加）" : "之和）";
		return (p.basis() == null ? "" : "依照" + p.basis() + "，") + "本期贴息按每笔放款分别计算，每笔适用其放款日的贴息政策："
				+ String.join("；", parts) + "。按每日实际贷款本金余额累计的计息积数、一年按360天计算（本期贴息＝各笔计息积数×该笔贴息比例÷360" + rounding
				+ (capped ? "，按此计算为" + yuan(computed) + "元" + limit : "，") + "核定" + periodName(p.period()) + "贴息资金"
				+ yuanWithCapitals(p.amount()) + "，已于" + date(p.paidOn()) + "拨付。请你单位注意查收，专款专用，按期还本付息，并配合做好贴息台账管理和监督检查。";
	}

	/**
	 * What limits a period of a loan whose total was determined, as its confirmation
	 * states it: the total, reduced when principal was paid out under a rule of another
	 * rate or term, which is limited by its own rule instead.
	 */
	private static String totalLimit(DecisionRequest.Payment p) {
		if (!p.totalReduced()) {
			return "；贴息累计以核定的财政贴息总额为限，本期为该总额的余额，";
		}
		return "；适用核定比例和期限的各笔，贴息累计以核定的财政贴息总额扣减适用其他比例或期限的各笔放款本金按核定比例和期限计算的金额后的余额为限，"
				+ "适用其他比例或期限的每笔放款，贴息累计不超过该笔放款本金×其放款日适用的贴息比例×贴息期限（月）÷12" + "（设有单笔贴息上限的，全部放款合计不超过该上限），本期已达限额的只计至限额，";
	}

	/**
	 * Balance basis × points (per cent a year) ÷ 360 days, to the fen: the ledger's
	 * subsidy of a period or of one tranche's part.
	 */
	private static BigDecimal toFen(BigDecimal basisTimesPoints) {
		return basisTimesPoints.divide(BigDecimal.valueOf(36000), 2, RoundingMode.HALF_UP);
	}

	private static Optional<String> closing(DecisionRequest r) {
		if (r.type() == DecisionType.LOAN_DECLINED) {
			return Optional
				.of("银行贷款由银行依法自主决策、自担风险，本告知不是行政决定。符合条件的，你单位可以选择其他银行重新提出设备更新贷款申请；" + "需要协助对接银行的，可联系中国人民银行聊城市分行。");
		}
		return Optional.empty();
	}

	private static String orBank(String lender) {
		return lender == null ? "贷款银行" : lender;
	}

	private void facts(DecisionRequest r) {
		Amounts a = r.amounts();
		fact("申报单位", r.enterpriseName() + "（统一社会信用代码：" + r.creditCode() + "）");
		fact("项目名称", r.projectName());
		fact("申报编号", r.referenceNo());
		fact("项目总投资", money(a.totalInvestment()));
		fact("设备投资", money(a.equipmentInvestment()));
		fact("奖补资金", money(a.subsidy()));
		// A loan no bank granted (refused, declined, lapsed) has only the banks the
		// enterprise named and the amount and term it asked for; the interest decisions
		// and payment notices are of a granted loan.
		DecisionType.Stage stage = r.type().stage();
		boolean granted = !r.type().adverse() || stage == DecisionType.Stage.INTEREST_SUBSIDY
				|| stage == DecisionType.Stage.CLAWBACK;
		String asked = granted ? "" : "申请";
		fact(asked.isEmpty() ? "贷款银行" : "意向银行", r.lender());
		fact(asked + "贷款金额", money(a.loanAmount()));
		fact("贷款年利率",
				a.loanRatePercent() == null ? null : a.loanRatePercent().stripTrailingZeros().toPlainString() + "%");
		fact(asked + "贷款期限", a.loanTermMonths() == null ? null : a.loanTermMonths() + "个月");
		// The total granted is a ceiling: the ledger pays on the actual balances.
		// A tranche paid out later under a rule of another rate or term is subsidised
		// outside this total.
		fact("财政贴息", a.interestSubsidy() == null ? null : "不超过" + money(a.interestSubsidy())
				+ (r.proceedings().loan() == null ? "" : "（按放款日适用的贴息比例和期限计算；此后分笔发放、适用不同比例或期限的另行计算，见下文）"));
		DecisionRequest.Loan loan = r.proceedings().loan();
		if (loan != null) {
			fact("放款日期", date(loan.grantDate()));
			fact("贷款品种", loan.typeLabel());
		}
		DecisionRequest.Payment p = r.payment();
		if (p != null) {
			fact("借款合同编号", p.contractNo());
			fact("贴息期间", periodName(p.period()) + "（" + date(p.from()) + "至" + date(p.to()) + "，" + p.days() + "天）");
			fact("计息积数", money(p.balanceBasis()));
			fact("贴息比例", p.tranches().isEmpty() ? p.points().stripTrailingZeros().toPlainString() + "个百分点/年"
					: "按每笔放款的放款日分别适用，见下文");
			fact("本期贴息", money(p.amount()));
			fact("拨付日期", date(p.paidOn()));
			fact("拨付凭证号", p.voucherNo());
		}
	}

	private void opinions(List<Opinion> opinions) {
		for (int i = 0; i < opinions.size(); i++) {
			Opinion o = opinions.get(i);
			StringBuilder line = new StringBuilder("（").append(ordinal(i + 1)).append("）").append(o.body());
			// At which step, by whom, when: 冠县工业和信息化局（县级形式审查，审查人：…，2026年3月16日）.
			List<String> about = new ArrayList<>();
			if (o.step() != null && !o.step().isBlank()) {
				about.add(o.step());
			}
			if (o.reviewer() != null) {
				about.add("审查人：" + o.reviewer());
			}
			if (o.date() != null) {
				about.add(date(o.date()));
			}
			line.append(about.isEmpty() ? "" : "（" + String.join("，", about) + "）").append("：");
			line.append(o.conclusion() == null ? "" : o.conclusion() + "。");
			if (o.text() != null && !o.text().isBlank() && !sameWords(o.text(), o.conclusion())) {
				line.append(o.text().strip());
			}
			paragraph(line.toString().replace("（）", ""));
		}
	}

	/** An opinion that only repeats its conclusion ("同意。") is printed once. */
	private static boolean sameWords(String text, String conclusion) {
		return conclusion != null
				&& text.replaceAll("[\\p{P}\\s]", "").equals(conclusion.replaceAll("[\\p{P}\\s]", ""));
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
