package cn.liaocheng.renewal.review.subsidy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.review.directory.Directory;

/**
 * What the city finance bureau's interest-subsidy review shows, in the words of its form,
 * read from the record the computation wrote: the accepted grant's terms, the amount, the
 * rule's terms and grounds, and the finding. The form's fields are read-only and the
 * decision never reads them back.
 */
@Component
class InterestSubsidyReviewText {

	private final Directory directory;

	InterestSubsidyReviewText(Directory directory) {
		this.directory = directory;
	}

	/**
	 * The form's fields by name, in the form's order; an {@link IllegalStateException}
	 * while the interest subsidy of the loan has not been computed.
	 */
	Map<String, Object> fields(Outcomes o) {
		if (o.interestSubsidyAmount() == null || o.grantedAmount() == null) {
			throw new IllegalStateException("the interest subsidy of this loan has not been computed");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("loanTerms", loanTerms(o));
		fields.put("interestSubsidy", Money.yuan(o.interestSubsidyAmount()));
		fields.put("interestSubsidyBasis", basis(o));
		fields.put("interestSubsidyFinding", o.interestSubsidyFinding() == null ? "符合贴息条件。"
				// No rule covers the loan's day: agreeing decides it by tranche.
				: o.interestSubsidyByTranche() ? "放款日无适用的贴息政策，同意的按各笔放款日分笔核定：" + o.interestSubsidyFinding()
						: "不符合贴息条件：" + o.interestSubsidyFinding());
		return fields;
	}

	private String loanTerms(Outcomes o) {
		boolean relendingBank = directory.isRelendingBank(o.grantedBankKey());
		return directory.bankName(o.grantedBankKey()) + (relendingBank ? "（再贷款发放机构）" : "（非再贷款发放机构）") + "；"
				+ (o.grantedLoanType() == null ? "" : o.grantedLoanType().label() + "；") + "放贷金额 "
				+ Money.yuan(o.grantedAmount()) + " 元；年利率 " + o.grantedRate().stripTrailingZeros().toPlainString()
				+ "%；期限 " + o.grantedTermMonths() + " 个月；放款日期 " + ChinaTime.day(o.grantDate()) + "；"
				+ (Boolean.TRUE.equals(o.usedRelending()) ? "使用" : "未使用") + "再贷款资金。";
	}

	private static String basis(Outcomes o) {
		if (o.interestSubsidyByTranche()) {
			// Before the first rule or after the last known: the finding says which.
			return "放款日没有适用的国家设备更新贷款财政贴息政策（见测算结论）。";
		}
		String rule = o.interestSubsidyBasis() == null ? "放款日不在国家设备更新贷款财政贴息政策的实施期内" : o.interestSubsidyBasis();
		if (o.interestSubsidyPoints() == null || o.interestSubsidyPoints().signum() <= 0) {
			return rule + "。";
		}
		return rule + "：按贷款本金每年 " + o.interestSubsidyPoints().stripTrailingZeros().toPlainString() + " 个百分点贴息 "
				+ o.interestSubsidyMonths() + " 个月"
				+ (o.interestSubsidyCap() == null ? "" : "，单笔上限 " + Money.yuan(o.interestSubsidyCap()) + " 元") + "。";
	}

}
