package cn.liaocheng.renewal.aftercare;

/**
 * Published in the engine's transaction when a step after the award concerns the
 * enterprise: a payment, a finding on its acceptance or performance, a request to report.
 * {@code subject} and {@code text} are what it is told, in Chinese; the case page holds
 * the full record.
 */
public record AfterAwardStep(long applicationId, String subject, String text) {
}
