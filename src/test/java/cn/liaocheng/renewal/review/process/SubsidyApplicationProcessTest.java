package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.notice.NoticeBoard;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * subsidy-application (奖补资金申请审核) for a registered policy-task-7 project of ent-gx: after
 * county and city review the subsidy is computed (10% of domestic invoiced equipment for
 * tasks 4–9), goes to experts above 1 000 000 yuan, is published for 5 working days, and
 * the finance bureau allocates it.
 */
@WebIntegrationTest
class SubsidyApplicationProcessTest extends ReviewProcessTest {

	/** 10% of it is 37 000 yuan: no expert review. */
	private static final BigDecimal SMALL_CLAIM = new BigDecimal("370000.00");

	/** 10% of it is 2 000 000 yuan, above the expert-review threshold of 1 000 000. */
	private static final BigDecimal LARGE_CLAIM = new BigDecimal("20000000.00");

	private final NoticeBoard noticeBoard;

	private final int port;

	private final ProcessEngine engine;

	private final javax.sql.DataSource dataSource;

	@Autowired
	SubsidyApplicationProcessTest(ApplicationContext context, NoticeBoard noticeBoard, ProcessEngine engine) {
		super(context);
		this.noticeBoard = noticeBoard;
		this.engine = engine;
		this.dataSource = context.getBean(javax.sql.DataSource.class);
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void shouldPublishASmallSubsidyWithoutExpertReview() {
		Case claim = approvedClaim(SMALL_CLAIM);

		assertThat(claim.process())
			.hasPassedInOrder("Gateway_CityApproved", "Task_ComputeSubsidy", "Gateway_NeedsExpertReview",
					"Gateway_ToPublicNotice", "Task_StartPublicNotice")
			.hasNotPassed("Task_ExpertReview")
			.isWaitingAtExactly("TimerEvent_NoticePeriodEnds");
		assertThat(review.outcomes(claim).subsidyAmount()).isEqualByComparingTo("37000.00");
		// How it was reached is kept with the case, by the version of the table that gave
		// the rate: the table may be edited later.
		assertThat(review.reviewersHistory(claim)).anySatisfy(line -> assertThat(line)
			.containsPattern("测算奖补金额：按奖补比例表（subsidy-amount 第 \\d+ 版）重点任务第 7 项的奖补比例 10%、单个项目上限 3,000,000.00 元，"
					+ "设备金额合计 370,000.00 元（有发票金额的按发票金额），逐行计算合计 37,000.00 元，测算为 37,000.00 元。"));
		assertThat(review.history(claim)).as("the reviewers' record: the enterprise is told of the notice")
			.noneSatisfy(line -> assertThat(line).startsWith("测算奖补金额"));
		assertThat(review.variable(claim.process(), "subsidyAmount")).as("as the forms show it").isEqualTo("37,000.00");
		assertThat(review.variable(claim.process(), "expertReview")).isEqualTo(false);
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.PUBLIC_NOTICE);
		Instant noticeEnds = Instant.parse((String) review.variable(claim.process(), "noticeEnds"));
		assertThat(review.timer(claim, "TimerEvent_NoticePeriodEnds").getDuedate().toInstant()).isEqualTo(noticeEnds);
		assertThat(noticeBoard.running(Instant.now(), claim.id()))
			.hasValueSatisfying(n -> assertThat(n.amount()).isEqualByComparingTo("37000.00"));
		// The enterprise is told its amount is proposed, and who decides it.
		assertThat(review.toldToEnterprise(claim)).anySatisfy(note -> assertThat(note).startsWith("CASE_PROGRESS 进入公示：")
			.contains("拟奖补 37,000.00 元", "由市财政局决定是否下达奖补资金"));
		// Nobody holds a task during the notice: the case page offers no 催办 it would
		// refuse, and says why.
		String page = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/enterprise/applications/" + claim.id())
			.body();
		assertThat(page).doesNotContain("id=\"urge\"").contains("id=\"urge-not-needed\"", "无需催办");
	}

	/** While the enterprise writes its claim, the page and the API show the estimate. */
	@Test
	void shouldEstimateTheSubsidyOfADraft() {
		long draft = review.draft(ApplicationKind.SUBSIDY, Dossiers.subsidy(review.registeredProject(7), SMALL_CLAIM));
		WebClient enterprise = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);

		// task 7: 10% of 370 000
		assertThat(enterprise.get("/api/applications/" + draft + "/subsidy-estimate").body()).contains("\"37000.00\"");
		assertThat(enterprise.get("/enterprise/applications/" + draft).body()).contains("id=\"subsidy-estimate\"",
				"37,000.00 元");
	}

	@Test
	void shouldComputeAndPublishTheSubsidyOfTheCorrectedDossier() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), SMALL_CLAIM);
		review.decide(claim, "Task_CountyFormalReview", "APPROVE");
		review.decide(claim, "Task_CountyInvoiceCheck", "RETURN");
		review.correct(claim, dossier -> {
			dossier.getEquipment().get(0).setUnitPrice("250000.00");
			dossier.getEquipment().get(0).setInvoiceAmount("250000.00");
			dossier.getEquipment().get(0).setOrigin("IMPORTED");
		});
		review.resubmit(claim);

		review.decide(claim, "Task_CountyInvoiceCheck", "APPROVE");
		review.decide(claim, "Task_CountyRecommendation", "APPROVE");
		review.passCityReview(claim);

		assertThat(claim.process()).hasPassed("Task_ComputeSubsidy", "Task_StartPublicNotice");
		// 10% of the corrected 250 000.00 (the rate does not depend on origin), not of
		// the 370 000.00 first submitted
		assertThat(review.outcomes(claim).subsidyAmount()).isEqualByComparingTo("25000.00");
		assertThat(noticeBoard.running(Instant.now(), claim.id()))
			.hasValueSatisfying(n -> assertThat(n.amount()).isEqualByComparingTo("25000.00"));
	}

	@Test
	void shouldAllocateTheSubsidyWhenTheNoticeEndsWithoutObjections() {
		Case claim = approvedClaim(SMALL_CLAIM);

		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");

		assertThat(claim.process()).hasPassed("Task_CheckObjections", "Gateway_HasObjections", "Gateway_ToAllocation")
			.hasNotPassed("Task_ResolveObjections")
			.isWaitingAtExactly("Task_FinanceAllocation");
		assertThat(claim.process()).task().hasCandidateGroup("city-finance");
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CITY_REVIEW);
		assertThat(file(claim, "测试异议人", "", "13800000000", "公示期满后才提交的异议，应当不予受理。"))
			.as("an objection after the period has ended")
			.isEqualTo(NoticeBoard.Result.NOT_OPEN);

		review.decide(claim, "Task_FinanceAllocation", "APPROVE");

		assertThat(claim.process())
			.hasPassedInOrder("Task_FinanceAllocation", "Gateway_AllocationResult", "Task_IssueAllocation",
					"EndEvent_SubsidyAllocated")
			.hasNotPassed("Task_IssueRefusal")
			.isEnded();
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_ALLOCATED);
		review.assertEveryCompletedReviewLeftAnOpinion(claim);
	}

	@Test
	void shouldRefuseTheSubsidyWhenTheFinanceBureauDoesNotAllocate() {
		Case claim = approvedClaim(SMALL_CLAIM);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");

		review.decide(claim, "Task_FinanceAllocation", "REFUSE");

		assertThat(claim.process())
			.hasPassedInOrder("Gateway_AllocationResult", "Task_IssueRefusal", "EndEvent_Refused")
			.hasNotPassed("Task_IssueAllocation")
			.isEnded();
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_REFUSED);
		// The finance bureau refuses to allocate; paying out is the county's later act.
		assertThat(review.issued(claim, DecisionType.SUBSIDY_REFUSED).text()).contains("不予下达该项目设备更新奖补资金")
			.doesNotContain("不予拨付");
		review.assertEveryCompletedReviewLeftAnOpinion(claim);
		// The lead bureau's 审定 came before the notice and the allocation: the record does
		// not call it an approval of the subsidy.
		assertThat(review.history(claim)).anyMatch(line -> line.contains("审定」：审定通过"))
			.noneMatch(line -> line.contains("：批准"));
		// The amount proposed for the notice was never awarded: the case page shows no
		// 审批结果 with it.
		String page = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/enterprise/applications/" + claim.id())
			.body();
		assertThat(page).contains("未获支持")
			.doesNotContain("拟奖补金额", "核定奖补金额", "id=\"outcomes\"", "id=\"subsidy-estimate\"");
		assertThat(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/api/applications/" + claim.id() + "/subsidy-estimate")
			.statusCode()).as("no estimate beside a decided case").isEqualTo(404);
		// Nor does the reviewers' dossier call it determined.
		String dossier = new WebClient(port).withBasic("lc-finance", DemoUsers.PASSWORD)
			.get("/review/applications/" + claim.id())
			.body();
		assertThat(dossier).contains("拟奖补金额", "（未予批准）").doesNotContain("核定奖补金额");
	}

	@Test
	void shouldSendASubsidyAboveOneMillionYuanToExpertReviewAndPublishItWhenTheExpertsApprove() {
		Case claim = approvedClaim(LARGE_CLAIM);

		assertThat(claim.process()).hasPassed("Task_ComputeSubsidy", "Gateway_NeedsExpertReview")
			.isWaitingAtExactly("Task_ExpertReview");
		assertThat(claim.process()).task().hasCandidateGroup("city-industry");
		assertThat(review.outcomes(claim).subsidyAmount()).isEqualByComparingTo("2000000.00");
		assertThat(review.variable(claim.process(), "expertReview")).isEqualTo(true);

		review.decide(claim, "Task_ExpertReview", "APPROVE");

		assertThat(claim.process())
			.hasPassedInOrder("Task_ExpertReview", "Gateway_ExpertReviewResult", "Gateway_ToPublicNotice",
					"Task_StartPublicNotice")
			.isWaitingAtExactly("TimerEvent_NoticePeriodEnds");
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.PUBLIC_NOTICE);
	}

	@Test
	void shouldRefuseTheSubsidyWhenTheExpertsRefuse() {
		Case claim = approvedClaim(LARGE_CLAIM);

		review.decide(claim, "Task_ExpertReview", "REFUSE");

		assertThat(claim.process())
			.hasPassedInOrder("Gateway_ExpertReviewResult", "Task_IssueRefusal", "EndEvent_Refused")
			.hasNotPassed("Task_StartPublicNotice")
			.isEnded();
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_REFUSED);
		review.assertEveryCompletedReviewLeftAnOpinion(claim);
		// The amount proposed for the notice was never awarded: the case page shows no
		// 审批结果 with it.
		String page = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/enterprise/applications/" + claim.id())
			.body();
		assertThat(page).contains("未获支持")
			.doesNotContain("拟奖补金额", "核定奖补金额", "id=\"outcomes\"", "id=\"subsidy-estimate\"");
		assertThat(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/api/applications/" + claim.id() + "/subsidy-estimate")
			.statusCode()).as("no estimate beside a decided case").isEqualTo(404);
	}

	@Test
	void shouldHoldAnObjectedSubsidyForTheIndustryBureauAndAllocateItWhenTheObjectionIsDismissed() {
		Case claim = approvedClaim(SMALL_CLAIM);
		assertThat(file(claim, "测试异议人", "", "13800000000", "该企业所购设备为翻新旧设备，发票金额明显高于市场价。"))
			.isEqualTo(NoticeBoard.Result.FILED);

		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");

		assertThat(claim.process()).hasPassed("Task_CheckObjections", "Gateway_HasObjections")
			.isWaitingAtExactly("Task_ResolveObjections");
		assertThat(claim.process()).task().hasCandidateGroup("city-industry");
		assertThat((String) review.taskVariables(review.task(claim, "Task_ResolveObjections")).get("objectionSummary"))
			.contains("测试异议人", "13800000000", "翻新旧设备");
		assertThat(review.variable(claim.process(), "objectionSummary")).as("not on the case").isNull();

		review.decide(claim, "Task_ResolveObjections", "APPROVE");

		assertThat(claim.process())
			.hasPassedInOrder("Task_ResolveObjections", "Gateway_ObjectionResult", "Gateway_ToAllocation")
			.isWaitingAtExactly("Task_FinanceAllocation");
		assertThat(review.taskVariables(review.task(claim, "Task_FinanceAllocation")).toString())
			.as("the finance bureau's task does not carry the objectors' telephone numbers")
			.doesNotContain("13800000000", "测试异议人");
		assertThat(review.unresolvedObjections(claim)).isZero();
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		assertThat(claim.process()).hasPassed("EndEvent_SubsidyAllocated").isEnded();
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_ALLOCATED);
	}

	/**
	 * An administrator lowers the expert-review threshold and adds a body to the joint
	 * review while a claim is on public notice: the claim, routed and computed before, is
	 * allocated and its decision issued by the tables it was judged by; a claim submitted
	 * afterwards goes by the new ones.
	 */
	@Test
	void shouldIssueByTheTablesTheClaimWasJudgedByWhenAnAdministratorChangesThemLater() throws Exception {
		Case claim = approvedClaim(SMALL_CLAIM);
		RepositoryService repository = engine.getRepositoryService();
		String expertReview = shipped("subsidy-expert-review");
		String routing = shipped("joint-review-routing");
		String lower = expertReview.replace("&gt; 1000000", "&gt; 10000").replace("&lt;= 1000000", "&lt;= 10000");
		String wider = routing.replace("    </decisionTable>", TELECOM_FOR_EVERY_CASE + "    </decisionTable>");
		assertThat(lower).isNotEqualTo(expertReview);
		assertThat(wider).isNotEqualTo(routing);
		repository.createDeployment()
			.addString("subsidy-expert-review.dmn", lower)
			.addString("joint-review-routing.dmn", wider)
			.deploy();
		try {
			review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
			review.decide(claim, "Task_FinanceAllocation", "APPROVE");

			assertThat(claim.process()).hasPassed("EndEvent_SubsidyAllocated").isEnded();
			assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_ALLOCATED);

			Case next = review.submitSubsidy(review.newRegisteredProject(7), SMALL_CLAIM);
			review.passCountyReview(next);
			review.decide(next, "Task_CityAcceptance", "APPROVE");
			assertThat(review.tasks(next, "Task_JointReview")).extracting(review::candidateGroup)
				.contains("city-telecom");
			review.decideEach(next, "Task_JointReview", group -> "APPROVE");
			review.decide(next, "Task_IndustryDecision", "APPROVE");
			assertThat(next.process()).hasPassed("Task_ComputeSubsidy").isWaitingAtExactly("Task_ExpertReview");
		}
		finally {
			// The shipped tables again, as the latest versions, for the tests after.
			repository.createDeployment()
				.addString("subsidy-expert-review.dmn", expertReview)
				.addString("joint-review-routing.dmn", routing)
				.deploy();
		}
	}

	private static final String TELECOM_FOR_EVERY_CASE = """
			      <rule id="Rule_Every_Telecom">
			        <inputEntry id="UnaryTests_Every_Telecom_PolicyTask"><text>-</text></inputEntry>
			        <inputEntry id="UnaryTests_Every_Telecom_Kind"><text>-</text></inputEntry>
			        <inputEntry id="UnaryTests_Every_Telecom_NeedsNewLand"><text>-</text></inputEntry>
			        <inputEntry id="UnaryTests_Every_Telecom_NeedsEnergyUse"><text>-</text></inputEntry>
			        <inputEntry id="UnaryTests_Every_Telecom_NeedsEmissionQuota"><text>-</text></inputEntry>
			        <outputEntry id="LiteralExpression_Every_Telecom_Body"><text>"telecom"</text></outputEntry>
			      </rule>
			""";

	private static String shipped(String table) throws Exception {
		try (InputStream in = SubsidyApplicationProcessTest.class.getClassLoader()
			.getResourceAsStream("bpmn/" + table + ".dmn")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Cases running when the objection summary moved off the case (V140): one waiting at
	 * the objection task keeps it as that task's own; one past it loses it, so the
	 * finance bureau's task no longer carries the objectors' numbers.
	 */
	@Test
	void theMigrationTakesObjectorsOffRunningCasesAndOntoTheirTask() throws Exception {
		Case objected = approvedClaim(SMALL_CLAIM);
		assertThat(file(objected, "迁移异议人", "", "13800000001", "该企业所购设备为翻新旧设备。")).isEqualTo(NoticeBoard.Result.FILED);
		review.fireTimer(objected, "TimerEvent_NoticePeriodEnds");
		org.camunda.bpm.engine.task.Task resolve = review.task(objected, "Task_ResolveObjections");
		Case allocated = approvedClaim(SMALL_CLAIM);
		review.fireTimer(allocated, "TimerEvent_NoticePeriodEnds");
		// As the earlier version wrote it: on the case, none on the task.
		engine.getTaskService().removeVariableLocal(resolve.getId(), "objectionSummary");
		engine.getRuntimeService().setVariable(objected.process().getId(), "objectionSummary", "迁移异议人，电话 13800000001");
		engine.getRuntimeService().setVariable(allocated.process().getId(), "objectionSummary", "旧异议人，电话 13900000002");

		cn.liaocheng.renewal.support.JavaMigrations.run(new db.migration.common.V140__ObjectionSummaryOffTheCase(),
				dataSource);

		assertThat(engine.getTaskService().getVariableLocal(resolve.getId(), "objectionSummary"))
			.isEqualTo("迁移异议人，电话 13800000001");
		assertThat(review.variable(objected.process(), "objectionSummary")).as("not on the case").isNull();
		assertThat(review.variable(allocated.process(), "objectionSummary")).isNull();
		assertThat(review.taskVariables(review.task(allocated, "Task_FinanceAllocation")).toString())
			.doesNotContain("13900000002");
	}

	/**
	 * A case routed and computed before the versions were recorded (V141): the migration
	 * records the versions that were the latest when its steps ended, not a version
	 * deployed afterwards.
	 */
	@Test
	void theMigrationRecordsTheTableVersionsEarlierCasesWereJudgedBy() throws Exception {
		Case claim = approvedClaim(SMALL_CLAIM);
		org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient
			.create(dataSource);
		java.util.Map<String, String> recorded = new java.util.TreeMap<>();
		jdbc.sql("SELECT table_key, decision_definition_id FROM case_rule_table WHERE application_id = ?")
			.param(claim.id())
			.query(rs -> {
				recorded.put(rs.getString(1), rs.getString(2));
			});
		assertThat(recorded).containsOnlyKeys("joint-review-routing", "subsidy-expert-review");
		String expertReview = shipped("subsidy-expert-review");
		Thread.sleep(20);
		engine.getRepositoryService()
			.createDeployment()
			.addString("subsidy-expert-review.dmn",
					expertReview.replace("&gt; 1000000", "&gt; 20000").replace("&lt;= 1000000", "&lt;= 20000"))
			.deploy();
		try {
			jdbc.sql("DELETE FROM case_rule_table WHERE application_id = ?").param(claim.id()).update();

			cn.liaocheng.renewal.support.JavaMigrations
				.run(new db.migration.common.V141__CaseRuleTablesOfEarlierCases(), dataSource);

			java.util.Map<String, String> backfilled = new java.util.TreeMap<>();
			jdbc.sql("SELECT table_key, decision_definition_id FROM case_rule_table WHERE application_id = ?")
				.param(claim.id())
				.query(rs -> {
					backfilled.put(rs.getString(1), rs.getString(2));
				});
			assertThat(backfilled).isEqualTo(recorded);
		}
		finally {
			engine.getRepositoryService()
				.createDeployment()
				.addString("subsidy-expert-review.dmn", expertReview)
				.deploy();
		}
	}

	@Test
	void shouldRefuseTheSubsidyWhenTheIndustryBureauUpholdsAnObjection() {
		Case claim = approvedClaim(SMALL_CLAIM);
		assertThat(file(claim, "测试异议单位联系人", "聊城市某机床厂", "0635-8123456", "该项目设备投用日期与实际不符，请核查。"))
			.isEqualTo(NoticeBoard.Result.FILED);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");

		// Every reviewer of the case reads each objection on the dossier, its phone
		// aside.
		assertThat(new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD)
			.get("/review/applications/" + claim.id())
			.body()).contains("公示异议", "测试异议单位联系人", "该项目设备投用日期与实际不符，请核查。", "待核查").doesNotContain("0635-8123456");

		review.decide(claim, "Task_ResolveObjections", "REFUSE");

		assertThat(claim.process()).hasPassedInOrder("Gateway_ObjectionResult", "Task_IssueRefusal", "EndEvent_Refused")
			.hasNotPassed("Task_FinanceAllocation")
			.isEnded();
		assertThat(review.unresolvedObjections(claim)).isZero();
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_REFUSED);
		review.assertEveryCompletedReviewLeftAnOpinion(claim);
		// The amount proposed for the notice was never awarded: the case page shows no
		// 审批结果 with it.
		String page = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/enterprise/applications/" + claim.id())
			.body();
		assertThat(page).contains("未获支持")
			.doesNotContain("拟奖补金额", "核定奖补金额", "id=\"outcomes\"", "id=\"subsidy-estimate\"");
		assertThat(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/api/applications/" + claim.id() + "/subsidy-estimate")
			.statusCode()).as("no estimate beside a decided case").isEqualTo(404);
	}

	@Test
	void shouldRefuseASubsidyTheCityDoesNotApprove() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), SMALL_CLAIM);
		review.passCountyReview(claim);

		review.decide(claim, "Task_CityAcceptance", "REFUSE");

		assertThat(claim.process()).hasPassedInOrder("Gateway_CityApproved", "Task_IssueRefusal", "EndEvent_Refused")
			.hasNotPassed("Task_ComputeSubsidy")
			.isEnded();
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(claim)).isEqualTo(DecisionType.SUBSIDY_NOT_ACCEPTED);
	}

	@Test
	void shouldRouteASubsidyClaimToTheProjectsBodiesPlusTheFiscalSupportUnits() {
		// Policy task 4 names the industry bureau alone, so development and reform joins
		// for the subsidy (三（二）).
		Case claim = review.submitSubsidy(review.newRegisteredProject(4), SMALL_CLAIM);
		review.passCountyReview(claim);

		review.decide(claim, "Task_CityAcceptance", "APPROVE");

		assertThat(review.candidateGroups(claim, "Task_JointReview")).containsExactlyInAnyOrder("city-industry",
				"city-development", "city-finance", "city-tax");
	}

	/**
	 * A claim of ent-gx that county and city approved, for invoiced domestic equipment
	 * worth {@code invoiced}.
	 */
	/**
	 * Files an objection as the notice board's form would, from a documentation address
	 * (RFC 5737).
	 */
	private NoticeBoard.Result file(Case claim, String name, String organisation, String phone, String content) {
		return noticeBoard
			.file(claim.id(), new NoticeBoard.ObjectionForm(name, organisation, phone, content), "192.0.2.1")
			.result();
	}

	private Case approvedClaim(BigDecimal invoiced) {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), invoiced);
		review.passCountyReview(claim);
		review.passCityReview(claim);
		return claim;
	}

}
