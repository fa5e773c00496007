package cn.liaocheng.renewal.review.issuing;

import java.math.BigDecimal;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Outcomes;

/** How a review process ends, and the stage the application is left in. */
enum Ending {

	PROJECT_REGISTERED(ApplicationStatus.APPROVED, "industry", "准予入库"),
	PROJECT_REFUSED(ApplicationStatus.REFUSED, "industry", "不予入库"),
	SUBSIDY_ALLOCATED(ApplicationStatus.APPROVED, "finance", "奖补资金已下达"),
	SUBSIDY_REFUSED(ApplicationStatus.REFUSED, "industry", "不予奖补"),
	LOAN_GRANTED(ApplicationStatus.APPROVED, "pboc", "列入设备更新贷款支持项目清单，银行已放贷，财政贴息已核定"),
	LOAN_REFUSED(ApplicationStatus.REFUSED, "pboc", "贷款申请未获支持"),
	LAPSED(ApplicationStatus.LAPSED, "industry", "逾期未补正，申报失效");

	private final ApplicationStatus status;

	private final String issuingBody;

	private final String summary;

	Ending(ApplicationStatus status, String issuingBody, String summary) {
		this.status = status;
		this.issuingBody = issuingBody;
		this.summary = summary;
	}

	ApplicationStatus status() {
		return status;
	}

	String issuingBody() {
		return issuingBody;
	}

	String summary() {
		return summary;
	}

	/**
	 * The result as the enterprise is told it: a granted loan whose interest subsidy was
	 * refused says so, since that refusal is a decision of its own, open to review; one
	 * paid out on a day no rule covers says its tranches accrue by their own days' rules.
	 */
	String summary(Outcomes outcomes) {
		BigDecimal interest = outcomes.interestSubsidyAmount();
		if (this == LOAN_GRANTED && outcomes.interestSubsidyByTranche()) {
			return "列入设备更新贷款支持项目清单，银行已放贷；财政贴息按各笔放款日适用的贴息政策分笔计入贴息台账，放款日无适用政策的款项不予贴息，理由及救济途径见贷款贴息分笔核定决定书";
		}
		if (this == LOAN_GRANTED && (interest == null || interest.signum() <= 0)) {
			return "列入设备更新贷款支持项目清单，银行已放贷；不予财政贴息，理由及救济途径见不予贷款贴息决定书";
		}
		return summary;
	}

}
