package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import cn.liaocheng.renewal.aftercare.AfterAwardStep;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The two moments of a subsidy's after-award life that the system marks itself: the
 * after-award process starts once the allocation decision is issued, and the enterprise
 * is asked for its performance report once the time set after acceptance has come. The
 * models' steps ({@link StartAftercareDelegate},
 * {@link RequestPerformanceReportDelegate}) only name the case.
 */
@Service
class AftercareMilestones {

	private final ApplicationStages stages;

	private final AfterAwardProcesses processes;

	private final ApplicationEventPublisher events;

	AftercareMilestones(ApplicationStages stages, AfterAwardProcesses processes, ApplicationEventPublisher events) {
		this.stages = stages;
		this.processes = processes;
		this.events = events;
	}

	/**
	 * Starts the after-award process of the application, in the caller's transaction, and
	 * records it as the application's ({@link AfterAwardProcesses}); once per
	 * application, so a retried step starts nothing more. The amount is the one recorded
	 * on the application when the subsidy was computed; the variables are references and
	 * words for the forms only.
	 */
	void start(long applicationId) {
		ReviewFacts facts = stages.facts(applicationId);
		BigDecimal allocated = facts.outcomes().subsidyAmount();
		if (facts.kind() != ApplicationKind.SUBSIDY || allocated == null || allocated.signum() <= 0) {
			throw new ProcessEngineException("Application " + applicationId + " has no allocated subsidy to pay");
		}
		if (processes.started(applicationId, AftercareModel.PROCESS_KEY).isPresent()) {
			return;
		}
		Map<String, Object> variables = AfterAwardProcesses.caseVariables(applicationId, facts);
		variables.put(ReviewProcesses.ENTERPRISE_USER, facts.enterpriseUser());
		variables.put(ReviewProcesses.SUBSIDY_AMOUNT, Money.yuan(allocated));
		variables.put(AftercareModel.UNPAID_AMOUNT, Money.yuan(allocated));
		processes.start(AftercareModel.PROCESS_KEY, applicationId, variables);
		stages.note(applicationId, AftercareCase.SYSTEM, AftercareCase.SYSTEM_NAME, "AFTERCARE_STARTED",
				"奖补资金 " + Money.yuan(allocated) + " 元已下达，转县级财政部门拨付；奖补资金全额拨付后，请按规定申请项目验收。");
	}

	/**
	 * Asks the enterprise, in its case history and on its case page, to report the
	 * outcome figures it promised.
	 */
	void askForPerformanceReport(long applicationId) {
		String message = "项目已验收通过满规定期限，请在申报详情的“项目后续管理”中报送绩效自评：实际年产值、年节能量、主要设备能效等级和数字化指标完成情况。";
		stages.note(applicationId, AftercareCase.SYSTEM, AftercareCase.SYSTEM_NAME, "PERFORMANCE_REQUESTED", message);
		events.publishEvent(new AfterAwardStep(applicationId, "请报送绩效自评", "：" + message));
	}

}
