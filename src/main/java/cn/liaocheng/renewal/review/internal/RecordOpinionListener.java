package cn.liaocheng.renewal.review.internal;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * On completing a review task: the decision and opinion the reviewer entered (local to the task's activity, so parallel
 * reviewers do not overwrite each other) become an opinion of record. A missing opinion or a decision the step does
 * not allow stops the completion with a message the reviewer sees in Tasklist.
 */
@Component("recordOpinionListener")
class RecordOpinionListener implements TaskListener {

	private static final Set<String> DECISIONS = Set.of(ReviewProcesses.APPROVE, ReviewProcesses.RETURN,
			ReviewProcesses.REFUSE, ReviewProcesses.GRANTED, ReviewProcesses.DECLINED);

	private final ReviewRecords records;

	RecordOpinionListener(ReviewRecords records) {
		this.records = records;
	}

	@Override
	public void notify(DelegateTask task) {
		Object decision = task.getVariable(ReviewProcesses.DECISION);
		Object opinion = task.getVariable(ReviewProcesses.OPINION);
		if (decision == null || !DECISIONS.contains(decision.toString())) {
			throw new ProcessEngineException("请选择审核结论");
		}
		if (opinion == null || opinion.toString().strip().length() < 2) {
			throw new ProcessEngineException("请填写审核意见（至少 2 个字）");
		}
		String group = task.getCandidates().stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElse("");
		long applicationId = ReviewedApplication.of(task);
		records.recordOpinion(applicationId, task.getId(), task.getTaskDefinitionKey(), task.getName(), group,
				task.getAssignee(), decision.toString(), opinion.toString().strip());
	}

}
