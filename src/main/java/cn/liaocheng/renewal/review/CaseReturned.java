package cn.liaocheng.renewal.review;

import java.time.Instant;

/**
 * Published in the engine's transaction when a case goes back to its enterprise for
 * correction.
 */
public record CaseReturned(long applicationId, Instant deadline, String reasons) {
}
