package cn.liaocheng.renewal.review.opinions;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.ConcurrentChanges;
import cn.liaocheng.renewal.engine.TaskForms;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.StepRecordedMeanwhile;
import cn.liaocheng.renewal.review.StepRefused;
import cn.liaocheng.renewal.review.TaskCandidates;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * On completing a review task: the decision and opinion the reviewer entered (local to
 * the task's activity, so parallel reviewers do not overwrite each other) are given to
 * {@link ReviewOpinions#give}, which checks them and records the opinion of record; a
 * refusal stops the completion with its message, which the reviewer sees in Tasklist.
 * Whatever the door the completion came through (the engine's Java API and code running
 * in nobody's name included), the same rules apply.
 */
@Component("recordOpinionListener")
class RecordOpinionListener implements TaskListener {

	private final ReviewOpinions opinions;

	RecordOpinionListener(ReviewOpinions opinions) {
		this.opinions = opinions;
	}

	@Override
	public void notify(DelegateTask task) {
		Object decision = task.getVariable(ReviewProcesses.DECISION);
		String group = TaskCandidates.body(task);
		String process = task.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(task.getProcessDefinitionId())
			.getKey();
		String chosen = decision == null ? null
				: TaskForms.optionLabel(task, ReviewProcesses.DECISION, decision.toString()).orElse(null);
		try {
			opinions.give(() -> ReviewedApplication.of(task), task.getId(), task.getTaskDefinitionKey(), task.getName(),
					group, task.getAssignee(), decision, chosen, task.getVariable(ReviewProcesses.OPINION),
					ReviewProcesses.REVIEW_PROCESSES.contains(process),
					ReviewedApplication.rootProcessInstanceId(task));
		}
		catch (StepRecordedMeanwhile e) {
			// The engine's kind of conflict, not a failure of the database.
			throw new OptimisticLockingException(ConcurrentChanges.TASK_DONE_BY_ANOTHER);
		}
		catch (StepRefused e) {
			throw new ProcessEngineException(e.getMessage());
		}
	}

}
