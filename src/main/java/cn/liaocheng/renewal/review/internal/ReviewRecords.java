package cn.liaocheng.renewal.review.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.audit.AuditTrail;

/** Opinions of record: stored, shown in the application's history, written to the audit trail. */
@Service
class ReviewRecords {

	private final OpinionStore opinions;

	private final Directory directory;

	private final ApplicationStages stages;

	private final AuditTrail audit;

	ReviewRecords(OpinionStore opinions, Directory directory, ApplicationStages stages, AuditTrail audit) {
		this.opinions = opinions;
		this.directory = directory;
		this.stages = stages;
		this.audit = audit;
	}

	@Transactional
	void recordOpinion(long applicationId, String taskId, String step, String stepName, String group, String reviewer,
			String decision, String text) {
		String reviewerId = reviewer == null ? "system" : reviewer;
		String reviewerName = directory.personName(reviewer);
		String bodyName = directory.bodyName(group);
		Opinion opinion = new Opinion(0, applicationId, taskId, step, stepName, group, bodyName, reviewerId,
				reviewerName, decision, text, OpinionStore.now());
		opinions.add(opinion);
		// The enterprise reads reasons for returns and refusals; approvals show as the step passed.
		boolean addressedToApplicant = !decision.equals("APPROVE") && !decision.equals("GRANTED");
		stages.note(applicationId, reviewerId, bodyName, "OPINION", bodyName + "「" + stepName + "」："
				+ opinion.decisionLabel() + (addressedToApplicant ? "。意见：" + text : ""));
		audit.record(reviewerId, "REVIEW_OPINION", "application:" + applicationId, step + " " + decision);
	}

	List<Opinion> opinions(long applicationId) {
		return opinions.forApplication(applicationId);
	}

}
