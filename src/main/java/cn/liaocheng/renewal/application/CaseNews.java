package cn.liaocheng.renewal.application;

/**
 * Something the enterprise is told about its case while it runs, besides a return for
 * correction or the end (a bank's grant to accept, the public notice of its subsidy):
 * published in the transaction that recorded it.
 *
 * @param subject the message's subject, e.g. 银行同意放贷，请确认
 * @param text what happened, as a sentence following the case's name
 */
public record CaseNews(long applicationId, String subject, String text) {
}
