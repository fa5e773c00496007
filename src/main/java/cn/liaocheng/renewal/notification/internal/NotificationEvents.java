package cn.liaocheng.renewal.notification.internal;

import cn.liaocheng.renewal.document.Sentences;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.AfterAwardStep;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseNews;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.clawback.NegativeListLifted;
import cn.liaocheng.renewal.clawback.NegativeListed;
import cn.liaocheng.renewal.clawback.RepaymentsAwaitCheck;
import cn.liaocheng.renewal.engine.JobFailedForGood;
import cn.liaocheng.renewal.enterprise.EnterpriseAccountChanged;
import cn.liaocheng.renewal.enterprise.EnterpriseActivated;
import cn.liaocheng.renewal.enterprise.EnterprisePasswordReset;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistered;
import cn.liaocheng.renewal.ledger.InterestPeriodsAccrued;
import cn.liaocheng.renewal.notification.internal.Notifier.Note;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.CaseCopied;
import cn.liaocheng.renewal.review.CaseDecided;
import cn.liaocheng.renewal.review.CaseReturned;
import cn.liaocheng.renewal.review.LoanListed;
import cn.liaocheng.renewal.review.ReviewTaskEvent;
import cn.liaocheng.renewal.review.StepReturnedToPrevious;
import cn.liaocheng.renewal.review.TaskDelegated;
import cn.liaocheng.renewal.review.TaskReassigned;
import cn.liaocheng.renewal.review.TaskUrged;

/**
 * Turns the other modules' events into notifications, synchronously in the transaction
 * that published them: a step that rolls back leaves no message, and a step that commits
 * cannot lose its message. Enterprises hear about their account and their cases;
 * reviewers about tasks given to them or waiting in their body's pool.
 */
@Component
class NotificationEvents {

	static final ZoneId CHINA = ChinaTime.ZONE;

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(CHINA);

	private final Notifier notifier;

	private final Recipients recipients;

	private final ApplicationStages stages;

	NotificationEvents(Notifier notifier, Recipients recipients, ApplicationStages stages) {
		this.notifier = notifier;
		this.recipients = recipients;
		this.stages = stages;
	}

	@EventListener
	void on(EnterpriseActivated event) {
		notifier.notify(event.userId(),
				new Note(NotificationKind.ACCOUNT_ACTIVATED, "企业申报账户已激活",
						event.enterpriseName() + "的申报账户已由" + event.activatingBody()
								+ "审核并激活。现在可以在线填报、保存设备更新项目入库申请，并在该类申报的批次开放期间提交；奖补资金和设备更新贷款支持申请须以本单位已入库的项目申报。",
						"/", null, null));
	}

	/**
	 * An enterprise registered: its county industry bureau's members and lead, who
	 * activate it, are told whom to check, since the enterprise can submit nothing until
	 * then. Once per registration and person, should the event be seen twice.
	 */
	@EventListener
	void on(EnterpriseRegistered event) {
		Note note = new Note(NotificationKind.REGISTRATION_PENDING, "企业注册待激活：" + event.enterpriseName(),
				event.enterpriseName() + "（统一社会信用代码 " + event.creditCode() + "）已于"
						+ ChinaTime.minute(event.registeredAt()) + "注册申报账户，等待本局激活；激活前该企业不能提交申报。"
						+ (event.movedFrom() == null ? ""
								: "其信用代码登记地为" + event.movedFrom() + "，企业声明已迁入本县：激活前请核验营业执照住所在本辖区。")
						+ "请核实营业执照和联系人后在“企业账户激活”中激活或驳回。",
				"/county/enterprises?q=" + event.creditCode(), null, "enterprise-registered:" + event.enterpriseId());
		recipients.membersOf(List.of(event.industryBureau(), GroupNames.lead(event.industryBureau())))
			.forEach(member -> notifier.notify(member, note));
	}

	/**
	 * The account was disabled or restored: the enterprise hears who did it and what it
	 * means for its applications.
	 */
	@EventListener
	void on(EnterpriseAccountChanged event) {
		Note note = event.disabled() ? new Note(NotificationKind.ACCOUNT_CHANGED, "申报账户已停用", event.enterpriseName()
				+ "的申报账户已于" + ChinaTime.minute(event.at()) + "由" + event.body() + "停用"
				+ (event.reason() == null ? "" : "，停用原因：" + event.reason())
				+ "。停用期间仍可登录查看已有申报和消息、撤回申报、陈述申辩，但不能新建、修改或提交申报和补正，也不能上传附件、接受贷款或办理验收、整改、绩效报告等后续事项，API 令牌也已失效。如有疑问，请联系"
				+ event.body() + "。", "/", null, null)
				: new Note(NotificationKind.ACCOUNT_CHANGED, "申报账户已恢复", event.enterpriseName() + "的申报账户已于"
						+ ChinaTime.minute(event.at()) + "由" + event.body() + "恢复，可以继续在线申报。", "/", null, null);
		notifier.notify(event.userId(), note);
	}

	/**
	 * A county reset the account's password: the enterprise hears who did and when, so
	 * that a reset it did not ask for is noticed, and how the temporary password reached
	 * it (texted to its registered mobile, or told by the bureau). The password itself is
	 * never in it.
	 */
	@EventListener
	void on(EnterprisePasswordReset event) {
		notifier.notify(event.userId(),
				new Note(NotificationKind.PASSWORD_RESET, "账户密码已被重置", event.enterpriseName() + "的申报账户密码已于"
						+ ChinaTime.minute(event.resetAt()) + "由" + event.resettingBody() + "根据贵单位经办人的申请并核验身份后重置为临时密码（"
						+ (event.textedTo() == null ? "临时密码由该局当面或电话告知经办人" : "临时密码已由系统以短信发送至登记的手机 " + event.textedTo())
						+ "，本消息不含密码）。临时密码至" + ChinaTime.minute(event.expiresAt())
						+ "前有效（72 小时），登录后须先修改密码；逾期须再次申请重置。如贵单位未申请重置，请立即联系" + event.resettingBody() + "。", "/account",
						null, null));
	}

	/**
	 * A case's background job failed on every retry: each administrator is told which
	 * case waits where, and why, with the way to Cockpit, where the job is retried once
	 * the cause is repaired.
	 */
	@EventListener
	void on(JobFailedForGood event) {
		String where = (event.processName() == null ? "流程" : "“" + event.processName() + "”")
				+ (event.businessKey() == null ? "" : "（申报 ID " + event.businessKey() + "）") + "在“"
				+ (event.activityName() == null ? "未知环节" : event.activityName()) + "”";
		Note note = new Note(NotificationKind.JOB_FAILED, "后台作业多次重试后仍失败：" + where,
				where + "的后台作业多次重试后仍失败，案件停在该环节，办理人和企业都看不到进展。请在门户“运行异常”页面查看原因和处理建议，排除后重试该作业。最后一次错误："
						+ (event.error().isEmpty() ? "（无）" : event.error()),
				"/admin/incidents", null, "incident:" + event.incidentId());
		recipients.membersOf(List.of(GroupNames.ADMINISTRATORS)).forEach(admin -> notifier.notify(admin, note));
	}

	/**
	 * Repayments recorded in time wait for their check after the deadline: the county
	 * finance bureau's officers and lead are told to check them before the case goes to
	 * the overdue follow-up.
	 */
	@EventListener
	void on(RepaymentsAwaitCheck event) {
		ReviewFacts facts = stages.facts(event.applicationId());
		Note note = new Note(NotificationKind.AFTER_AWARD, "追回缴款待复核：" + facts.referenceNo(),
				"申报「" + facts.title() + "」（申报编号 " + facts.referenceNo() + "）的追回资金缴回期限已届满，已登记为期限内缴款的"
						+ Money.yuan(event.pending()) + "元尚未复核。请于"
						+ DAY.format(event.checkBy().atStartOfDay(CHINA).toInstant())
						+ "前由登记人以外的工作人员或负责人对照国库缴款凭证复核；逾期未复核的，转市工业和信息化局逾期追缴。",
				"/clawbacks/" + event.applicationId(), event.applicationId(), "await-check:" + event.applicationId());
		recipients.membersOf(List.of(event.financeGroup(), GroupNames.lead(event.financeGroup())))
			.forEach(member -> notifier.notify(member, note));
	}

	/**
	 * Periods of the interest-subsidy ledger were accrued: the city finance bureau's
	 * officers and lead are told that they wait for approval, once for each run that
	 * wrote any.
	 */
	@EventListener
	void on(InterestPeriodsAccrued event) {
		String finance = GroupNames.city("finance");
		Note note = new Note(NotificationKind.INTEREST_ACCRUED, "贴息待审核：新计提 " + event.periods() + " 期",
				DAY.format(event.on().atStartOfDay(CHINA).toInstant()) + "贴息台账新计提 " + event.loans() + " 笔贷款共 "
						+ event.periods() + " 期贴息，待市财政局审核、拨付。请在“贷款与贴息台账”中勾选“只看有待审核或待拨付贴息的贷款”，逐笔核对放款和还款记录后审核。",
				"/ledger?waiting=true", null, null);
		recipients.membersOf(List.of(finance, GroupNames.lead(finance)))
			.forEach(member -> notifier.notify(member, note));
	}

	@EventListener
	void on(CaseReturned event) {
		ReviewFacts facts = stages.facts(event.applicationId());
		notifier.notify(facts.enterpriseUser(), new Note(NotificationKind.CASE_RETURNED,
				"申报被退回补正：" + facts.referenceNo() + "，请于" + ChinaTime.minute(event.deadline()) + "前补正",
				"您的申报「" + facts.title() + "」（申报编号 " + facts.referenceNo() + "）被退回补正。" + "退回理由："
						+ Sentences.ended(event.reasons()) + "请于 " + ChinaTime.minute(event.deadline())
						+ " 前修改申报材料并重新提交，逾期未补正的，申报失效。",
				caseLink(event.applicationId()), event.applicationId(), null));
	}

	@EventListener
	void on(CaseDecided event) {
		ReviewFacts facts = stages.facts(event.applicationId());
		notifier.notify(facts.enterpriseUser(),
				new Note(NotificationKind.CASE_DECIDED, "申报已办结：" + facts.referenceNo(),
						"您的申报「" + facts.title() + "」（申报编号 " + facts.referenceNo() + "）已办结。办理结果：" + event.outcome()
								+ "。《" + event.document() + "》已签发，可在申报详情中下载。",
						caseLink(event.applicationId()), event.applicationId(), null));
	}

	@EventListener
	void on(CaseNews event) {
		ReviewFacts facts = stages.facts(event.applicationId());
		notifier.notify(facts.enterpriseUser(),
				new Note(NotificationKind.CASE_PROGRESS, event.subject() + "：" + facts.referenceNo(),
						"您的申报「" + facts.title() + "」（申报编号 " + facts.referenceNo() + "）" + event.text(),
						caseLink(event.applicationId()), event.applicationId(), null));
	}

	@EventListener
	void on(NegativeListed event) {
		notifier.notify(event.enterpriseUserId(), new Note(NotificationKind.AFTER_AWARD, "列入负面清单",
				"你单位已被聊城市工业和信息化局列入聊城市工业领域设备更新负面清单，列入原因：" + event.reason() + "。列入期限至"
						+ DAY.format(event.until().atStartOfDay(ChinaTime.ZONE).toInstant())
						+ "（含当日），期间不能提交新的申报。如有异议，请联系聊城市工业和信息化局。",
				event.applicationId() == null ? "/" : caseLink(event.applicationId()), event.applicationId(), null));
	}

	@EventListener
	void on(NegativeListLifted event) {
		String still = event.stillListedUntil() == null ? "你单位现在可以提交新的申报。"
				: "你单位另有负面清单列入记录，列入期限至" + ChinaTime.day(event.stillListedUntil()) + "（含当日），期间仍不能提交新的申报。";
		notifier.notify(event.enterpriseUserId(), new Note(NotificationKind.AFTER_AWARD, "解除负面清单",
				"聊城市工业和信息化局已于" + ChinaTime.day(event.liftedOn()) + "提前解除你单位在聊城市工业领域设备更新负面清单中的列入（列入原因：" + event.reason()
						+ "），解除原因：" + Sentences.ended(event.liftReason()) + still,
				event.applicationId() == null ? "/" : caseLink(event.applicationId()), event.applicationId(), null));
	}

	@EventListener
	void on(LoanListed event) {
		ReviewFacts facts = stages.facts(event.applicationId());
		notifier.notify(facts.enterpriseUser(), new Note(NotificationKind.LOAN_LISTED, "贷款项目已入选：" + facts.referenceNo(),
				"您的申报「" + facts.title() + "」（申报编号 " + facts.referenceNo() + "）已列入设备更新和技术改造贷款支持项目清单，"
						+ "人民银行聊城市分行已出具《设备更新贷款项目入选通知书》，贷款银行为" + event.lender() + "，可在申报详情中下载。财政贴息由市财政局核定后另行通知，申报尚未办结。",
				caseLink(event.applicationId()), event.applicationId(), null));
	}

	@EventListener
	void on(AfterAwardStep event) {
		ReviewFacts facts = stages.facts(event.applicationId());
		notifier.notify(facts.enterpriseUser(),
				new Note(NotificationKind.AFTER_AWARD, event.subject() + "：" + facts.referenceNo(),
						"您的项目「" + facts.title() + "」（申报编号 " + facts.referenceNo() + "）" + event.text(),
						caseLink(event.applicationId()) + "#aftercare", event.applicationId(), null));
	}

	@EventListener
	void on(ReviewTaskEvent event) {
		String about = event.applicationId() == null ? "" : caseOf(event.applicationId());
		String due = event.due() == null ? "" : "办理期限：" + DAY.format(event.due()) + "。";
		String task = event.taskId();
		switch (event.kind()) {
			case CREATED -> {
				Note note = Note.aboutTask(NotificationKind.TASK_CREATED, "新的待办任务：" + event.taskName(),
						about + "「" + event.taskName() + "」已到达，"
								+ (event.assignee() != null ? "由您办理，见 Tasklist“我的待办”。" : "请在 Tasklist 的“本部门待办”中认领办理。")
								+ due,
						task, event.applicationId(), null);
				handlers(event).forEach(user -> notifier.notify(user, note));
			}
			case TRANSFERRED ->
				notifier.notify(event.assignee(),
						Note.aboutTask(NotificationKind.TASK_TRANSFERRED, "任务转交给您：" + event.taskName(),
								recipients.nameOf(event.actor()) + "将" + about + "「" + event.taskName()
										+ "」转交给您办理。转交原因：" + Sentences.ended(event.reason()) + due,
								task, event.applicationId(), null));
			case ASSIGNED -> notifier.notify(event.assignee(),
					Note.aboutTask(NotificationKind.TASK_ASSIGNED, "指派给您的任务：" + event.taskName(),
							recipients.nameOf(event.actor()) + "将" + about + "「" + event.taskName() + "」指派给您办理。" + due,
							task, event.applicationId(), null));
			case RELEASED -> {
				String why = event.reason() == null ? "" : "原因：" + Sentences.ended(event.reason());
				Note note = Note.aboutTask(
						NotificationKind.TASK_RELEASED, "任务放回待认领：" + event.taskName(), recipients.nameOf(event.actor())
								+ "将" + about + "「" + event.taskName() + "」放回本部门待办，请在 Tasklist 中认领办理。" + why + due,
						task, event.applicationId(), null);
				List<String> users = new ArrayList<>(recipients.membersOf(event.candidateGroups()));
				users.remove(event.actor());
				users.forEach(user -> notifier.notify(user, note));
			}
			case OVERDUE -> {
				Note note = Note.aboutTask(NotificationKind.TASK_OVERDUE, "任务已超期：" + event.taskName(),
						about + "「" + event.taskName() + "」已超过办理期限"
								+ (event.due() == null ? "" : "（" + DAY.format(event.due()) + "）")
								+ "，请尽快办理。该任务已报送部门负责人督办。",
						task, event.applicationId(), null);
				Set<String> users = new LinkedHashSet<>(handlers(event));
				users.addAll(recipients.membersOf(event.candidateGroups().stream().map(GroupNames::lead).toList()));
				users.forEach(user -> notifier.notify(user, note));
			}
		}
	}

	/**
	 * 退回上一环节: the step goes back to who did it (or, if they have left the body, to its
	 * pool), told who sent it back from where and why.
	 */
	@EventListener
	void on(StepReturnedToPrevious event) {
		String about = caseOf(event.applicationId());
		String due = event.due() == null ? "" : "办理期限：" + DAY.format(event.due()) + "。";
		Note note = Note.aboutTask(NotificationKind.TASK_SENT_BACK, "任务退回重办：" + event.taskName(),
				recipients.nameOf(event.byUser()) + "在「" + event.fromStep() + "」环节将" + about + "「" + event.taskName()
						+ "」退回，" + (event.assignee() != null ? "由您重新办理。" : "请在 Tasklist 中认领重新办理。") + "退回原因："
						+ Sentences.ended(event.reason()) + due,
				event.taskId(), event.applicationId(), null);
		List<String> users = new ArrayList<>(event.assignee() != null ? List.of(event.assignee())
				: recipients.membersOf(List.of(event.bodyGroup())));
		users.remove(event.byUser());
		users.forEach(user -> notifier.notify(user, note));
	}

	@EventListener
	void on(TaskUrged event) {
		Note note = Note.aboutTask(NotificationKind.TASK_URGED, "催办：" + event.taskName(),
				event.byName() + "催办" + caseOf(event.applicationId()) + "「" + event.taskName() + "」，请尽快办理。催办事由："
						+ Sentences.ended(event.reason()),
				event.taskId(), event.applicationId(), null);
		Set<String> users = new LinkedHashSet<>();
		if (event.assignee() != null) {
			users.add(event.assignee());
		}
		else {
			users.addAll(recipients.membersOf(List.of(event.bodyGroup())));
		}
		users.remove(event.byUser());
		users.forEach(user -> notifier.notify(user, note));
	}

	@EventListener
	void on(TaskDelegated event) {
		notifier.notify(event.delegate(),
				Note.aboutTask(NotificationKind.TASK_DELEGATED, "委派给您的任务：" + event.taskName(),
						recipients.nameOf(event.owner()) + "请您协助办理" + caseOf(event.applicationId()) + "「"
								+ event.taskName() + "」，办理后任务交还委派人。委派原因：" + Sentences.ended(event.reason()),
						event.taskId(), event.applicationId(), null));
	}

	/**
	 * 改派 by a lead: the new holder, or the body's pool when it was taken back, and the
	 * one it was taken from.
	 */
	@EventListener
	void on(TaskReassigned event) {
		String lead = recipients.nameOf(event.actor());
		String about = caseOf(event.applicationId()) + "「" + event.taskName() + "」";
		String why = "原因：" + Sentences.ended(event.reason());
		String due = event.due() == null ? "" : "办理期限：" + DAY.format(event.due()) + "。";
		String task = event.taskId();
		Set<String> told = new LinkedHashSet<>(List.of(event.actor()));
		if (event.from() != null && told.add(event.from())) {
			notifier.notify(event.from(),
					Note.aboutTask(NotificationKind.TASK_REASSIGNED, "任务已由负责人改派：" + event.taskName(),
							"负责人" + lead + "已将您名下的" + about
									+ (event.to() == null ? "收回本部门待办" : "改派" + recipients.nameOf(event.to()) + "办理")
									+ "，您无需再办理。" + why,
							task, event.applicationId(), null));
		}
		Note note = event.to() == null
				? Note.aboutTask(NotificationKind.TASK_REASSIGNED, "任务收回待认领：" + event.taskName(),
						"负责人" + lead + "已将" + about + "收回本部门待办，请在 Tasklist 中认领办理。" + why + due, task,
						event.applicationId(), null)
				: Note.aboutTask(NotificationKind.TASK_REASSIGNED, "负责人改派给您的任务：" + event.taskName(),
						"负责人" + lead + "将" + about + "改派给您办理。" + why + due, task, event.applicationId(), null);
		List<String> users = event.to() == null ? recipients.membersOf(List.of(event.body())) : List.of(event.to());
		users.stream().filter(told::add).forEach(user -> notifier.notify(user, note));
	}

	@EventListener
	void on(CaseCopied event) {
		Note note = new Note(NotificationKind.CASE_COPIED, "抄送知悉：" + caseTitle(event.applicationId()),
				recipients.nameOf(event.byUser()) + "将" + caseOf(event.applicationId()) + "卷宗抄送您知悉（只读，无需办理）。抄送原因："
						+ Sentences.ended(event.reason()),
				"/review/applications/" + event.applicationId(), event.applicationId(), null);
		Set<String> users = new LinkedHashSet<>();
		if (event.toUser() != null) {
			users.add(event.toUser());
		}
		if (event.toGroup() != null) {
			users.addAll(recipients.membersOf(List.of(event.toGroup())));
		}
		users.remove(event.byUser());
		users.forEach(user -> notifier.notify(user, note));
	}

	/** The assignee, or else everyone in the task's candidate groups. */
	private List<String> handlers(ReviewTaskEvent event) {
		if (event.assignee() != null) {
			return List.of(event.assignee());
		}
		return recipients.membersOf(event.candidateGroups());
	}

	/**
	 * "申报编号 …（企业，项目）的" for a task's case; what a reviewer may know from the task itself.
	 */
	private String caseOf(long applicationId) {
		try {
			ReviewFacts facts = stages.facts(applicationId);
			return "申报编号 " + facts.referenceNo() + "（" + facts.enterpriseName() + "，" + facts.title() + "）的";
		}
		catch (ApplicationNotFoundException e) {
			// A task of a case the application module does not know (a probe, a deleted
			// case): the task speaks for itself.
			return "";
		}
	}

	/** The text as a sentence of its own: a full stop added unless it ends with one. */
	private String caseTitle(long applicationId) {
		try {
			return stages.facts(applicationId).referenceNo();
		}
		catch (ApplicationNotFoundException e) {
			return "案件 " + applicationId;
		}
	}

	private static String caseLink(long applicationId) {
		return "/enterprise/applications/" + applicationId;
	}

}
