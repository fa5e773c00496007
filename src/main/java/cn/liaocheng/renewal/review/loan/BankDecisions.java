package cn.liaocheng.renewal.review.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;

import org.springframework.stereotype.Service;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.StepRefused;
import cn.liaocheng.renewal.review.directory.Directory;

/**
 * A bank's own decision on a loan, recorded as its offer: a grant with its amount, rate,
 * term, date and kind, or a decline with its reasons. The enterprise accepts at most one
 * grant. Only a re-lending institution can report re-lending funds. What is wrong with a
 * grant is said in Chinese for the bank's officer.
 */
@Service
class BankDecisions {

	private final ApplicationStages stages;

	private final Directory directory;

	BankDecisions(ApplicationStages stages, Directory directory) {
		this.stages = stages;
		this.directory = directory;
	}

	/** What the bank's officer entered in the task's form, as the form sends it. */
	record Entry(Object decision, Object opinion, Object grantedAmount, Object interestRate, Object termMonths,
			Object grantDate, Object loanType, Object usedRelending) {
	}

	/**
	 * Records the decision of the bank among the task's candidate groups.
	 * @throws StepRefused when the task has no bank among its candidates or a grant is
	 * incomplete or wrong
	 */
	void record(long applicationId, Collection<String> candidateGroups, Entry entry) {
		String bank = GroupNames.bodyOf(candidateGroups)
			.filter(g -> g.startsWith(GroupNames.bank("")))
			.map(g -> g.substring(GroupNames.bank("").length()))
			.orElseThrow(() -> new StepRefused("银行审贷任务没有银行候选组"));
		String opinion = String.valueOf(entry.opinion()).strip();
		if (!ReviewProcesses.GRANTED.equals(String.valueOf(entry.decision()))) {
			stages.recordLoanOffer(applicationId, bank, LoanOffer.Decision.DECLINED, null, opinion);
			return;
		}
		BigDecimal amount = decimal(entry.grantedAmount(), "放贷金额");
		BigDecimal rate = decimal(entry.interestRate(), "年利率");
		BigDecimal term = decimal(entry.termMonths(), "期限");
		Object date = entry.grantDate();
		if (amount.signum() <= 0 || term.signum() <= 0 || date == null) {
			throw new StepRefused("同意放贷时请填写放贷金额、期限和放款日期");
		}
		// The notices state the rate as recorded, so nothing the record cannot hold is
		// taken (it keeps four decimals, as the form asks).
		if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.stripTrailingZeros().scale() > 4) {
			throw new StepRefused("年利率应在 0 至 100（%）之间，最多保留 4 位小数");
		}
		// The national subsidy is on the principal of loans for the renewal project, and
		// the loans on a project may not together ask more than its total investment
		// (ProjectLoans): a grant above what is left is refused as the application
		// would be. The project's row is held until the decision is recorded.
		stages.otherLoansOnProject(applicationId).ifPresent(loans -> {
			if (loans.exceedsAlone(amount)) {
				throw new StepRefused("放贷金额 " + Money.yuan(amount) + " 元超过所属项目的总投资 "
						+ Money.yuan(loans.totalInvestment()) + " 元；设备更新贷款财政贴息按项目相关贷款本金计算，请核对放贷金额");
			}
			if (loans.exceedsWithOthers(amount)) {
				throw new StepRefused(loans.sumProblem("放贷金额", amount) + "；设备更新贷款财政贴息按项目相关贷款本金计算，请核对放贷金额");
			}
		});
		LocalDate granted = grantDate(date);
		LoanGrant.LoanType type = loanType(entry.loanType());
		boolean relending = Boolean.TRUE.equals(entry.usedRelending());
		if (relending && !directory.isRelendingBank(bank)) {
			throw new StepRefused("本行不是科技创新和技术改造再贷款发放机构，不能勾选“使用再贷款资金”");
		}
		stages.recordLoanOffer(applicationId, bank, LoanOffer.Decision.GRANTED, new LoanGrant(
				amount.setScale(2, RoundingMode.HALF_UP), rate, term.intValue(), granted, type, relending), opinion);
	}

	/**
	 * The day the loan was paid out: the decision says the bank "已于该日发放", so it cannot
	 * lie ahead.
	 */
	private static LocalDate grantDate(Object value) {
		LocalDate date;
		try {
			date = LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
		}
		catch (RuntimeException e) {
			throw new StepRefused("放款日期格式不正确");
		}
		if (date.isAfter(ChinaTime.today())) {
			throw new StepRefused("放款日期不能晚于今天：请在贷款实际发放后填写发放日期");
		}
		return date;
	}

	private static LoanGrant.LoanType loanType(Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new StepRefused("同意放贷时请选择贷款品种");
		}
		try {
			return LoanGrant.LoanType.valueOf(value.toString());
		}
		catch (IllegalArgumentException e) {
			throw new StepRefused("贷款品种不正确");
		}
	}

	private static BigDecimal decimal(Object value, String label) {
		if (value == null || value.toString().isBlank()) {
			throw new StepRefused("同意放贷时请填写" + label);
		}
		try {
			return new BigDecimal(value.toString());
		}
		catch (NumberFormatException e) {
			throw new StepRefused(label + "格式不正确");
		}
	}

}
