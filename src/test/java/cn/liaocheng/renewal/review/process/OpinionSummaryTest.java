package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.notice.NoticeBoard;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 审核意见汇总表: a case's opinions, in order and with who gave them, its decisions, and who may
 * print it.
 */
@WebIntegrationTest
class OpinionSummaryTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskOperations operations;

	@Autowired
	NoticeBoard noticeBoard;

	@Autowired
	OpinionSummaryTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aDecidedCasePrintsEveryOpinionInOrderWithItsReviewerAndTheDecision() throws Exception {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN", "请补充上传加盖公章的营业执照副本");
		review.resubmit(project);
		review.passCountyReview(project);
		review.passCityReview(project);
		review.runJobs(project);
		ReviewFixture.Issued notice = review.issued(project, DecisionType.PROJECT_ACCEPTED);
		String referenceNo = review.referenceNo(project);

		HttpResponse<byte[]> sheet = download(DemoUsers.COUNTY_REVIEWER, project);
		assertThat(sheet.statusCode()).isEqualTo(200);
		assertThat(sheet.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(sheet.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		Files.createDirectories(Path.of("target/dossiers"));
		Files.write(Path.of("target/dossiers/opinions-" + referenceNo + ".pdf"), sheet.body());
		String text = text(sheet.body());

		assertThat(text).contains("审核意见汇总表", referenceNo, "冠县轴承生产线绿色化改造项目", "冠县", "申报概况", "审核意见", "已作出的决定",
				"请补充上传加盖公章的营业执照副本", "冠县工业和信息化局", "聊城市工业和信息化局", "聊城市生态环境局", "审核人：", notice.decision().number(),
				DecisionType.PROJECT_ACCEPTED.title(), "审核负责人（签字）", "不是行政决定", "/review/applications/" + project.id());
		assertThat(text).as("no public notice in a project registration").doesNotContain("公示与异议");
		assertThat(text.indexOf("请补充上传加盖公章的营业执照副本")).as("the return comes before the approvals that followed it")
			.isLessThan(text.indexOf(ReviewFixture.opinionFor("APPROVE")));
		int opinions = review.opinionTaskIds(project).size();
		assertThat(text).contains("共 " + opinions + " 条");
	}

	@Test
	void aStepTakenBackIsPrintedAsNoLongerStanding() throws Exception {
		Case project = review.submitProject(7);
		Task formal = review.task(project, "Task_CountyFormalReview");
		tasks.claim(formal.getId(), DemoUsers.COUNTY_REVIEWER);
		review.complete(formal, Map.of("decision", "APPROVE", "opinion", "材料齐全，同意"));
		operations.withdraw(DemoUsers.COUNTY_REVIEWER, formal.getId(), "推荐意见需补充核实情况");

		String text = text(download(DemoUsers.COUNTY_REVIEWER, project).body());

		assertThat(text).contains("共 1 条", "其中 1 条所在环节已撤回或被退回重新办理，不再作为结论", "材料齐全，同意", "此意见不再作为结论", "尚未作出决定");
	}

	@Test
	void aNoticeStillRunningIsNotPrintedAsHavingDrawnNoObjection() throws Exception {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);

		String during = text(download(DemoUsers.COUNTY_REVIEWER, claim).body());
		review.fireTimer(claim, ReviewProcesses.NOTICE_PERIOD_ENDS);
		String after = text(download(DemoUsers.COUNTY_REVIEWER, claim).body());

		assertThat(during).contains("公示与异议", "公示期尚未届满，截至打印时未收到异议").doesNotContain("公示期内未收到异议");
		assertThat(after).contains("公示期内未收到异议").doesNotContain("尚未届满");
	}

	/**
	 * An objection to the first run of the notice is still open when the case goes back
	 * to the expert review; the notice runs again and draws none. The sheet says so, as
	 * the allocation notice does, rather than counting the earlier objection as one
	 * received in the period it shows.
	 */
	@Test
	void anObjectionOfAnEarlierRunIsNotCountedAsReceivedInTheNoticeRunAgain() throws Exception {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("20000000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.decide(claim, "Task_ExpertReview", "APPROVE");
		assertThat(noticeBoard
			.file(claim.id(), new NoticeBoard.ObjectionForm("测试异议人", "", "13900000001", "该企业所购设备为翻新旧设备。"), "192.0.2.9")
			.result()).isEqualTo(NoticeBoard.Result.FILED);
		review.fireTimer(claim, ReviewProcesses.NOTICE_PERIOD_ENDS);
		Task resolve = review.task(claim, "Task_ResolveObjections");
		tasks.claim(resolve.getId(), "lc-industry");
		operations.returnToPrevious("lc-industry", resolve.getId(), "异议涉及设备来源，请专家组复核后重新公示。");
		review.decide(claim, "Task_ExpertReview", "APPROVE");
		review.fireTimer(claim, ReviewProcesses.NOTICE_PERIOD_ENDS);

		String text = text(download(DemoUsers.COUNTY_REVIEWER, claim).body());

		assertThat(text).contains("公示与异议", "该企业所购设备为翻新旧设备。尚未核查。", "异议 公示期内未收到新的异议", "此前公示期间收到、尚未办结的异议 1 件")
			.doesNotContain("一并核查")
			.doesNotContain("。。");
	}

	@Test
	void aBankPrintsNeitherTheOtherBanksOpinionsNorTheJointReview() throws Exception {
		Case loan = review.listedLoan("icbc", "abc");
		review.decline(loan, "abc");

		String bank = text(download(DemoUsers.BANK_OFFICER, loan).body());
		String city = text(download("lc-pboc", loan).body());

		assertThat(city).contains("中国农业银行聊城分行", ReviewFixture.opinionFor("DECLINED"), "聊城市生态环境局");
		assertThat(bank).contains("审核意见汇总表", "冠县工业和信息化局")
			.doesNotContain("中国农业银行聊城分行", ReviewFixture.opinionFor("DECLINED"), "聊城市生态环境局");
	}

	@Test
	void onlyTheCasesReviewersPrintIt() throws Exception {
		Case project = review.submitProject(7);
		review.passCountyReview(project);

		assertThat(download(DemoUsers.COUNTY_REVIEWER, project).statusCode()).isEqualTo(200);
		assertThat(download("lq-industry", project).statusCode()).as("another county's reviewer").isEqualTo(404);
		assertThat(status("lq-industry", "/review/applications/00" + project.id() + "/opinions.pdf"))
			.as("another spelling of the id")
			.isEqualTo(404);
		assertThat(status("lq-industry", "/review/applications/" + project.id() + "/opinions.pdf;x=1"))
			.as("a path parameter")
			.isIn(400, 404);
		assertThat(download(DemoUsers.ENTERPRISE, project).statusCode()).as("the applicant at the reviewers' door")
			.isEqualTo(403);
		assertThat(download(DemoUsers.BANK_OFFICER, project).statusCode()).as("a bank the case never reached")
			.isEqualTo(404);
		HttpResponse<byte[]> anonymous = new WebClient(port).getBytes(path(project));
		assertThat(anonymous.statusCode()).isIn(302, 401);
		assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
	}

	@Test
	void theDossierPageLinksToIt() {
		Case project = review.submitProject(7);

		HttpResponse<String> page = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD)
			.get("/review/applications/" + project.id());

		assertThat(page.body()).contains("id=\"opinion-summary-pdf\"",
				"/review/applications/" + project.id() + "/opinions.pdf", "打印审核意见汇总表");
	}

	/**
	 * Returned for correction, the enterprise edits the dossier (another name, another
	 * policy task) and never resubmits: the sheet, "generated from the review record",
	 * names the application as submitted and reviewed, not the edits.
	 */
	@Test
	void theSheetNamesTheApplicationAsSubmittedNotAsEditedDuringACorrection() throws Exception {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN", "请补充上传加盖公章的营业执照副本");
		review.correct(project, form -> {
			form.setProjectName("从未提交的新项目名称");
			form.setPolicyTask("3");
		});

		String text = text(download(DemoUsers.COUNTY_REVIEWER, project).body());

		assertThat(text).contains("冠县轴承生产线绿色化改造项目", PolicyTask.T7.label())
			.doesNotContain("从未提交的新项目名称", PolicyTask.T3.label());
	}

	private String path(Case c) {
		return "/review/applications/" + c.id() + "/opinions.pdf";
	}

	private HttpResponse<byte[]> download(String user, Case c) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD).getBytes(path(c));
	}

	private int status(String user, String path) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD).get(path).statusCode();
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", "");
		}
	}

}
