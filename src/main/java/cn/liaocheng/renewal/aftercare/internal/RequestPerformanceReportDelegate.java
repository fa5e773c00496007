package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RequestPerformanceReport: the time set after acceptance has come; the enterprise
 * is asked for its performance report
 * ({@link AftercareMilestones#askForPerformanceReport}).
 */
@Component("requestPerformanceReportDelegate")
class RequestPerformanceReportDelegate implements JavaDelegate {

	private final AftercareMilestones milestones;

	RequestPerformanceReportDelegate(AftercareMilestones milestones) {
		this.milestones = milestones;
	}

	@Override
	public void execute(DelegateExecution execution) {
		milestones.askForPerformanceReport(AftercareCase.of(execution));
	}

}
