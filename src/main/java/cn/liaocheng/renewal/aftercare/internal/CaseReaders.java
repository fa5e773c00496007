package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.AttachmentDownload;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Which reviewers read a case's after-award record and evidence: administrators, and the
 * bodies whose group had a task on the case (the county's finance and industry bureaus,
 * the city industry bureau), or who were assigned one — the same rule as for the dossier.
 * Anyone else gets 404, as if the case did not exist.
 */
@Component
public class CaseReaders {

	private final HistoryService history;

	private final AftercareStandings standings;

	private final EnterpriseSteps steps;

	CaseReaders(HistoryService history, AftercareStandings standings, EnterpriseSteps steps) {
		this.history = history;
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
		if (!canRead(reviewer, applicationId)) {
			throw new ApplicationNotFoundException();
		}
	}

	boolean canRead(PortalUser user, long applicationId) {
		if (user.isAdministrator()) {
			return true;
		}
		String key = Long.toString(applicationId);
		if (history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(key)
			.taskAssignee(user.userId())
			.count() > 0) {
			return true;
		}
		// Users belong to one or two groups, so one query per group is cheap.
		for (String group : user.groupIds()) {
			if (history.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKey(key)
				.taskHadCandidateGroup(group)
				.count() > 0) {
				return true;
			}
		}
		return false;
	}

}
