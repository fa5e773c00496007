package cn.liaocheng.renewal.aftercare.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.ConcurrentChanges;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.StepRecordedMeanwhile;
import cn.liaocheng.renewal.review.StepRefused;
import cn.liaocheng.renewal.review.TaskCandidates;

/**
 * On completing the county check, the city's on-site acceptance or the performance
 * evaluation: the finding the form sent is recorded ({@link AftercareFindings}); a
 * refusal stops the completion with its message, which the reviewer sees in Tasklist. The
 * moments the model waits for are set from the finding: when a rectification is overdue,
 * or when the performance report falls due.
 */
@Component("recordFindingListener")
class RecordFindingListener implements TaskListener {

	private final AftercareFindings findings;

	RecordFindingListener(AftercareFindings findings) {
		this.findings = findings;
	}

	@Override
	public void notify(DelegateTask task) {
		AftercareFindings.Entry entry = new AftercareFindings.Entry(
				String.valueOf(task.getVariable(ReviewProcesses.DECISION)),
				String.valueOf(task.getVariable(ReviewProcesses.OPINION)).strip(),
				task.getVariable(AftercareModel.RECTIFICATION_DEADLINE), task.getVariable(AftercareModel.SCORE),
				task.getVariable(AftercareModel.GRADE));
		AftercareFindings.Recorded recorded;
		try {
			recorded = findings.record(AftercareCase.of(task), task.getId(), task.getTaskDefinitionKey(),
					TaskCandidates.body(task), task.getAssignee(), entry);
		}
		catch (StepRecordedMeanwhile e) {
			throw new OptimisticLockingException(ConcurrentChanges.TASK_DONE_BY_ANOTHER);
		}
		catch (StepRefused e) {
			throw new ProcessEngineException(e.getMessage());
		}
		DelegateExecution instance = task.getExecution().getProcessInstance();
		if (recorded.rectificationDue() != null) {
			instance.setVariable(AftercareModel.RECTIFICATION_DUE, iso(recorded.rectificationDue()));
		}
		if (recorded.performanceDue() != null) {
			instance.setVariable(AftercareModel.PERFORMANCE_DUE, iso(recorded.performanceDue()));
		}
	}

	private static String iso(Instant moment) {
		return DateTimeFormatter.ISO_INSTANT.format(moment);
	}

}
