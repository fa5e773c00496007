package cn.liaocheng.renewal.review.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.review.ReviewProcesses;

/** On completing Task_BankDecision: a granted loan's amount, rate, term and date are recorded on the application. */
@Component("recordBankDecisionListener")
class RecordBankDecisionListener implements TaskListener {

	private final ApplicationStages stages;

	RecordBankDecisionListener(ApplicationStages stages) {
		this.stages = stages;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!ReviewProcesses.GRANTED.equals(String.valueOf(task.getVariable(ReviewProcesses.DECISION)))) {
			return;
		}
		BigDecimal amount = decimal(task.getVariable("grantedAmount"), "放贷金额");
		BigDecimal rate = decimal(task.getVariable("interestRate"), "年利率");
		BigDecimal term = decimal(task.getVariable("termMonths"), "期限");
		Object date = task.getVariable("grantDate");
		if (amount.signum() <= 0 || term.signum() <= 0 || date == null) {
			throw new ProcessEngineException("同意放贷时请填写放贷金额、期限和放款日期");
		}
		boolean relending = Boolean.TRUE.equals(task.getVariable("usedRelending"));
		long applicationId = ReviewedApplication.of(task);
		stages.recordLoan(applicationId, amount.setScale(2, java.math.RoundingMode.HALF_UP), rate, term.intValue(),
				LocalDate.parse(date.toString().substring(0, 10)), relending);
	}

	private static BigDecimal decimal(Object value, String label) {
		if (value == null || value.toString().isBlank()) {
			throw new ProcessEngineException("同意放贷时请填写" + label);
		}
		try {
			return new BigDecimal(value.toString());
		}
		catch (NumberFormatException e) {
			throw new ProcessEngineException(label + "格式不正确");
		}
	}

}
