package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.ReviewFacts;

/**
 * Task_StartAftercare of subsidy-application: once the allocation decision is issued, the
 * after-award process starts for the same application (business key), in the same
 * transaction. The amount is the one recorded on the application when the subsidy was
 * computed; the variables are references and words for the forms only.
 */
@Component("startAftercareDelegate")
class StartAftercareDelegate implements JavaDelegate {

	private final ApplicationStages stages;

	StartAftercareDelegate(ApplicationStages stages) {
		this.stages = stages;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String key = execution.getProcessBusinessKey();
		long applicationId = AftercareCase.of(key);
		ReviewFacts facts = stages.facts(applicationId);
		BigDecimal allocated = facts.outcomes().subsidyAmount();
		if (facts.kind() != ApplicationKind.SUBSIDY || allocated == null || allocated.signum() <= 0) {
			throw new ProcessEngineException("Application " + applicationId + " has no allocated subsidy to pay");
		}
		RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
		if (runtime.createProcessInstanceQuery()
			.processDefinitionKey(AftercareModel.PROCESS_KEY)
			.processInstanceBusinessKey(key)
			.count() > 0) {
			return; // started already (a retried job): one after-award process per
					// application
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("applicationId", applicationId);
		variables.put("referenceNo", facts.referenceNo());
		variables.put("enterpriseName", facts.enterpriseName());
		variables.put("enterpriseUser", facts.enterpriseUser());
		variables.put("applicationTitle", facts.title());
		variables.put("divisionCode", facts.divisionCode());
		variables.put("subsidyAmount", Money.yuan(allocated));
		variables.put(AftercareModel.UNPAID_AMOUNT, Money.yuan(allocated));
		runtime.startProcessInstanceByKey(AftercareModel.PROCESS_KEY, key, variables);
		stages.note(applicationId, AftercareCase.SYSTEM, AftercareCase.SYSTEM_NAME, "AFTERCARE_STARTED",
				"奖补资金 " + Money.yuan(allocated) + " 元已下达，转县级财政部门拨付；项目建成投用后请申请项目验收。");
	}

}
