package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.AfterAwardStep;
import cn.liaocheng.renewal.aftercare.PaymentHolds;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.application.VoucherNumber;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PlainText;

/**
 * On completing Task_RecordPayment: one instalment of the allocated subsidy, checked
 * against the record — at most what remains unpaid of the amount allocated on the
 * application, on a day between the allocation and today, under a voucher the paying
 * bureau has not used before, on this case or another. Payments in instalments are
 * allowed (funds often reach the county in batches); the task comes back until the
 * allocation is paid in full.
 */
@Component("recordPaymentListener")
class RecordPaymentListener implements TaskListener {

	private final AftercareRecords records;

	private final ApplicationStages stages;

	private final OrganizationCatalog bodies;

	private final ApplicationEventPublisher events;

	private final List<PaymentHolds> holds;

	RecordPaymentListener(AftercareRecords records, ApplicationStages stages, OrganizationCatalog bodies,
			ApplicationEventPublisher events, List<PaymentHolds> holds) {
		this.holds = holds;
		this.records = records;
		this.stages = stages;
		this.bodies = bodies;
		this.events = events;
	}

	@Override
	public void notify(DelegateTask task) {
		long applicationId = AftercareCase.of(task);
		// The case's row first, as a clawback's start takes it: a clawback started while
		// this payment is recorded either holds it or sees it recorded, never neither.
		stages.hold(applicationId);
		for (PaymentHolds hold : holds) {
			hold.heldFor(applicationId).ifPresent(reason -> {
				throw new ProcessEngineException(reason);
			});
		}
		ReviewFacts facts = stages.facts(applicationId);
		BigDecimal allocated = facts.outcomes().subsidyAmount();
		List<Payment> earlier = records.payments(applicationId);
		BigDecimal paid = earlier.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal unpaid = allocated.subtract(paid);
		LocalDate paidOn = date(task.getVariable(AftercareModel.PAYMENT_DATE));
		LocalDate today = LocalDate.now(WorkingDays.CHINA);
		LocalDate allocatedOn = facts.outcomes().decidedAt() == null ? null
				: LocalDate.ofInstant(facts.outcomes().decidedAt(), WorkingDays.CHINA);
		if (paidOn.isAfter(today)) {
			throw new ProcessEngineException("拨付日期不能晚于今天，请按实际拨付日期登记");
		}
		if (allocatedOn != null && paidOn.isBefore(allocatedOn)) {
			throw new ProcessEngineException("拨付日期不能早于资金下达日期（" + allocatedOn + "）");
		}
		BigDecimal amount = amount(task.getVariable(AftercareModel.PAID_AMOUNT));
		if (amount.compareTo(unpaid) > 0) {
			throw new ProcessEngineException("本次拨付金额 " + Money.yuan(amount) + " 元超过尚未拨付的 " + Money.yuan(unpaid)
					+ " 元（下达 " + Money.yuan(allocated) + " 元，已拨付 " + Money.yuan(paid) + " 元）");
		}
		String voucher = voucher(task.getVariable(AftercareModel.VOUCHER_NO));
		String key = VoucherNumber.key(voucher);
		if (earlier.stream().anyMatch(p -> VoucherNumber.key(p.voucherNo()).equals(key))) {
			throw new ProcessEngineException("凭证号 " + voucher + " 已登记过一次拨付，请核对");
		}
		String group = AftercareCase.group(task);
		// One payment voucher is one payment of the bureau: the case it was recorded on
		// is
		// the bureau's own, so it is named.
		records.voucherUsedOn(group, key).ifPresent(other -> {
			throw new ProcessEngineException("拨付凭证号 " + voucher + " 已在申报编号 " + stages.facts(other).referenceNo()
					+ " 的奖补资金拨付中登记过，同一张拨付凭证不能重复登记，请核对");
		});
		long paymentId;
		try {
			paymentId = records.recordPayment(applicationId, task.getId(), paidOn, amount, voucher, group,
					task.getAssignee());
		}
		catch (DuplicateKeyException recordedMeanwhile) {
			throw new OptimisticLockingException("该任务已由他人办理，请刷新后查看");
		}
		try {
			records.holdVoucher(group, key, paymentId);
		}
		catch (DuplicateKeyException usedMeanwhile) {
			throw new ProcessEngineException("拨付凭证号 " + voucher + " 刚刚已在本局另一案件的拨付中登记，同一张拨付凭证不能重复登记，请核对");
		}
		BigDecimal remaining = unpaid.subtract(amount);
		String body = bodies.groupName(group);
		String message = body + "于 " + paidOn + " 拨付奖补资金 " + Money.yuan(amount) + " 元（凭证号 " + voucher + "），累计已拨付 "
				+ Money.yuan(paid.add(amount)) + " 元"
				+ (remaining.signum() == 0 ? "，已全额拨付。项目建成投用后请申请项目验收。" : "，尚余 " + Money.yuan(remaining) + " 元待拨付。");
		stages.note(applicationId, task.getAssignee() == null ? AftercareCase.SYSTEM : task.getAssignee(), body,
				"SUBSIDY_PAID", message);
		events.publishEvent(new AfterAwardStep(applicationId, "奖补资金已拨付", "：" + message));
		task.getExecution().getProcessInstance().setVariable(AftercareModel.PAID_IN_FULL, remaining.signum() == 0);
		task.getExecution().getProcessInstance().setVariable(AftercareModel.UNPAID_AMOUNT, Money.yuan(remaining));
	}

	private static LocalDate date(Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new ProcessEngineException("请填写拨付日期");
		}
		try {
			String text = value.toString().strip();
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			throw new ProcessEngineException("拨付日期格式不正确，应为如 2026-01-31");
		}
	}

	private static BigDecimal amount(Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new ProcessEngineException("请填写本次拨付金额");
		}
		try {
			BigDecimal amount = new BigDecimal(value.toString().strip());
			if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
				throw new ProcessEngineException("本次拨付金额应大于 0，最多保留 2 位小数");
			}
			return amount.setScale(2, RoundingMode.UNNECESSARY);
		}
		catch (NumberFormatException e) {
			throw new ProcessEngineException("本次拨付金额格式不正确");
		}
	}

	private static String voucher(Object value) {
		String text = value == null ? "" : value.toString().strip();
		if (text.length() < 2 || text.length() > 64 || !PlainText.isClean(text, false)) {
			throw new ProcessEngineException("请填写拨付凭证号（2–64 个字符，不含控制字符）");
		}
		return text;
	}

}
