package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import cn.liaocheng.renewal.review.StepRecordedMeanwhile;
import cn.liaocheng.renewal.review.StepRefused;
import cn.liaocheng.renewal.security.PlainText;

/**
 * One instalment of an allocated subsidy, paid by the county finance bureau
 * (Task_RecordPayment), checked against the record: no payment while a hold stands
 * ({@link PaymentHolds}), at most what remains unpaid of the amount allocated on the
 * application, on a day between the allocation and today, under a voucher the paying
 * bureau has not used before, on this case or another. Payments in instalments are
 * allowed (funds often reach the county in batches); the step comes back until the
 * allocation is paid in full. Recorded with a note on the case and an
 * {@link AfterAwardStep}.
 */
@Component
class SubsidyInstalments {

	/** What the bureau's form sent, as sent. */
	record Entry(Object paidOn, Object amount, Object voucher) {
	}

	/** What is left to pay once this payment is recorded. */
	record Recorded(BigDecimal remaining) {

		boolean inFull() {
			return remaining.signum() == 0;
		}

	}

	private final AftercareRecords records;

	private final ApplicationStages stages;

	private final OrganizationCatalog bodies;

	private final ApplicationEventPublisher events;

	private final List<PaymentHolds> holds;

	SubsidyInstalments(AftercareRecords records, ApplicationStages stages, OrganizationCatalog bodies,
			ApplicationEventPublisher events, List<PaymentHolds> holds) {
		this.records = records;
		this.stages = stages;
		this.bodies = bodies;
		this.events = events;
		this.holds = holds;
	}

	/**
	 * Records the payment of step {@code taskId} by the bureau {@code group}, done by
	 * {@code assignee} (none when the step was completed without one).
	 */
	Recorded record(long applicationId, String taskId, String group, String assignee, Entry entry) {
		// The case's row first, as a clawback's start takes it: a clawback started while
		// this payment is recorded either holds it or sees it recorded, never neither.
		stages.hold(applicationId);
		for (PaymentHolds hold : holds) {
			hold.heldFor(applicationId).ifPresent(reason -> {
				throw new StepRefused(reason);
			});
		}
		ReviewFacts facts = stages.facts(applicationId);
		BigDecimal allocated = facts.outcomes().subsidyAmount();
		List<Payment> earlier = records.payments(applicationId);
		BigDecimal paid = earlier.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal unpaid = allocated.subtract(paid);
		LocalDate paidOn = date(entry.paidOn());
		LocalDate today = LocalDate.now(WorkingDays.CHINA);
		LocalDate allocatedOn = facts.outcomes().decidedAt() == null ? null
				: LocalDate.ofInstant(facts.outcomes().decidedAt(), WorkingDays.CHINA);
		if (paidOn.isAfter(today)) {
			throw new StepRefused("拨付日期不能晚于今天，请按实际拨付日期登记");
		}
		if (allocatedOn != null && paidOn.isBefore(allocatedOn)) {
			throw new StepRefused("拨付日期不能早于资金下达日期（" + allocatedOn + "）");
		}
		BigDecimal amount = amount(entry.amount());
		if (amount.compareTo(unpaid) > 0) {
			throw new StepRefused("本次拨付金额 " + Money.yuan(amount) + " 元超过尚未拨付的 " + Money.yuan(unpaid) + " 元（下达 "
					+ Money.yuan(allocated) + " 元，已拨付 " + Money.yuan(paid) + " 元）");
		}
		String voucher = voucher(entry.voucher());
		String key = VoucherNumber.key(voucher);
		if (earlier.stream().anyMatch(p -> VoucherNumber.key(p.voucherNo()).equals(key))) {
			throw new StepRefused("凭证号 " + voucher + " 已登记过一次拨付，请核对");
		}
		// One payment voucher is one payment of the bureau: the case it was recorded on
		// is the bureau's own, so it is named.
		records.voucherUsedOn(group, key).ifPresent(other -> {
			throw new StepRefused("拨付凭证号 " + voucher + " 已在申报编号 " + stages.facts(other).referenceNo()
					+ " 的奖补资金拨付中登记过，同一张拨付凭证不能重复登记，请核对");
		});
		long paymentId;
		try {
			paymentId = records.recordPayment(applicationId, taskId, paidOn, amount, voucher, group, assignee);
		}
		catch (DuplicateKeyException recordedMeanwhile) {
			throw new StepRecordedMeanwhile();
		}
		try {
			records.holdVoucher(group, key, paymentId);
		}
		catch (DuplicateKeyException usedMeanwhile) {
			throw new StepRefused("拨付凭证号 " + voucher + " 刚刚已在本局另一案件的拨付中登记，同一张拨付凭证不能重复登记，请核对");
		}
		BigDecimal remaining = unpaid.subtract(amount);
		String body = bodies.groupName(group);
		String message = body + "于 " + paidOn + " 拨付奖补资金 " + Money.yuan(amount) + " 元（凭证号 " + voucher + "），累计已拨付 "
				+ Money.yuan(paid.add(amount)) + " 元"
				+ (remaining.signum() == 0 ? "，已全额拨付。项目建成投用后请申请项目验收。" : "，尚余 " + Money.yuan(remaining) + " 元待拨付。");
		stages.note(applicationId, assignee == null ? AftercareCase.SYSTEM : assignee, body, "SUBSIDY_PAID", message);
		events.publishEvent(new AfterAwardStep(applicationId, "奖补资金已拨付", "：" + message));
		return new Recorded(remaining);
	}

	private static LocalDate date(Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new StepRefused("请填写拨付日期");
		}
		try {
			String text = value.toString().strip();
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			throw new StepRefused("拨付日期格式不正确，应为如 2026-01-31");
		}
	}

	private static BigDecimal amount(Object value) {
		if (value == null || value.toString().isBlank()) {
			throw new StepRefused("请填写本次拨付金额");
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException e) {
			throw new StepRefused("本次拨付金额格式不正确");
		}
		if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new StepRefused("本次拨付金额应大于 0，最多保留 2 位小数");
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static String voucher(Object value) {
		String text = value == null ? "" : value.toString().strip();
		if (text.length() < 2 || text.length() > 64 || !PlainText.isClean(text, false)) {
			throw new StepRefused("请填写拨付凭证号（2–64 个字符，不含控制字符）");
		}
		return text;
	}

}
