package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.application.CaseReviews;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An objector gets a receipt number on the notice board and looks the objection's
 * handling up with it.
 */
@WebIntegrationTest
class ObjectionReceiptTest extends ReviewProcessTest {

	private static final Pattern RECEIPT = Pattern.compile("class=\"receipt\">(YY-[0-9A-Z]{4}-[0-9A-Z]{4})<");

	@LocalServerPort
	int port;

	private static final String PHONE = "13900003333";

	private static final String NOT_UPHELD = "经核查，所购设备为全新购置，异议不成立。";

	private static final String UPHELD = "经复核，所购设备确为翻新旧设备，异议成立。";

	private final TaskService tasks;

	private final TaskOperations operations;

	private final ApplicationContext context;

	@Autowired
	ObjectionReceiptTest(ApplicationContext context, TaskService tasks, TaskOperations operations) {
		super(context);
		this.context = context;
		this.tasks = tasks;
		this.operations = operations;
	}

	@Test
	void anObjectorGetsAReceiptAndFindsTheHandlingWithItAndTheirPhoneOnly() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		WebClient objector = new WebClient(port);
		String csrf = WebClient.csrfTokenOf(objector.get("/notices").body());

		HttpResponse<String> filed = objector.postForm("/notices/" + claim.id() + "/objections",
				"name=" + enc("回执测试人") + "&phone=13900001111&content=" + enc("所购设备与发票不符，请核查。") + "&_csrf=" + enc(csrf));
		assertThat(filed.statusCode()).isEqualTo(302);
		String board = objector.get("/notices").body();
		Matcher receipt = RECEIPT.matcher(board);
		assertThat(receipt.find()).as(board).isTrue();
		String number = receipt.group(1);

		String found = lookUp(objector, number.toLowerCase(), "139 0000 1111").body();
		assertThat(found).contains("id=\"objection-found\"").contains(number).contains("公示期满后由市工业和信息化局核查处理");
		assertThat(lookUp(new WebClient(port), number, "13900002222").body()).contains("没有找到该回执号的异议")
			.doesNotContain("objection-found");
		assertThat(lookUp(new WebClient(port), "YY-0000-0000", "13900001111").body()).contains("没有找到该回执号的异议");
		assertThat(lookUp(new WebClient(port), number, "").body()).doesNotContain("objection-found");

		HttpResponse<String> again = objector.postForm("/notices/" + claim.id() + "/objections",
				"name=" + enc("回执测试人") + "&phone=13900001111&content=" + enc("所购设备与发票不符，请核查。") + "&_csrf=" + enc(csrf));
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(objector.get("/notices").body()).contains("此前已经收到").contains(number);

		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_ResolveObjections", "APPROVE");

		assertThat(lookUp(new WebClient(port), number, "13900001111").body()).contains("已处理");
	}

	/**
	 * The receipt and the phone number read the handling, and the phone is the
	 * objector's: they are sent in the body of a POST, never in a URL. A link of the
	 * former lookup by URL finds the empty form and why, not the handling; the form's own
	 * POST needs the page's CSRF token like every form.
	 */
	@Test
	void theLookupIsAPostAndALinkWithTheReceiptAndPhoneRevealsNothing() {
		Case claim = onNoticeWithAnObjection();
		String receipt = fileObjection(claim);

		HttpResponse<String> link = new WebClient(port)
			.get("/notices/objections?receipt=" + receipt + "&phone=" + PHONE);
		assertThat(link.statusCode()).isEqualTo(200);
		assertThat(link.body()).as("a link reveals nothing")
			.doesNotContain("objection-found", "公示期满后由市工业和信息化局核查处理", "没有找到该回执号的异议")
			.contains("id=\"objection-lookup\"", "不再通过链接查询");
		HttpResponse<String> empty = new WebClient(port).get("/notices/objections");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body())
			.contains("id=\"objection-lookup\"", "<form method=\"post\" action=\"/notices/objections\"")
			.doesNotContain("objection-found", "没有找到该回执号的异议", "不再通过链接查询");

		HttpResponse<String> posted = lookUp(new WebClient(port), receipt, PHONE);
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("id=\"objection-found\"", receipt, "公示期满后由市工业和信息化局核查处理");
		assertThat(lookUp(new WebClient(port), receipt, "13900002222").body()).contains("没有找到该回执号的异议")
			.doesNotContain("objection-found");
		assertThat(new WebClient(port).postForm("/notices/objections", "receipt=" + receipt + "&phone=" + PHONE).body())
			.as("without the page's token")
			.doesNotContain("objection-found");
	}

	/**
	 * The city finance bureau sends the case back to the objection check, which now
	 * upholds the objection: the objector and the dossier read the ruling that stands,
	 * and the first one stays in the opinions, marked as no longer standing.
	 */
	@Test
	void aRulingAfterTheCaseCameBackToTheObjectionCheckIsTheOneTheObjectorReads() {
		Case claim = onNoticeWithAnObjection();
		String receipt = fileObjection(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		rule(claim, "APPROVE", NOT_UPHELD);
		assertThat(lookUp(receipt)).contains(NOT_UPHELD);

		Task allocation = review.task(claim, "Task_FinanceAllocation");
		tasks.claim(allocation.getId(), "lc-finance");
		operations.returnToPrevious("lc-finance", allocation.getId(), "异议核查结论所依据的材料不全，请重新核查。");

		assertThat(lookUp(receipt)).as("while the check is done again")
			.doesNotContain(NOT_UPHELD)
			.doesNotContain("已处理");
		assertThat(tasks.getVariableLocal(review.task(claim, "Task_ResolveObjections").getId(),
				ReviewProcesses.OBJECTION_SUMMARY))
			.as("the check done again lists the objection open again")
			.asString()
			.contains("所购设备");
		assertThat(dossier(claim)).contains("待核查").doesNotContain("核查意见：" + NOT_UPHELD);

		rule(claim, "REFUSE", UPHELD);

		assertThat(review.issued(claim, DecisionType.SUBSIDY_REFUSED).text()).contains("认定异议成立");
		assertThat(lookUp(receipt)).contains("已处理").contains(UPHELD).doesNotContain(NOT_UPHELD);
		String dossier = dossier(claim);
		assertThat(dossier).contains("核查意见：" + UPHELD).doesNotContain("核查意见：" + NOT_UPHELD);
		assertThat(dossier.substring(dossier.indexOf("id=\"opinions\""))).as("both rulings stay in the opinions")
			.contains(NOT_UPHELD, UPHELD, "此意见不再作为结论");
	}

	/** The industry bureau takes its first ruling back and upholds the objection. */
	@Test
	void aWithdrawnRulingIsNoLongerTheOneTheObjectorReads() {
		Case claim = onNoticeWithAnObjection();
		String receipt = fileObjection(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		Task first = rule(claim, "APPROVE", NOT_UPHELD);

		operations.withdraw("lc-industry", first.getId(), "异议人补充了新的线索，需要重新核查。");
		rule(claim, "REFUSE", UPHELD);

		assertThat(lookUp(receipt)).contains("已处理").contains(UPHELD).doesNotContain(NOT_UPHELD);
		assertThat(dossier(claim)).contains("核查意见：" + UPHELD).doesNotContain("核查意见：" + NOT_UPHELD);
	}

	/**
	 * The check sends the case back to the expert review, which refuses: the case ends
	 * without a ruling on the objection, and its objector reads that, not that it waits
	 * for its check.
	 */
	@Test
	void anObjectionTheCaseEndedWithoutRulingOnIsShownClosedWithTheCase() {
		// Large enough for the expert review before the notice.
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("20000000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.decide(claim, "Task_ExpertReview", "APPROVE");
		String receipt = fileObjection(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		Task check = review.task(claim, "Task_ResolveObjections");
		tasks.claim(check.getId(), "lc-industry");
		operations.returnToPrevious("lc-industry", check.getId(), "异议涉及设备来源，请专家组复核。");
		review.decide(claim, "Task_ExpertReview", "REFUSE");

		assertThat(lookUp(receipt)).contains("已处理", "该申报的审查已终结（已出具《不予奖补决定书》），本异议未单独作出核查结论")
			.doesNotContain("公示期满后由市工业和信息化局核查处理");
	}

	/**
	 * The enterprise withdraws while an objection is open (its review cancelled): the
	 * objection is closed with the case.
	 */
	@Test
	void anObjectionOpenWhenTheReviewIsWithdrawnIsClosedWithIt() {
		Case claim = onNoticeWithAnObjection();
		String receipt = fileObjection(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");

		new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(
				status -> context.getBean(CaseReviews.class).cancel(claim.process().getId(), "申请人在补正期间撤回"));

		assertThat(lookUp(receipt)).contains("已处理", "该申报的审查已终结（申请人已撤回申报），本异议未单独作出核查结论");
	}

	private Case onNoticeWithAnObjection() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		return claim;
	}

	/** Files an objection on the board and returns its receipt number. */
	private String fileObjection(Case claim) {
		WebClient objector = new WebClient(port);
		String csrf = WebClient.csrfTokenOf(objector.get("/notices").body());
		HttpResponse<String> filed = objector.postForm("/notices/" + claim.id() + "/objections", "name=" + enc("复核测试人")
				+ "&phone=" + PHONE + "&content=" + enc("所购设备系翻新旧设备，请核查。") + "&_csrf=" + enc(csrf));
		assertThat(filed.statusCode()).isEqualTo(302);
		Matcher receipt = RECEIPT.matcher(objector.get("/notices").body());
		assertThat(receipt.find()).isTrue();
		return receipt.group(1);
	}

	/** The city industry bureau's reviewer claims the objection check and rules. */
	private Task rule(Case claim, String decision, String opinion) {
		Task task = review.task(claim, "Task_ResolveObjections");
		if (task.getAssignee() == null) {
			tasks.claim(task.getId(), "lc-industry");
		}
		review.complete(task, Map.of("decision", decision, "opinion", opinion));
		review.runJobs(claim);
		return task;
	}

	private String lookUp(String receipt) {
		String page = lookUp(new WebClient(port), receipt, PHONE).body();
		assertThat(page).contains("id=\"objection-found\"");
		return page;
	}

	/** Looks an objection up as the board's lookup form sends it. */
	private static HttpResponse<String> lookUp(WebClient client, String receipt, String phone) {
		String csrf = WebClient.csrfTokenOf(client.get("/notices").body());
		return client.postForm("/notices/objections",
				"receipt=" + enc(receipt) + "&phone=" + enc(phone) + "&_csrf=" + enc(csrf));
	}

	private String dossier(Case claim) {
		return new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD)
			.get("/review/applications/" + claim.id())
			.body();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
