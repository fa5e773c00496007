package cn.liaocheng.renewal.engine;

/**
 * A background job of a case (issuing a decision, a deadline, the end of a public notice)
 * failed on every retry and the engine stopped trying: the case waits at
 * {@code activityName} until an administrator repairs the cause and retries the job in
 * Cockpit. Published in the transaction that records the incident.
 *
 * @param businessKey the case's application id, or {@code null} for an instance without
 * one
 * @param error the engine's message of the last failure, shortened
 */
public record JobFailedForGood(String incidentId, String processInstanceId, String businessKey, String processName,
		String activityName, String error) {
}
