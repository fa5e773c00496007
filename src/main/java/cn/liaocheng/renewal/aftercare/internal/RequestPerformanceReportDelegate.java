package cn.liaocheng.renewal.aftercare.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.AfterAwardStep;

import cn.liaocheng.renewal.application.ApplicationStages;

/**
 * Task_RequestPerformanceReport: the time set after acceptance has come; the enterprise
 * is asked, in its case history and on its case page, to report the outcome figures it
 * promised.
 */
@Component("requestPerformanceReportDelegate")
class RequestPerformanceReportDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	private final ApplicationEventPublisher events;

	RequestPerformanceReportDelegate(ApplicationStages stages, ApplicationEventPublisher events) {
		this.stages = stages;
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = AftercareCase.of(execution);
		String message = "项目已验收通过满规定期限，请在申报详情的“项目后续管理”中报送绩效自评：实际年产值、年节能量、主要设备能效等级和数字化指标完成情况。";
		stages.note(applicationId, AftercareCase.SYSTEM, AftercareCase.SYSTEM_NAME, "PERFORMANCE_REQUESTED", message);
		events.publishEvent(new AfterAwardStep(applicationId, "请报送绩效自评", "：" + message));
	}

}
