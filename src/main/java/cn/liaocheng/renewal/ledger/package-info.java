/**
 * After a loan is granted: the bank's record of disbursements, repayments, early
 * repayment and default, and the interest-subsidy ledger (贴息台账) accrued from the actual
 * daily balance, approved and paid by the finance bureau period by period with a signed
 * payment notice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Loan ledger")
package cn.liaocheng.renewal.ledger;
