package cn.liaocheng.renewal.audit;

/**
 * Records who did what to which object; call it inside the transaction of the change it
 * describes.
 */
public interface AuditTrail {

	void record(String actor, String action, String subject, String details);

	/**
	 * Recomputes the chain; the id of the first entry that does not match, or -1 when all
	 * do.
	 */
	long firstBrokenEntry();

}
