package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.CaseStanding;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * loan-application (技术改造贷款申请审核) for a registered project of ent-gx at ICBC: after county
 * and city review the central bank's branch lists it for relending, the bank decides, and
 * a relending-funded loan gets a fiscal interest subsidy of 1.5 points a year for 2
 * years, at most 2 000 000 yuan.
 */
@WebIntegrationTest
class LoanApplicationProcessTest extends ReviewProcessTest {

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final TaskOperations operations;

	private final JdbcClient jdbc;

	@Autowired
	LoanApplicationProcessTest(ApplicationContext context) {
		super(context);
		this.tasks = context.getBean(TaskService.class);
		this.runtime = context.getBean(RuntimeService.class);
		this.operations = context.getBean(TaskOperations.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	@Test
	void shouldReviewALoanAtTheCountyWithoutAnInvoiceCheckAndRouteItToThePbocAndNfra() {
		Case loan = review.submitLoan(review.registeredProject(7));
		ProcessInstance county = review.called(loan, "county-review");

		review.passCountyReview(loan);
		review.decide(loan, "Task_CityAcceptance", "APPROVE");

		assertThat(county).hasPassed("EndEvent_CountyRecommended").hasNotPassed("Task_CountyInvoiceCheck");
		assertThat(review.candidateGroups(loan, "Task_JointReview")).containsExactlyInAnyOrder("city-industry",
				"city-development", "city-ecology", "city-pboc", "city-nfra");
	}

	@Test
	void shouldPushAListedLoanToTheChosenBank() {
		Case loan = listedLoan();

		assertThat(loan.process()).hasPassed("Task_PbocListing", "Gateway_Listed").isWaitingAt("Task_BankDecision");
		assertThat(loan.process()).task().hasCandidateGroup("bank-icbc");
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.BANK_REVIEW);
	}

	@Test
	void shouldPushACorrectedLoanToTheBankAndAmountOfTheCorrectedDossier() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.decide(loan, "Task_CountyFormalReview", "RETURN");
		review.correct(loan, dossier -> {
			dossier.setBankKeys(new java.util.ArrayList<>(java.util.List.of("abc")));
			dossier.setLoanAmount("8000000.00");
		});
		review.resubmit(loan);

		review.passCountyReview(loan);
		review.passCityReview(loan);
		assertThat(review.tasks(loan, "Task_PbocListing")).singleElement()
			.satisfies(listing -> assertThat(tasks.getVariable(listing.getId(), ReviewProcesses.BANK_NAMES))
				.as("the banks the listing pushes the loan to")
				.isEqualTo("中国农业银行聊城分行"));
		review.decide(loan, "Task_PbocListing", "APPROVE");

		assertThat(loan.process()).isWaitingAt("Task_BankDecision");
		assertThat(review.candidateGroups(loan, "Task_BankDecision")).containsExactly("bank-abc");
		assertThat(review.variable(loan.process(), "loanAmount")).isEqualTo("8,000,000.00");
	}

	/**
	 * A case started before the banks were read from the dossier holds them on the case,
	 * and the model version it runs on reads them from there: a correction updates them,
	 * and a case without them is not given them.
	 */
	@Test
	void shouldKeepTheBanksOfACaseStartedBeforeAsCorrected() {
		Case loan = review.submitLoan(review.registeredProject(7));
		runtime.setVariable(loan.process().getId(), ReviewProcesses.BANK_KEYS, "icbc");
		review.decide(loan, "Task_CountyFormalReview", "RETURN");
		review.correct(loan,
				dossier -> dossier.setBankKeys(new java.util.ArrayList<>(java.util.List.of("abc", "lcrcb"))));
		review.resubmit(loan);
		assertThat(review.variable(loan.process(), ReviewProcesses.BANK_KEYS)).isEqualTo("abc,lcrcb");
		assertThat(review.variable(loan.process(), ReviewProcesses.BANK_NAMES)).isEqualTo("中国农业银行聊城分行、山东聊城农村商业银行");

		Case started = review.submitLoan(review.registeredProject(7));
		review.decide(started, "Task_CountyFormalReview", "RETURN");
		review.correct(started, dossier -> dossier.setBankKeys(new java.util.ArrayList<>(java.util.List.of("abc"))));
		review.resubmit(started);
		assertThat(runtime.getVariables(started.process().getId())).doesNotContainKeys(ReviewProcesses.BANK_KEYS,
				ReviewProcesses.BANK_NAMES);
	}

	@Test
	void shouldGrantALoanFundedByRelendingWithAnInterestSubsidyOfOnePointFivePercentForTwoYears() {
		Case loan = listedLoan();

		review.grant(loan, "10000000.00", true);

		assertThat(loan.process())
			.hasPassedInOrder("Task_BankDecision", "Task_SummariseBankDecisions", "Gateway_AnyGranted",
					"IntermediateCatchEvent_LoanOfferAccepted", "Task_ComputeInterestSubsidy",
					"Task_FinanceInterestReview", "Task_IssueLoanDecision", "EndEvent_LoanGranted")
			.hasNotPassed("Task_IssueRefusal")
			.isEnded();
		Outcomes outcomes = review.outcomes(loan);
		assertThat(outcomes.grantedAmount()).isEqualByComparingTo("10000000.00");
		assertThat(outcomes.usedRelending()).isTrue();
		// 10 000 000 × 1.5% × 2 years
		assertThat(outcomes.interestSubsidyAmount()).isEqualByComparingTo("300000.00");
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(review.allDecisions(loan)).containsExactly(DecisionType.LOAN_LISTED,
				DecisionType.INTEREST_SUBSIDY_GRANTED);
		review.assertEveryCompletedReviewLeftAnOpinion(loan);
		// The enterprise was told each stage its case entered, once, in order.
		assertThat(review.toldToEnterprise(loan).stream().filter(note -> note.startsWith("CASE_PROGRESS ")).toList())
			.filteredOn(note -> note.contains("已进入"))
			.satisfiesExactly(city -> assertThat(city).startsWith("CASE_PROGRESS 市级审核中：").contains("已进入市级审核"),
					bank -> assertThat(bank).startsWith("CASE_PROGRESS 银行审贷中：").contains("已进入银行审贷"),
					interest -> assertThat(interest).startsWith("CASE_PROGRESS 贴息核定中：").contains("由市财政局核定财政贴息"));
	}

	/**
	 * The interest subsidy is the city finance bureau's decision: the computation waits
	 * for its review, which sees the loan, the amount and the rule it was computed on,
	 * and nothing is decided or issued before it.
	 */
	@Test
	void shouldHoldTheComputedInterestSubsidyForTheFinanceBureausReview() {
		Case loan = listedLoan();
		review.grantOnly(loan, "icbc", "10000000.00", true, "FIXED_ASSET");
		// The enterprise has to accept: it is told so.
		assertThat(review.toldToEnterprise(loan))
			.anySatisfy(note -> assertThat(note).startsWith("CASE_PROGRESS 银行同意放贷，请确认：")
				.contains("中国工商银行聊城分行经自主审贷同意放贷10,000,000.00元", "确认是否接受该行贷款"));

		review.acceptOnly(loan, "icbc");

		assertThat(loan.process()).hasPassed("Task_ComputeInterestSubsidy", "Task_IssueListingNotice")
			.isWaitingAtExactly("Task_FinanceInterestReview");
		assertThat(loan.process()).task().hasCandidateGroup("city-finance");
		// The listing and the bank's loan are settled: the central-bank branch's notice
		// does not wait for the finance bureau, whose decision follows on its own.
		assertThat(review.allDecisions(loan)).containsExactly(DecisionType.LOAN_LISTED);
		long listing = review.allDecisionIds(loan).get(0);
		assertThat(review.issued(loan, DecisionType.LOAN_LISTED).text()).contains("该笔贷款的财政贴息由财政部门另行通知")
			.doesNotContain("核定贷款贴息", "市财政局");
		assertThat(review.history(loan)).anyMatch(line -> line.contains("出具《设备更新贷款项目入选通知书》"));
		// The enterprise is told, as it is of every decision, and told the case goes on.
		assertThat(jdbc.sql("SELECT kind || ' ' || title || ' ' || body FROM notification WHERE application_id = ?")
			.param(loan.id())
			.query(String.class)
			.list())
			.anySatisfy(note -> assertThat(note).startsWith("LOAN_LISTED 贷款项目已入选：")
				.contains("《设备更新贷款项目入选通知书》", "贷款银行为中国工商银行聊城分行", "申报尚未办结")
				.doesNotContain("已办结。"));
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.INTEREST_REVIEW);
		// The computation is the bureau's to review: the enterprise is told no figure
		// yet.
		assertThat(review.outcomesAsTheEnterpriseSees(loan)).satisfies(seen -> {
			assertThat(seen.grantedAmount()).isEqualByComparingTo("10000000.00");
			assertThat(seen.interestSubsidyAmount()).isNull();
			assertThat(seen.interestSubsidyPoints()).isNull();
		});
		assertThat(review.standing(loan).timeline()).filteredOn(stage -> stage.state() == CaseStanding.State.CURRENT)
			.extracting(CaseStanding.Stage::name)
			.containsExactly("市财政局核定贷款贴息");
		Map<String, Object> shown = tasks.getVariablesLocal(review.task(loan, "Task_FinanceInterestReview").getId());
		assertThat(shown).containsEntry("interestSubsidy", "300,000.00")
			.containsEntry("interestSubsidyFinding", "符合贴息条件。");
		assertThat(shown.get("loanTerms").toString()).contains("中国工商银行聊城分行（再贷款发放机构）")
			.contains("放贷金额 10,000,000.00 元")
			.contains("放款日期 2026年3月16日")
			.contains("使用再贷款资金");
		assertThat(shown.get("interestSubsidyBasis").toString()).contains("关于优化实施设备更新贷款财政贴息政策的通知")
			.contains("每年 1.5 个百分点贴息 24 个月");

		// The step before is the banks' parallel review: nothing to return to.
		Task financeReview = review.task(loan, "Task_FinanceInterestReview");
		tasks.claim(financeReview.getId(), "lc-finance");
		assertThat(operations.available("lc-finance", financeReview.getId())).contains("transfer")
			.doesNotContain("returnToPrevious");
		assertThatThrownBy(() -> operations.returnToPrevious("lc-finance", financeReview.getId(), "请银行重新审贷。"))
			.isInstanceOf(HandOverException.class)
			.hasMessageContaining("上一环节是各银行并行的自主审贷");

		review.decide(loan, "Task_FinanceInterestReview", "APPROVE");

		assertThat(loan.process()).hasPassed("Task_IssueLoanDecision", "EndEvent_LoanGranted").isEnded();
		assertThat(review.allDecisions(loan)).containsExactly(DecisionType.LOAN_LISTED,
				DecisionType.INTEREST_SUBSIDY_GRANTED);
		assertThat(review.allDecisionIds(loan).get(0)).as("the listing notice issued once").isEqualTo(listing);
		review.assertEveryCompletedReviewLeftAnOpinion(loan);
		assertThat(interestStep(loan).state()).isEqualTo(CaseStanding.State.DONE);
		assertThat(review.outcomesAsTheEnterpriseSees(loan).interestSubsidyAmount()).isEqualByComparingTo("300000.00");
		// A loan decided before the step existed has no opinion there: the step was not
		// held, rather than done.
		jdbc.sql("DELETE FROM review_opinion WHERE application_id = ? AND step = 'Task_FinanceInterestReview'")
			.param(loan.id())
			.update();
		assertThat(interestStep(loan)).satisfies(stage -> {
			assertThat(stage.state()).isEqualTo(CaseStanding.State.SKIPPED);
			assertThat(stage.note()).isEqualTo("本案办理时尚无此环节");
		});
	}

	/**
	 * A case that reaches the issuing without the finance bureau's review (one running on
	 * a model version without it, or moved past it) is not decided: nothing is issued and
	 * the job fails with what the administrator must do.
	 */
	@Test
	void shouldIssueNoInterestDecisionWithoutTheFinanceBureausReview() {
		Case loan = listedLoan();
		review.grantOnly(loan, "icbc", "10000000.00", true, "FIXED_ASSET");
		review.acceptOnly(loan, "icbc");
		runtime.createProcessInstanceModification(loan.process().getId())
			.cancelAllForActivity("Task_FinanceInterestReview")
			.startBeforeActivity("Task_IssueLoanDecision")
			.execute();

		assertThatThrownBy(() -> review.runJobs(loan)).hasMessageContaining("市财政局“核定贷款贴息”的审核意见");

		assertThat(review.allDecisions(loan)).as("the listing notice only").containsExactly(DecisionType.LOAN_LISTED);
		assertThat(review.status(loan)).isNotEqualTo(ApplicationStatus.APPROVED);
		assertThat(review.outcomes(loan).interestSubsidyAmount()).isEqualByComparingTo("300000.00");
	}

	/**
	 * The bureau refuses a subsidy the rule would give: nothing is granted, whatever the
	 * completion also sends, and the enterprise is told the bureau's reasons.
	 */
	@Test
	void shouldGrantNoInterestSubsidyWhenTheFinanceBureauRefusesIt() {
		Case loan = listedLoan();
		review.grantOnly(loan, "icbc", "10000000.00", true, "FIXED_ASSET");
		review.acceptOnly(loan, "icbc");

		Task financeReview = review.task(loan, "Task_FinanceInterestReview");
		assertThatThrownBy(() -> review.complete(financeReview,
				Map.of("decision", "APPROVE", "opinion", "同意。", "interestSubsidyAmount", 9_999_999.0)))
			.hasMessageContaining("「interestSubsidyAmount」不是本任务表单的填写项");
		// The form's read-only amount, as Tasklist sends it back, is dropped.
		review.complete(financeReview, Map.of("decision", "REFUSE", "opinion", "该笔贷款未纳入人民银行设备更新再贷款报销范围，不符合中央财政贴息条件。",
				"interestSubsidy", "9,999,999.00"));
		review.runJobs(loan);

		assertThat(loan.process()).hasPassed("EndEvent_LoanGranted").isEnded();
		assertThat(review.outcomes(loan).interestSubsidyAmount()).isZero();
		assertThat(review.outcomes(loan).grantedAmount()).isEqualByComparingTo("10000000.00");
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(review.allDecisions(loan)).containsExactly(DecisionType.LOAN_LISTED,
				DecisionType.INTEREST_SUBSIDY_REFUSED);
		// The refusal says what was computed, that the bureau refused it and why; its
		// opinion is labelled as the bureau's own conclusion. The rule gave an amount: it
		// is not named as the ground of the refusal.
		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_REFUSED).text()).contains("发放。经本机关审核，现决定如下：")
			.doesNotContain("根据放款日适用的国家设备更新贷款财政贴息政策，现决定如下")
			.contains("测算，该笔贷款的财政贴息为人民币300,000.00元；经本机关审核，不予贴息，理由是：该笔贷款未纳入人民银行设备更新再贷款报销范围")
			.contains("：不予贴息。该笔贷款未纳入")
			.doesNotContain("9,999,999.00");
		assertThat(review.issued(loan, DecisionType.LOAN_LISTED).text()).doesNotContain("再贷款报销范围");
	}

	@Test
	void shouldNotCapTheInterestSubsidyWhereTheNoticesSetNoCap() {
		Case loan = review.submitLoan(review.newRegisteredProject(7, "100000000.00"));
		review.passCountyReview(loan);
		review.passCityReview(loan);
		review.decide(loan, "Task_PbocListing", "APPROVE");

		review.grant(loan, "80000000.00", true);

		assertThat(loan.process()).hasPassed("EndEvent_LoanGranted").isEnded();
		// 80 000 000 × 1.5% × 2 = 2 400 000: the national notices set no cap per loan
		assertThat(review.outcomes(loan).interestSubsidyAmount()).isEqualByComparingTo("2400000.00");
		assertThat(review.outcomes(loan).interestSubsidyCap()).isNull();
	}

	@Test
	void shouldNotAcceptAGrantWithoutTheLoansAmountTermAndDate() {
		Case loan = listedLoan();

		assertThatThrownBy(() -> review.complete(review.task(loan, "Task_BankDecision"),
				Map.of("decision", "GRANTED", "opinion", ReviewFixture.opinionFor("GRANTED"))))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("「放贷金额（元）」为必填项")
			.hasMessageContaining("「期限（月）」为必填项")
			.hasMessageContaining("「放款日期」为必填项");

		assertThat(loan.process()).isWaitingAt("Task_BankDecision");
	}

	@Test
	void shouldTellTheEnterpriseWhenTheBankDeclinesWithoutAnAdministrativeRefusal() {
		Case loan = listedLoan();

		review.decide(loan, "Task_BankDecision", "DECLINED");

		assertThat(loan.process()).hasPassedInOrder("Gateway_AnyGranted", "Task_IssueRefusal", "EndEvent_Refused")
			.hasNotPassed("Task_ComputeInterestSubsidy")
			.isEnded();
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(loan)).isEqualTo(DecisionType.LOAN_DECLINED);
		review.assertEveryCompletedReviewLeftAnOpinion(loan);
	}

	@Test
	void shouldRefuseTheLoanWhenThePbocBranchDoesNotListIt() {
		Case loan = cityApprovedLoan();
		assertThat(loan.process()).isWaitingAtExactly("Task_PbocListing");
		assertThat(loan.process()).task().hasCandidateGroup("city-pboc");

		review.decide(loan, "Task_PbocListing", "REFUSE");

		assertThat(loan.process()).hasPassedInOrder("Gateway_Listed", "Task_IssueRefusal", "EndEvent_Refused")
			.hasNotPassed("Task_BankDecision")
			.isEnded();
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(loan)).isEqualTo(DecisionType.LOAN_REFUSED);
		assertThat(review.issued(loan, DecisionType.LOAN_REFUSED).text()).contains("不予将该项目列入设备更新和技术改造贷款支持项目清单");
		review.assertEveryCompletedReviewLeftAnOpinion(loan);
	}

	@Test
	void shouldRefuseALoanTheCountyDoesNotRecommend() {
		Case loan = review.submitLoan(review.registeredProject(7));

		review.decide(loan, "Task_CountyFormalReview", "REFUSE");

		assertThat(loan.process())
			.hasPassedInOrder("Gateway_CountyRecommended", "Task_IssueRefusal", "EndEvent_Refused")
			.hasNotPassed("CallActivity_JointReview")
			.isEnded();
		assertThat(review.decision(loan)).isEqualTo(DecisionType.LOAN_NOT_RECOMMENDED);
	}

	@Test
	void shouldRefuseALoanTheCityDoesNotApprove() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.passCountyReview(loan);
		review.passJointReview(loan);

		review.decide(loan, "Task_IndustryDecision", "REFUSE");

		assertThat(loan.process()).hasPassedInOrder("Gateway_CityApproved", "Task_IssueRefusal", "EndEvent_Refused")
			.hasNotPassed("Task_PbocListing")
			.isEnded();
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.REFUSED);
		assertThat(review.decision(loan)).isEqualTo(DecisionType.LOAN_NOT_PUSHED);
		// The lead bureau does not list: it does not push the project to the central-bank
		// branch, which does; the title says the same as the text.
		assertThat(review.issued(loan, DecisionType.LOAN_NOT_PUSHED).text()).contains("号不予推送列入贷款支持项目清单决定书")
			.contains("该项目未通过市级审查，不予推送人民银行聊城市分行列入设备更新和技术改造贷款支持项目清单")
			.doesNotContain("不予将该项目列入", "不予列入贷款支持项目清单决定书");
	}

	private CaseStanding.Stage interestStep(Case loan) {
		return review.standing(loan)
			.timeline()
			.stream()
			.filter(stage -> stage.name().equals("市财政局核定贷款贴息"))
			.findFirst()
			.orElseThrow();
	}

	private Case cityApprovedLoan() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.passCountyReview(loan);
		review.passCityReview(loan);
		return loan;
	}

	private Case listedLoan() {
		Case loan = cityApprovedLoan();
		review.decide(loan, "Task_PbocListing", "APPROVE");
		return loan;
	}

}
