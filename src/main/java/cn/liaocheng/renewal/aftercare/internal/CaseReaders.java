package cn.liaocheng.renewal.aftercare.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.AttachmentDownload;
import cn.liaocheng.renewal.review.access.ReviewAccess;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Which reviewers read a case's after-award record and evidence: whoever may open its
 * dossier ({@link ReviewAccess}: administrators, the bodies and people who had a task on
 * the case, and those it was copied to). Anyone else gets 404, as if the case did not
 * exist.
 */
@Component
public class CaseReaders {

	private final ReviewAccess access;

	private final AftercareStandings standings;

	private final EnterpriseSteps steps;

	CaseReaders(ReviewAccess access, AftercareStandings standings, EnterpriseSteps steps) {
		this.access = access;
		this.standings = standings;
		this.steps = steps;
	}

	@Transactional(readOnly = true)
	public AftercareView view(PortalUser reviewer, long applicationId) {
		check(reviewer, applicationId);
		return standings.of(applicationId).orElseThrow(ApplicationNotFoundException::new);
	}

	@Transactional(readOnly = true)
	public AttachmentDownload evidence(PortalUser reviewer, long applicationId, long evidenceId) {
		check(reviewer, applicationId);
		return steps.download(applicationId, evidenceId);
	}

	private void check(PortalUser reviewer, long applicationId) {
		if (!access.canRead(reviewer, applicationId)) {
			throw new ApplicationNotFoundException();
		}
	}

}
