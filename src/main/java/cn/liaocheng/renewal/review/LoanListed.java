package cn.liaocheng.renewal.review;

/**
 * Published in the engine's transaction when the central-bank branch's listing notice
 * (入选通知书) is issued for a loan the enterprise accepted: the case goes on to the city
 * finance bureau's interest-subsidy review, so it is not {@link CaseDecided}.
 *
 * @param lender the bank whose loan was accepted, by name (the notice's number is only
 * taken as the transaction commits)
 */
public record LoanListed(long applicationId, String lender) {
}
