package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EngineDoors;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A loan asked of up to three banks: the central-bank branch pushes the listing to each,
 * each decides on its own, the enterprise accepts at most one grant, and the reviews
 * still open close when it does.
 */
@WebIntegrationTest
class MultiBankLoanTest extends ReviewProcessTest {

	private static final String ICBC = "中国工商银行聊城分行";

	private static final String ABC = "中国农业银行聊城分行";

	private static final String LCRCB = "山东聊城农村商业银行";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ApplicationContext context;

	@Autowired
	MultiBankLoanTest(ApplicationContext context) {
		super(context);
		this.context = context;
		this.tasks = context.getBean(TaskService.class);
		this.runtime = context.getBean(RuntimeService.class);
	}

	@Test
	void shouldPushTheListingToEachChosenBankAndCloseTheOthersWhenTheEnterpriseAcceptsAGrant() {
		Case loan = review.listedLoan("icbc", "abc", "lcrcb");
		assertThat(review.candidateGroups(loan, "Task_BankDecision")).containsExactlyInAnyOrder("bank-icbc", "bank-abc",
				"bank-lcrcb");
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.BANK_REVIEW);

		review.decline(loan, "abc");
		assertThat(review.listLine(loan).stageLabel()).as("nothing to accept yet").isEqualTo("银行审贷中");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		assertThat(review.candidateGroups(loan, "Task_BankDecision")).containsExactly("bank-lcrcb");
		assertThat(loan.process()).isWaitingAt("Task_BankDecision");
		assertThat(review.listLine(loan)).as("the list asks the enterprise to accept the grant")
			.extracting(a -> a.stageLabel(), a -> a.badge(), a -> a.grantToAccept())
			.containsExactly("待确认贷款", "badge-action", true);

		review.accept(loan, "icbc");
		assertThat(review.listLine(loan)).extracting(a -> a.stageLabel(), a -> a.badge())
			.containsExactly("已批准", "badge-approved");

		assertThat(review.tasks(loan, "Task_BankDecision")).as("the bank review still open").isEmpty();
		assertThat(loan.process())
			.hasPassed("BoundaryEvent_LoanOfferAccepted", "Task_ComputeInterestSubsidy", "EndEvent_LoanGranted")
			.hasNotPassed("Task_SummariseBankDecisions")
			.isEnded();
		assertThat(review.loanOffers(loan)).extracting(LoanOffer::bankKey, LoanOffer::decision, LoanOffer::accepted)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("abc", LoanOffer.Decision.DECLINED, false),
					org.assertj.core.groups.Tuple.tuple("icbc", LoanOffer.Decision.GRANTED, true),
					org.assertj.core.groups.Tuple.tuple("lcrcb", LoanOffer.Decision.CLOSED, false));
		assertThat(review.outcomes(loan).grantedBankKey()).isEqualTo("icbc");
		assertThat(review.outcomes(loan).grantedAmount()).isEqualByComparingTo("5000000.00");
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.APPROVED);
		String listing = review.issued(loan, DecisionType.LOAN_LISTED).text();
		// The lender receives the notice: it tells of the lender's grant and the
		// enterprise taking it, not of the other banks' decisions (the enterprise's case
		// page does).
		assertThat(listing).contains(ICBC + "经依法自主审贷，批准发放固定资产贷款", "首笔放款日为2026年3月16日")
			.contains("该项目推送银行后，" + ICBC + "同意放贷", "接受" + ICBC + "的贷款")
			.doesNotContain(ABC, LCRCB)
			// The listing's body tells the interest subsidy follows; the finance bureau's
			// notice states it.
			.doesNotContain("财政贴息：");
		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_GRANTED).text()).contains("财政贴息：不超过人民币");
	}

	/**
	 * Once the last bank has decided, its decisions are summed up in an asynchronous step
	 * before the review waits for the acceptance: an enterprise that accepts in between
	 * is asked to try again shortly (nothing is recorded), not given a system error, and
	 * its acceptance afterwards goes through.
	 */
	@Test
	void shouldAskTheEnterpriseToWaitWhileTheLastBanksDecisionIsSummedUp() {
		Case loan = review.listedLoan("icbc");
		review.grantBeforeJobs(loan, "icbc", "5000000.00", true, "FIXED_ASSET", ReviewFixture.GRANT_DATE);
		assertThat(loan.process()).isWaitingAt("Task_SummariseBankDecisions");

		assertThatThrownBy(() -> review.acceptOnly(loan, "icbc")).isInstanceOf(ApplicationStateException.class)
			.hasMessageContaining("正在汇总");
		assertThat(review.loanOffers(loan)).noneMatch(LoanOffer::accepted);
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.BANK_REVIEW);

		review.runJobs(loan);
		assertThat(loan.process()).isWaitingAt("IntermediateCatchEvent_LoanOfferAccepted");
		review.accept(loan, "icbc");
		assertThat(review.loanOffers(loan)).filteredOn(LoanOffer::accepted)
			.extracting(LoanOffer::bankKey)
			.containsExactly("icbc");
		assertThat(loan.process()).hasPassed("EndEvent_LoanGranted").isEnded();
	}

	/**
	 * Accepted, and the listing notice and the interest subsidy's computation not yet run
	 * (or failing): the case is past the acceptance, and the page offers no other bank's
	 * grant to accept.
	 */
	@Test
	void shouldNotAskForAnAcceptanceOnceAGrantIsAccepted() {
		Case loan = review.listedLoan("icbc", "abc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		review.grantOnly(loan, "abc", "4000000.00", true, "FIXED_ASSET");
		String before = enterprisePage(loan);
		assertThat(before).contains(">接受该行贷款</button>", "请选择一家接受贷款");
		assertThat(review.standing(loan).currentStep()).isEqualTo("企业确认接受贷款");

		review.acceptedJustNow(loan, "abc");

		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.BANK_REVIEW);
		assertThat(review.standing(loan)).satisfies(s -> {
			assertThat(s.currentStep()).isEqualTo("市财政局核定贷款贴息");
			assertThat(s.handlingBodies()).singleElement().asString().contains("审批系统");
		});
		assertThat(enterprisePage(loan)).contains("已接受").doesNotContain(">接受该行贷款</button>", "请选择一家接受贷款", "选择接受一家银行的贷款");
		review.runJobs(loan);
		assertThat(review.standing(loan).handlingBodies()).singleElement().asString().isEqualTo("聊城市财政局");
	}

	private String enterprisePage(Case c) {
		return new WebClient(context.getEnvironment().getProperty("local.server.port", Integer.class))
			.withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/enterprise/applications/" + c.id())
			.body();
	}

	@Test
	void shouldAcceptOneGrantOnly() {
		Case loan = review.listedLoan("icbc", "abc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		review.grantOnly(loan, "abc", "4000000.00", true, "FIXED_ASSET");
		assertThat(loan.process()).isWaitingAt("IntermediateCatchEvent_LoanOfferAccepted");

		review.accept(loan, "abc");
		review.acceptOnly(loan, "abc"); // a re-sent acceptance of the same grant answers
										// alike and records nothing new

		assertThatThrownBy(() -> review.accept(loan, "icbc")).isInstanceOf(ApplicationStateException.class)
			.hasMessageContaining("不能接受");
		assertThat(review.loanOffers(loan)).filteredOn(LoanOffer::accepted)
			.extracting(LoanOffer::bankKey)
			.containsExactly("abc");
		assertThat(review.outcomes(loan).grantedBankKey()).isEqualTo("abc");
		assertThat(review.outcomes(loan).grantedAmount()).isEqualByComparingTo("4000000.00");
		assertThat(loan.process()).hasPassed("EndEvent_LoanGranted").isEnded();
	}

	@Test
	void shouldNotLetAReviewerAcceptAGrantForTheEnterpriseThroughTheEngine() {
		Case loan = review.listedLoan("icbc", "abc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		review.grantOnly(loan, "abc", "4000000.00", true, "FIXED_ASSET");
		assertThat(loan.process()).isWaitingAt("IntermediateCatchEvent_LoanOfferAccepted");
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));

		for (String user : List.of(DemoUsers.BANK_OFFICER, DemoUsers.CITY_REVIEWER, DemoUsers.COUNTY_REVIEWER)) {
			for (EngineDoors.Door door : EngineDoors.Door.values()) {
				for (String body : List.of(
						"{\"messageName\":\"LoanOfferAccepted\",\"processInstanceId\":\"" + loan.process().getId()
								+ "\"}",
						"{\"messageName\":\"LoanOfferAccepted\",\"businessKey\":\"" + loan.key()
								+ "\",\"all\":true}")) {
					HttpResponse<String> answer = EngineDoors.caller(port, door, user)
						.send("POST", door.root + "/message", body);
					assertThat(answer.statusCode()).as("%s %s %s → %s", user, door, body, answer.body()).isEqualTo(403);
				}
			}
		}
		assertThat(loan.process()).as("still waiting for the enterprise")
			.isWaitingAt("IntermediateCatchEvent_LoanOfferAccepted");
		assertThat(review.loanOffers(loan)).noneMatch(LoanOffer::accepted);
	}

	/**
	 * The banks' reviews run side by side in one process instance, and the engine lets
	 * whoever may read one of its tasks read every variable of the instance from its
	 * history: the bank still deciding must not learn a competitor's terms that way, nor
	 * count the city's cases and incidents.
	 */
	@Test
	void shouldNotLetABankStillDecidingReadAnotherBanksTermsOrCityWideFigures() {
		Case loan = review.listedLoan("icbc", "abc");
		review.grantOnly(loan, "abc", "4321000.00", true, "FIXED_ASSET");
		assertThat(review.candidateGroups(loan, "Task_BankDecision")).containsExactly("bank-icbc");
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		String instance = loan.process().getId();
		String filter = context.getBean(FilterService.class).createTaskFilterQuery().list().get(0).getId();
		List<String[]> requests = List.of(
				new String[] { "GET", "/history/variable-instance?processInstanceId=" + instance },
				new String[] { "GET", "/history/variable-instance/count?processInstanceId=" + instance },
				new String[] { "GET", "/history/variable-instance?variableName=grantedAmount" },
				new String[] { "POST", "/history/variable-instance", "{\"processInstanceId\":\"" + instance + "\"}" },
				new String[] { "GET", "/history/detail?processInstanceId=" + instance + "&variableUpdates=true" },
				new String[] { "GET", "/history/detail/count?processInstanceId=" + instance },
				new String[] { "POST", "/history/detail", "{\"processInstanceId\":\"" + instance + "\"}" },
				new String[] { "GET",
						"/history/task?processInstanceId=" + instance
								+ "&taskDefinitionKey=Task_BankDecision&processVariables=grantedAmount_gt_4000000" },
				new String[] { "POST", "/history/task", "{\"processInstanceId\":\"" + instance
						+ "\",\"processVariables\":[{\"name\":\"grantedAmount\",\"operator\":\"gt\",\"value\":4000000}]}" },
				new String[] { "POST", "/history/task",
						"{\"orQueries\":[{\"processVariables\":[{\"name\":\"interestRate\",\"operator\":\"lt\",\"value\":5}]}]}" },
				// Open tasks searched by variables of the whole instance (a sibling
				// bank's execution's included), directly, in or-queries and in a filter
				// run.
				new String[] { "GET", "/task?processVariables=grantedAmount_gt_4000000" },
				new String[] { "POST", "/task",
						"{\"processVariables\":[{\"name\":\"grantedAmount\",\"operator\":\"gt\",\"value\":4000000}]}" },
				new String[] { "POST", "/task/count",
						"{\"processVariables\":[{\"name\":\"grantedAmount\",\"operator\":\"gt\",\"value\":4000000}]}" },
				new String[] { "POST", "/task",
						"{\"orQueries\":[{\"processVariables\":[{\"name\":\"interestRate\",\"operator\":\"lt\",\"value\":5}]}]}" },
				new String[] { "POST", "/filter/" + filter + "/count",
						"{\"processVariables\":[{\"name\":\"grantedAmount\",\"operator\":\"gt\",\"value\":4000000}]}" },
				new String[] { "GET", "/process-definition/statistics?failedJobs=true&incidents=true" },
				new String[] { "GET", "/process-definition/key/loan-application/statistics" },
				new String[] { "GET", "/process-definition?incidentMessageLike=%25a%25" },
				new String[] { "GET", "/metrics/root-process-instance-start/sum" },
				// How many people worked tasks in a period, and the history cleanup
				// jobs: Camunda checks nothing on either.
				new String[] { "GET", "/metrics/task-users/sum?startDate=2020-01-01T00:00:00.000%2B0800" },
				new String[] { "GET", "/metrics/unique-task-workers/sum" },
				new String[] { "GET", "/history/cleanup/jobs" }, new String[] { "GET", "/history/cleanup/job" });
		for (EngineDoors.Door door : EngineDoors.Door.values()) {
			for (String user : List.of(DemoUsers.BANK_OFFICER, DemoUsers.CITY_REVIEWER)) {
				for (String[] request : requests) {
					HttpResponse<String> answer = EngineDoors.caller(port, door, user)
						.send(request[0], door.root + request[1], request.length > 2 ? request[2] : null);
					assertThat(answer.statusCode()).as("%s %s %s → %s", user, door, request[1], answer.body())
						.isEqualTo(403);
					assertThat(answer.body()).doesNotContain("4321000");
					if (request[1].startsWith("/task") || request[1].startsWith("/filter")) {
						assertThat(answer.body()).as("refused for the variables, not the filter").contains("按流程变量筛选任务");
					}
				}
			}
			// Administrators keep Cockpit's view.
			HttpResponse<String> admin = EngineDoors.caller(port, door, DemoUsers.ADMIN)
				.send("GET", door.root + "/history/variable-instance?processInstanceId=" + instance, null);
			assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
			assertThat(admin.body()).contains("4321000");
		}
		// A search by the task's own variables is still answered.
		HttpResponse<String> ownVariables = EngineDoors
			.caller(port, EngineDoors.Door.values()[0], DemoUsers.BANK_OFFICER)
			.send("GET", EngineDoors.Door.values()[0].root + "/task/count?taskVariables=decision_eq_GRANTED", null);
		assertThat(ownVariables.statusCode()).as(ownVariables.body()).isEqualTo(200);
		// What icbc's own task shows it is unchanged: its own form, not abc's terms.
		String task = review.tasks(loan, "Task_BankDecision").get(0).getId();
		HttpResponse<String> own = EngineDoors.caller(port, EngineDoors.Door.values()[0], DemoUsers.BANK_OFFICER)
			.send("GET", EngineDoors.Door.values()[0].root + "/task/" + task + "/form-variables", null);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(own.body()).doesNotContain("4321000");
	}

	/**
	 * A bank reads the dossier of a loan pushed to it; once another bank's grant is
	 * accepted, the page and its document doors show it neither the lender's terms and
	 * opinion nor the listing, interest and payment documents, which the lender sees.
	 */
	@Test
	void shouldShowABankThatDidNotLendNeitherTheLendersTermsNorItsDocuments() {
		Case loan = review.listedLoan("icbc", "abc");
		review.decline(loan, "icbc");
		review.grantOnly(loan, "abc", "4321000.00", true, "FIXED_ASSET");
		review.accept(loan, "abc");
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		String dossier = "/review/applications/" + loan.id();
		List<Long> documents = review.allDecisionIds(loan);
		assertThat(documents).hasSize(2);

		WebClient icbc = new WebClient(port).withBasic(DemoUsers.BANK_OFFICER, DemoUsers.PASSWORD);
		HttpResponse<String> page = icbc.get(dossier);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(ReviewFixture.opinionFor("DECLINED"))
			.doesNotContain("4321000", "4,321,000", ReviewFixture.opinionFor("GRANTED"), "id=\"decisions\"",
					"贷款贴息确认通知书", "银行审贷结果", "<dt>财政贴息</dt>", "中国农业银行聊城分行「", "接受中国农业银行聊城分行");
		for (long id : documents) {
			assertThat(icbc.get(dossier + "/decisions/" + id).statusCode()).as("document %s", id).isEqualTo(404);
		}
		// Of the banks the enterprise chose, a bank is told of itself: not of its
		// competitors, on the page or in the printed dossier.
		assertThat(page.body()).contains("<dt>意向银行</dt><dd>" + ICBC + "</dd>").doesNotContain(ABC);
		assertThat(pdfText(icbc.getBytes(dossier + "/dossier.pdf").body())).contains("意向银行" + ICBC).doesNotContain(ABC);
		assertThat(pdfText(
				new WebClient(port).withBasic("lc-pboc", DemoUsers.PASSWORD).getBytes(dossier + "/dossier.pdf").body()))
			.as("a city body reads every bank chosen")
			.contains("意向银行" + ICBC + "、" + ABC);
		// Nor the co-reviewing city bodies' review of the enterprise, only the steps that
		// put the loan before the bank.
		assertThat(page.body()).doesNotContain("聊城市生态环境局「", "聊城市发展和改革委员会「").contains("聊城市工业和信息化局「", "中国人民银行聊城市分行「");

		WebClient abc = new WebClient(port).withBasic("abc-officer", DemoUsers.PASSWORD);
		assertThat(abc.get(dossier).body())
			.contains("放贷 4,321,000.00 元", ReviewFixture.opinionFor("GRANTED"), "入选通知书", "贷款贴息确认通知书")
			.doesNotContain(ReviewFixture.opinionFor("DECLINED"));
		for (long id : documents) {
			assertThat(abc.get(dossier + "/decisions/" + id).statusCode()).as("document %s", id).isEqualTo(200);
		}
		// Nor do the documents the lender receives tell of the other bank's decision or
		// the co-reviewing bodies' opinions; they name every body of the joint review.
		for (DecisionType type : List.of(DecisionType.LOAN_LISTED, DecisionType.INTEREST_SUBSIDY_GRANTED)) {
			assertThat(review.issued(loan, type).text()).as("%s", type)
				.contains("中国农业银行聊城分行", "聊城市工业和信息化局", "中国人民银行聊城市分行")
				.doesNotContain("中国工商银行", ReviewFixture.opinionFor("DECLINED"), "聊城市生态环境局（", "聊城市发展和改革委员会（");
		}
		assertThat(review.issued(loan, DecisionType.LOAN_LISTED).text())
			.contains("聊城市发展和改革委员会、聊城市生态环境局、中国人民银行聊城市分行、国家金融监督管理总局聊城监管分局联合审查");
		assertThat(icbc.get(dossier).body()).doesNotContain("入选通知书");
		// A city body that reviewed the case still reads it whole.
		WebClient city = new WebClient(port).withBasic("lc-pboc", DemoUsers.PASSWORD);
		assertThat(city.get(dossier).body()).contains("放贷 4,321,000.00 元", ReviewFixture.opinionFor("DECLINED"),
				ReviewFixture.opinionFor("GRANTED"), "入选通知书", "聊城市生态环境局「");
	}

	private static String pdfText(byte[] pdf) {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void shouldNotLetAnotherEnterpriseOrAnUndecidedBankBeAccepted() {
		Case loan = review.listedLoan("icbc", "abc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");

		assertThatThrownBy(() -> review.acceptAsAnotherEnterprise(loan, "icbc"))
			.isInstanceOf(ApplicationNotFoundException.class);
		assertThatThrownBy(() -> review.accept(loan, "abc")).isInstanceOf(ApplicationStateException.class)
			.hasMessageContaining("尚未同意放贷");
		assertThatThrownBy(() -> review.accept(loan, "boc")).isInstanceOf(ApplicationStateException.class);
		assertThat(review.loanOffers(loan)).noneMatch(LoanOffer::accepted);
		assertThat(review.candidateGroups(loan, "Task_BankDecision")).containsExactly("bank-abc");
	}

	@Test
	void shouldTellTheEnterpriseOfEveryBanksDeclineWhenNoneGrants() {
		Case loan = review.listedLoan("icbc", "abc");

		review.decline(loan, "icbc");
		review.decline(loan, "abc");

		assertThat(loan.process())
			.hasPassedInOrder("Task_SummariseBankDecisions", "Gateway_AnyGranted", "Task_IssueRefusal",
					"EndEvent_Refused")
			.isEnded();
		ReviewFixture.Issued notice = review.issued(loan, DecisionType.LOAN_DECLINED);
		// Neither bank lent: they are the banks the enterprise named.
		assertThat(notice.text()).contains("意向银行：" + ICBC + "、" + ABC).doesNotContain("贷款银行：");
		assertThat(notice.text()).contains("推送至" + ICBC + "、" + ABC)
			.contains("上述银行经依法自主审贷，均决定不予发放该笔贷款")
			.contains(ICBC + "：" + ReviewFixture.opinionFor("DECLINED"))
			.contains(ABC + "：" + ReviewFixture.opinionFor("DECLINED"))
			.doesNotContain("申请行政复议");
	}

	@Test
	void shouldNotTakeAGrantDatedAfterToday() {
		Case loan = review.listedLoan("icbc");
		String tomorrow = ChinaTime.today().plusDays(1).toString();

		assertThatThrownBy(() -> review.complete(review.bankTask(loan, "icbc"),
				Map.of("decision", "GRANTED", "opinion", ReviewFixture.opinionFor("GRANTED"), "grantedAmount",
						5000000.0, "interestRate", 3.1, "termMonths", 36, "grantDate", tomorrow, "loanType",
						"FIXED_ASSET")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("放款日期不能晚于今天");
		assertThat(review.loanOffers(loan)).isEmpty();
	}

	/**
	 * The bank-decision form takes a rate to four decimals (3.0625 %); the signed listing
	 * notice states the rate the bank reported, not one rounded to three.
	 */
	@Test
	void shouldStateTheRateTheBankReportedToEveryDigitTheFormTakes() {
		Case loan = review.listedLoan("icbc");
		review.complete(review.bankTask(loan, "icbc"),
				Map.of("decision", "GRANTED", "opinion", ReviewFixture.opinionFor("GRANTED"), "grantedAmount",
						5000000.0, "interestRate", 3.0625, "termMonths", 36, "grantDate",
						ReviewFixture.GRANT_DATE.toString(), "loanType", "FIXED_ASSET", "usedRelending", true));
		review.runJobs(loan);
		review.accept(loan, "icbc");

		assertThat(review.issued(loan, DecisionType.LOAN_LISTED).text()).doesNotContain("年利率3.063%")
			.contains("年利率3.0625%");
		assertThat(review.outcomes(loan).grantedRate()).isEqualByComparingTo("3.0625");
	}

	/**
	 * A rate the record cannot hold as reported (a fifth decimal) or no rate at all
	 * (negative, above 100 %) is refused, not rounded: by the form's own rules, and by
	 * the bank's decision should an edited form allow more.
	 */
	@Test
	void shouldRefuseARateTheRecordCannotHoldAsReported() {
		Case loan = review.listedLoan("icbc");
		for (double rate : new double[] { 3.06251, -0.5, 100.5 }) {
			assertThatThrownBy(() -> review.complete(review.bankTask(loan, "icbc"),
					Map.of("decision", "GRANTED", "opinion", ReviewFixture.opinionFor("GRANTED"), "grantedAmount",
							5000000.0, "interestRate", rate, "termMonths", 36, "grantDate",
							ReviewFixture.GRANT_DATE.toString(), "loanType", "FIXED_ASSET")))
				.as("rate %s", rate)
				.isInstanceOf(ProcessEngineException.class)
				.hasMessageMatching("(?s).*年利率.*(最多保留 4 位小数|不能小于 0|不能大于 100).*");
		}
		assertThat(review.loanOffers(loan)).isEmpty();
	}

	/**
	 * The interest subsidy counts whole months of the term and the decisions state the
	 * amount: a term or an amount the record cannot hold as reported is refused, not
	 * truncated or rounded.
	 */
	@Test
	void shouldRefuseATermOrAnAmountTheRecordCannotHoldAsReported() {
		Case loan = review.listedLoan("icbc");
		for (Object[] grant : new Object[][] { { 5000000.0, 24.5 }, { 5000000.005, 36 } }) {
			assertThatThrownBy(() -> review.complete(review.bankTask(loan, "icbc"),
					Map.of("decision", "GRANTED", "opinion", ReviewFixture.opinionFor("GRANTED"), "grantedAmount",
							grant[0], "interestRate", 3.1, "termMonths", grant[1], "grantDate",
							ReviewFixture.GRANT_DATE.toString(), "loanType", "FIXED_ASSET")))
				.as("amount %s, term %s", grant[0], grant[1])
				.isInstanceOf(ProcessEngineException.class);
		}
		assertThat(review.loanOffers(loan)).isEmpty();
	}

	/**
	 * The national interest subsidy is on the principal of loans for the equipment
	 * renewal project, and an application may not ask more than the project's total
	 * investment: a grant above it (the fixture's project invests 12,000,000 yuan) would
	 * have the central subsidy computed and paid on principal the project cannot use.
	 */
	@Test
	void shouldRefuseAGrantAboveTheProjectsTotalInvestment() {
		Case loan = review.listedLoan("icbc");

		assertThatThrownBy(() -> review.grantOnly(loan, "icbc", "12000000.01", true, "FIXED_ASSET"))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("12,000,000.00");
		assertThat(review.loanOffers(loan)).isEmpty();
	}

	@Test
	void shouldNotLetALocalBankReportReLendingFunds() {
		Case loan = review.listedLoan("lcrcb");

		assertThatThrownBy(() -> review.grantOnly(loan, "lcrcb", "3000000.00", true, "FIXED_ASSET"))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("本行不是科技创新和技术改造再贷款发放机构");
		assertThat(review.loanOffers(loan)).isEmpty();
	}

	@Test
	void shouldRecordAnEscalatedTaskUnderItsBodyNeverItsLeadGroup() {
		Case loan = review.listedLoan("icbc", "abc");
		for (String bank : List.of("icbc", "abc")) {
			review.escalate(review.bankTask(loan, bank), "bank-" + bank);
		}
		// The case page names the banks, whichever candidate group the engine lists
		// first.
		assertThat(review.standing(loan).handlingBodies()).containsExactlyInAnyOrder(ICBC, ABC);
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		review.decline(loan, "abc");

		assertThat(review.loanOffers(loan)).extracting(LoanOffer::bankKey).containsExactlyInAnyOrder("icbc", "abc");
		assertThat(review.opinionBodies(loan)).filteredOn(s -> s.startsWith("Task_BankDecision:"))
			.containsExactlyInAnyOrder("Task_BankDecision:bank-icbc", "Task_BankDecision:bank-abc");
		assertThat(review.opinionBodies(loan)).noneMatch(s -> s.endsWith("-lead"));
	}

	/**
	 * A bank reads its step through Tasklist's form and the engine's API; nothing there
	 * names the other banks the loan was pushed to, as the dossier page names none. The
	 * central bank's listing step, which pushes the loan to them, names them all.
	 */
	@Test
	void shouldNotTellABankWhichOtherBanksTheLoanWasPushedTo() {
		DossierForm form = Dossiers.loan(review.registeredProject(7));
		form.setBankKeys(new java.util.ArrayList<>(List.of("icbc", "abc")));
		Case loan = review.submitLoan(form);
		review.passCountyReview(loan);
		review.passCityReview(loan);
		Task listing = review.tasks(loan, "Task_PbocListing").get(0);
		assertThat(tasks.getVariables(listing.getId())).containsEntry(ReviewProcesses.BANK_NAMES, ICBC + "、" + ABC);
		review.decide(loan, "Task_PbocListing", "APPROVE");
		assertThat(review.candidateGroups(loan, "Task_BankDecision")).containsExactlyInAnyOrder("bank-icbc",
				"bank-abc");
		assertThat(runtime.getVariables(loan.process().getId())).as("the case's own variables")
			.doesNotContainKeys(ReviewProcesses.BANK_KEYS, ReviewProcesses.BANK_NAMES);

		String icbc = review.bankTask(loan, "icbc").getId();
		// The engine keeps its counters, for the product's own work.
		assertThat(tasks.getVariables(icbc)).containsEntry("nrOfInstances", 2);
		int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		for (EngineDoors.Door door : EngineDoors.Door.values()) {
			EngineDoors.Caller officer = EngineDoors.caller(port, door, DemoUsers.BANK_OFFICER);
			for (String path : List.of("/task/" + icbc + "/variables", "/task/" + icbc + "/form-variables",
					"/task/" + icbc + "/variables/" + ReviewProcesses.BANK_NAMES,
					"/task/" + icbc + "/variables/" + ReviewProcesses.BANK_KEYS,
					"/process-instance/" + loan.process().getId() + "/variables",
					"/variable-instance?processInstanceIdIn=" + loan.process().getId())) {
				HttpResponse<String> answer = officer.send("GET", door.root + path, null);
				assertThat(answer.body()).as("%s %s → %s", door, path, answer.statusCode())
					.doesNotContain(ABC, "bank-abc", "icbc,abc", "\"abc\"")
					// Nor how many banks it competes with, nor when they decide.
					.doesNotContain("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
			}
			for (String counter : List.of("nrOfInstances", "nrOfCompletedInstances", "loopCounter")) {
				HttpResponse<String> asked = officer.send("GET", door.root + "/task/" + icbc + "/variables/" + counter,
						null);
				assertThat(asked.statusCode()).as("%s %s → %s", door, counter, asked.body()).isEqualTo(404);
			}
			HttpResponse<String> own = officer.send("GET", door.root + "/task/" + icbc + "/form-variables", null);
			assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
			assertThat(own.body()).as("its own name, as its form shows it").contains(ICBC);
		}
	}

	@Test
	void shouldKeepEachBanksTermsFromTheCompetingBanks() {
		Case loan = review.listedLoan("icbc", "abc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");

		Task abc = review.bankTask(loan, "abc");
		// What abc's officer reads of its task: Tasklist's form and GET
		// /task/{id}/variables both come from here.
		assertThat(tasks.getVariables(abc.getId())).as("abc's own terms, still empty")
			.extractingByKeys(TERMS)
			.containsOnlyNulls();
		assertThat(runtime.getVariables(loan.process().getId())).as("nothing of icbc's grant left on the case")
			.doesNotContainKeys(TERMS);
		assertThat(review.loanOffers(loan)).singleElement()
			.satisfies(o -> assertThat(o.grant().amount()).isEqualByComparingTo("5000000.00"));
	}

	@Test
	void shouldNotFillOneBanksGrantWithWhatAnotherBankSent() {
		Case loan = review.listedLoan("lcrcb", "icbc");
		// A decline that also sends terms (the form shows the re-lending box either way).
		review.complete(review.bankTask(loan, "lcrcb"),
				Map.of("decision", "DECLINED", "opinion", ReviewFixture.opinionFor("DECLINED"), "usedRelending", true,
						"loanType", "TECH_INNOVATION", "interestRate", 2.5));
		review.runJobs(loan);

		Task icbc = review.bankTask(loan, "icbc");
		Map<String, Object> withoutType = Map.of("decision", "GRANTED", "opinion", ReviewFixture.opinionFor("GRANTED"),
				"grantedAmount", 5000000.0, "interestRate", 3.1, "termMonths", 36, "grantDate",
				ReviewFixture.GRANT_DATE.toString());
		assertThatThrownBy(() -> review.complete(icbc, withoutType)).as("lcrcb's loan type is not icbc's")
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("贷款品种");
		Map<String, Object> withType = new HashMap<>(withoutType);
		withType.put("loanType", "FIXED_ASSET");
		review.complete(icbc, withType);
		review.runJobs(loan);

		assertThat(review.loanOffers(loan)).filteredOn(o -> o.bankKey().equals("icbc")).singleElement().satisfies(o -> {
			assertThat(o.grant().usedRelending()).as("icbc did not tick re-lending").isFalse();
			assertThat(o.grant().rate()).isEqualByComparingTo("3.1");
		});
	}

	private static final String[] TERMS = List
		.of("grantedAmount", "interestRate", "termMonths", "grantDate", "loanType", "usedRelending")
		.toArray(String[]::new);

}
