package cn.liaocheng.renewal.notification.internal;

/** What a notification is about, with the label the message centre shows. */
enum NotificationKind {

	ACCOUNT_ACTIVATED("账户激活"), PASSWORD_RESET("密码重置"), CASE_RETURNED("退回补正"), DEADLINE_APPROACHING("补正即将到期"),
	CASE_DECIDED("办理结果"), LOAN_LISTED("贷款入选"), CASE_PROGRESS("办理进展"), TASK_CREATED("新待办"), TASK_TRANSFERRED("任务转交"),
	TASK_ASSIGNED("任务指派"), TASK_RELEASED("任务放回"), TASK_OVERDUE("任务超期"), TASK_DELEGATED("任务委派"), TASK_URGED("催办"),
	TASK_SENT_BACK("退回重办"), CASE_COPIED("抄送"), AFTER_AWARD("项目后续管理"), JOB_FAILED("后台作业故障"), REPAYMENT_DUE("缴回即将到期"),
	RECTIFICATION_DUE("整改即将到期"), TASK_REASSIGNED("负责人改派"), TASK_DUE_SOON("任务即将超期"), INTEREST_ACCRUED("贴息待审核"),
	ACCOUNT_CHANGED("账户停用或恢复"), STATEMENT_DUE("陈述申辩即将届满"), DRAFT_UNSUBMITTED("申报即将截止"), REGISTRATION_PENDING("企业注册待激活");

	private final String label;

	NotificationKind(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

}
