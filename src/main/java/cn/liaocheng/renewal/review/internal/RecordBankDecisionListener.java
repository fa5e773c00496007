package cn.liaocheng.renewal.review.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * On completing Task_BankDecision: the bank's own decision is recorded as its offer — a grant with its amount, rate,
 * term, date and kind, or a decline with its reasons. The enterprise accepts at most one grant. Only a re-lending
 * institution can report re-lending funds.
 */
@Component("recordBankDecisionListener")
class RecordBankDecisionListener implements TaskListener {

	private final ApplicationStages stages;

	private final Directory directory;

	RecordBankDecisionListener(ApplicationStages stages, Directory directory) {
		this.stages = stages;
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		long applicationId = ReviewedApplication.of(task);
		String bank = task.getCandidates().stream()
			.map(IdentityLink::getGroupId)
			.filter(g -> g != null && g.startsWith(GroupNames.bank("")))
			.map(g -> g.substring(GroupNames.bank("").length()))
			.findFirst()
			.orElseThrow(() -> new ProcessEngineException("银行审贷任务没有银行候选组"));
		String opinion = String.valueOf(task.getVariable(ReviewProcesses.OPINION)).strip();
		if (!ReviewProcesses.GRANTED.equals(String.valueOf(task.getVariable(ReviewProcesses.DECISION)))) {
			stages.recordLoanOffer(applicationId, bank, LoanOffer.Decision.DECLINED, null, opinion);
			return;
		}
		BigDecimal amount = decimal(task.getVariable("grantedAmount"), "放贷金额");
		BigDecimal rate = decimal(task.getVariable("interestRate"), "年利率");
		BigDecimal term = decimal(task.getVariable("termMonths"), "期限");
		Object date = task.getVariable("grantDate");
		if (amount.signum() <= 0 || term.signum() <= 0 || date == null) {
			throw new ProcessEngineException("同意放贷时请填写放贷金额、期限和放款日期");
		}
		LoanGrant.LoanType type = loanType(task.getVariable("loanType"));
		boolean relending = Boolean.TRUE.equals(task.getVariable("usedRelending"));
		if (relending && !directory.isRelendingBank(bank)) {
			throw new ProcessEngineException("本行不是科技创新和技术改造再贷款发放机构，不能勾选“使用再贷款资金”");
		}
		stages.recordLoanOffer(applicationId, bank, LoanOffer.Decision.GRANTED,
				new LoanGrant(amount.setScale(2, java.math.RoundingMode.HALF_UP), rate, term.intValue(),
						LocalDate.parse(date.toString().substring(0, 10)), type, relending),
				opinion);
	}

	private static LoanGrant.LoanType loanType(Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new ProcessEngineException("同意放贷时请选择贷款品种");
		}
		try {
			return LoanGrant.LoanType.valueOf(value.toString());
		}
		catch (IllegalArgumentException e) {
			throw new ProcessEngineException("贷款品种不正确");
		}
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
