package cn.liaocheng.renewal.review.issuing;

import cn.liaocheng.renewal.application.ApplicationStatus;

/** How a review process ends, and the stage the application is left in. */
enum Ending {

	PROJECT_REGISTERED(ApplicationStatus.APPROVED, "industry", "准予入库"),
	PROJECT_REFUSED(ApplicationStatus.REFUSED, "industry", "不予入库"),
	SUBSIDY_ALLOCATED(ApplicationStatus.APPROVED, "finance", "奖补资金已下达"),
	SUBSIDY_REFUSED(ApplicationStatus.REFUSED, "industry", "不予奖补"),
	LOAN_GRANTED(ApplicationStatus.APPROVED, "pboc", "列入再贷款支持清单，银行已放贷，贴息已核定"),
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

}
