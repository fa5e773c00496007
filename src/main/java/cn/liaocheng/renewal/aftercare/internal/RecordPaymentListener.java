package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.engine.ConcurrentChanges;
import cn.liaocheng.renewal.review.StepRecordedMeanwhile;
import cn.liaocheng.renewal.review.StepRefused;
import cn.liaocheng.renewal.review.TaskCandidates;

/**
 * On completing Task_RecordPayment: the instalment the form sent is recorded
 * ({@link SubsidyInstalments}); a refusal stops the completion with its message, which
 * the bureau sees in Tasklist. The process learns whether the allocation is now paid in
 * full and what remains.
 */
@Component("recordPaymentListener")
class RecordPaymentListener implements TaskListener {

	private final SubsidyInstalments payments;

	RecordPaymentListener(SubsidyInstalments payments) {
		this.payments = payments;
	}

	@Override
	public void notify(DelegateTask task) {
		SubsidyInstalments.Entry entry = new SubsidyInstalments.Entry(task.getVariable(AftercareModel.PAYMENT_DATE),
				task.getVariable(AftercareModel.PAID_AMOUNT), task.getVariable(AftercareModel.VOUCHER_NO));
		SubsidyInstalments.Recorded recorded;
		try {
			recorded = payments.record(AftercareCase.of(task), task.getId(), TaskCandidates.body(task),
					task.getAssignee(), entry);
		}
		catch (StepRecordedMeanwhile e) {
			throw new OptimisticLockingException(ConcurrentChanges.TASK_DONE_BY_ANOTHER);
		}
		catch (StepRefused e) {
			throw new ProcessEngineException(e.getMessage());
		}
		task.getExecution().getProcessInstance().setVariable(AftercareModel.PAID_IN_FULL, recorded.inFull());
		task.getExecution()
			.getProcessInstance()
			.setVariable(AftercareModel.UNPAID_AMOUNT, Money.yuan(recorded.remaining()));
	}

}
