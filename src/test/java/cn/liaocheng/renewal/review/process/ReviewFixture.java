package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationEvent;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.AttachmentView;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;

/**
 * Real applications of ent-gx (冠县, 371525) driven through the review processes of the
 * shared Spring context, with the real listeners, delegates, tables and database.
 * <p>
 * The job executor is paused while a test runs and every asynchronous step is executed by
 * the test itself ({@link #runJobs}, {@link #fireTimer}): with the executor running, a
 * test's {@code executeJob} and the executor would race for the same job (and, for
 * decisions, for the same unique row), which makes failures depend on timing.
 */
final class ReviewFixture implements AutoCloseable {

	static final String COUNTY_INDUSTRY = "county-371525-industry";

	static final String COUNTY_FINANCE = "county-371525-finance";

	static final String CORRECTION_TASK = "Task_EnterpriseCorrection";

	static final String CORRECTION_OVERDUE = "BoundaryEvent_CorrectionOverdue";

	/** The end of a clawback's statement period (陈述申辩期限) after its prior notice. */
	static final String STATEMENT_PERIOD_OVER = "TimerEvent_StatementPeriodOver";

	static final String RECTIFICATION_LAPSED = "Event_RectificationLapsed";

	static final String REPAYMENT_DEADLINE_PASSED = "TimerEvent_DeadlinePassed";

	static final String CHECK_WAIT_OVER = "TimerEvent_CheckWaitOver";

	/**
	 * One registered project per policy task, made once per JVM by running a real project
	 * registration.
	 */
	private static final Map<Integer, Long> REGISTERED_PROJECTS = new ConcurrentHashMap<>();

	private final ProcessEngine engine;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final HistoryService history;

	private final Applications applications;

	private final ApplicationContext context;

	private final ApplicationStages stages;

	private final Decisions decisions;

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final JobExecutor jobExecutor;

	private final boolean jobExecutorWasActive;

	private final PortalUser enterprise;

	private ReviewFixture(ApplicationContext context) {
		this.context = context;
		this.engine = context.getBean(ProcessEngine.class);
		this.runtime = engine.getRuntimeService();
		this.tasks = engine.getTaskService();
		this.management = engine.getManagementService();
		this.history = engine.getHistoryService();
		this.applications = context.getBean(Applications.class);
		this.stages = context.getBean(ApplicationStages.class);
		this.decisions = context.getBean(Decisions.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		this.readOnly.setReadOnly(true);
		this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
		this.jobExecutorWasActive = jobExecutor.isActive();
		this.enterprise = portalUser(DemoUsers.ENTERPRISE);
	}

	/**
	 * For {@code @BeforeEach}: binds camunda-bpm-assert to the Spring engine and pauses
	 * the job executor.
	 */
	static ReviewFixture open(ApplicationContext context) {
		ReviewFixture fixture = new ReviewFixture(context);
		// Explicitly the Spring engine: camunda-unit.cfg.xml would otherwise be a
		// candidate for other tests' engine.
		BpmnAwareTests.init(fixture.engine);
		fixture.jobExecutor.shutdown();
		return fixture;
	}

	/**
	 * For {@code @AfterEach}: the next test class in this shared context finds the job
	 * executor as it was.
	 */
	@Override
	public void close() {
		BpmnAwareTests.reset();
		if (jobExecutorWasActive) {
			jobExecutor.start();
		}
	}

	/** A submitted application and the instance of its main process. */
	record Case(long id, ApplicationKind kind, ProcessInstance process) {

		String key() {
			return Long.toString(id);
		}

	}

	// --- applications, made through the application module's public API as the portal
	// does

	Case submitProject(int policyTask) {
		return submitProject(Dossiers.project(policyTask));
	}

	/** A project registration of this dossier, with its two attachments, submitted. */
	Case submitProject(DossierForm form) {
		long id = applications.createDraft(enterprise, ApplicationKind.PROJECT, form, creationKey());
		attach(id, AttachmentCategory.BUSINESS_LICENCE, "营业执照.pdf");
		attach(id, AttachmentCategory.PROJECT_PLAN, "项目实施方案.pdf");
		return submit(id, ApplicationKind.PROJECT);
	}

	/**
	 * A project registration of another enterprise (ent-lq of 临清市), submitted as its
	 * portal does.
	 */
	Case submitProjectOf(String enterpriseUser, int policyTask) {
		PortalUser other = portalUser(enterpriseUser);
		long id = applications.createDraft(other, ApplicationKind.PROJECT, Dossiers.project(policyTask), creationKey());
		attach(other, id, AttachmentCategory.BUSINESS_LICENCE, "营业执照.pdf");
		attach(other, id, AttachmentCategory.PROJECT_PLAN, "项目实施方案.pdf");
		return submit(other, id, ApplicationKind.PROJECT);
	}

	/** A project registration whose business licence is the given file. */
	Case submitProjectWithLicence(String fileName, byte[] licence) {
		long id = applications.createDraft(enterprise, ApplicationKind.PROJECT, Dossiers.project(7), creationKey());
		applications.addAttachment(enterprise, id, AttachmentCategory.BUSINESS_LICENCE, fileName, licence);
		attach(id, AttachmentCategory.PROJECT_PLAN, "项目实施方案.pdf");
		return submit(id, ApplicationKind.PROJECT);
	}

	Case submitSubsidy(long projectId, BigDecimal invoiced) {
		return submitSubsidy(Dossiers.subsidy(projectId, invoiced));
	}

	/**
	 * A subsidy claim of 370,000.00 yuan invoiced on a new registered project, reviewed
	 * by the county and the city, its public notice over: at the finance bureau's
	 * allocation.
	 */
	Case subsidyAtAllocation() {
		Case claim = submitSubsidy(newRegisteredProject(7), new BigDecimal("370000.00"));
		passCountyReview(claim);
		passCityReview(claim);
		fireTimer(claim, ReviewProcesses.NOTICE_PERIOD_ENDS);
		return claim;
	}

	/** {@link #subsidyAtAllocation()}, allocated: its after-award process has started. */
	Case allocatedSubsidy() {
		Case claim = subsidyAtAllocation();
		decide(claim, "Task_FinanceAllocation", "APPROVE");
		runJobs(claim);
		return claim;
	}

	/**
	 * Saves a draft of ent-gx as the portal does; what is wrong surfaces as a
	 * DossierInvalidException.
	 */
	long draft(ApplicationKind kind, DossierForm form) {
		return applications.createDraft(enterprise, kind, form, creationKey());
	}

	Case submitSubsidy(DossierForm form) {
		return submitDraftedSubsidy(draft(ApplicationKind.SUBSIDY, form));
	}

	Case submitDraftedSubsidy(long id) {
		attach(id, AttachmentCategory.INVOICE, "发票.pdf");
		attach(id, AttachmentCategory.CONTRACT, "购置合同.pdf");
		attach(id, AttachmentCategory.PAYMENT_PROOF, "付款凭证.pdf");
		return submit(id, ApplicationKind.SUBSIDY);
	}

	Case submitLoan(long projectId) {
		return submitLoan(Dossiers.loan(projectId));
	}

	Case submitLoan(DossierForm form) {
		return submitDraftedLoan(draft(ApplicationKind.LOAN, form));
	}

	Case submitDraftedLoan(long id) {
		return submit(id, ApplicationKind.LOAN);
	}

	/**
	 * A loan of 6,000,000 yuan for a registered project, asked of the given banks,
	 * through county and city review and listed by the central-bank branch: waiting for
	 * the banks.
	 */
	Case listedLoan(String... bankKeys) {
		return listedLoan(registeredProject(7), "6000000.00", bankKeys);
	}

	/**
	 * A loan of the given amount for the given project, asked of the given banks, listed
	 * as {@link #listedLoan(String...)}.
	 */
	Case listedLoan(long projectId, String amount, String... bankKeys) {
		DossierForm form = Dossiers.loan(projectId);
		form.setBankKeys(new java.util.ArrayList<>(List.of(bankKeys)));
		form.setLoanAmount(amount);
		Case loan = submitLoan(form);
		passCountyReview(loan);
		passCityReview(loan);
		decide(loan, "Task_PbocListing", "APPROVE");
		return loan;
	}

	/** The attachments a project registration needs, on a draft of ent-gx. */
	void attachProjectFiles(long id) {
		attach(id, AttachmentCategory.BUSINESS_LICENCE, "营业执照.pdf");
		attach(id, AttachmentCategory.PROJECT_PLAN, "项目实施方案.pdf");
	}

	/**
	 * A submission as a client would send it without confirming the integrity
	 * declaration.
	 */
	void submitWithoutDeclaration(long id) {
		applications.submit(enterprise, id, false);
	}

	/**
	 * The day itself when it is a working day, otherwise the next one: a deadline a body
	 * may set (a period's last day is a working day).
	 */
	LocalDate workingDay(LocalDate day) {
		return context.getBean(cn.liaocheng.renewal.calendar.WorkingDays.class).plusWorkingDays(day, 0);
	}

	/** The first statutory holiday or rest day after {@code day}. */
	LocalDate restDayAfter(LocalDate day) {
		cn.liaocheng.renewal.calendar.WorkingDays days = context
			.getBean(cn.liaocheng.renewal.calendar.WorkingDays.class);
		LocalDate d = day.plusDays(1);
		while (days.isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}

	/** The application's history as the enterprise and the reviewers read it. */
	List<String> history(Case c) {
		return applications.detail(enterprise, c.id()).history().stream().map(ApplicationEvent::message).toList();
	}

	/** The application's history as the reviewers read it, their own records included. */
	List<String> reviewersHistory(Case c) {
		return stages.dossier(c.id()).history().stream().map(ApplicationEvent::message).toList();
	}

	/** A group's body as reviewers and enterprises read it: 市发展和改革委员会. */
	String bodyName(String group) {
		return context.getBean(cn.liaocheng.renewal.review.directory.Directory.class).bodyName(group);
	}

	/** Where the case stands, as the enterprise's case page shows it. */
	cn.liaocheng.renewal.application.CaseStanding standing(Case c) {
		return context.getBean(cn.liaocheng.renewal.application.CaseProgress.class)
			.of(applications.detail(enterprise, c.id()));
	}

	String referenceNo(Case c) {
		return applications.detail(enterprise, c.id()).summary().referenceNo();
	}

	/** What the portal does when the enterprise sends a corrected dossier back. */
	void resubmit(Case c) {
		applications.submit(enterprise, c.id(), true);
		runJobs(c);
	}

	/**
	 * The recorded correction deadline moved, as if that much time had passed, while the
	 * engine's timer has not run yet.
	 */
	void recordCorrectionDeadline(Case c, Instant deadline) {
		stages.recordCorrectionDeadline(c.id(), deadline);
	}

	/**
	 * The enterprise edits its returned dossier in the portal (the change is applied to
	 * the dossier as it stands).
	 */
	void correct(Case c, Consumer<DossierForm> change) {
		ApplicationDetail detail = applications.detail(enterprise, c.id());
		assertThat(detail.summary().status()).as("status of case %s", c.id()).isEqualTo(ApplicationStatus.CORRECTION);
		DossierForm form = Applications.formOf(detail.dossier());
		change.accept(form);
		applications.updateDraft(enterprise, c.id(), form, detail.version());
	}

	/**
	 * A project registration another enterprise (ent-lq) has drafted and never submitted.
	 */
	/**
	 * Another enterprise (ent-lq) tries to accept a grant of this case, as it could
	 * through its own portal.
	 */
	void acceptAsAnotherEnterprise(Case c, String bankKey) {
		applications.acceptLoanOffer(portalUser(DemoUsers.OTHER_ENTERPRISE), c.id(), bankKey);
	}

	long draftOfAnotherEnterprise() {
		PortalUser other = portalUser(DemoUsers.OTHER_ENTERPRISE);
		return applications.createDraft(other, ApplicationKind.PROJECT, Dossiers.project(7), creationKey());
	}

	/**
	 * An APPROVED project of ent-gx with the given policy task, registered by a real
	 * project-registration run and kept for the JVM (the shared context keeps it) while
	 * it has room for the usual loan, so subsidy and loan tests start from a project the
	 * system approved. The loans on a project may not together exceed its total
	 * investment: once the loans other tests left on it under review hold so much that
	 * the usual 10,000,000 yuan no longer fits, a new project is registered.
	 */
	long registeredProject(int policyTask) {
		Long cached = REGISTERED_PROJECTS.get(policyTask);
		if (cached != null && isApprovedProject(cached) && hasRoomForUsualLoan(cached)) {
			return cached;
		}
		Case project = submitProject(policyTask);
		passCountyReview(project);
		passCityReview(project);
		assertThat(status(project)).as("fixture project registration").isEqualTo(ApplicationStatus.APPROVED);
		REGISTERED_PROJECTS.put(policyTask, project.id());
		return project.id();
	}

	/**
	 * A newly registered project of the policy task with the given total investment, for
	 * a loan larger than the usual project's 12,000,000 yuan (a grant may not exceed it).
	 */
	long newRegisteredProject(int policyTask, String totalInvestment) {
		DossierForm form = Dossiers.project(policyTask);
		form.setTotalInvestment(totalInvestment);
		long id = applications.createDraft(enterprise, ApplicationKind.PROJECT, form, creationKey());
		attachProjectFiles(id);
		Case project = submit(id, ApplicationKind.PROJECT);
		passCountyReview(project);
		passCityReview(project);
		assertThat(status(project)).as("fixture project registration").isEqualTo(ApplicationStatus.APPROVED);
		return project.id();
	}

	/**
	 * A newly registered project of the policy task, for a subsidy claim (a project has
	 * at most one subsidy).
	 */
	long newRegisteredProject(int policyTask) {
		Case project = submitProject(policyTask);
		passCountyReview(project);
		passCityReview(project);
		assertThat(status(project)).as("fixture project registration").isEqualTo(ApplicationStatus.APPROVED);
		return project.id();
	}

	private boolean hasRoomForUsualLoan(long projectId) {
		BigDecimal held = jdbc
			.sql("""
					SELECT COALESCE(SUM(COALESCE(granted_amount, submitted_loan_amount)), 0) FROM application
					WHERE submitted_project_id = ? AND kind = 'LOAN' AND status NOT IN ('DRAFT', 'REFUSED', 'WITHDRAWN', 'LAPSED')""")
			.param(projectId)
			.query(BigDecimal.class)
			.single();
		BigDecimal total = jdbc.sql("SELECT total_investment FROM application WHERE id = ?")
			.param(projectId)
			.query(BigDecimal.class)
			.single();
		return held.add(new BigDecimal(Dossiers.loan(projectId).getLoanAmount())).compareTo(total) <= 0;
	}

	private boolean isApprovedProject(long id) {
		try {
			return stages.facts(id).kind() == ApplicationKind.PROJECT && status(id) == ApplicationStatus.APPROVED;
		}
		catch (RuntimeException e) { // another context's database
			return false;
		}
	}

	// --- reviewers

	/**
	 * Completes the single open task {@code taskKey} of the case as Tasklist does, then
	 * runs the jobs that follow.
	 */
	void decide(Case c, String taskKey, String decision) {
		decide(c, taskKey, decision, opinionFor(decision));
	}

	void decide(Case c, String taskKey, String decision, String opinion) {
		complete(task(c, taskKey), Map.of("decision", decision, "opinion", opinion));
		runJobs(c);
	}

	/**
	 * Completes every open parallel task {@code taskKey}, each with the decision for its
	 * candidate group.
	 */
	void decideEach(Case c, String taskKey, Function<String, String> decisionByGroup) {
		for (Task task : tasks(c, taskKey)) {
			String decision = decisionByGroup.apply(candidateGroup(task));
			complete(task, Map.of("decision", decision, "opinion", opinionFor(decision)));
		}
		runJobs(c);
	}

	/**
	 * Completes the task as its holder would: one not claimed yet is first claimed by a
	 * member of its body (the first by id), as Tasklist requires; an opinion counts for a
	 * decision only when a member of the body gave it.
	 */
	void complete(Task task, Map<String, Object> variables) {
		claimForItsBody(task);
		tasks.complete(task.getId(), variables);
	}

	/** Claims an unclaimed review task for the first member (by id) of its body. */
	void claimForItsBody(Task task) {
		Task current = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		if (current == null || current.getAssignee() != null) {
			return;
		}
		tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(g -> g != null && !g.endsWith("-lead"))
			.findFirst()
			.flatMap(group -> engine.getIdentityService()
				.createUserQuery()
				.memberOfGroup(group)
				.orderByUserId()
				.asc()
				.list()
				.stream()
				.findFirst())
			.ifPresent(member -> tasks.claim(task.getId(), member.getId()));
	}

	void passCountyReview(Case c) {
		decide(c, "Task_CountyFormalReview", "APPROVE");
		if (c.kind() == ApplicationKind.SUBSIDY) {
			decide(c, "Task_CountyInvoiceCheck", "APPROVE");
		}
		decide(c, "Task_CountyRecommendation", "APPROVE");
	}

	void passJointReview(Case c) {
		decide(c, "Task_CityAcceptance", "APPROVE");
		decideEach(c, "Task_JointReview", group -> "APPROVE");
	}

	void passCityReview(Case c) {
		passJointReview(c);
		decide(c, "Task_IndustryDecision", "APPROVE");
	}

	/**
	 * The bank officer grants a 36-month fixed-asset loan disbursed on
	 * {@link #GRANT_DATE} as the bank-decision form submits it: numbers as numbers,
	 * grantDate as the form's date text.
	 */
	void grant(Case c, String amount, boolean usedRelending) {
		grant(c, amount, usedRelending, "FIXED_ASSET");
	}

	void grant(Case c, String amount, boolean usedRelending, String loanType) {
		grantOnly(c, "icbc", amount, usedRelending, loanType);
		accept(c, "icbc");
	}

	/**
	 * The grant of {@link #grant(Case, String, boolean, String)}, disbursed on another
	 * day.
	 */
	void grant(Case c, String amount, boolean usedRelending, String loanType, LocalDate grantDate) {
		grantOnly(c, "icbc", amount, usedRelending, loanType, grantDate);
		accept(c, "icbc");
	}

	/** One chosen bank grants; the enterprise has not accepted yet. */
	void grantOnly(Case c, String bankKey, String amount, boolean usedRelending, String loanType) {
		grantOnly(c, bankKey, amount, usedRelending, loanType, GRANT_DATE);
	}

	void grantOnly(Case c, String bankKey, String amount, boolean usedRelending, String loanType, LocalDate grantDate) {
		grantBeforeJobs(c, bankKey, amount, usedRelending, loanType, grantDate);
		runJobs(c);
	}

	/**
	 * One chosen bank grants; the process's next asynchronous step has not run yet (the
	 * last bank's: the decisions are not summed up).
	 */
	void grantBeforeJobs(Case c, String bankKey, String amount, boolean usedRelending, String loanType,
			LocalDate grantDate) {
		complete(bankTask(c, bankKey),
				Map.of("decision", "GRANTED", "opinion", opinionFor("GRANTED"), "grantedAmount", Double.valueOf(amount),
						"interestRate", 3.10, "termMonths", 36, "grantDate", grantDate.toString(), "loanType", loanType,
						"usedRelending", usedRelending));
	}

	/**
	 * The enterprise accepts the bank's grant, as the portal does, and the city finance
	 * bureau agrees with the computed interest subsidy.
	 */
	void accept(Case c, String bankKey) {
		acceptOnly(c, bankKey);
		decide(c, "Task_FinanceInterestReview", "APPROVE", "经核对放贷情况和测算依据，同意按测算结果办理。");
	}

	/**
	 * The enterprise accepts the bank's grant; the city finance bureau's review of the
	 * interest subsidy is open.
	 */
	void acceptOnly(Case c, String bankKey) {
		acceptedJustNow(c, bankKey);
		runJobs(c);
	}

	/**
	 * The enterprise accepts the bank's grant; the steps that follow (the listing notice,
	 * the interest subsidy's computation) have not run yet.
	 */
	void acceptedJustNow(Case c, String bankKey) {
		applications.acceptLoanOffer(enterprise, c.id(), bankKey);
	}

	/** The open review task of one of the chosen banks. */
	Task bankTask(Case c, String bankKey) {
		return tasks(c, "Task_BankDecision").stream()
			.filter(t -> candidateGroup(t).equals("bank-" + bankKey))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no open bank review of " + bankKey));
	}

	void decline(Case c, String bankKey) {
		complete(bankTask(c, bankKey), Map.of("decision", "DECLINED", "opinion", opinionFor("DECLINED")));
		runJobs(c);
	}

	List<cn.liaocheng.renewal.application.LoanOffer> loanOffers(Case c) {
		return stages.loanOffers(c.id());
	}

	/**
	 * A disbursement date under the 2026 national interest-subsidy rule (fixed, so tests
	 * do not age).
	 */
	static final LocalDate GRANT_DATE = LocalDate.of(2026, 3, 16);

	static String opinionFor(String decision) {
		return switch (decision) {
			case "APPROVE" -> "材料齐全，符合实施方案的支持条件。";
			case "RETURN" -> "设备购置合同缺少盖章页，请补正后重新提交。";
			case "REFUSE" -> "项目不属于实施方案支持的重点任务范围。";
			case "GRANTED" -> "经审贷，同意发放设备更新贷款。";
			case "DECLINED" -> "企业资产负债率过高，不予放贷。";
			default -> "意见：" + decision;
		};
	}

	// --- jobs

	/**
	 * The acceptance of an allocated subsidy failed ({@code finding}, as the city
	 * industry bureau recorded it): the clawback it starts holds the case's payment step
	 * once the case's jobs have run.
	 */
	void acceptanceFailed(Case claim, String finding) {
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult(status -> context.publishEvent(
					new ClawbackDue(claim.id(), ClawbackDue.Cause.ACCEPTANCE_FAILED, finding, "lc-industry")));
		runJobs(claim);
	}

	/**
	 * Executes the asynchronous continuations of every instance of the case (main and
	 * called) until none is left.
	 */
	void runJobs(Case c) {
		for (int executed = 0; executed < 50; executed++) {
			Optional<Job> next = instanceIds(c).stream()
				.flatMap(id -> management.createJobQuery().processInstanceId(id).messages().list().stream())
				.findFirst();
			if (next.isEmpty()) {
				return;
			}
			management.executeJob(next.get().getId());
		}
		throw new AssertionError("Case " + c.id() + " still has jobs after 50 executions: a loop in the model?");
	}

	/** The timer job waiting at {@code activityId}, whatever its due date. */
	Job timer(Case c, String activityId) {
		List<Job> timers = instanceIds(c).stream()
			.flatMap(id -> management.createJobQuery()
				.processInstanceId(id)
				.timers()
				.activityId(activityId)
				.list()
				.stream())
			.toList();
		assertThat(timers).as("timers at %s", activityId).hasSize(1);
		return timers.get(0);
	}

	/**
	 * Puts the case in the batch of {@code year}, as a submission in a window of that
	 * year's batch opened the year before records it.
	 */
	void inBatchOf(Case c, int year) {
		assertThat(jdbc.sql("UPDATE batch_entry SET batch_year = ? WHERE application_id = ?")
			.params(year, c.id())
			.update()).as("the case's batch entry").isEqualTo(1);
	}

	/**
	 * The city industry bureau's on-site acceptance finding of record (不通过
	 * {@code REFUSE}, or 限期整改 {@code RETURN}), given in the case's after-award process,
	 * as the clawback a test then announces rests on; for tests that announce a clawback
	 * without walking the acceptance.
	 */
	void recordOnsiteAcceptanceFinding(Case c, String decision, String opinion) {
		String aftercare = jdbc.sql("""
				SELECT process_instance_id FROM after_award_process
				WHERE application_id = ? AND process_key = 'subsidy-aftercare'""")
			.param(c.id())
			.query(String.class)
			.single();
		jdbc.sql("""
				INSERT INTO review_opinion (application_id, task_id, step, step_name, body_group, body_name, reviewer,
				                            reviewer_name, decision, opinion, created_at, reviewer_member,
				                            root_process_instance_id)
				VALUES (?, ?, 'Task_CityOnsiteAcceptance', '市工信局组织现场验收', 'city-industry', '聊城市工业和信息化局',
				        'lc-industry', '市工信局审核员', ?, ?, ?, TRUE, ?)""")
			.params(c.id(), "onsite-" + c.id(), decision, opinion, Timestamp.from(Instant.now()), aftercare)
			.update();
	}

	/**
	 * Lets the timer at {@code activityId} fire now (as if its date had come), then runs
	 * the jobs that follow.
	 */
	void fireTimer(Case c, String activityId) {
		if (CORRECTION_OVERDUE.equals(activityId)) {
			// The deadline the application recorded has come, as it has when the timer
			// fires on its own.
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("UPDATE application SET correction_deadline = ? WHERE id = ? AND correction_deadline > ?")
				.params(now, c.id(), now)
				.update();
		}
		if (ReviewProcesses.NOTICE_PERIOD_ENDS.equals(activityId)) {
			// The notice period the record holds has ended, as it has when the timer
			// fires on its own.
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("UPDATE public_notice SET ends_at = ? WHERE application_id = ? AND ends_at > ?")
				.params(now, c.id(), now)
				.update();
		}
		if (STATEMENT_PERIOD_OVER.equals(activityId)) {
			// The statement period the notice records has ended, as it has when the
			// timer fires on its own.
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("""
					UPDATE clawback_notice SET ends_at = ?
					WHERE clawback_id = (SELECT id FROM clawback WHERE application_id = ?) AND ends_at > ?""")
				.params(now, c.id(), now)
				.update();
		}
		if (RECTIFICATION_LAPSED.equals(activityId)) {
			// The rectification deadline the city's acceptance recorded has passed (it
			// ended yesterday), as it has when the timer fires on its own.
			LocalDate yesterday = LocalDate.now(ChinaTime.ZONE).minusDays(1);
			jdbc.sql("""
					UPDATE aftercare_finding SET deadline = ?
					WHERE application_id = ? AND step = 'CITY_ACCEPTANCE' AND deadline > ?""")
				.params(yesterday, c.id(), yesterday)
				.update();
		}
		if (REPAYMENT_DEADLINE_PASSED.equals(activityId)) {
			repaymentDeadlineEnded(c, 1);
		}
		if (CHECK_WAIT_OVER.equals(activityId)) {
			repaymentDeadlineEnded(c, 1 + 10);
		}
		management.executeJob(timer(c, activityId).getId());
		runJobs(c);
	}

	/**
	 * The clawback's repayment deadline ended {@code daysAgo} days ago, as when its timer
	 * fires on its own: the clawback's days (its start, deadline and the payment days
	 * recorded) move back together, so that what was paid in time still was.
	 */
	private void repaymentDeadlineEnded(Case c, int daysAgo) {
		LocalDate deadline = jdbc.sql("SELECT deadline FROM clawback WHERE application_id = ?")
			.param(c.id())
			.query(LocalDate.class)
			.single();
		long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(ChinaTime.ZONE).minusDays(daysAgo),
				deadline);
		if (days <= 0) {
			return;
		}
		jdbc.sql("UPDATE clawback SET deadline = ?, started_at = ? WHERE application_id = ?")
			.params(deadline.minusDays(days),
					Timestamp.from(jdbc.sql("SELECT started_at FROM clawback WHERE application_id = ?")
						.param(c.id())
						.query(Timestamp.class)
						.single()
						.toInstant()
						.minus(java.time.Duration.ofDays(days))),
					c.id())
			.update();
		jdbc.sql("""
				SELECT id, paid_on FROM clawback_repayment
				WHERE clawback_id = (SELECT id FROM clawback WHERE application_id = ?)""")
			.param(c.id())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getDate(2).toLocalDate()))
			.list()
			.forEach(r -> jdbc.sql("UPDATE clawback_repayment SET paid_on = ? WHERE id = ?")
				.params(r.getValue().minusDays(days), r.getKey())
				.update());
	}

	// --- where the case is

	ProcessInstance called(Case c, String processKey) {
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(c.key())
			.processDefinitionKey(processKey)
			.singleResult();
		assertThat(instance).as("active %s instance of case %s", processKey, c.id()).isNotNull();
		return instance;
	}

	boolean hasActive(Case c, String processKey) {
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(c.key())
			.processDefinitionKey(processKey)
			.count() > 0;
	}

	Task task(Case c, String taskKey) {
		List<Task> open = tasks(c, taskKey);
		assertThat(open).as("open %s tasks of case %s", taskKey, c.id()).hasSize(1);
		return open.get(0);
	}

	List<Task> tasks(Case c, String taskKey) {
		return tasks.createTaskQuery().processInstanceBusinessKey(c.key()).taskDefinitionKey(taskKey).list();
	}

	List<String> candidateGroups(Case c, String taskKey) {
		return tasks(c, taskKey).stream().map(this::candidateGroup).toList();
	}

	/** The body a task is for (its candidate group that is not a lead group). */
	String groupOf(Task task) {
		return candidateGroup(task);
	}

	String candidateGroup(Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(g -> g != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("task " + task.getTaskDefinitionKey() + " has no candidate group"));
	}

	Object variable(ProcessInstance instance, String name) {
		return runtime.getVariable(instance.getId(), name);
	}

	/** Every variable the task's readers get with it: its own and the case's. */
	java.util.Map<String, Object> taskVariables(Task task) {
		return tasks.getVariables(task.getId());
	}

	// --- what users see

	ApplicationStatus status(Case c) {
		return status(c.id());
	}

	/** The case's line in its enterprise's own list of applications. */
	cn.liaocheng.renewal.application.ApplicationSummary listLine(Case c) {
		return applications.list(enterprise).stream().filter(a -> a.id() == c.id()).findFirst().orElseThrow();
	}

	/** As if the case had been submitted before funding claims were recorded. */
	void forgetFundingClaims(Case c) {
		jdbc.sql("DELETE FROM funding_claim WHERE application_id = ?").param(c.id()).update();
	}

	void claimAgain(Case c, String claimKey) {
		claimFor(c.id(), claimKey);
	}

	/**
	 * The first equipment line's invoice number as a draft saved before invoice codes
	 * were asked for holds it.
	 */
	void saveInvoiceNumberAsBefore(long applicationId, String invoiceNo) {
		jdbc.sql(
				"UPDATE equipment_line SET invoice_no = ? WHERE application_id = ? AND line_no = (SELECT MIN(line_no) FROM equipment_line WHERE application_id = ?)")
			.params(invoiceNo, applicationId, applicationId)
			.update();
	}

	/** A claim recorded for any application, as an older database may hold it. */
	void claimFor(long applicationId, String claimKey) {
		jdbc.sql("INSERT INTO funding_claim (claim_key, application_id) VALUES (?, ?)")
			.params(claimKey, applicationId)
			.update();
	}

	List<FieldProblem> fundingProblems(Case c) {
		return stages.fundingProblems(c.id());
	}

	ApplicationStatus status(long applicationId) {
		return stages.facts(applicationId).status();
	}

	Outcomes outcomes(Case c) {
		return stages.facts(c.id()).outcomes();
	}

	/** The outcomes as the enterprise's page and API state them. */
	Outcomes outcomesAsTheEnterpriseSees(Case c) {
		return applications.detail(enterprise, c.id()).outcomes();
	}

	/**
	 * The type of the decision issued last for the case. Read inside a transaction:
	 * Decisions#forApplication streams its query and never closes the stream, so outside
	 * a transaction every call leaks a pooled connection (reported).
	 */
	DecisionType decision(Case c) {
		return readOnly.execute(status -> decisions.forApplication(c.id()).map(IssuedDecision::type).orElse(null));
	}

	/**
	 * The signed decision of the given type, with its text as a reader's PDF tool
	 * extracts it (no line breaks).
	 */
	Issued issued(Case c, DecisionType type) {
		IssuedDecision decision = readOnly.execute(status -> decisions.allForApplication(c.id())
			.stream()
			.filter(d -> d.type() == type)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " for application " + c.id())));
		byte[] pdf = readOnly.execute(status -> decisions.pdf(decision.id()));
		keepForReaders(type + "-" + c.id() + ".pdf", pdf);
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			// Page footers (—2—) fall wherever the text breaks: a sentence is read whole.
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document)
				.replaceAll("\\s+", "")
				.replaceAll("—\\d+—", "");
			return new Issued(decision, text);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * What the case's enterprise was told in its message centre, as "kind title body".
	 */
	List<String> toldToEnterprise(Case c) {
		return jdbc
			.sql("""
					SELECT n.kind || ' ' || n.title || ' ' || n.body FROM notification n JOIN application a ON a.id = n.application_id
					JOIN enterprise e ON e.id = a.enterprise_id
					WHERE n.application_id = ? AND n.recipient_id = e.user_id ORDER BY n.id""")
			.param(c.id())
			.query(String.class)
			.list();
	}

	record Issued(IssuedDecision decision, String text) {
	}

	/**
	 * Decisions the tests read are left in target/decisions/ for a person to look at
	 * (pdftoppm, pdfsig).
	 */
	private static void keepForReaders(String name, byte[] pdf) {
		try {
			java.nio.file.Path dir = java.nio.file.Path.of("target", "decisions");
			java.nio.file.Files.createDirectories(dir);
			java.nio.file.Files.write(dir.resolve(name), pdf);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	List<DecisionType> allDecisions(Case c) {
		return readOnly
			.execute(status -> decisions.allForApplication(c.id()).stream().map(IssuedDecision::type).toList());
	}

	/** The ids of the case's decisions, oldest first. */
	List<Long> allDecisionIds(Case c) {
		return readOnly
			.execute(status -> decisions.allForApplication(c.id()).stream().map(IssuedDecision::id).toList());
	}

	/** The task ids of the case's opinions of record (table review_opinion). */
	List<String> opinionTaskIds(Case c) {
		return jdbc.sql("SELECT task_id FROM review_opinion WHERE application_id = ?")
			.param(c.id())
			.query(String.class)
			.list();
	}

	/**
	 * Each review task completed in any of the case's process instances (the enterprise's
	 * correction task is none).
	 */
	List<String> completedReviewTaskIds(Case c) {
		return history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(c.key())
			.finished()
			.list()
			.stream()
			.filter(t -> !CORRECTION_TASK.equals(t.getTaskDefinitionKey()))
			.filter(t -> "completed".equals(t.getDeleteReason()))
			.map(HistoricTaskInstance::getId)
			.toList();
	}

	void assertEveryCompletedReviewLeftAnOpinion(Case c) {
		List<String> completed = completedReviewTaskIds(c);
		assertThat(completed).as("completed review tasks").isNotEmpty();
		assertThat(opinionTaskIds(c)).as("opinions of record of case %s", c.id())
			.containsExactlyInAnyOrderElementsOf(completed);
	}

	/**
	 * The steps (BPMN task ids) and decisions of the case's opinions of record, oldest
	 * first.
	 */
	List<String> opinionSteps(Case c) {
		return jdbc.sql("SELECT step, decision FROM review_opinion WHERE application_id = ? ORDER BY created_at, id")
			.param(c.id())
			.query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
			.list();
	}

	/**
	 * The steps and bodies (candidate groups) of the case's opinions of record, oldest
	 * first.
	 */
	List<String> opinionBodies(Case c) {
		return jdbc.sql("SELECT step, body_group FROM review_opinion WHERE application_id = ? ORDER BY created_at, id")
			.param(c.id())
			.query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
			.list();
	}

	/**
	 * What the overdue check does to a task past its due date: its body's lead group
	 * becomes a second candidate.
	 */
	void escalate(Task task, String body) {
		tasks.addCandidateGroup(task.getId(), body + "-lead");
	}

	/** Objections filed against the case's public notice and not yet resolved. */
	int unresolvedObjections(Case c) {
		return jdbc.sql("SELECT COUNT(*) FROM public_objection WHERE application_id = ? AND resolved_at IS NULL")
			.param(c.id())
			.query(Integer.class)
			.single();
	}

	// --- building blocks

	private Case submit(long id, ApplicationKind kind) {
		return submit(enterprise, id, kind);
	}

	private Case submit(PortalUser applicant, long id, ApplicationKind kind) {
		applications.submit(applicant, id, true);
		ProcessInstance process = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(Long.toString(id))
			.processDefinitionKey(ReviewProcesses.processKey(kind))
			.singleResult();
		assertThat(process).as("%s process of application %s", ReviewProcesses.processKey(kind), id).isNotNull();
		return new Case(id, kind, process);
	}

	private List<String> instanceIds(Case c) {
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(c.key())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
	}

	/**
	 * The enterprise uploads an attachment to its case and deletes it again, as the
	 * portal does.
	 */
	void attachAndRemove(Case c) {
		attach(c.id(), AttachmentCategory.OTHER, "补充说明.pdf");
		long added = applications.detail(enterprise, c.id())
			.attachments()
			.stream()
			.filter(a -> a.fileName().equals("补充说明.pdf"))
			.reduce((a, b) -> b)
			.orElseThrow()
			.id();
		applications.removeAttachment(enterprise, c.id(), added);
	}

	/** The ids of the attachments the case's dossier holds now. */
	List<Long> attachmentIds(Case c) {
		return applications.detail(enterprise, c.id()).attachments().stream().map(a -> a.id()).toList();
	}

	void removeAttachment(Case c, long attachmentId) {
		applications.removeAttachment(enterprise, c.id(), attachmentId);
	}

	/** The attachments the case's dossier holds now. */
	List<AttachmentView> attachments(Case c) {
		return applications.detail(enterprise, c.id()).attachments();
	}

	/** The enterprise uploads an attachment to its case, as the portal does. */
	void attach(Case c, AttachmentCategory category, String fileName) {
		attach(c.id(), category, fileName);
	}

	private void attach(long id, AttachmentCategory category, String fileName) {
		attach(enterprise, id, category, fileName);
	}

	private void attach(PortalUser applicant, long id, AttachmentCategory category, String fileName) {
		applications.addAttachment(applicant, id, category, fileName, pdf(category + " " + id));
	}

	/** A small PDF that an upload accepts, a different file each time. */
	static byte[] pdf(String note) {
		String pdf = "%PDF-1.4\n% " + note + " " + UUID.randomUUID()
				+ "\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
				+ "trailer <</Root 1 0 R>>\n%%EOF\n";
		return pdf.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Built as the portal builds it at login
	 * (CamundaIdentityAuthenticationProvider#portalUser).
	 */
	PortalUser portalUser(String userId) {
		User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
		List<PortalUser.Membership> memberships = engine.getIdentityService()
			.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(g -> new PortalUser.Membership(g.getId(), g.getName(), GroupType.of(g.getType())))
			.toList();
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName()))
			.trim();
		return new PortalUser(userId, name.isEmpty() ? userId : name, memberships);
	}

	/** The enterprise of the fixture's cases (ent-gx), as the portal knows it. */
	PortalUser enterprise() {
		return enterprise;
	}

	/** Any demo user as the portal knows it after login. */
	PortalUser user(String userId) {
		return portalUser(userId);
	}

	private static String creationKey() {
		return UUID.randomUUID().toString();
	}

}
