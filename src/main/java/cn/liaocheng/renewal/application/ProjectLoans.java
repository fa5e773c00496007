package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * The loans a registered project carries, against its total investment as registered:
 * every loan application on it that holds part of it, with the grant it accepted, or
 * while it is under review the amount it asked for. Drafts and applications that ended
 * without an award (refused, withdrawn, lapsed) hold nothing. The national interest
 * subsidy is on the principal of loans for the renewal project, so the loans on one
 * project together stay within its total investment.
 *
 * @param totalInvestment the project's total investment as registered
 * @param others the loans on the project other than the one being decided
 */
public record ProjectLoans(BigDecimal totalInvestment, List<Held> others) {

	/**
	 * A loan application holding part of the project.
	 *
	 * @param referenceNo its reference number
	 * @param amount the accepted grant, or the amount asked while it is under review
	 */
	public record Held(String referenceNo, BigDecimal amount) {
	}

	public ProjectLoans {
		others = List.copyOf(others);
	}

	/** What the other loans hold together. */
	public BigDecimal othersTotal() {
		return others.stream().map(Held::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Whether {@code amount} alone exceeds the total investment. */
	public boolean exceedsAlone(BigDecimal amount) {
		return amount.compareTo(totalInvestment) > 0;
	}

	/**
	 * Whether {@code amount} and the other loans together exceed the total investment.
	 */
	public boolean exceedsWithOthers(BigDecimal amount) {
		return othersTotal().add(amount).compareTo(totalInvestment) > 0;
	}

	/**
	 * The other loans as a sentence reads them: LN2026-0003（3,000,000.00 元）、LN2026-0007
	 * （2,000,000.00 元）.
	 */
	public String othersText() {
		return String.join("、",
				others.stream().map(h -> h.referenceNo() + "（" + Money.yuan(h.amount()) + " 元）").toList());
	}

	/**
	 * Why a loan of {@code amount} with the other loans cannot stand, in the words of its
	 * subject ("贷款金额", "放贷金额").
	 */
	public String sumProblem(String subject, BigDecimal amount) {
		return "该项目已有贷款 " + othersText() + "，与本次" + subject + " " + Money.yuan(amount) + " 元合计 "
				+ Money.yuan(othersTotal().add(amount)) + " 元，超过项目总投资 " + Money.yuan(totalInvestment)
				+ " 元；同一项目的贷款合计不能超过项目总投资";
	}

}
