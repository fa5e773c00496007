package cn.liaocheng.renewal.review.opinions;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.engine.TaskForms;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * On completing a review task: the decision and opinion the reviewer entered (local to
 * the task's activity, so parallel reviewers do not overwrite each other) become an
 * opinion of record. A missing opinion or a decision the step does not allow stops the
 * completion with a message the reviewer sees in Tasklist, and so does an approval of a
 * claim that double-funding checks refuse.
 * <p>
 * No administrator gives a body's opinion, whatever the door the completion came through
 * (the engine's checker refuses signed-in administrators already; this also holds for the
 * engine's Java API and code running in nobody's name): an administrator can join any
 * body's group, so their opinion would be their own word signed in the body's name. The
 * assignee, whom the opinion of record names, is checked against {@code camunda-admin} as
 * it is now.
 */
@Component("recordOpinionListener")
class RecordOpinionListener implements TaskListener {

	static final String ADMINISTRATOR_REFUSED = "系统管理员账号不能给出审核意见：审核意见须由审核单位的工作人员用本人账号给出，请由本单位人员认领后办理";

	private static final Set<String> DECISIONS = Set.of(ReviewProcesses.APPROVE, ReviewProcesses.RETURN,
			ReviewProcesses.REFUSE, ReviewProcesses.GRANTED, ReviewProcesses.DECLINED);

	private final ReviewOpinions opinions;

	private final ApplicationStages stages;

	private final Directory directory;

	RecordOpinionListener(ReviewOpinions opinions, ApplicationStages stages, Directory directory) {
		this.opinions = opinions;
		this.stages = stages;
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		if (directory.isAdministrator(task.getAssignee())) {
			throw new ProcessEngineException(ADMINISTRATOR_REFUSED);
		}
		Object decision = task.getVariable(ReviewProcesses.DECISION);
		Object opinion = task.getVariable(ReviewProcesses.OPINION);
		if (decision == null || !DECISIONS.contains(decision.toString())) {
			throw new ProcessEngineException("请选择审核结论");
		}
		if (opinion == null || opinion.toString().strip().length() < 2) {
			throw new ProcessEngineException("请填写审核意见（至少 2 个字）");
		}
		String group = GroupNames
			.bodyOf(task.getCandidates()
				.stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
				.map(IdentityLink::getGroupId)
				.toList())
			.orElse("");
		long applicationId = ReviewedApplication.of(task);
		if (ReviewProcesses.APPROVE.equals(decision.toString())) {
			// Double funding is checked again at every approval: a claim must not pass on
			// an invoice or project that another application holds, whatever happened
			// since it was submitted.
			List<FieldProblem> funding = stages.fundingProblems(applicationId);
			if (!funding.isEmpty()) {
				throw new ProcessEngineException("该申请不能审核通过，请退回补正或不予通过："
						+ String.join("；", funding.stream().map(FieldProblem::message).toList()));
			}
		}
		try {
			String process = task.getProcessEngineServices()
				.getRepositoryService()
				.getProcessDefinition(task.getProcessDefinitionId())
				.getKey();
			String chosen = TaskForms.optionLabel(task, ReviewProcesses.DECISION, decision.toString()).orElse(null);
			opinions.record(applicationId, task.getId(), task.getTaskDefinitionKey(), task.getName(), group,
					task.getAssignee(), decision.toString(), chosen, opinion.toString().strip(),
					ReviewProcesses.REVIEW_PROCESSES.contains(process),
					ReviewedApplication.rootProcessInstanceId(task));
		}
		catch (DuplicateKeyException recordedMeanwhile) {
			// A task has one opinion: the other completion of this task (a second tab, a
			// colleague) committed first and this one waited on its row. That is the
			// engine's kind of conflict, not a failure of the database.
			throw new OptimisticLockingException("该任务已由他人办理，请刷新后查看");
		}
	}

}
