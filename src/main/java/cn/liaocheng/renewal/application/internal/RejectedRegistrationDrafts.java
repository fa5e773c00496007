package cn.liaocheng.renewal.application.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.enterprise.EnterpriseRejected;

/**
 * A registration rejected before activation takes its drafts and their files with it, in
 * the rejecting transaction: the account is closed for good and could never submit them,
 * and a registration made only to store files (up to five drafts of 50 MB before
 * activation) leaves nothing behind. Only drafts never submitted are deleted; an account
 * not yet activated has no other.
 */
@Component
class RejectedRegistrationDrafts {

	private final ApplicationRepository repository;

	private final ApplicationStore store;

	private final AuditTrail audit;

	RejectedRegistrationDrafts(ApplicationRepository repository, ApplicationStore store, AuditTrail audit) {
		this.repository = repository;
		this.store = store;
		this.audit = audit;
	}

	@EventListener
	void on(EnterpriseRejected rejected) {
		int deleted = 0;
		for (ApplicationSummary draft : repository.draftsOf(rejected.enterpriseId())) {
			if (draft.referenceNo() != null) {
				continue;
			}
			store.removeDraft(draft.id());
			deleted++;
		}
		if (deleted > 0) {
			audit.record("system", "DRAFTS_OF_REJECTED_REGISTRATION_DELETED", "enterprise:" + rejected.enterpriseId(),
					deleted + " drafts");
		}
	}

}
