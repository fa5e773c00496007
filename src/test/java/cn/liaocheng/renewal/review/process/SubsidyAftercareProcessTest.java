package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.aftercare.OpenRectifications;
import cn.liaocheng.renewal.aftercare.internal.AftercareView;
import cn.liaocheng.renewal.aftercare.internal.EnterpriseSteps;
import cn.liaocheng.renewal.aftercare.internal.EvidenceCategory;
import cn.liaocheng.renewal.aftercare.internal.Finding;
import cn.liaocheng.renewal.aftercare.internal.PerformanceReport;
import cn.liaocheng.renewal.aftercare.internal.Submission;
import cn.liaocheng.renewal.aftercare.internal.Upload;
import cn.liaocheng.renewal.application.ApplicationEvent;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.notification.internal.DeadlineReminderPass;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.security.MemoryBombs;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OpenTransaction;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * subsidy-aftercare (奖补项目后续管理) of an allocated 37 000-yuan subsidy of ent-gx (冠县): the
 * county finance bureau pays in instalments, the enterprise applies for acceptance, the
 * county checks, the city accepts on site — passed, to be rectified, or failed — and a
 * passed project reports its performance, which the city scores. A failed acceptance and
 * a lapsed rectification publish {@link ClawbackDue}.
 */
@WebIntegrationTest
@RecordApplicationEvents
class SubsidyAftercareProcessTest extends ReviewProcessTest {

	private static final BigDecimal CLAIM = new BigDecimal("370000.00");

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final EnterpriseSteps steps;

	private final Applications applications;

	private final TaskOperations operations;

	private final TaskService tasks;

	private final ApplicationContext context;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationEvents events;

	@Autowired
	SubsidyAftercareProcessTest(ApplicationContext context, EnterpriseSteps steps, Applications applications) {
		super(context);
		this.steps = steps;
		this.applications = applications;
		this.operations = context.getBean(TaskOperations.class);
		this.tasks = context.getBean(TaskService.class);
		this.context = context;
	}

	/**
	 * A step a body handles after the award may be urged from the case page as a review
	 * step is: the payment waits for the county finance bureau, which hears of it.
	 */
	@Test
	void theEnterpriseUrgesThePaymentFromItsCasePage() {
		Case claim = allocatedClaim();
		WebClient portal = new WebClient(port);
		portal.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String page = portal.get("/enterprise/applications/" + claim.id()).body();
		String section = page.substring(page.indexOf("id=\"aftercare\""));
		assertThat(section).contains("id=\"urge\"", "/enterprise/applications/" + claim.id() + "/urge");

		HttpResponse<String> urged = portal.postForm("/enterprise/applications/" + claim.id() + "/urge", "reason="
				+ java.net.URLEncoder.encode("设备已安装调试完毕，申请尽快拨付。", java.nio.charset.StandardCharsets.UTF_8) + "&_csrf="
				+ java.net.URLEncoder.encode(WebClient.csrfTokenOf(page), java.nio.charset.StandardCharsets.UTF_8));

		assertThat(urged.statusCode()).isIn(302, 303);
		String after = portal.get("/enterprise/applications/" + claim.id()).body();
		assertThat(after).contains("已催办：", "县级财政拨付奖补资金");
	}

	@Test
	void shouldPayInInstalmentsThenAcceptAndEvaluateTheProject() {
		Case claim = allocatedClaim();
		ProcessInstance aftercare = review.called(claim, "subsidy-aftercare");

		assertThat(aftercare).isWaitingAtExactly("Task_RecordPayment");
		assertThat(review.candidateGroups(claim, "Task_RecordPayment")).containsExactly(ReviewFixture.COUNTY_FINANCE);
		assertThat(review.status(claim)).as("the award stands while it is paid").isEqualTo(ApplicationStatus.APPROVED);
		assertThat(review.variable(aftercare, "subsidyAmount")).isEqualTo("37,000.00");

		pay(claim, "10000.00", "GK-2026-001");
		assertThat(aftercare).hasPassed("Gateway_PaidInFull").isWaitingAtExactly("Task_RecordPayment");
		assertThat(review.variable(aftercare, "unpaidAmount")).isEqualTo("27,000.00");
		assertThatThrownBy(() -> pay(claim, "27000.01", "GK-2026-002")).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("超过尚未拨付的 27,000.00 元");
		assertThatThrownBy(() -> pay(claim, "1000.00", "GK-2026-001")).hasMessageContaining("已登记过一次拨付");
		assertThatThrownBy(() -> pay(claim, "1000.00", "GK-2026-003", LocalDate.now(CHINA).plusDays(1)))
			.hasMessageContaining("拨付日期不能晚于今天");
		assertThatThrownBy(() -> pay(claim, "1000.00", "GK-2026-003", LocalDate.now(CHINA).minusYears(5)))
			.hasMessageContaining("拨付日期不能早于资金下达日期");
		pay(claim, "27000.00", "GK-2026-002");
		assertThat(aftercare).isWaitingAtExactly("Event_AcceptanceApplied");

		steps.applyForAcceptance(review.enterprise(), claim.id(), "设备已于本月安装调试完毕并投入生产。", acceptanceEvidence());
		review.runJobs(claim);
		assertThat(aftercare).isWaitingAtExactly("Task_CountyAcceptanceCheck");
		assertThat(review.candidateGroups(claim, "Task_CountyAcceptanceCheck"))
			.containsExactly(ReviewFixture.COUNTY_INDUSTRY);
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.APPROVED);
		review.decide(claim, "Task_CountyAcceptanceCheck", "APPROVE", "调试记录、照片和竣工决算齐全，报市级验收。");

		assertThat(aftercare).isWaitingAtExactly("Task_CityOnsiteAcceptance");
		assertThat(review.candidateGroups(claim, "Task_CityOnsiteAcceptance")).containsExactly("city-industry");
		review.decide(claim, "Task_CityOnsiteAcceptance", "APPROVE", "现场核查设备到位、运行正常，与申报一致，验收通过。");

		assertThat(aftercare).isWaitingAtExactly("Event_PerformanceDue");
		LocalDate due = LocalDate.ofInstant(review.timer(claim, "Event_PerformanceDue").getDuedate().toInstant(),
				CHINA);
		assertThat(due).as("renewal.aftercare.performance-after, P6M by default")
			.isEqualTo(LocalDate.now(CHINA).plusMonths(6));
		AftercareView waiting = steps.view(review.enterprise(), claim.id());
		assertThat(waiting.currentStep()).as("the day the report may start is no deadline")
			.isEqualTo("验收已通过，请自" + ChinaTime.day(due) + "起报送项目绩效自评");
		assertThat(waiting.dueDate()).isNull();
		assertThatThrownBy(() -> steps.reportPerformance(review.enterprise(), claim.id(), report("9000000"), List.of()))
			.as("not before the time has come")
			.isInstanceOf(ApplicationStateException.class);

		review.fireTimer(claim, "Event_PerformanceDue");
		assertThat(aftercare).hasPassed("Task_RequestPerformanceReport")
			.isWaitingAtExactly("Event_PerformanceReported");
		assertThat(steps.view(review.enterprise(), claim.id()).actions())
			.containsExactly(AftercareView.Action.REPORT_PERFORMANCE);
		steps.reportPerformance(review.enterprise(), claim.id(), report("9000000"), List.of());
		review.runJobs(claim);

		assertThat(aftercare).isWaitingAtExactly("Task_PerformanceEvaluation");
		assertThat((String) review.variable(aftercare, "performanceSummary")).contains("9,000,000.00");
		Task evaluation = review.task(claim, "Task_PerformanceEvaluation");
		assertThatThrownBy(() -> review.complete(evaluation,
				Map.of("decision", "APPROVE", "opinion", "产值达到预期。", "score", 85, "grade", "EXCELLENT")))
			.hasMessageContaining("评分 85 对应的等级为“良好”");
		review.complete(evaluation,
				Map.of("decision", "APPROVE", "opinion", "产值达到预期，节能量略低于申报。", "score", 85, "grade", "GOOD"));
		review.runJobs(claim);

		assertThat(aftercare).hasPassed("EndEvent_Evaluated").isEnded();
		AftercareView view = steps.view(review.enterprise(), claim.id());
		assertThat(view.paid()).isEqualByComparingTo("37000.00");
		assertThat(view.payments()).extracting(p -> p.voucherNo()).containsExactly("GK-2026-001", "GK-2026-002");
		assertThat(view.findings()).extracting(Finding::step)
			.containsExactly(Finding.Step.COUNTY_CHECK, Finding.Step.CITY_ACCEPTANCE, Finding.Step.PERFORMANCE);
		assertThat(view.findings().get(2).score()).isEqualTo(85);
		assertThat(view.findings().get(2).grade()).isEqualTo(Finding.Grade.GOOD);
		assertThat(view.submissions()).extracting(Submission::kind)
			.containsExactly(Submission.Kind.ACCEPTANCE, Submission.Kind.PERFORMANCE);
		assertThat(view.submissions().get(0).evidence()).extracting(Submission.Evidence::category)
			.containsExactlyInAnyOrder(EvidenceCategory.COMMISSIONING, EvidenceCategory.PHOTO,
					EvidenceCategory.FINAL_ACCOUNTS);
		assertThat(view.submissions().get(1).outputValue()).isEqualByComparingTo("9000000");
		assertThat(view.currentStep()).isEqualTo("绩效评价已完成");
		assertThat(history(claim)).anySatisfy(m -> assertThat(m).contains("拨付奖补资金 10,000.00 元", "GK-2026-001"))
			.anySatisfy(m -> assertThat(m).contains("已全额拨付"))
			.anySatisfy(m -> assertThat(m).contains("现场验收结论：通过")
				.containsPattern("请自\\d{4}年\\d{1,2}月\\d{1,2}日起报送项目绩效自评")
				.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}"))
			.anySatisfy(m -> assertThat(m).contains("绩效评价：得分 85，等级良好"));
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(events.stream(ClawbackDue.class)).isEmpty();
	}

	/**
	 * 撤回 and 退回上一环节 restart review steps; after the decision a restarted step would leave
	 * its module's record (payments, findings, a clawback's stage) behind, and an
	 * acceptance passed months ago could be refused again. Neither is offered nor done,
	 * through the service or its door.
	 */
	@Test
	void shouldNotLetTheReviewOperationsRestartAnAfterAwardStep() {
		String city = "lc-industry";
		Case claim = acceptanceAtCity();
		Task onsite = review.task(claim, "Task_CityOnsiteAcceptance");
		tasks.claim(onsite.getId(), city);
		review.complete(onsite, Map.of("decision", "APPROVE", "opinion", "现场核查设备到位、运行正常，验收通过。"));
		review.fireTimer(claim, "Event_PerformanceDue");
		steps.reportPerformance(review.enterprise(), claim.id(), report("9000000"), List.of());
		review.runJobs(claim);
		Task evaluation = review.task(claim, "Task_PerformanceEvaluation");
		assertThat(evaluation.getAssignee()).as("the next step is unclaimed").isNull();

		assertThat(operations.withdrawable(city)).noneMatch(w -> w.taskId().equals(onsite.getId()));
		assertThatThrownBy(() -> operations.withdraw(city, onsite.getId(), "验收结论需要更正"))
			.isInstanceOf(HandOverException.class)
			.hasMessageContaining("后续管理和追回环节不能撤回或退回上一环节");

		tasks.claim(evaluation.getId(), city);
		assertThat(operations.available(city, evaluation.getId())).contains("transfer")
			.doesNotContain("returnToPrevious");
		assertThatThrownBy(() -> operations.returnToPrevious(city, evaluation.getId(), "请重新组织验收"))
			.isInstanceOf(HandOverException.class)
			.hasMessageContaining("后续管理和追回环节不能撤回或退回上一环节");
		HttpResponse<String> door = new WebClient(port).withBasic(city, DemoUsers.PASSWORD)
			.postJson("/api/review/tasks/" + evaluation.getId() + "/return-to-previous", "{\"reason\":\"请重新组织验收\"}");
		assertThat(door.statusCode()).as(door.body()).isEqualTo(409);

		ProcessInstance aftercare = review.called(claim, "subsidy-aftercare");
		assertThat(aftercare).as("nothing moved").isWaitingAtExactly("Task_PerformanceEvaluation");
		assertThat(review.task(claim, "Task_PerformanceEvaluation").getId()).isEqualTo(evaluation.getId());
		assertThat(steps.view(review.enterprise(), claim.id()).findings()).extracting(Finding::step)
			.contains(Finding.Step.CITY_ACCEPTANCE);
	}

	@Test
	void shouldRefuseAFailingEvaluationThatConcludesTheTargetsWereReached() {
		Case claim = evaluationDue();
		Task evaluation = review.task(claim, "Task_PerformanceEvaluation");

		assertThatThrownBy(() -> review.complete(evaluation,
				Map.of("decision", "APPROVE", "opinion", "产值仅为申报预期的三成。", "score", 45, "grade", "FAIL")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("评价等级为“不合格”（60 分以下）时，评价结论不能为“达到预期目标”，请核对评价结论、绩效评分和评价等级");

		ProcessInstance aftercare = review.called(claim, "subsidy-aftercare");
		assertThat(aftercare).as("the task stays open").isWaitingAtExactly("Task_PerformanceEvaluation");
		assertThat(review.task(claim, "Task_PerformanceEvaluation").getId()).isEqualTo(evaluation.getId());
		assertThat(steps.view(review.enterprise(), claim.id()).findings()).as("nothing half-saved")
			.extracting(Finding::step)
			.doesNotContain(Finding.Step.PERFORMANCE);
		assertThat(history(claim)).noneSatisfy(m -> assertThat(m).contains("绩效评价："));

		review.complete(evaluation,
				Map.of("decision", "REFUSE", "opinion", "产值仅为申报预期的三成。", "score", 45, "grade", "FAIL"));
		review.runJobs(claim);

		assertThat(aftercare).hasPassed("EndEvent_Evaluated").isEnded();
		assertThat(steps.view(review.enterprise(), claim.id()).findings()).last().satisfies(f -> {
			assertThat(f.grade()).isEqualTo(Finding.Grade.FAIL);
			assertThat(f.resultLabel()).isEqualTo("未达到预期目标");
		});
		assertThat(history(claim)).anySatisfy(m -> assertThat(m).contains("绩效评价：得分 45，等级不合格，未达到预期目标"));
	}

	@Test
	void shouldAcceptAPassingEvaluationThatFindsATargetMissed() {
		Case claim = evaluationDue();

		// The score weighs every indicator: a project can pass overall and still miss
		// the output it promised.
		review.complete(review.task(claim, "Task_PerformanceEvaluation"),
				Map.of("decision", "REFUSE", "opinion", "节能量达到申报预期，新增产值未达到。", "score", 65, "grade", "PASS"));
		review.runJobs(claim);

		assertThat(review.hasActive(claim, "subsidy-aftercare")).isFalse();
		assertThat(steps.view(review.enterprise(), claim.id()).findings()).last()
			.satisfies(f -> assertThat(f.resultLabel()).isEqualTo("未达到预期目标"));
	}

	@Test
	void shouldAnnounceAClawbackWhenTheRectificationDeadlinePasses() {
		Case claim = acceptanceAtCity();
		LocalDate deadline = review.workingDay(LocalDate.now(CHINA).plusDays(30));
		Task city = review.task(claim, "Task_CityOnsiteAcceptance");
		assertThatThrownBy(() -> review.complete(city, Map.of("decision", "RETURN", "opinion", "除尘设备未接入。",
				"rectificationDeadline", LocalDate.now(CHINA).toString())))
			.hasMessageContaining("整改期限应晚于今天");
		assertThatThrownBy(() -> review.complete(city, Map.of("decision", "RETURN", "opinion", "除尘设备未接入。",
				"rectificationDeadline", LocalDate.now(CHINA).plusDays(400).toString())))
			.hasMessageContaining("整改期限最长为一年");
		// A period's last day is a working day: a holiday or rest day is refused, with
		// the next working day.
		LocalDate restDay = review.restDayAfter(LocalDate.now(CHINA).plusDays(10));
		assertThatThrownBy(() -> review.complete(city,
				Map.of("decision", "RETURN", "opinion", "除尘设备未接入。", "rectificationDeadline", restDay.toString())))
			.hasMessageContaining("整改期限 " + restDay + " 是法定节假日或休息日")
			.hasMessageContaining("例如 " + review.workingDay(restDay));
		review.complete(city, Map.of("decision", "RETURN", "opinion", "除尘设备未接入生产线，请整改后报验。", "rectificationDeadline",
				deadline.toString()));
		review.runJobs(claim);

		ProcessInstance aftercare = review.called(claim, "subsidy-aftercare");
		assertThat(aftercare).isWaitingAtExactly("Gateway_AwaitRectification");
		assertThat(review.timer(claim, "Event_RectificationLapsed").getDuedate().toInstant())
			.as("the end of the deadline day in Beijing")
			.isEqualTo(deadline.plusDays(1).atStartOfDay(CHINA).toInstant());
		AftercareView view = steps.view(review.enterprise(), claim.id());
		assertThat(view.actions()).containsExactly(AftercareView.Action.SUBMIT_RECTIFICATION);
		assertThat(view.dueDate()).isEqualTo(deadline);

		// A rectification in time goes back to the city, which orders another one; this
		// time nothing comes.
		steps.submitRectification(review.enterprise(), claim.id(), "已将除尘设备接入生产线。",
				List.of(pdf(EvidenceCategory.RECTIFICATION, "整改报告.pdf")));
		review.runJobs(claim);
		assertThat(aftercare).hasPassed("Event_RectificationSubmitted").isWaitingAtExactly("Task_CityOnsiteAcceptance");
		review.complete(review.task(claim, "Task_CityOnsiteAcceptance"), Map.of("decision", "RETURN", "opinion",
				"除尘设备运行记录仍不完整，请补齐。", "rectificationDeadline", deadline.toString()));
		review.runJobs(claim);

		// Fired before the deadline (by hand, as an administrator could): nothing is
		// announced, the step fails for someone to look at.
		ProcessEngine engine = context.getBean(ProcessEngine.class);
		ManagementService management = engine.getManagementService();
		management.executeJob(review.timer(claim, "Event_RectificationLapsed").getId());
		Job announce = management.createJobQuery().processInstanceId(aftercare.getId()).messages().singleResult();
		assertThatThrownBy(() -> management.executeJob(announce.getId()))
			.hasMessageContaining("整改期限（" + ChinaTime.day(deadline) + "，含当日）尚未届满");
		assertThat(events.stream(ClawbackDue.class)).isEmpty();
		assertThat(history(claim)).noneSatisfy(m -> assertThat(m).contains("整改期满未提交整改材料"));
		engine.getRuntimeService()
			.createProcessInstanceModification(aftercare.getId())
			.startBeforeActivity("Gateway_AwaitRectification")
			.cancelAllForActivity("Task_AnnounceRectificationLapsed")
			.execute();

		// When the deadline has passed (it ended yesterday), the lapse is announced.
		review.fireTimer(claim, "Event_RectificationLapsed");
		LocalDate passed = LocalDate.now(CHINA).minusDays(1);

		assertThat(aftercare).hasPassed("Task_AnnounceRectificationLapsed", "EndEvent_RectificationLapsed").isEnded();
		assertThat(events.stream(ClawbackDue.class)).singleElement().satisfies(due -> {
			assertThat(due.applicationId()).isEqualTo(claim.id());
			assertThat(due.cause()).isEqualTo(ClawbackDue.Cause.RECTIFICATION_LAPSED);
			assertThat(due.facts()).contains("企业应于" + ChinaTime.day(passed) + "前（含当日）提交整改材料，逾期未提交", "除尘设备运行记录仍不完整")
				.doesNotContain(passed.toString());
			assertThat(due.recordedBy()).isEqualTo("city-industry");
		});
		assertThat(steps.view(review.enterprise(), claim.id()).currentStep()).isEqualTo("逾期未提交整改材料，已转入奖补资金追回");
		assertThat(history(claim)).anySatisfy(m -> assertThat(m).contains("整改期满未提交整改材料"));
		// The step tells the enterprise of the rectification in its own words; the
		// review's "退回补正" (a correction that lapses the case) is not said of it.
		assertThat(history(claim))
			.anySatisfy(m -> assertThat(m).contains("请于" + ChinaTime.day(deadline) + "前（含当日）提交整改材料"))
			.noneSatisfy(m -> assertThat(m).contains(deadline.toString()));
		assertThat(history(claim)).anySatisfy(m -> assertThat(m).contains("限期整改"))
			.noneSatisfy(m -> assertThat(m).contains("「市工信局组织现场验收」：退回补正"));
	}

	/**
	 * The clawback is announced on the record's facts only: a token moved by hand to the
	 * failed-acceptance step of a project that passed announces nothing, and the step
	 * fails for someone to look at.
	 */
	@Test
	void shouldAnnounceNoClawbackOfAProjectThatPassedItsAcceptance() {
		Case claim = acceptanceAtCity();
		review.decide(claim, "Task_CityOnsiteAcceptance", "APPROVE", "现场核查设备到位、运行正常，与申报一致，验收通过。");
		ProcessInstance aftercare = review.called(claim, "subsidy-aftercare");
		assertThat(aftercare).isWaitingAtExactly("Event_PerformanceDue");

		ProcessEngine engine = context.getBean(ProcessEngine.class);
		engine.getRuntimeService()
			.createProcessInstanceModification(aftercare.getId())
			.startBeforeActivity("Task_AnnounceAcceptanceFailed")
			.execute();
		ManagementService management = engine.getManagementService();
		Job announce = management.createJobQuery().processInstanceId(aftercare.getId()).messages().singleResult();
		assertThatThrownBy(() -> management.executeJob(announce.getId()))
			.hasMessageContaining("市级现场验收结论为「验收通过」，不是验收不通过");
		assertThat(events.stream(ClawbackDue.class)).isEmpty();
		assertThat(history(claim)).noneSatisfy(m -> assertThat(m).contains("应追回奖补资金"))
			.noneSatisfy(m -> assertThat(m).contains("进入追回程序"));
	}

	/**
	 * An ordered rectification is listed for the enterprise's reminders until it is
	 * submitted, with the deadline the city set; the reminder goes out two working days
	 * before it, once.
	 */
	@Test
	void shouldRemindTheEnterpriseOfAnOpenRectificationUntilItIsSubmitted() {
		Case claim = acceptanceAtCity();
		LocalDate today = LocalDate.now(CHINA);
		// A working day ten days ahead or later whose reminder, two working days before
		// it, is still ahead too: over a long holiday ten days may hold only two working
		// days (from 3 February 2027, 14 February is the second).
		WorkingDays workingDays = context.getBean(WorkingDays.class);
		LocalDate day = review.workingDay(today.plusDays(10));
		while (!workingDays.minusWorkingDays(day, ReviewProcesses.DUE_SOON_WORKING_DAYS).isAfter(today)) {
			day = workingDays.plusWorkingDays(day, 1);
		}
		LocalDate deadline = day;
		review.complete(review.task(claim, "Task_CityOnsiteAcceptance"), Map.of("decision", "RETURN", "opinion",
				"除尘设备未接入生产线，请整改后报验。", "rectificationDeadline", deadline.toString()));
		review.runJobs(claim);
		OpenRectifications open = context.getBean(OpenRectifications.class);
		DeadlineReminderPass reminders = new DeadlineReminderPass(context);

		assertThat(open.dueBetween(today, today.plusDays(20))).filteredOn(r -> r.applicationId() == claim.id())
			.singleElement()
			.satisfies(r -> {
				assertThat(r.deadline()).isEqualTo(deadline);
				assertThat(r.enterpriseUser()).isEqualTo(review.enterprise().userId());
			});
		assertThat(open.dueBetween(today, today.plusDays(5))).noneMatch(r -> r.applicationId() == claim.id());

		reminders.runAt(Instant.now());
		assertThat(rectificationReminders(claim)).as("ten days or more ahead: not yet").isEmpty();
		reminders.runAt(deadline.atStartOfDay(CHINA).toInstant());
		reminders.runAt(deadline.atStartOfDay(CHINA).toInstant().plusSeconds(60));
		assertThat(rectificationReminders(claim)).singleElement()
			.asString()
			.contains("限期整改", "（含当日）", "项目后续管理", "逾期未提交的，转入奖补资金追回程序");

		steps.submitRectification(review.enterprise(), claim.id(), "已将除尘设备接入生产线。",
				List.of(pdf(EvidenceCategory.RECTIFICATION, "整改报告.pdf")));
		review.runJobs(claim);
		assertThat(open.dueBetween(today, today.plusDays(20))).as("submitted: nothing to remind of")
			.noneMatch(r -> r.applicationId() == claim.id());
	}

	/**
	 * A clawback started while the subsidy is still being paid holds the payment: the
	 * enterprise's section says so, with no due date of the county's payment step and
	 * nothing to urge, and the unpaid rest is shown as held, not as waiting to be paid.
	 */
	@Test
	void aClawbackUnderWayShowsThePaymentHeldNotDue() {
		Case claim = allocatedClaim();
		pay(claim, "10000.00", "GK-HOLD-" + claim.id());
		HttpResponse<String> started = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD)
			.postJson("/api/clawbacks",
					"{\"applicationId\":" + claim.id() + ",\"facts\":\"经审计发现，该项目发票号87654321的增值税发票系虚开，设备实际未购置。\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

		AftercareView view = steps.view(review.enterprise(), claim.id());
		assertThat(view.currentStep()).contains("正在追回程序中", "暂停拨付");
		assertThat(view.handledBy()).isEmpty();
		assertThat(view.dueDate()).isNull();
		assertThat(view.paymentStopped()).isTrue();
		String page = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/enterprise/applications/" + claim.id())
			.body();
		assertThat(page).contains("（其余 27,000.00 元已暂停拨付）").doesNotContain("待拨付）", "申请尽快拨付");
	}

	/**
	 * A rectification submitted while the reminders are being written is not reminded of:
	 * the reminder waits for the submission (both hold the case's row) and finds the
	 * process no longer waiting.
	 */
	@Test
	void shouldNotRemindOfARectificationSubmittedWhileTheRemindersAreWritten() throws Exception {
		Case claim = acceptanceAtCity();
		LocalDate deadline = review.workingDay(LocalDate.now(CHINA).plusDays(10));
		review.complete(review.task(claim, "Task_CityOnsiteAcceptance"), Map.of("decision", "RETURN", "opinion",
				"除尘设备未接入生产线，请整改后报验。", "rectificationDeadline", deadline.toString()));
		review.runJobs(claim);
		DeadlineReminderPass reminders = new DeadlineReminderPass(context);

		try (OpenTransaction<Void> submitting = OpenTransaction.begin(context.getBean(PlatformTransactionManager.class),
				() -> steps.submitRectification(review.enterprise(), claim.id(), "已将除尘设备接入生产线。",
						List.of(pdf(EvidenceCategory.RECTIFICATION, "整改报告.pdf"))))) {
			Future<Integer> reminding = submitting
				.meanwhile(() -> reminders.runAt(deadline.atStartOfDay(CHINA).toInstant()));
			assertThat(submitting.stillWaiting(reminding)).as("the reminder waits for the submission").isTrue();
			submitting.commit();
			OpenTransaction.outcome(reminding);
		}

		assertThat(rectificationReminders(claim)).as("submitted meanwhile: nothing to remind of").isEmpty();
	}

	private List<String> rectificationReminders(Case claim) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT body FROM notification WHERE application_id = ? AND kind = 'RECTIFICATION_DUE'")
			.param(claim.id())
			.query(String.class)
			.list();
	}

	@Test
	void shouldAnnounceAClawbackWithTheOpinionWhenTheAcceptanceFails() {
		Case claim = acceptanceAtCity();

		review.decide(claim, "Task_CityOnsiteAcceptance", "REFUSE", "现场未见申报的数控机床，设备与发票不符。");

		assertThat(events.stream(ClawbackDue.class)).singleElement().satisfies(due -> {
			assertThat(due.cause()).isEqualTo(ClawbackDue.Cause.ACCEPTANCE_FAILED);
			assertThat(due.facts()).contains("现场未见申报的数控机床，设备与发票不符。");
		});
		assertThat(review.hasActive(claim, "subsidy-aftercare")).isFalse();
		assertThat(steps.view(review.enterprise(), claim.id()).findings()).last()
			.satisfies(f -> assertThat(f.resultLabel()).isEqualTo("验收不通过"));
	}

	@Test
	void shouldSendAnIncompleteAcceptanceApplicationBackToTheEnterprise() {
		Case claim = paidClaim();
		assertThatThrownBy(() -> steps.applyForAcceptance(review.enterprise(), claim.id(), "已投产。",
				List.of(pdf(EvidenceCategory.PHOTO, "照片.pdf"))))
			.isInstanceOfSatisfying(DossierInvalidException.class,
					e -> assertThat(e.problems()).extracting(p -> p.field())
						.containsExactlyInAnyOrder("commissioning", "finalAccounts"));
		assertThatThrownBy(() -> steps.applyForAcceptance(review.enterprise(), claim.id(), "已投产。",
				List.of(new Upload(EvidenceCategory.COMMISSIONING, "记录.exe",
						"MZ-not-a-pdf".getBytes(StandardCharsets.US_ASCII)), pdf(EvidenceCategory.PHOTO, "照片.pdf"),
						pdf(EvidenceCategory.FINAL_ACCOUNTS, "决算.pdf"))))
			.isInstanceOfSatisfying(DossierInvalidException.class,
					e -> assertThat(e.problems().get(0).message()).contains("不是 PDF、JPEG 或 PNG"));
		assertThatThrownBy(() -> steps.applyForAcceptance(review.enterprise(), claim.id(), "已投产。",
				List.of(new Upload(EvidenceCategory.PHOTO, "现场.png", MemoryBombs.png16(6000, 6600)),
						pdf(EvidenceCategory.COMMISSIONING, "记录.pdf"), pdf(EvidenceCategory.FINAL_ACCOUNTS, "决算.pdf"))))
			.isInstanceOfSatisfying(DossierInvalidException.class, e -> assertThat(e.problems()).singleElement()
				.satisfies(p -> assertThat(p.message()).startsWith("“现场.png”图片过大（6000×6600 像素")));
		assertThat(steps.view(review.enterprise(), claim.id()).submissions()).as("nothing half-saved").isEmpty();

		steps.applyForAcceptance(review.enterprise(), claim.id(), "已投产。", acceptanceEvidence());
		review.runJobs(claim);
		review.decide(claim, "Task_CountyAcceptanceCheck", "RETURN", "竣工决算未加盖公章，请补充。");

		assertThat(review.called(claim, "subsidy-aftercare")).isWaitingAtExactly("Event_AcceptanceApplied");
		assertThat(steps.view(review.enterprise(), claim.id()).actions())
			.containsExactly(AftercareView.Action.APPLY_FOR_ACCEPTANCE);
		assertThat(history(claim)).anySatisfy(m -> assertThat(m).contains("退回补充材料", "竣工决算未加盖公章"));
	}

	@Test
	void shouldKeepAnotherEnterpriseAndUntimelyStepsOut() {
		Case claim = allocatedClaim();
		var other = review.user(DemoUsers.OTHER_ENTERPRISE);

		assertThatThrownBy(() -> steps.view(other, claim.id())).isInstanceOf(ApplicationNotFoundException.class);
		assertThatThrownBy(() -> steps.applyForAcceptance(other, claim.id(), "冒名申请验收。", acceptanceEvidence()))
			.isInstanceOf(ApplicationNotFoundException.class);
		assertThatThrownBy(
				() -> steps.applyForAcceptance(review.enterprise(), claim.id(), "尚未拨付就申请验收。", acceptanceEvidence()))
			.as("before the subsidy is paid")
			.isInstanceOf(ApplicationStateException.class);
		assertThatThrownBy(() -> steps.submitRectification(review.enterprise(), claim.id(), "无整改要求。",
				List.of(pdf(EvidenceCategory.RECTIFICATION, "整改.pdf"))))
			.isInstanceOf(ApplicationStateException.class);
		assertThat(steps.view(review.enterprise(), claim.id()).submissions()).isEmpty();
	}

	// --- the case at each point

	private Case allocatedClaim() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		assertThat(claim.process()).hasPassed("Task_StartAftercare", "EndEvent_SubsidyAllocated").isEnded();
		return claim;
	}

	private Case paidClaim() {
		Case claim = allocatedClaim();
		pay(claim, "37000.00", "GK-2026-" + claim.id());
		return claim;
	}

	private Case acceptanceAtCity() {
		Case claim = paidClaim();
		steps.applyForAcceptance(review.enterprise(), claim.id(), "设备已投产。", acceptanceEvidence());
		review.runJobs(claim);
		review.decide(claim, "Task_CountyAcceptanceCheck", "APPROVE", "材料齐全，报市级验收。");
		return claim;
	}

	private Case evaluationDue() {
		Case claim = acceptanceAtCity();
		review.decide(claim, "Task_CityOnsiteAcceptance", "APPROVE", "现场核查设备到位、运行正常，验收通过。");
		review.fireTimer(claim, "Event_PerformanceDue");
		steps.reportPerformance(review.enterprise(), claim.id(), report("9000000"), List.of());
		review.runJobs(claim);
		return claim;
	}

	/**
	 * The county finance bureau records a payment as its form sends it: the amount a
	 * number, the date as text.
	 */
	private void pay(Case claim, String amount, String voucher) {
		pay(claim, amount, voucher, LocalDate.now(CHINA));
	}

	private void pay(Case claim, String amount, String voucher, LocalDate paidOn) {
		review.complete(review.task(claim, "Task_RecordPayment"), Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。",
				"paymentDate", paidOn.toString(), "paidAmount", Double.valueOf(amount), "voucherNo", voucher));
		review.runJobs(claim);
	}

	private List<String> history(Case claim) {
		return applications.detail(review.enterprise(), claim.id())
			.history()
			.stream()
			.map(ApplicationEvent::message)
			.toList();
	}

	private static List<Upload> acceptanceEvidence() {
		return List.of(pdf(EvidenceCategory.COMMISSIONING, "调试运行记录.pdf"), pdf(EvidenceCategory.PHOTO, "现场照片.pdf"),
				pdf(EvidenceCategory.FINAL_ACCOUNTS, "竣工决算.pdf"));
	}

	private static Upload pdf(EvidenceCategory category, String name) {
		return new Upload(category, name,
				("%PDF-1.4\n% " + category + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
	}

	private static PerformanceReport report(String output) {
		return new PerformanceReport(output, "120.5", "2", "关键工序数控化率 80%，设备联网率 90%", "项目投产后产值和能耗达到预期。");
	}

}
