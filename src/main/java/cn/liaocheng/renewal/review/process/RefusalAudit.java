package cn.liaocheng.renewal.review.process;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.audit.AuditTrail;

/**
 * The audit entry of a step the product refused to do on a case (a decision the record
 * does not support, a process naming a case not its own): written in a transaction of its
 * own, since the refusal rolls back the transaction of the step, and the step's job or
 * completion fails with it. A job retried writes one entry per attempt.
 */
@Component
public class RefusalAudit {

	private final ObjectProvider<AuditTrail> audit;

	private final TransactionTemplate ownTransaction;

	RefusalAudit(ObjectProvider<AuditTrail> audit, PlatformTransactionManager transactions) {
		this.audit = audit;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public void record(String action, long applicationId, String details) {
		String shortened = details.length() > 1000 ? details.substring(0, 1000) : details;
		ownTransaction.executeWithoutResult(
				status -> audit.getObject().record("system", action, "application:" + applicationId, shortened));
	}

}
