package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.CaseOfStep;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Task_StartAftercare of subsidy-application: once the allocation decision is issued, the
 * after-award process starts for the same application (business key), in the same
 * transaction, and is recorded as the application's ({@link AfterAwardProcesses}). The
 * step must run in the application's own review process. The amount is the one recorded
 * on the application when the subsidy was computed; the variables are references and
 * words for the forms only.
 */
@Component("startAftercareDelegate")
class StartAftercareDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	private final AfterAwardProcesses processes;

	StartAftercareDelegate(ApplicationStages stages, AfterAwardProcesses processes) {
		this.stages = stages;
		this.processes = processes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = CaseOfStep.review(execution);
		ReviewFacts facts = stages.facts(applicationId);
		BigDecimal allocated = facts.outcomes().subsidyAmount();
		if (facts.kind() != ApplicationKind.SUBSIDY || allocated == null || allocated.signum() <= 0) {
			throw new ProcessEngineException("Application " + applicationId + " has no allocated subsidy to pay");
		}
		if (processes.started(applicationId, AftercareModel.PROCESS_KEY).isPresent()) {
			return; // started already (a retried job): one after-award process per
					// application
		}
		Map<String, Object> variables = AfterAwardProcesses.caseVariables(applicationId, facts);
		variables.put(ReviewProcesses.ENTERPRISE_USER, facts.enterpriseUser());
		variables.put(ReviewProcesses.SUBSIDY_AMOUNT, Money.yuan(allocated));
		variables.put(AftercareModel.UNPAID_AMOUNT, Money.yuan(allocated));
		processes.start(AftercareModel.PROCESS_KEY, applicationId, variables);
		stages.note(applicationId, AftercareCase.SYSTEM, AftercareCase.SYSTEM_NAME, "AFTERCARE_STARTED",
				"奖补资金 " + Money.yuan(allocated) + " 元已下达，转县级财政部门拨付；项目建成投用后请申请项目验收。");
	}

}
