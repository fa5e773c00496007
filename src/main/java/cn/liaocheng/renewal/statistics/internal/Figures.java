package cn.liaocheng.renewal.statistics.internal;

import java.math.BigDecimal;

/**
 * Applications and amounts of one group (a county, a policy task, a kind or a month), in
 * yuan: submitted, approved, refused, under review and ended otherwise (withdrawn or
 * lapsed); the equipment investment of project registrations submitted and approved;
 * subsidy amounts assessed (by the subsidy table, for every claim that got that far) and
 * allocated (approved claims); loan amounts asked for and granted by banks.
 */
record Figures(String key, long submitted, long approved, long refused, long underReview, long ended,
		BigDecimal equipmentSubmitted, BigDecimal equipmentApproved, BigDecimal subsidyAssessed,
		BigDecimal subsidyAllocated, BigDecimal loanRequested, BigDecimal loanGranted) {

	static Figures zero(String key) {
		return new Figures(key, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO);
	}

	Figures plus(Figures o) {
		return new Figures(key, submitted + o.submitted, approved + o.approved, refused + o.refused,
				underReview + o.underReview, ended + o.ended, equipmentSubmitted.add(o.equipmentSubmitted),
				equipmentApproved.add(o.equipmentApproved), subsidyAssessed.add(o.subsidyAssessed),
				subsidyAllocated.add(o.subsidyAllocated), loanRequested.add(o.loanRequested),
				loanGranted.add(o.loanGranted));
	}

}
