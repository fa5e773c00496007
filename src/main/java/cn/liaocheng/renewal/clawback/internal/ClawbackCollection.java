package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.aftercare.AfterAwardStep;
import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.aftercare.SubsidyPayments;
import cn.liaocheng.renewal.aftercare.SubsidyWithdrawn;
import cn.liaocheng.renewal.application.ApplicationEvent;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.VoucherNumber;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.clawback.RepaymentsAwaitCheck;
import cn.liaocheng.renewal.decision.AllocationTerms;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.DecisionGrounds;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * From the signed decision to the last repayment: the decision and the listing it orders,
 * the county finance bureau's repayments (each voucher once in its county, never above
 * what is owed), and non-payment at the deadline.
 */
@Service
public class ClawbackCollection {

	private final ClawbackStore store;

	private final Decisions decisions;

	private final NegativeList negativeList;

	private final ApplicationStages stages;

	private final OrganizationCatalog organizations;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final SubsidyPayments payments;

	private final DecisionGrounds grounds;

	private final AfterAwardProcesses processes;

	private final NoticeStore notices;

	private final WorkingDays workingDays;

	ClawbackCollection(NoticeStore notices, ClawbackStore store, Decisions decisions, NegativeList negativeList,
			ApplicationStages stages, OrganizationCatalog organizations, RuntimeService runtime, AuditTrail audit,
			ApplicationEventPublisher events, SubsidyPayments payments, DecisionGrounds grounds,
			AfterAwardProcesses processes, WorkingDays workingDays) {
		this.notices = notices;
		this.workingDays = workingDays;
		this.grounds = grounds;
		this.processes = processes;
		this.payments = payments;
		this.store = store;
		this.decisions = decisions;
		this.negativeList = negativeList;
		this.stages = stages;
		this.organizations = organizations;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Issues the signed decision (once: a retried job finds it) and the listing it
	 * orders; returns when payment is overdue: the start of the day after the deadline,
	 * Beijing time. Empty when nothing had been paid: the decision revokes the
	 * allocation, nothing is owed and the clawback is closed. First, before anything is
	 * written, numbered or signed: the record must support a decision on a clawback of
	 * its recorded cause ({@link DecisionGrounds}: the steps that lead to it, given in
	 * the processes the product started for the case).
	 */
	@Transactional
	Optional<Instant> decide(long applicationId) {
		ClawbackStore.Row row = store.lockByApplication(applicationId)
			.orElseThrow(() -> new IllegalStateException("no clawback for application " + applicationId));
		grounds.requireClawbackDecision(applicationId, row.view().cause().name());
		LocalDate today = LocalDate.now(Clawbacks.CHINA);
		// As determined and confirmed: a clawback with no amount revokes the allocation.
		// Not decided yet: confirmed, and notified where the clawback needs a notice.
		boolean pending = row.view().status() == ClawbackStatus.CONFIRMING
				|| row.view().status() == ClawbackStatus.NOTIFIED;
		boolean revoke = row.view().status() == ClawbackStatus.REVOKED || pending && row.view().amount() == null;
		if (pending && !revoke) {
			LocalDate deadline = ClawbackModel.deadlineOnIssue(row.view().deadline(),
					row.determinedAt() == null ? today : row.determinedAt().atZone(Clawbacks.CHINA).toLocalDate(),
					today, day -> workingDays.plusWorkingDays(day, 0));
			if (!deadline.equals(row.view().deadline())) {
				store.deadline(row.view().id(), deadline);
				stages.note(applicationId, "system", "市工业和信息化局", "CLAWBACK_DEADLINE_MOVED",
						"核定的缴回期限" + row.view().deadline() + "距决定作出之日已不足" + ClawbackModel.MIN_DAYS_TO_PAY
								+ "日，按核定时给予的期限自决定作出之日起重新计算（最后一日为节假日或休息日的，顺延至其后第一个工作日），为" + deadline + "。");
				row = store.lockByApplication(applicationId).orElseThrow();
			}
		}
		ClawbackView c = row.view();
		ClawbackDecision.Record record = record(applicationId);
		// A listing determined before the determination asked for its basis: for another
		// cause than fraud (before listing was for fraud only), or on a claim with no
		// recorded commitment to it. The decision cannot state a basis, so it does not
		// list, and the case's history says why.
		Optional<String> noBasis = c.listMonths() == null || ClawbackDecision.listingHasBasis(c.cause(), record)
				? Optional.empty()
				: c.cause() != ClawbackDue.Cause.FALSE_MATERIAL
						? Optional.of("本次追回事由为“" + c.causeLabel() + "”，只有申报材料弄虚作假骗取资金的才列入负面清单")
						: Optional.of("该申报没有记录载明“接受取消申报资格”的诚信承诺，列入负面清单缺少依据");
		boolean listed = c.listMonths() != null && noBasis.isEmpty();
		if (noBasis.isPresent() && pending) {
			stages.note(applicationId, "system", "审批系统", "CLAWBACK_LISTING_DROPPED",
					"核定的列入负面清单" + c.listMonths() + "个月未写入决定：" + noBasis.get() + "。");
			audit.record("system", "CLAWBACK_LISTING_DROPPED", "application:" + applicationId,
					"clawback=" + c.id() + " listMonths=" + c.listMonths());
			store.noListing(c.id());
			row = store.lockByApplication(applicationId).orElseThrow();
			c = row.view();
		}
		LocalDate listedUntil = listed ? today.plusMonths(c.listMonths()).minusDays(1) : null;
		String countyFinance = organizations.groupName(GroupNames.county(c.divisionCode(), "finance"));
		// What the enterprise was told before and how it answered, as recorded; read only
		// while the decision is still to be made (a retried job finds it issued).
		Optional<String> hearing = pending ? PriorNoticeText.hearing(notices, row, Instant.now()) : Optional.empty();
		BigDecimal paid = payments.paid(applicationId);
		DecisionRequest request = ClawbackDecision.of(row, record, countyFinance,
				organizations.groupName(GroupNames.city("industry")), countyFinance, today, listedUntil, paid, revoke,
				hearing.orElse(null));
		IssuedDecision issued = decisions.issue(request);
		if (pending) {
			store.decided(c.id(), revoke ? ClawbackStatus.REVOKED : ClawbackStatus.DECIDED, issued.id(),
					issued.number());
			// A reason kept while this round was open is not started: the decision
			// stands.
			// The case says so, for the bureau to deal with it as the law allows.
			for (ClawbackStore.Waiting w : store.waiting(applicationId)) {
				store.removeWaiting(w.id());
				stages.note(applicationId, "system", "审批系统", "CLAWBACK_DUE_KEPT", "追回程序已作出决定（" + issued.number()
						+ "），此前记录的“" + w.cause().label() + "”这一事由不再启动追回程序，需要变更该决定的，由市工业和信息化局依法另行处理。");
			}
			if (listedUntil != null) {
				negativeList.listForClawback(row, issued.number(), issued.type().title(), issued.decisionDate(),
						listedUntil, revoke);
			}
			events.publishEvent(new SubsidyWithdrawn(applicationId, issued.number(),
					ClawbackDecision.revocationProposedTo(c, record, paid, revoke).orElse(null)));
			if (revoke) {
				// The bureau revokes only an allocation it issued itself; another body's
				// it finds should be revoked, and proposes that to that body.
				String what = issued.type() == DecisionType.SUBSIDY_REVOKED
						? "撤销已下达的奖补资金" + Money.yuan(c.allocated()) + "元。该资金尚未拨付，不再拨付，无需缴回。"
						: "认定已下达的奖补资金" + Money.yuan(c.allocated()) + "元应予撤销，并建议下达该资金的"
								+ (record.allocation() == null ? "财政部门" : record.allocation().bodyName())
								+ "撤销。该资金尚未拨付，已暂停拨付，无需缴回。";
				String title = issued.type() == DecisionType.SUBSIDY_REVOKED ? "撤销决定" : "处理决定";
				stages.note(applicationId, "system", "市工业和信息化局", issued.type().name(),
						"市工业和信息化局作出" + title + "（" + issued.number() + "）：" + what + "决定书可在申报详情中下载。");
				events.publishEvent(new AfterAwardStep(applicationId, title,
						"的奖补资金已由市工业和信息化局作出" + title + "（" + issued.number() + "）：" + what + "决定书已签发，可在申报详情中下载。"));
				audit.record("system", issued.type().name(), "application:" + applicationId,
						"clawback=" + c.id() + " decision=" + issued.number());
			}
			else {
				stages.note(applicationId, "system", "市工业和信息化局", "CLAWBACK_DECIDED", "市工业和信息化局作出追回决定（" + issued.number()
						+ "）：追回奖补资金" + Money.yuan(c.amount()) + "元，请于" + c.deadline() + "前（含当日）缴回。决定书可在申报详情中下载。");
				// Not the end of the case: the enterprise now owes money by a deadline.
				events.publishEvent(new AfterAwardStep(applicationId, "追回决定",
						"的奖补资金已由市工业和信息化局作出追回决定（" + issued.number() + "）：追回奖补资金" + Money.yuan(c.amount()) + "元，请于"
								+ ClawbackDecision.day(c.deadline()) + "前（含当日）缴回至决定书所列账户，并将缴款凭证报送" + countyFinance
								+ "。决定书已签发，可在申报详情中下载。"));
			}
		}
		return revoke ? Optional.empty()
				: Optional.of(c.deadline().plusDays(1).atStartOfDay(Clawbacks.CHINA).toInstant());
	}

	/**
	 * What the decision may cite besides the clawback's row: the allocation notice as
	 * issued (its body, number and recorded wording) and the integrity declaration
	 * recorded at the claim's submission.
	 */
	ClawbackDecision.Record record(long applicationId) {
		ClawbackDecision.Allocation allocation = decisions.allForApplication(applicationId)
			.stream()
			.filter(d -> d.type() == DecisionType.SUBSIDY_ALLOCATED)
			.findFirst()
			.map(d -> new ClawbackDecision.Allocation(d.issuingBody(), d.issuingBodyName(), d.number(),
					decisions.textVersion(d.id()).flatMap(AllocationTerms::of).orElse(null)))
			.orElse(null);
		return new ClawbackDecision.Record(allocation, stages.declaration(applicationId).orElse(null));
	}

	/**
	 * The deadline passed with money owed: the clawback is overdue and the enterprise is
	 * told, unless everything owed is recorded as paid on or before the deadline and only
	 * waits for its check ({@link ClawbackView#paidInTimeAwaitingCheck}); then the record
	 * says the bureau has ten days to check it, and the enterprise is told nothing. When
	 * {@code checkWaitOver} (the ten days passed, or the case's model cannot wait), it is
	 * overdue for what is not confirmed, whatever waits for its check. Returns the
	 * clawback as it now stands.
	 */
	@Transactional
	ClawbackView overdue(long applicationId, boolean checkWaitOver) {
		return overdue(applicationId, checkWaitOver, 0);
	}

	/**
	 * Ten days after the deadline the repayments recorded in time are still not checked:
	 * {@link #overdue overdue} for what is not confirmed.
	 */
	@Transactional
	ClawbackView overdueAfterCheckWait(long applicationId) {
		return overdue(applicationId, true, ClawbackModel.CHECK_WAIT_DAYS);
	}

	/**
	 * The step may be reached another way than the model's (a timer fired early, a token
	 * moved by hand): the record's deadline, {@code daysAfter} days on, must have passed
	 * in Beijing, or nothing is marked and the step fails.
	 */
	private ClawbackView overdue(long applicationId, boolean checkWaitOver, int daysAfter) {
		ClawbackStore.Row row = store.lockByApplication(applicationId)
			.orElseThrow(() -> new IllegalStateException("no clawback for application " + applicationId));
		ClawbackView c = row.view();
		LocalDate today = LocalDate.now(Clawbacks.CHINA);
		if (c.deadline() == null || !today.isAfter(c.deadline().plusDays(daysAfter))) {
			throw new IllegalStateException(
					"申请" + applicationId + "的追回决定确定的缴回期限"
							+ (c.deadline() == null ? "尚未确定"
									: c.deadline() + (daysAfter == 0 ? "" : "后" + daysAfter + "日") + "尚未届满")
							+ "，不按逾期未缴清处理");
		}
		if (!checkWaitOver && c.status() == ClawbackStatus.DECIDED && c.paidInTimeAwaitingCheck()) {
			String financeBody = organizations.groupName(GroupNames.county(c.divisionCode(), "finance"));
			stages.note(applicationId, "system", "审批系统", ApplicationEvent.CLAWBACK_AWAITING_CHECK,
					"追回决定（" + c.decisionNumber() + "）确定的缴回期限" + c.deadline() + "已届满。尚未缴回的" + Money.yuan(c.outstanding())
							+ "元已登记为期限内缴款，待" + financeBody + "在" + ClawbackModel.CHECK_WAIT_DAYS + "日内复核到账；复核退回或"
							+ ClawbackModel.CHECK_WAIT_DAYS + "日内未复核的，按逾期未缴清处理。");
			audit.record("system", "CLAWBACK_AWAITING_CHECK", "application:" + applicationId,
					"outstanding=" + c.outstanding().toPlainString() + " pending=" + c.pending().toPlainString());
			events.publishEvent(new RepaymentsAwaitCheck(applicationId, GroupNames.county(c.divisionCode(), "finance"),
					c.pending(), LocalDate.now(Clawbacks.CHINA).plusDays(ClawbackModel.CHECK_WAIT_DAYS)));
			return c;
		}
		if (c.status() == ClawbackStatus.DECIDED) {
			store.status(c.id(), ClawbackStatus.OVERDUE);
			// Entries still waiting for their check may be money paid: the enterprise is
			// told what is not confirmed, and to send its voucher if it paid.
			String unpaid = c.pending().signum() > 0 ? "元未经财政部门确认到账" : "元未缴回";
			String ifPaid = c.pending().signum() > 0 ? "已缴款的，请将缴款凭证报送所在县（市、区）财政局；未缴款的，请立即缴回。"
					: "请立即缴回，并将缴款凭证报送所在县（市、区）财政局。";
			stages.note(applicationId, "system", "市工业和信息化局", "CLAWBACK_OVERDUE",
					"追回决定（" + c.decisionNumber() + "）确定的缴回期限" + c.deadline() + "已届满，尚有" + Money.yuan(c.outstanding())
							+ unpaid + "。" + ifPaid + "在法定期限内不申请行政复议或者提起行政诉讼，又不履行决定的，将依法催告并申请人民法院强制执行。");
			events.publishEvent(new AfterAwardStep(applicationId, "追回资金逾期未缴清",
					"的追回决定（" + c.decisionNumber() + "）确定的缴回期限" + ClawbackDecision.day(c.deadline()) + "已届满，尚有"
							+ Money.yuan(c.outstanding()) + unpaid + "。" + ifPaid));
			audit.record("system", "CLAWBACK_OVERDUE", "application:" + applicationId,
					"outstanding=" + c.outstanding().toPlainString());
		}
		return store.byApplication(applicationId).orElseThrow().view();
	}

	/**
	 * A repayment the county finance bureau of the enterprise's county received, as one
	 * of its officers records it from the treasury's receipt. It counts only once a
	 * second person of the bureau has checked it ({@link #checkRepayment}). The same
	 * voucher again is answered as before (a returned one is recorded anew); a voucher
	 * recorded on another clawback of the county, or more than is owed, counting what
	 * waits for its check, is refused.
	 */
	@Transactional
	public ClawbackView recordRepayment(PortalUser user, long applicationId, LocalDate paidOn, BigDecimal amount,
			String voucherNo) {
		ClawbackView c = collecting(user, applicationId);
		String voucher = voucherNo == null ? "" : voucherNo.strip();
		if (voucher.isEmpty() || voucher.length() > 64) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写缴款凭证号（不超过 64 字）");
		}
		PlainText.problem(voucher, false).ifPresent(problem -> {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "缴款凭证号" + problem);
		});
		String key = VoucherNumber.key(voucher);
		Optional<ClawbackView.Repayment> recorded = c.repayments()
			.stream()
			.filter(r -> VoucherNumber.key(r.voucherNo()).equals(key)
					&& r.state() != ClawbackView.Repayment.State.RETURNED)
			.findFirst();
		if (recorded.isPresent()) {
			ClawbackView.Repayment r = recorded.get();
			if (r.paidOn().equals(paidOn) && amount != null && r.amount().compareTo(amount) == 0) {
				// the same form again (a second click, a retried request)
				return c;
			}
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"凭证号 " + r.voucherNo() + " 已于此前登记缴款 " + Money.yuan(r.amount()) + " 元（缴款日期 " + r.paidOn() + "，"
							+ r.state().label() + "），与本次填写的金额或日期不同，未登记。请核对凭证号；确属另一笔缴款的，请填写该笔的凭证号");
		}
		if (!c.status().collecting()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "追回当前状态为“" + c.statusLabel() + "”，不能登记缴款");
		}
		LocalDate today = LocalDate.now(Clawbacks.CHINA);
		if (paidOn == null || paidOn.isAfter(today)
				|| paidOn.isBefore(c.startedAt().atZone(Clawbacks.CHINA).toLocalDate())) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "缴款日期应在追回程序开始之后、且不晚于今天");
		}
		BigDecimal open = c.outstanding().subtract(c.pending());
		if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(open) > 0) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "缴款金额应大于 0、最多两位小数，且不超过尚未缴回的 " + Money.yuan(open)
					+ " 元" + (c.pending().signum() > 0 ? "（另有 " + Money.yuan(c.pending()) + " 元已登记、待复核）" : ""));
		}
		BigDecimal paid = amount.setScale(2, RoundingMode.UNNECESSARY);
		holdVoucher(user, c, voucher, key);
		store.addRepayment(c.id(), paidOn, paid, voucher, user.userId());
		audit.record(user.userId(), "CLAWBACK_REPAYMENT_RECORDED", "application:" + applicationId,
				"amount=" + paid.toPlainString() + " voucher=" + voucher + " paidOn=" + paidOn);
		stages.note(applicationId, user.userId(),
				organizations.groupName(GroupNames.county(c.divisionCode(), "finance")),
				ApplicationEvent.CLAWBACK_REPAYMENT_RECORDED,
				"登记缴款" + Money.yuan(paid) + "元（缴款日期" + paidOn + "，凭证号" + voucher + "），待本局另一名工作人员或负责人复核后计入已缴回。");
		return store.byApplication(applicationId).orElseThrow().view();
	}

	/**
	 * A second person of the county finance bureau (another officer or its lead, never
	 * the one who recorded it) checks a pending repayment against the treasury's receipt:
	 * confirmed, it counts, and the one that settles what is owed closes the clawback and
	 * its process; returned, with the reason, it does not count and its voucher may be
	 * recorded again. The check names the entry it compared, by its amount and date: a
	 * voucher returned and recorded again in the meantime is not confirmed from a stale
	 * page.
	 */
	@Transactional
	public ClawbackView checkRepayment(PortalUser user, long applicationId, long repaymentId, boolean confirmed,
			String note, BigDecimal amountSeen, LocalDate paidOnSeen) {
		ClawbackView c = collecting(user, applicationId);
		ClawbackView.Repayment r = c.repayments()
			.stream()
			.filter(x -> x.id() == repaymentId)
			.findFirst()
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "缴款记录不存在"));
		if (!r.checkableBy(user.userId())) {
			throw r.state() != ClawbackView.Repayment.State.PENDING
					? new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "该笔缴款已" + r.stateLabel() + "，不能再复核")
					: new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "缴款须由登记人以外的本局工作人员或负责人复核，登记人不能复核本人登记的缴款");
		}
		if (!r.is(amountSeen, paidOnSeen)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"该笔缴款的登记已变更（现为" + Money.yuan(r.amount()) + "元，缴款日期" + r.paidOn() + "），请刷新后对照缴款凭证重新复核");
		}
		String reason = note == null ? "" : note.strip();
		if (!confirmed) {
			if (reason.isEmpty() || reason.length() > 200) {
				throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写退回原因（不超过 200 字）");
			}
			PlainText.problem(reason, false).ifPresent(problem -> {
				throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "退回原因" + problem);
			});
		}
		if (confirmed && (!c.status().collecting() || r.amount().compareTo(c.outstanding()) > 0)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"追回当前状态为“" + c.statusLabel() + "”、尚未缴回 " + Money.yuan(c.outstanding()) + " 元，不能确认该笔缴款");
		}
		store.check(c.id(), repaymentId, confirmed, confirmed ? null : reason, user.userId());
		if (!confirmed) {
			store.releaseVoucher(c.divisionCode(), VoucherNumber.key(r.voucherNo()), c.id());
		}
		String financeBody = organizations.groupName(GroupNames.county(c.divisionCode(), "finance"));
		if (!confirmed) {
			audit.record(user.userId(), "CLAWBACK_REPAYMENT_RETURNED", "application:" + applicationId,
					"repayment=" + repaymentId + " voucher=" + r.voucherNo() + " reason=" + reason);
			stages.note(applicationId, user.userId(), financeBody, ApplicationEvent.CLAWBACK_REPAYMENT_RETURNED,
					"复核退回登记的缴款" + Money.yuan(r.amount()) + "元（凭证号" + r.voucherNo() + "），不计入已缴回。原因：" + reason);
			// Past the deadline, a process waiting for this check decides again whether
			// the clawback is overdue; before it, or while following up, nothing waits.
			clawbackProcess(applicationId)
				.ifPresent(process -> runtime.createMessageCorrelation(ClawbackModel.MESSAGE_REPAYMENT_RETURNED)
					.processInstanceId(process)
					.correlateAllWithResult());
			return store.byApplication(applicationId).orElseThrow().view();
		}
		audit.record(user.userId(), "CLAWBACK_REPAYMENT", "application:" + applicationId,
				"repayment=" + repaymentId + " amount=" + r.amount().toPlainString() + " voucher=" + r.voucherNo()
						+ " paidOn=" + r.paidOn() + " recordedBy=" + r.recordedBy());
		BigDecimal left = c.outstanding().subtract(r.amount());
		boolean settled = left.signum() <= 0;
		String received = "收到追回资金" + Money.yuan(r.amount()) + "元（缴款日期" + r.paidOn() + "，凭证号" + r.voucherNo() + "，经复核）"
				+ (settled ? "，追回资金已全部缴清。" : "，尚有" + Money.yuan(left) + "元未缴回。");
		stages.note(applicationId, user.userId(), financeBody, "CLAWBACK_REPAYMENT", received);
		events.publishEvent(
				new AfterAwardStep(applicationId, settled ? "追回资金已缴清" : "追回资金到账", "的追回资金，" + financeBody + received));
		if (settled) {
			store.status(c.id(), ClawbackStatus.REPAID);
			try {
				runtime.createMessageCorrelation(ClawbackModel.MESSAGE_REPAID)
					.processInstanceId(clawbackProcess(applicationId).orElseThrow(
							() -> new IllegalStateException("no clawback process for application " + applicationId)))
					.correlate();
			}
			catch (MismatchingMessageCorrelationException e) {
				// Only in the moment between the deadline's timer and the overdue step:
				// nothing is saved, try again.
				throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "追回程序正在处理缴回期限届满事项，请稍后重新复核");
			}
		}
		return store.byApplication(applicationId).orElseThrow().view();
	}

	/**
	 * One treasury receipt is one repayment: a voucher the county's finance bureau has
	 * recorded on another clawback (and not returned) is refused, naming that case to the
	 * bureau that collects it. The store holds the voucher, so two nodes recording it at
	 * the same moment for two clawbacks cannot both succeed.
	 */
	private void holdVoucher(PortalUser user, ClawbackView c, String voucher, String key) {
		Optional<Long> holder = store.voucherHolder(c.divisionCode(), key);
		if (holder.isPresent() && holder.get() == c.id()) {
			return;
		}
		if (holder.isPresent()) {
			String where = store.byId(holder.get())
				.map(ClawbackStore.Row::view)
				.filter(other -> ClawbackAccess.collects(user, other))
				.map(other -> "已在申报编号 " + other.referenceNo() + " 的追回中")
				.orElse("已在本县另一追回案件中");
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"缴款凭证号“" + voucher + "”" + where + "登记过缴款，同一张缴款凭证不能重复登记，请核对缴款凭证", "voucherNo");
		}
		try {
			store.holdVoucher(c.divisionCode(), key, c.id());
		}
		catch (DuplicateKeyException meanwhile) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"缴款凭证号“" + voucher + "”刚刚已在本县另一追回案件中登记，同一张缴款凭证不能重复登记，请核对缴款凭证", "voucherNo");
		}
	}

	/**
	 * The clawback, locked, for someone of the county finance bureau of its county (or
	 * its lead); to anyone else it does not exist.
	 */
	private ClawbackView collecting(PortalUser user, long applicationId) {
		ClawbackStore.Row row = store.lockByApplication(applicationId)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "追回记录不存在"));
		if (!ClawbackAccess.collects(user, row.view())) {
			// Other bodies learn nothing about the case from the answer.
			throw new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "追回记录不存在");
		}
		return row.view();
	}

	/**
	 * The clawback process the product started for the application: the one its messages
	 * go to, whatever other instance carries its key.
	 */
	private Optional<String> clawbackProcess(long applicationId) {
		return processes.started(applicationId, ClawbackModel.PROCESS);
	}

}
