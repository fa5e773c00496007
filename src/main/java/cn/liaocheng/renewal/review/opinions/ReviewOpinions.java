package cn.liaocheng.renewal.review.opinions;

import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.review.OpinionView;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.StepRecordedMeanwhile;
import cn.liaocheng.renewal.review.StepRefused;
import cn.liaocheng.renewal.review.directory.Directory;

/**
 * Opinions of record: given at a step, stored (they outlive Camunda's history cleanup),
 * shown in the application's history, written to the audit trail; and read back for the
 * dossier view and for the steps that count them.
 */
@Service
public class ReviewOpinions {

	/** The reviewer recorded for an opinion whose task had no assignee. */
	public static final String NO_REVIEWER = "system";

	static final String RETURN_TO_DISABLED = "该企业账户已被停用，企业不能补正，不能退回补正；请联系企业所在县（市、区）工业和信息化局恢复账户后再退回，或作出其他审核结论";

	private final OpinionStore store;

	private final Directory directory;

	private final ApplicationStages stages;

	private final AuditTrail audit;

	ReviewOpinions(OpinionStore store, Directory directory, ApplicationStages stages, AuditTrail audit) {
		this.store = store;
		this.directory = directory;
		this.stages = stages;
		this.audit = audit;
	}

	/**
	 * What an administrator is told who completes a review task: the opinion of record
	 * would be their word in a body's name.
	 */
	static final String ADMINISTRATOR_REFUSED = "系统管理员账号不能给出审核意见：审核意见须由审核单位的工作人员用本人账号给出，请由本单位人员认领后办理";

	private static final Set<String> DECISIONS = Set.of(ReviewProcesses.APPROVE, ReviewProcesses.RETURN,
			ReviewProcesses.REFUSE, ReviewProcesses.GRANTED, ReviewProcesses.DECLINED);

	/**
	 * A reviewer's completion of a step, checked before it becomes the opinion of record
	 * ({@link #record}): no administrator gives a body's opinion (an administrator can
	 * join any body's group, so it would be their own word signed in the body's name; the
	 * assignee, whom the opinion names, is checked as the account is now), a conclusion
	 * the review knows, an opinion of at least 2 characters, and no approval of a claim
	 * that double-funding checks refuse (checked again at every approval: a claim must
	 * not pass on an invoice or project that another application holds, whatever happened
	 * since it was submitted). {@code decision} and {@code text} are what the form sent;
	 * the case is asked of {@code caseOfTask} once the completion's own rules pass.
	 */
	@Transactional
	void give(LongSupplier caseOfTask, String taskId, String step, String stepName, String group, String reviewer,
			Object decision, String chosenLabel, Object text, boolean toldInHistory, String rootProcessInstanceId) {
		if (directory.isAdministrator(reviewer)) {
			throw new StepRefused(ADMINISTRATOR_REFUSED);
		}
		if (decision == null || !DECISIONS.contains(decision.toString())) {
			throw new StepRefused("请选择审核结论");
		}
		if (text == null || text.toString().strip().length() < 2) {
			throw new StepRefused("请填写审核意见（至少 2 个字）");
		}
		long applicationId = caseOfTask.getAsLong();
		if (toldInHistory && ReviewProcesses.RETURN.equals(decision.toString())
				&& stages.enterpriseDisabled(applicationId)) {
			// A return for correction (补正) of the review: the enterprise could not
			// correct, and the deadline would run against it for nothing.
			throw new StepRefused(RETURN_TO_DISABLED);
		}
		if (ReviewProcesses.APPROVE.equals(decision.toString())) {
			List<FieldProblem> funding = stages.fundingProblems(applicationId);
			if (!funding.isEmpty()) {
				throw new StepRefused("该申请不能审核通过，请退回补正或不予通过："
						+ String.join("；", funding.stream().map(FieldProblem::message).toList()));
			}
		}
		try {
			record(applicationId, taskId, step, stepName, group, reviewer, decision.toString(), chosenLabel,
					text.toString().strip(), toldInHistory, rootProcessInstanceId);
		}
		catch (DuplicateKeyException recordedMeanwhile) {
			throw new StepRecordedMeanwhile();
		}
	}

	/**
	 * Records an opinion, with the words of the conclusion the reviewer picked
	 * ({@code null} when the task's form has none); {@code toldInHistory} when the
	 * application's history shows it in the review's words (同意, 退回补正, 不同意), false for
	 * steps that tell the enterprise in their own (the after-award and clawback steps:
	 * 限期整改, 未达到预期目标). Kept with it: whether the reviewer is, as they give it, a member of
	 * the body (or its lead), and the root process instance of the task; a decision is
	 * signed only on opinions of members given in the case's own review process.
	 */
	@Transactional
	void record(long applicationId, String taskId, String step, String stepName, String group, String reviewer,
			String decision, String chosenLabel, String text, boolean toldInHistory, String rootProcessInstanceId) {
		String reviewerId = reviewer == null ? NO_REVIEWER : reviewer;
		String reviewerName = directory.personName(reviewer);
		String bodyName = directory.bodyName(group);
		// The column holds 100 characters; an option label is a short phrase.
		String label = chosenLabel == null || chosenLabel.length() <= 100 ? chosenLabel : chosenLabel.substring(0, 100);
		Opinion opinion = new Opinion(0, applicationId, taskId, step, stepName, group, bodyName, reviewerId,
				reviewerName, decision, text, OpinionStore.now(), label);
		store.add(opinion, directory.isMemberOf(reviewer, group), rootProcessInstanceId);
		// The enterprise reads reasons for returns and refusals; approvals show as the
		// step passed.
		boolean addressedToApplicant = !decision.equals(ReviewProcesses.APPROVE)
				&& !decision.equals(ReviewProcesses.GRANTED);
		if (toldInHistory) {
			stages.note(applicationId, reviewerId, bodyName, "OPINION", bodyName + "「" + stepName + "」："
					+ opinion.decisionLabel() + (addressedToApplicant ? "。意见：" + text : ""));
		}
		audit.record(reviewerId, "REVIEW_OPINION", "application:" + applicationId, step + " " + decision);
	}

	/** The standing opinions of an application (not superseded), oldest first. */
	public List<Opinion> standing(long applicationId) {
		return store.forApplication(applicationId);
	}

	/**
	 * Every opinion on an application, oldest first, for the dossier view, superseded
	 * ones marked as such.
	 */
	@Transactional(readOnly = true)
	public List<OpinionView> forApplication(long applicationId) {
		Set<String> superseded = store.supersededTasks(applicationId);
		return store.allForApplication(applicationId)
			.stream()
			.map(o -> new OpinionView(o.at(), o.stepName(), o.bodyGroup(), o.bodyName(), o.reviewerName(),
					o.decisionLabel(), o.decision(), o.opinion(), superseded.contains(o.taskId())))
			.toList();
	}

}
