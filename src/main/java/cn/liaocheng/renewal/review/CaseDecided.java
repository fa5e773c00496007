package cn.liaocheng.renewal.review;

/**
 * Published in the engine's transaction when a case's decision is issued; {@code outcome}
 * as the enterprise reads it, {@code document} the title of what was issued (a 决定书, or a
 * bank's 告知书, which is not a decision).
 */
public record CaseDecided(long applicationId, String outcome, String document) {
}
