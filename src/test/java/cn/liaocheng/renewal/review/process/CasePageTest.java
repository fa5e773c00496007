package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The enterprise's case page and its API for a returned case, a case in joint review, a
 * decided subsidy and a granted loan; the integrity declaration at submission; the
 * subsidy form's project lines and invoice warning; the printable dossier and who may
 * download it.
 */
@WebIntegrationTest
class CasePageTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CasePageTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aReturnedCaseOpensWithWhatToDoAndByWhenAboveEverythingElse() throws Exception {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN", "请补充上传加盖公章的营业执照副本");

		String page = page(DemoUsers.ENTERPRISE, project);

		assertThat(page).contains("需要您处理：申报已退回补正", "请补充上传加盖公章的营业执照副本", "补正期限", "个工作日", "退回补正（县级初审与推荐环节）",
				"badge-action", "stage stage-returned");
		assertThat(page.indexOf("需要您处理")).as("the banner comes before the case's facts")
			.isLessThan(page.indexOf("申报编号"));
		JsonNode progress = api(DemoUsers.ENTERPRISE, "/api/applications/" + project.id() + "/progress");
		assertThat(progress.at("/correction/reasons").asText()).isEqualTo("请补充上传加盖公章的营业执照副本");
		assertThat(progress.at("/correction/deadline").asText()).isNotBlank();
		assertThat(progress.at("/handlingBodies/0").asText()).isEqualTo("您单位");
		assertThat(loggedIn(DemoUsers.COUNTY_REVIEWER).get("/review/applications/" + project.id()).body())
			.as("the case file's figures are written as the enterprise's page writes them")
			.contains("年新增产值 8,000,000.00 元；");
	}

	@Test
	void aCaseInJointReviewShowsWhichBodiesHaveFinishedAndWhoseTurnItIs() throws Exception {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		assertThat(review.tasks(project, "Task_JointReview")).hasSize(3);
		review.complete(review.tasks(project, "Task_JointReview").get(0),
				java.util.Map.of("decision", "APPROVE", "opinion", "同意"));
		review.runJobs(project);

		String page = page(DemoUsers.ENTERPRISE, project);

		assertThat(page).contains("市级联审进度（<span>1</span> / <span>3</span> 个部门已完成）", "已提出意见", "审查中",
				"id=\"current-step\">市级联审</dd>", "badge-progress", "还剩");
		JsonNode progress = api(DemoUsers.ENTERPRISE, "/api/applications/" + project.id() + "/progress");
		assertThat(progress.get("currentStep").asText()).isEqualTo("市级联审");
		assertThat(progress.get("jointReview")).hasSize(3);
		assertThat(progress.get("handlingBodies")).hasSize(2);
		assertThat(progress.get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(progress.toString()).as("no reviewer's name or account").doesNotContain("审核员", "lc-");

		assertThat(status(DemoUsers.OTHER_ENTERPRISE, "/enterprise/applications/" + project.id())).isEqualTo(404);
		assertThat(status(DemoUsers.OTHER_ENTERPRISE, "/api/applications/" + project.id() + "/progress"))
			.isEqualTo(404);
	}

	/**
	 * A bank's officer holding a loan's bank decision copies to a government body as a
	 * whole: the body's people (names and login ids) are not listed to a bank; its own
	 * bank's are.
	 */
	@Test
	void aBankOfficerIsNotShownWhoWorksAtAGovernmentBody() {
		Case loan = review.listedLoan("icbc", "abc");
		org.camunda.bpm.engine.task.Task decision = review.bankTask(loan, "icbc");
		review.claimForItsBody(decision);
		String officer = review.tasks(loan, "Task_BankDecision")
			.stream()
			.filter(t -> t.getId().equals(decision.getId()))
			.findFirst()
			.orElseThrow()
			.getAssignee();
		assertThat(officer).startsWith("icbc");
		String people = "/api/review/tasks/" + decision.getId() + "/copy-people?body=";
		HttpResponse<String> finance = loggedIn(officer).get(people + "city-finance");
		assertThat(finance.statusCode()).as(finance.body()).isEqualTo(400);
		assertThat(finance.body()).contains("只能抄送整个单位").doesNotContain("lc-finance");
		HttpResponse<String> ownBank = loggedIn(officer).get(people + "bank-icbc");
		assertThat(ownBank.statusCode()).as(ownBank.body()).isEqualTo(200);
		assertThat(ownBank.body()).doesNotContain("\"userId\":\"" + officer + "\"");
	}

	/**
	 * The enterprise's case page writes its dates one way: the construction period as the
	 * grant date beside it, 2026年3月1日, not 2026-03-01.
	 */
	@Test
	void theEnterprisesCasePageWritesTheConstructionPeriodInChinese() {
		Case project = review.submitProject(7);
		assertThat(page(DemoUsers.ENTERPRISE, project)).contains("<dt>建设期</dt><dd>2026年3月1日 至 2026年12月31日</dd>")
			.doesNotContain("2026-03-01");
	}

	/**
	 * The joint review (the finance bureau among it) reviews the amount before the
	 * process determines it after the city's approval: the case file shows what the rules
	 * give the claim as last submitted, and the amount then determined is that figure.
	 */
	@Test
	void theJointReviewSeesTheSubsidyTheRulesGiveAndThatIsTheAmountDetermined() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.decide(claim, "Task_CityAcceptance", "APPROVE");
		String inJointReview = loggedIn("lc-industry").get("/review/applications/" + claim.id()).body();
		assertThat(inJointReview).contains("尚未核定", "id=\"dossier-subsidy-proposal\"",
				"按政策规则测算 <strong>37,000.00 元</strong>", "重点任务第 7 项的奖补比例 10%");

		review.decideEach(claim, "Task_JointReview", group -> "APPROVE");
		review.decide(claim, "Task_IndustryDecision", "APPROVE");
		assertThat(review.outcomes(claim).subsidyAmount()).isEqualByComparingTo("37000.00");
		assertThat(loggedIn("lc-industry").get("/review/applications/" + claim.id()).body())
			.as("once determined, the amount alone")
			.doesNotContain("dossier-subsidy-proposal")
			.contains("37,000.00 元（拟定，以决定为准）");
	}

	@Test
	void aDecidedSubsidyShowsTheGrantedAmountInThePageAndTheApi() throws Exception {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.APPROVED);

		String page = page(DemoUsers.ENTERPRISE, claim);

		BigDecimal granted = review.outcomes(claim).subsidyAmount();
		assertThat(page).contains("核定奖补金额", cn.liaocheng.renewal.application.Money.yuan(granted) + " 元",
				"badge-approved", "stage stage-done");
		assertThat(page).doesNotContain("stage-current", "需要您处理");
		JsonNode detail = api(DemoUsers.ENTERPRISE, "/api/applications/" + claim.id());
		assertThat(detail.at("/outcomes/subsidyAmount").decimalValue()).isEqualByComparingTo(granted);
	}

	@Test
	void aGrantedLoanShowsTheBanksTermsAndTheInterestSubsidyInThePageAndTheApi() throws Exception {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.passCountyReview(loan);
		review.passCityReview(loan);
		review.decide(loan, "Task_PbocListing", "APPROVE");
		review.grant(loan, "5000000.00", true);

		String page = page(DemoUsers.ENTERPRISE, loan);

		assertThat(page).contains("中国工商银行聊城分行", "5,000,000.00 元", "3.1%", "36 个月", "财政贴息", "每年 1.5 个百分点贴息 24 个月");
		// As the confirmation says it: a total not exceeded, the rate of the loan's day.
		assertThat(page).contains("核定总额不超过", ChinaTime.day(ReviewFixture.GRANT_DATE) + "发放的贷款本金按每年 1.5 个百分点贴息 24 个月",
				"此后分笔发放的，各笔按其放款日适用的贴息政策计算");
		// The ledger's period is a setting (monthly or quarterly): the page names none.
		assertThat(page).contains("按期计入贴息台账").doesNotContain("按月计入");
		JsonNode outcomes = api(DemoUsers.ENTERPRISE, "/api/applications/" + loan.id()).get("outcomes");
		// The reviewers' case file writes the terms as the enterprise's page does.
		HttpResponse<String> dossier = loggedIn("lc-pboc").get("/review/applications/" + loan.id());
		assertThat(dossier.statusCode()).isEqualTo(200);
		assertThat(dossier.body())
			.contains("放贷 5,000,000.00 元，年利率 3.1%，36 个月，" + ChinaTime.day(ReviewFixture.GRANT_DATE) + "放款")
			.doesNotContain("5000000.00", "3.10%");
		assertThat(outcomes.get("grantedAmount").decimalValue()).isEqualByComparingTo("5000000.00");
		assertThat(outcomes.get("grantedRate").decimalValue()).isEqualByComparingTo("3.10");
		assertThat(outcomes.get("grantedTermMonths").asInt()).isEqualTo(36);
		assertThat(outcomes.get("interestSubsidyPoints").decimalValue()).isEqualByComparingTo("1.5");
		assertThat(outcomes.get("interestSubsidyMonths").asInt()).isEqualTo(24);
		assertThat(outcomes.get("interestSubsidyAmount").decimalValue())
			.isEqualByComparingTo(review.outcomes(loan).interestSubsidyAmount());
	}

	/**
	 * A bank's grant waiting for the enterprise is 待确认贷款 on the case page and in the
	 * reviewers' case file, as in the enterprise's list, not 银行审贷中.
	 */
	@Test
	void aGrantWaitingForTheEnterprisesAcceptanceIsNamedAsTheListNamesIt() {
		Case loan = review.listedLoan("icbc", "abc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		assertThat(review.listLine(loan).stageLabel()).isEqualTo("待确认贷款");

		assertThat(page(DemoUsers.ENTERPRISE, loan)).contains("id=\"status\">待确认贷款</span>")
			.doesNotContain("id=\"status\">银行审贷中</span>");
		assertThat(loggedIn("lc-pboc").get("/review/applications/" + loan.id()).body())
			.contains("class=\"tag status badge-action\" id=\"dossier-stage\">待确认贷款</span>");
	}

	/**
	 * A case in review has the colour of 审核中 in the reviewers' case file, as in their 已办
	 * list, not the red of a refusal; a refused one the red.
	 */
	@Test
	void theCaseFileColoursTheStageAsTheListsDo() {
		Case inReview = review.submitProject(7);
		assertThat(loggedIn(DemoUsers.COUNTY_REVIEWER).get("/review/applications/" + inReview.id()).body())
			.contains("class=\"tag status badge-progress\" id=\"dossier-stage\">县级初审中</span>");
	}

	@Test
	void aSubmissionWithoutTheIntegrityDeclarationIsRefusedInChineseAndAConfirmedOneIsRecorded() throws Exception {
		long id = review.draft(ApplicationKind.PROJECT, Dossiers.project(7));
		review.attachProjectFiles(id);
		WebClient api = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(api.get("/enterprise/applications/" + id).body()).as("an attachment is deleted only when confirmed")
			.contains("onsubmit=\"return confirm('确定删除附件“' + this.dataset.file + '”？删除后不能恢复，需要时请重新上传。')\"",
					"data-file=\"营业执照.pdf\"");

		HttpResponse<String> refused = api.postJson("/api/applications/" + id + "/submit", "{}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains(IntegrityDeclaration.REQUIRED);
		assertThatThrownBy(() -> review.submitWithoutDeclaration(id)).isInstanceOfSatisfying(
				DossierInvalidException.class,
				e -> assertThat(e.problems()).extracting(p -> p.field() + "：" + p.message())
					.containsExactly("declaration：" + IntegrityDeclaration.REQUIRED));
		assertThat(review.status(id)).isEqualTo(ApplicationStatus.DRAFT);

		HttpResponse<String> accepted = api.postJson("/api/applications/" + id + "/submit",
				"{\"declarationConfirmed\": true}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		JsonNode declaration = api(DemoUsers.ENTERPRISE, "/api/applications/" + id).get("declaration");
		assertThat(declaration.get("userId").asText()).isEqualTo(DemoUsers.ENTERPRISE);
		assertThat(declaration.get("version").asText()).isEqualTo(IntegrityDeclaration.VERSION);
		assertThat(declaration.get("at").asText()).isNotBlank();
	}

	@Test
	void theSubsidyFormOffersTheRegisteredProjectsLinesAndAnInvoiceThatDiffersIsAWarningNotAnError() throws Exception {
		long projectId = review.registeredProject(7);
		WebClient portal = loggedIn(DemoUsers.ENTERPRISE);
		String csrf = WebClient.csrfTokenOf(portal.get("/enterprise/applications/new?kind=SUBSIDY").body());

		String form = portal
			.postForm("/enterprise/applications?kind=SUBSIDY",
					"_csrf=" + csrf + "&creationKey=case-page-lines-" + System.nanoTime()
							+ "&action=projectLines&projectId=" + projectId)
			.body();
		String lineName = Dossiers.project(7).getEquipment().get(0).getName();
		assertThat(form).contains("value=\"" + lineName + "\"", "value=\"185000.00\"", "带入所选项目的设备明细");
		// The grid's cells name their row and column for screen readers.
		assertThat(form).contains("aria-label=\"第1行 设备名称\"", "aria-label=\"第1行 产地\"", "aria-label=\"第1行 发票金额（元）\"",
				"aria-label=\"第2行 设备名称\"");

		long otherProject = review.draftOfAnotherEnterprise();
		String refused = portal
			.postForm("/enterprise/applications?kind=SUBSIDY",
					"_csrf=" + csrf + "&creationKey=case-page-lines-" + System.nanoTime()
							+ "&action=projectLines&projectId=" + otherProject)
			.body();
		assertThat(refused).contains("请选择本企业已入库的项目").doesNotContain("value=\"" + lineName + "\"");

		DossierForm claim = Dossiers.subsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		claim.getEquipment().get(0).setInvoiceAmount("371000.00");
		long id = review.draft(ApplicationKind.SUBSIDY, claim);
		String page = portal.get("/enterprise/applications/" + id).body();
		assertThat(page).contains("发票金额 371,000.00 元与数量 × 单价 370,000.00 元不一致");
		Case submitted = review.submitDraftedSubsidy(id);
		assertThat(review.status(submitted)).as("a warning does not block").isEqualTo(ApplicationStatus.COUNTY_REVIEW);
	}

	/**
	 * Edits saved during a correction are in the dossier before any submission carries
	 * them: the print says so until the enterprise submits again, and then says when.
	 */
	@Test
	void aDossierEditedInACorrectionPrintsAsSuchUntilItIsSubmittedAgain() throws Exception {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.correct(project, form -> form.setLocation("冠县经济开发区振兴路 18 号 3 号地块"));

		String pending = dossierText(DemoUsers.COUNTY_REVIEWER,
				"/review/applications/" + project.id() + "/dossier.pdf");
		assertThat(pending).contains("振兴路 18 号 3 号地块", "保存了补正期间的修改，尚未重新提交", "根据申报材料的当前内容生成")
			.doesNotContain("根据提交的申报材料生成")
			.doesNotContain("补正后重新提交时间");
		// The reviewers' page shows what the review goes on with: the dossier as last
		// submitted, and that edits wait unsubmitted.
		WebClient reviewer = loggedIn(DemoUsers.COUNTY_REVIEWER);
		String page = reviewer.get("/review/applications/" + project.id()).body();
		assertThat(page).contains("id=\"unsubmitted-edits\"", "保存了补正期间的修改，尚未重新提交。本页按最后一次提交的申报材料显示")
			.doesNotContain("振兴路 18 号 3 号地块");

		review.resubmit(project);
		assertThat(reviewer.get("/review/applications/" + project.id()).body()).contains("振兴路 18 号 3 号地块")
			.doesNotContain("unsubmitted-edits");

		String resubmitted = dossierText(DemoUsers.ENTERPRISE,
				"/enterprise/applications/" + project.id() + "/dossier.pdf");
		assertThat(resubmitted).contains("振兴路 18 号 3 号地块", "补正后重新提交时间", "根据提交的申报材料生成").doesNotContain("尚未重新提交");
	}

	/**
	 * A dossier confirmed under a wording this system no longer knows is not printed with
	 * today's words above the confirmation.
	 */
	@Test
	void aDossierConfirmedUnderAnotherWordingIsNotPrintedWithTodaysWords() throws Exception {
		Case project = review.submitProject(7);
		jdbc.sql("UPDATE application SET declaration_version = '2025-1' WHERE id = ?").param(project.id()).update();

		String text = dossierText(DemoUsers.COUNTY_REVIEWER, "/review/applications/" + project.id() + "/dossier.pdf");

		assertThat(text).contains("承诺文本版本 2025-1 的原文未存于本系统", "承诺文本版本：2025-1")
			.doesNotContain(IntegrityDeclaration.TEXT.substring(0, 20));
	}

	private String dossierText(String user, String path) throws Exception {
		HttpResponse<byte[]> pdf = download(user, path);
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			return new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", "");
		}
	}

	@Test
	void theSubmittedDossierPrintsWithItsNumberDeclarationAndQrAndOnlyForItsOwnerAndReviewers() throws Exception {
		Case project = review.submitProject(7);
		String referenceNo = review.referenceNo(project);

		HttpResponse<byte[]> own = download(DemoUsers.ENTERPRISE,
				"/enterprise/applications/" + project.id() + "/dossier.pdf");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String text;
		try (PDDocument pdf = Loader.loadPDF(own.body())) {
			text = new PDFTextStripper().getText(pdf);
		}
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/dossiers"));
		java.nio.file.Files.write(java.nio.file.Path.of("target/dossiers/" + referenceNo + ".pdf"), own.body());
		assertThat(text).contains("项目入库申请书", "申报编号：" + referenceNo, "冠县轴承生产线绿色化改造项目", "诚信承诺", "确认人：",
				"（" + DemoUsers.ENTERPRISE + "）", "扫码查看办理进度", "/enterprise/applications/" + project.id());

		HttpResponse<byte[]> reviewers = download(DemoUsers.COUNTY_REVIEWER,
				"/review/applications/" + project.id() + "/dossier.pdf");
		assertThat(reviewers.statusCode()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(reviewers.body())) {
			assertThat(new PDFTextStripper().getText(pdf)).as("a reviewer's QR code leads to the reviewers' page")
				.contains("审查页面：", "/review/applications/" + project.id())
				.doesNotContain("/enterprise/applications/");
		}
		assertThat(download(DemoUsers.ENTERPRISE, "/api/applications/" + project.id() + "/dossier.pdf").statusCode())
			.isEqualTo(200);
		assertThat(download(DemoUsers.OTHER_ENTERPRISE, "/enterprise/applications/" + project.id() + "/dossier.pdf")
			.statusCode()).isEqualTo(404);
		assertThat(
				download(DemoUsers.OTHER_ENTERPRISE, "/api/applications/" + project.id() + "/dossier.pdf").statusCode())
			.isEqualTo(404);
		assertThat(download(DemoUsers.OTHER_ENTERPRISE, "/enterprise/applications/00" + project.id() + "/dossier.pdf")
			.statusCode()).as("another spelling of the same id").isEqualTo(404);
		assertThat(download(DemoUsers.OTHER_ENTERPRISE, "/api/applications/" + project.id() + "/dossier.pdf;x=1")
			.statusCode()).as("a path parameter").isIn(400, 404);
		assertThat(download("lq-industry", "/review/applications/" + project.id() + "/dossier.pdf").statusCode())
			.as("a reviewer of another county")
			.isEqualTo(404);
		assertThat(download(DemoUsers.OTHER_ENTERPRISE, "/review/applications/" + project.id() + "/dossier.pdf")
			.statusCode()).as("an enterprise at the reviewers' door").isEqualTo(403);
		HttpResponse<byte[]> anonymous = download(null, "/enterprise/applications/" + project.id() + "/dossier.pdf");
		assertThat(anonymous.statusCode()).isIn(302, 401);
		assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
	}

	// --- helpers

	private String page(String user, Case c) {
		HttpResponse<String> response = loggedIn(user).get("/enterprise/applications/" + c.id());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private WebClient loggedIn(String user) {
		WebClient client = new WebClient(port);
		client.login(user, DemoUsers.PASSWORD);
		return client;
	}

	private JsonNode api(String user, String path) throws IOException {
		HttpResponse<String> response = new WebClient(port).withBasic(user, DemoUsers.PASSWORD).get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private int status(String user, String path) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD).get(path).statusCode();
	}

	private HttpResponse<byte[]> download(String user, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
