package cn.liaocheng.renewal.review;

/**
 * Published in the engine's transaction when a case's decision is issued; {@code outcome}
 * as the enterprise reads it.
 */
public record CaseDecided(long applicationId, String outcome) {
}
