package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.aftercare.AfterAwardStep;
import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.aftercare.PaymentHoldLifted;
import cn.liaocheng.renewal.aftercare.SubsidyPayments;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.HeldStepsChanged;
import cn.liaocheng.renewal.security.PlainText;

/**
 * The clawback of one application's subsidy, from its start to the last repayment. Every
 * step reads and writes the clawback's row; the process only orders the steps and holds
 * display copies for the forms.
 */
@Service
public class Clawbacks {

	static final ZoneId CHINA = ChinaTime.ZONE;

	private static final Logger log = LoggerFactory.getLogger(Clawbacks.class);

	private final ApplicationEventPublisher events;

	private final ClawbackStore store;

	private final ApplicationStages stages;

	private final AfterAwardProcesses processes;

	private final AuditTrail audit;

	private final SubsidyPayments payments;

	private final OrganizationCatalog organizations;

	private final NoticeStore notices;

	private final WorkingDays workingDays;

	Clawbacks(NoticeStore notices, ClawbackStore store, ApplicationStages stages, AfterAwardProcesses processes,
			AuditTrail audit, SubsidyPayments payments, OrganizationCatalog organizations,
			ApplicationEventPublisher events, WorkingDays workingDays) {
		this.notices = notices;
		this.workingDays = workingDays;
		this.events = events;
		this.payments = payments;
		this.organizations = organizations;
		this.store = store;
		this.stages = stages;
		this.processes = processes;
		this.audit = audit;
	}

	/**
	 * Starts the clawback of an allocated subsidy: the row, the case history and the
	 * process, in the caller's transaction. A case has one clawback at a time:
	 * {@code Optional.empty()} while one runs, and once one was decided (its decision
	 * settled what is recovered or revoked; a later finding is handled on that decision,
	 * not by a second one on the same money). After a clawback found nothing to recover
	 * (经核查不予追回), new grounds start a new round, which holds payment again and has its own
	 * notice, determination and decision.
	 * @throws ClawbackRefused when the application has no allocated subsidy to recover
	 */
	@Transactional
	public Optional<Long> start(long applicationId, ClawbackDue.Cause cause, String facts, String startedBy) {
		ReviewFacts f;
		try {
			// The case's row first, as a payment's recording takes it: a payment being
			// recorded now is waited for, so that the case and what was paid are read as
			// they stand, and a payment recorded after this start finds the hold.
			stages.hold(applicationId);
			f = stages.facts(applicationId);
		}
		catch (ApplicationNotFoundException e) {
			throw new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "申报不存在");
		}
		Optional<ClawbackStore.Row> last = store.byApplication(applicationId);
		if (last.isPresent() && last.get().view().status() != ClawbackStatus.DROPPED) {
			return Optional.empty();
		}
		int round = last.map(r -> r.view().round() + 1).orElse(1);
		BigDecimal allocated = f.outcomes().subsidyAmount();
		if (f.kind() != ApplicationKind.SUBSIDY || f.status() != ApplicationStatus.APPROVED || allocated == null
				|| allocated.signum() <= 0) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"只有已下达奖补资金的奖补资金申请才能追回，申报编号" + f.referenceNo() + "当前不符合条件");
		}
		if (facts == null || facts.strip().length() < 10 || facts.strip().length() > 4000) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请写明认定的事实（10 至 4000 字）");
		}
		PlainText.problem(facts, true).ifPresent(problem -> {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "认定的事实" + problem);
		});
		long id = store.insert(new ClawbackStore.NewClawback(applicationId, round, f.enterpriseId(), f.divisionCode(),
				f.referenceNo(), f.enterpriseName(), f.creditCode(), f.projectName(), allocated, cause, facts.strip(),
				startedBy));
		Map<String, Object> variables = AfterAwardProcesses.caseVariables(applicationId, f);
		variables.put(ClawbackModel.CAUSE, cause.label());
		variables.put(ClawbackModel.FACTS, facts.strip());
		variables.put(ClawbackModel.ALLOCATED, Money.yuan(allocated));
		// For the forms only (which fields they ask for); the steps ask the payment
		// record. Payments are held from here on, so it does not change under them.
		variables.put(ClawbackModel.NOTHING_PAID, payments.nothingPaid(applicationId));
		// The instance the clawback's steps act in: recorded for the application as it
		// starts.
		processes.start(ClawbackModel.PROCESS, applicationId, round, variables);
		String again = round == 1 ? "" : "再次";
		String earlier = round == 1 ? "" : "（第 " + round + " 次追回程序；此前的追回程序已经核查不予追回）";
		stages.note(applicationId, startedBy, "审批系统", "CLAWBACK_STARTED",
				"因“" + cause.label() + "”，该项目已下达的奖补资金" + again + "进入追回程序" + earlier + "，由市工业和信息化局核定追回事项。");
		events.publishEvent(new AfterAwardStep(applicationId, again + "进入追回程序", "的奖补资金因“" + cause.label() + "”" + again
				+ "进入追回程序" + earlier + "，由市工业和信息化局核定是否追回及追回金额；决定追回或撤销的，出具决定书，经核查不予追回的，程序终止并告知。在此期间尚未拨付的奖补资金暂停拨付。"));
		events.publishEvent(new HeldStepsChanged(applicationId));
		audit.record(startedBy, "CLAWBACK_STARTED", "application:" + applicationId,
				cause.name() + " clawback=" + id + " round=" + round);
		log.info("Clawback {} (round {}) started for application {} ({})", id, round, applicationId, cause);
		return Optional.of(id);
	}

	/**
	 * A reason to recover the subsidy the after-award process announced (a failed
	 * acceptance, a lapsed rectification): starts the clawback. While one is open, the
	 * round goes on on its own grounds and the reason is kept: if the round ends as
	 * 经核查不予追回, the next starts with it ({@link #determine}); while one is decided, the
	 * decision stands and the reason is on the record for the bureau. Either way the case
	 * says so, rather than that the money went into a recovery that did not start.
	 */
	@Transactional
	public void announced(ClawbackDue due) {
		if (start(due.applicationId(), due.cause(), due.facts(), due.recordedBy()).isPresent()) {
			return;
		}
		ClawbackView open = store.byApplication(due.applicationId()).orElseThrow().view();
		String now = "该项目的奖补资金已在追回程序中（事由：" + open.causeLabel() + "，" + open.statusLabel() + "），“" + due.cause().label()
				+ "”这一事由已记录";
		if (open.decisionNumber() == null) {
			store.keepWaiting(due.applicationId(), due.cause(), due.facts(), due.recordedBy());
			stages.note(due.applicationId(), "system", "审批系统", "CLAWBACK_DUE_KEPT",
					now + "：本次追回程序照原事由办理，经核查不予追回的，以该事由另行启动追回程序。");
		}
		else {
			stages.note(due.applicationId(), "system", "审批系统", "CLAWBACK_DUE_KEPT",
					now + "：追回程序已作出决定（" + open.decisionNumber() + "），该事由不再启动追回程序，需要变更该决定的，由市工业和信息化局依法另行处理。");
		}
		audit.record(due.recordedBy(), "CLAWBACK_DUE_KEPT", "application:" + due.applicationId(),
				due.cause().name() + " open=" + open.id());
	}

	/**
	 * Why {@link #start} started nothing for the application, for the bureau that asked:
	 * a clawback runs, or one was decided.
	 */
	public ClawbackRefused notStarted(long applicationId) {
		return store.byApplication(applicationId)
			.map(ClawbackStore.Row::view)
			.filter(c -> c.decisionNumber() != null)
			.map(c -> new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"该项目的追回程序已作出决定（" + c.decisionNumber() + "，" + c.statusLabel()
							+ "），不能再次启动追回程序；查实新的事实需要变更该决定的，请依法另行处理"))
			.orElseGet(() -> new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "该项目已有追回程序，不能重复启动"));
	}

	/**
	 * What the city industry bureau determined, checked against the record; from the
	 * task's completion.
	 */
	@Transactional
	void determine(long applicationId, String by, boolean recover, BigDecimal amount, LocalDate deadline,
			Integer listMonths, String opinion) {
		ClawbackStore.Row row = store.lockByApplication(applicationId)
			.orElseThrow(() -> new IllegalStateException("no clawback for application " + applicationId));
		if (row.view().status() != ClawbackStatus.DETERMINING) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "追回事项已核定，当前状态：" + row.view().statusLabel());
		}
		if (!recover) {
			store.determine(row.view().id(), ClawbackStatus.DROPPED, null, null, null, opinion, by);
			stages.note(applicationId, by, "市工业和信息化局", "CLAWBACK_DROPPED", "经核查，不予追回该项目的奖补资金。");
			audit.record(by, "CLAWBACK_DROPPED", "application:" + applicationId, "clawback=" + row.view().id());
			// The case's row, as an announcement takes it before it keeps a reason: one
			// announced meanwhile is waited for and seen here, not left behind.
			stages.hold(applicationId);
			Optional<ClawbackStore.Waiting> waiting = store.firstWaiting(applicationId);
			if (waiting.isPresent()) {
				// The next round starts at once on the reason kept: payment stays held,
				// and the enterprise is told of the new round, which names this one as
				// dropped, rather than that the recovery ended and payment resumes.
				store.removeWaiting(waiting.get().id());
				start(applicationId, waiting.get().cause(), waiting.get().facts(), waiting.get().recordedBy());
				return;
			}
			events.publishEvent(new AfterAwardStep(applicationId, "不予追回", "的奖补资金经市工业和信息化局核查，不予追回，追回程序终止。"));
			events.publishEvent(new PaymentHoldLifted(applicationId));
			events.publishEvent(new HeldStepsChanged(applicationId));
			return;
		}
		// A ban on future applications answers fraud: a failed acceptance or a missed
		// rectification is recovered, not listed (a fraud found on site is a clawback
		// for false material of its own).
		if (listMonths != null && row.view().cause() != ClawbackDue.Cause.FALSE_MATERIAL) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"只有申报材料弄虚作假骗取资金的，才能在追回时列入负面清单；本次追回事由为“" + row.view().causeLabel() + "”");
		}
		// The listing takes away the right to apply; it rests on the enterprise's own
		// recorded commitment to accept that for fraud, and on nothing else.
		if (listMonths != null && !new ClawbackDecision.Record(null, stages.declaration(applicationId).orElse(null))
			.acceptsListing()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"该申报没有记录载明“接受取消申报资格”的诚信承诺（申报时尚未要求确认），列入负面清单缺少依据，不能在追回时列入；追回可照常办理");
		}
		if (listMonths != null && (listMonths < 1 || listMonths > ClawbackModel.MAX_LIST_MONTHS)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"列入负面清单的期限应为 1 至 " + ClawbackModel.MAX_LIST_MONTHS + " 个月");
		}
		Optional<NoticeStore.Notice> notified = notices.latest(row.view().id());
		if (notified.isPresent()) {
			notHeavier(notified.get(), amount, deadline, listMonths);
		}
		BigDecimal allocated = row.view().allocated();
		if (amount == null && payments.nothingPaid(applicationId)) {
			// Nothing reached the enterprise, so nothing can be repaid: no amount to
			// recover and no deadline; the decision will revoke the whole allocation,
			// and payment is held from now on. Kept so: the row without an amount is the
			// revocation from here to the decision.
			store.determine(row.view().id(), ClawbackStatus.CONFIRMING, null, null, listMonths, opinion, by);
			audit.record(by, "CLAWBACK_DETERMINED", "application:" + applicationId,
					"revoke=" + allocated.toPlainString() + " listMonths=" + listMonths);
			return;
		}
		// Only money that reached the enterprise can be recovered: once the county
		// finance bureau has recorded payments, their sum is the limit (what was never
		// paid is simply not paid); a case allocated before payments were recorded keeps
		// the allocated amount as its limit.
		if (amount == null) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写追回金额");
		}
		// With nothing recorded as paid, an amount is given only when the county finance
		// bureau returned the case saying it paid outside the record: the allocation is
		// the limit then, and the bureau checks the amount again.
		BigDecimal paid = payments.paid(applicationId);
		boolean paymentsRecorded = paid.signum() > 0;
		BigDecimal limit = paymentsRecorded ? paid.min(allocated) : allocated;
		if (amount == null || amount.signum() <= 0 || amount.compareTo(limit) > 0) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"追回金额应大于 0 且不超过" + (paymentsRecorded ? "已拨付的奖补资金 " : "已下达的奖补资金 ") + Money.yuan(limit) + " 元");
		}
		LocalDate today = LocalDate.now(CHINA);
		if (deadline == null || deadline.isBefore(today.plusDays(ClawbackModel.MIN_DAYS_TO_PAY))
				|| deadline.isAfter(today.plusDays(ClawbackModel.MAX_DAYS_TO_PAY))) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"缴回期限应在今天起 " + ClawbackModel.MIN_DAYS_TO_PAY + " 至 " + ClawbackModel.MAX_DAYS_TO_PAY + " 日之间（"
							+ today.plusDays(ClawbackModel.MIN_DAYS_TO_PAY) + " 至 "
							+ today.plusDays(ClawbackModel.MAX_DAYS_TO_PAY) + "）");
		}
		workingDays.restDayProblem(deadline).ifPresent(problem -> {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "缴回期限 " + problem);
		});
		store.determine(row.view().id(), ClawbackStatus.CONFIRMING, amount.setScale(2, RoundingMode.HALF_UP), deadline,
				listMonths, opinion, by);
		audit.record(by, "CLAWBACK_DETERMINED", "application:" + applicationId,
				"amount=" + amount.toPlainString() + " deadline=" + deadline + " listMonths=" + listMonths);
	}

	/**
	 * A determination after a notice, on a statement the bureau adopted or on the county
	 * finance bureau's return, may not be heavier than the notified one: no higher
	 * amount, no repayment where a revocation was notified, no fewer days to pay, no
	 * listing where none was notified and none longer. The enterprise may not be worse
	 * off for having defended itself.
	 */
	private static void notHeavier(NoticeStore.Notice n, BigDecimal amount, LocalDate deadline, Integer listMonths) {
		String notified = "（事先告知书" + n.number() + "）";
		if (amount != null && n.amount() == null) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"已告知的拟作出决定为撤销尚未拨付的奖补资金" + notified + "，重新核定不得改为追回资金");
		}
		if (amount != null && amount.compareTo(n.amount()) > 0) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"重新核定的追回金额不得高于已告知的 " + Money.yuan(n.amount()) + " 元" + notified);
		}
		if (amount != null && deadline != null && n.daysToPay() != null
				&& ChronoUnit.DAYS.between(LocalDate.now(CHINA), deadline) < n.daysToPay()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "重新核定的缴回期限不得短于已告知的自核定之日起 " + n.daysToPay() + " 日"
					+ notified + "，即不早于" + LocalDate.now(CHINA).plusDays(n.daysToPay()));
		}
		if (listMonths != null && n.listMonths() == null) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "已告知的拟作出决定不含列入负面清单" + notified + "，重新核定不得列入");
		}
		if (listMonths != null && listMonths > n.listMonths()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"重新核定的列入负面清单期限不得长于已告知的 " + n.listMonths() + " 个月" + notified);
		}
	}

	/**
	 * The county finance bureau's check of the amount against its payment, with the
	 * account to pay into.
	 */
	@Transactional
	void confirm(long applicationId, String by, boolean correct) {
		ClawbackStore.Row row = store.lockByApplication(applicationId)
			.orElseThrow(() -> new IllegalStateException("no clawback for application " + applicationId));
		if (row.view().status() != ClawbackStatus.CONFIRMING) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "追回事项当前状态为" + row.view().statusLabel() + "，不能核对");
		}
		if (!correct) {
			store.confirm(row.view().id(), ClawbackStatus.DETERMINING, null, by);
			audit.record(by, "CLAWBACK_RETURNED", "application:" + applicationId, "clawback=" + row.view().id());
			return;
		}
		if (row.view().amount() == null) {
			// A revocation: nothing to pay back, so no account to pay into.
			store.confirm(row.view().id(), ClawbackStatus.CONFIRMING, null, by);
			audit.record(by, "CLAWBACK_CONFIRMED", "application:" + applicationId, "clawback=" + row.view().id());
			return;
		}
		// The account is the county's on record, never what the person confirming typed:
		// the decision is signed by the city, which does not see the account before.
		String account = accountOf(row.view().divisionCode());
		store.confirm(row.view().id(), ClawbackStatus.CONFIRMING, account, by);
		audit.record(by, "CLAWBACK_CONFIRMED", "application:" + applicationId, "clawback=" + row.view().id());
	}

	/**
	 * What the county finance bureau's confirmation form shows of a recovery just
	 * determined, by {@link ClawbackModel}'s variable names: the amount, or, when nothing
	 * was paid ({@code amount} null), the revocation of the allocation; the deadline
	 * (none for a revocation) with the listing, if any; and the account the decision will
	 * name, as on record now (the confirmation itself reads the record again).
	 */
	Map<String, Object> confirmationShows(long applicationId, BigDecimal amount, LocalDate deadline,
			Integer listMonths) {
		ClawbackView clawback = row(applicationId).orElseThrow().view();
		String listing = listMonths == null ? "" : "；列入负面清单 " + listMonths + " 个月";
		Map<String, Object> shows = new LinkedHashMap<>();
		if (amount == null) {
			shows.put(ClawbackModel.NOTHING_PAID, true);
			shows.put(ClawbackModel.DETERMINED_AMOUNT, "撤销已下达的 " + Money.yuan(clawback.allocated()) + " 元（尚未拨付）");
			shows.put(ClawbackModel.DETERMINED_DEADLINE, "无需缴回" + listing);
		}
		else {
			shows.put(ClawbackModel.ACCOUNT,
					accountOnRecord(clawback.divisionCode()).orElse("尚未登记：请联系系统管理员登记本县追回资金缴款账户后再核对"));
			shows.put(ClawbackModel.NOTHING_PAID, false);
			shows.put(ClawbackModel.DETERMINED_AMOUNT, Money.yuan(amount));
			shows.put(ClawbackModel.DETERMINED_DEADLINE, deadline.toString() + listing);
		}
		return shows;
	}

	/**
	 * Where the division's enterprises pay recovered subsidies, as an administrator
	 * recorded it; refused, with what to do, when none is on record.
	 */
	Optional<String> accountOnRecord(String divisionCode) {
		return organizations.clawbackAccount(divisionCode);
	}

	private String accountOf(String divisionCode) {
		return organizations.clawbackAccount(divisionCode)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					organizations.division(divisionCode).map(d -> d.name()).orElse(divisionCode)
							+ "的追回资金缴款账户尚未登记，暂不能核对：请联系系统管理员按本县财政局的书面通知登记后再办理"));
	}

	Optional<ClawbackStore.Row> row(long applicationId) {
		return store.byApplication(applicationId);
	}

	/**
	 * The current clawback of an application (its latest round), with its repayments; the
	 * caller has checked who may read it.
	 */
	@Transactional(readOnly = true)
	public Optional<ClawbackView> of(long applicationId) {
		return store.byApplication(applicationId).map(ClawbackStore.Row::view);
	}

	/**
	 * Every clawback of the application, its first first; the last is the current one.
	 */
	@Transactional(readOnly = true)
	public List<ClawbackView> rounds(long applicationId) {
		return store.rounds(applicationId);
	}

	@Transactional(readOnly = true)
	public Optional<ClawbackView> byId(long id) {
		return store.byId(id).map(ClawbackStore.Row::view);
	}

	/** Every clawback ({@code divisionCode} null) or one county's, newest first. */
	@Transactional(readOnly = true)
	public List<ClawbackView> list(String divisionCode) {
		return store.list(divisionCode);
	}

}
