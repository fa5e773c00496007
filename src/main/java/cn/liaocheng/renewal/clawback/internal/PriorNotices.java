package cn.liaocheng.renewal.clawback.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.aftercare.AfterAwardStep;
import cn.liaocheng.renewal.aftercare.SubsidyPayments;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.operations.TypedLineBreaks;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The prior notice (事先告知) of a clawback's intended decision and the enterprise's
 * statement and defence (陈述、申辩): the notice once the county finance bureau confirmed the
 * determination, a statement or an express waiver within the period (once, on the record,
 * before the process moves on), and the city industry bureau's ruling on a statement. The
 * decision states what this record shows.
 */
@Service
public class PriorNotices {

	private final ClawbackStore store;

	private final NoticeStore notices;

	private final ClawbackCollection collection;

	private final WorkingDays workingDays;

	private final ApplicationStages stages;

	private final OrganizationCatalog organizations;

	private final RuntimeService runtime;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final SubsidyPayments payments;

	PriorNotices(ClawbackStore store, NoticeStore notices, ClawbackCollection collection, WorkingDays workingDays,
			ApplicationStages stages, OrganizationCatalog organizations, RuntimeService runtime, AuditTrail audit,
			ApplicationEventPublisher events, SubsidyPayments payments) {
		this.payments = payments;
		this.store = store;
		this.notices = notices;
		this.collection = collection;
		this.workingDays = workingDays;
		this.stages = stages;
		this.organizations = organizations;
		this.runtime = runtime;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * A notice as the enterprise reads it.
	 *
	 * @param open whether a statement or a waiver can be submitted now
	 * @param answer 陈述申辩 / 放弃陈述申辩, {@code null} while none
	 * @param ruling the bureau's ruling on a statement, {@code null} while none
	 */
	public record View(String number, String body, LocalDate issuedOn, LocalDate lastDay, String lastDayText,
			boolean open, String answer, LocalDate answeredOn, String statement, String ruling) {
	}

	/**
	 * Task_IssuePriorNotice: the notice of the determination as confirmed, once per
	 * determination (a retried job finds it); returns the end of the statement period.
	 */
	@Transactional
	Instant issue(long applicationId, String processInstanceId) {
		ClawbackStore.Row row = store.lockByApplication(applicationId)
			.orElseThrow(() -> new IllegalStateException("no clawback for application " + applicationId));
		Optional<NoticeStore.Notice> latest = notices.latest(row.view().id());
		if (latest.isPresent() && latest.get().determinedAt().equals(row.determinedAt())) {
			return latest.get().endsAt();
		}
		if (row.view().status() != ClawbackStatus.CONFIRMING || row.determinedAt() == null) {
			throw new IllegalStateException("clawback " + row.view().id() + " is " + row.view().status()
					+ ", not a confirmed determination to notify");
		}
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, Clawbacks.CHINA);
		LocalDate lastDay = workingDays.plusWorkingDays(today, ClawbackModel.STATEMENT_WORKING_DAYS);
		Instant endsAt = workingDays.deadline(now, ClawbackModel.STATEMENT_WORKING_DAYS, Clawbacks.CHINA);
		LocalDate determinedOn = LocalDate.ofInstant(row.determinedAt(), Clawbacks.CHINA);
		Integer daysToPay = row.view().deadline() == null ? null
				: (int) ChronoUnit.DAYS.between(determinedOn, row.view().deadline());
		ClawbackDecision.Record record = collection.record(applicationId);
		String countyFinance = organizations.groupName(GroupNames.county(row.view().divisionCode(), "finance"));
		NoticeStore.Notice notice = notices.insert(
				new NoticeStore.NewNotice(row.view().id(), processInstanceId, row.determinedAt(), row.view().amount(),
						row.view().deadline(), daysToPay, PriorNoticeText.listMonths(row, record), now, lastDay,
						endsAt),
				(seq, number) -> PriorNoticeText.of(row, record, countyFinance, number, today, lastDay, daysToPay,
						payments.paid(applicationId)),
				today.getYear());
		store.status(row.view().id(), ClawbackStatus.NOTIFIED);
		String day = ClawbackDecision.day(lastDay);
		stages.note(applicationId, "system", "市工业和信息化局", "CLAWBACK_NOTICE", "市工业和信息化局作出" + PriorNoticeText.TITLE + "（"
				+ notice.number() + "），告知拟作出的决定及其事实、理由和依据；企业可于" + day + "（含当日）前陈述、申辩，或明确放弃。");
		events.publishEvent(new AfterAwardStep(applicationId, "追回事先告知", "的奖补资金追回事项已核定，市工业和信息化局拟作出决定，并依法告知您享有陈述、申辩的权利（"
				+ notice.number() + "）。请在申报详情“奖补资金追回”栏阅读告知书全文，于" + day + "（含当日）前提交陈述、申辩意见，或明确放弃；期限届满未提出的，视为放弃。"));
		audit.record("system", "CLAWBACK_NOTICE", "application:" + applicationId,
				"clawback=" + row.view().id() + " notice=" + notice.number() + " lastDay=" + lastDay);
		return endsAt;
	}

	/**
	 * The enterprise's statement, within the period, once; the caller checked it is its
	 * own case.
	 */
	@Transactional
	public View state(long applicationId, PortalUser by, String text) {
		by.requirePerson("陈述、申辩");
		// A line break counts once, from the portal's form or from the API.
		String statement = text == null ? "" : TypedLineBreaks.lf(text).strip();
		if (statement.length() < 10 || statement.length() > ClawbackModel.MAX_STATEMENT) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID,
					"请写明陈述、申辩的事实、理由和证据（10 至 " + ClawbackModel.MAX_STATEMENT + " 字）", "statement");
		}
		PlainText.problem(statement, true).ifPresent(problem -> {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "陈述、申辩意见" + problem, "statement");
		});
		return answer(applicationId, by.userId(), NoticeStore.Answer.STATEMENT, statement);
	}

	/** The enterprise expressly waives its statement, within the period, once. */
	@Transactional
	public View waive(long applicationId, PortalUser by) {
		by.requirePerson("放弃陈述、申辩");
		return answer(applicationId, by.userId(), NoticeStore.Answer.WAIVED, null);
	}

	private View answer(long applicationId, String by, NoticeStore.Answer answer, String statement) {
		ClawbackStore.Row row = store.lockByApplication(applicationId)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "该申报没有追回记录"));
		NoticeStore.Notice notice = notices.latest(row.view().id())
			.filter(n -> n.determinedAt().equals(row.determinedAt()))
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "该追回事项当前没有待陈述、申辩的事先告知"));
		if (notice.answer() != null) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"你单位已于" + ClawbackDecision.day(LocalDate.ofInstant(notice.answeredAt(), Clawbacks.CHINA))
							+ (notice.answer() == NoticeStore.Answer.STATEMENT ? "提出陈述、申辩" : "表示放弃陈述、申辩") + "，不能重复提交");
		}
		Instant now = Instant.now();
		// Closed from the period's end on, as the card, the notice's page and the
		// decision's account of the hearing (未提出) count it.
		if (!now.isBefore(notice.endsAt()) || row.view().status() != ClawbackStatus.NOTIFIED) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"陈述、申辩期限已于" + ClawbackDecision.day(notice.lastDay()) + "届满，不能再提交");
		}
		if (!notices.answer(notice.id(), answer, statement, by, now)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "该事先告知已有答复，不能重复提交");
		}
		try {
			runtime
				.createMessageCorrelation(answer == NoticeStore.Answer.STATEMENT ? ClawbackModel.MESSAGE_STATEMENT_FILED
						: ClawbackModel.MESSAGE_STATEMENT_WAIVED)
				.processInstanceId(notice.processInstanceId())
				.setVariable(ClawbackModel.STATEMENT, statement == null ? "" : statement)
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException e) {
			// The period's timer moved the case on a moment before: nothing is kept.
			throw new ClawbackRefused(ClawbackRefused.Reason.CHANGED,
					"陈述、申辩期限已于" + ClawbackDecision.day(notice.lastDay()) + "届满，不能再提交");
		}
		String enterprise = row.view().enterpriseName();
		if (answer == NoticeStore.Answer.STATEMENT) {
			stages.note(applicationId, by, enterprise, "CLAWBACK_STATEMENT",
					"企业对事先告知（" + notice.number() + "）提出陈述、申辩，由市工业和信息化局复核。");
		}
		else {
			stages.note(applicationId, by, enterprise, "CLAWBACK_STATEMENT_WAIVED",
					"企业对事先告知（" + notice.number() + "）明确表示放弃陈述、申辩。");
		}
		audit.record(by, answer == NoticeStore.Answer.STATEMENT ? "CLAWBACK_STATEMENT" : "CLAWBACK_STATEMENT_WAIVED",
				"application:" + applicationId, "clawback=" + row.view().id() + " notice=" + notice.number());
		return view(notices.byId(notice.id()).orElseThrow(), row.view().status() == ClawbackStatus.NOTIFIED);
	}

	/**
	 * Task_ReviewStatement completed: the ruling on the statement; an adopted statement
	 * returns the case to the determination, which may not be heavier than the notice.
	 */
	@Transactional
	void rule(long applicationId, String by, boolean adopt, String reasons) {
		ClawbackStore.Row row = store.lockByApplication(applicationId)
			.orElseThrow(() -> new IllegalStateException("no clawback for application " + applicationId));
		NoticeStore.Notice notice = notices.latest(row.view().id())
			.filter(n -> n.answer() == NoticeStore.Answer.STATEMENT && n.ruling() == null)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.CHANGED, "该追回事项没有待复核的陈述、申辩"));
		String text = reasons == null ? "" : reasons.strip();
		if (text.length() < 10) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请写明复核的理由（不少于 10 字）：采纳哪些意见，或逐项说明不予采纳的事实和依据");
		}
		notices.rule(notice.id(), adopt ? NoticeStore.Ruling.ADOPTED : NoticeStore.Ruling.NOT_ADOPTED, text, by,
				Instant.now());
		if (adopt) {
			store.status(row.view().id(), ClawbackStatus.DETERMINING);
		}
		stages.note(applicationId, by, "市工业和信息化局", "CLAWBACK_STATEMENT_RULED", adopt
				? "市工业和信息化局复核企业的陈述、申辩，予以采纳（或部分采纳），重新核定追回事项；重新核定不得加重，并将重新告知。" : "市工业和信息化局复核企业的陈述、申辩，不予采纳，理由将在决定书中载明。");
		audit.record(by, "CLAWBACK_STATEMENT_RULED", "application:" + applicationId,
				"clawback=" + row.view().id() + " notice=" + notice.number() + " adopted=" + adopt);
	}

	/** The latest notice of the application's clawback, as the enterprise reads it. */
	@Transactional(readOnly = true)
	public Optional<View> latest(long applicationId) {
		return store.byApplication(applicationId)
			.flatMap(row -> notices.latest(row.view().id())
				.map(n -> view(n, row.view().status() == ClawbackStatus.NOTIFIED
						&& n.determinedAt().equals(row.determinedAt()))));
	}

	private static View view(NoticeStore.Notice n, boolean current) {
		boolean open = current && n.answer() == null && Instant.now().isBefore(n.endsAt());
		String answer = n.answer() == null ? null
				: n.answer() == NoticeStore.Answer.STATEMENT ? "已提出陈述、申辩" : "已放弃陈述、申辩";
		String ruling = n.ruling() == null ? null
				: n.ruling() == NoticeStore.Ruling.ADOPTED ? "经复核予以采纳（或部分采纳），重新核定" : "经复核不予采纳，理由见决定书";
		return new View(n.number(), n.body(), LocalDate.ofInstant(n.issuedAt(), Clawbacks.CHINA), n.lastDay(),
				ClawbackDecision.day(n.lastDay()), open, answer,
				n.answeredAt() == null ? null : LocalDate.ofInstant(n.answeredAt(), Clawbacks.CHINA), n.statement(),
				ruling);
	}

}
