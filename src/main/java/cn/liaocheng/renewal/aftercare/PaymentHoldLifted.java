package cn.liaocheng.renewal.aftercare;

/**
 * Published in the transaction that ends what held a case's payment without recovering
 * anything (a clawback found nothing to recover, 经核查不予追回): the county finance bureau's
 * payment step goes on, with the time to pay counted again from now.
 */
public record PaymentHoldLifted(long applicationId) {

}
