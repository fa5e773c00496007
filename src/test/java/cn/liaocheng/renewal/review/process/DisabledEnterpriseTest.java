package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.aftercare.internal.EnterpriseSteps;
import cn.liaocheng.renewal.aftercare.internal.EvidenceCategory;
import cn.liaocheng.renewal.aftercare.internal.Upload;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.enterprise.EnterpriseAccountChanged;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.notification.internal.DeadlineReminderPass;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise its county disabled (e.g. found deregistered) can log in and read, and
 * withdraw an application, but moves no case on and writes no dossier, whatever the door;
 * once active again it acts as before.
 */
@WebIntegrationTest
class DisabledEnterpriseTest extends ReviewProcessTest {

	private static final String DISABLED = "企业账户已停用";

	private static final String WHOM = "请联系所在县（市、区）工业和信息化局";

	@LocalServerPort
	int port;

	private final EnterpriseRegistry registry;

	private final Applications applications;

	private final EnterpriseSteps steps;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final WorkingDays workingDays;

	private final ApplicationContext appContext;

	@Autowired
	DisabledEnterpriseTest(ApplicationContext context, EnterpriseRegistry registry, Applications applications,
			EnterpriseSteps steps, JdbcClient jdbc, ObjectMapper json, WorkingDays workingDays) {
		super(context);
		this.appContext = context;
		this.workingDays = workingDays;
		this.registry = registry;
		this.applications = applications;
		this.steps = steps;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The demo enterprise is every other test's: it leaves active whatever happened,
	 * restored as its county restores it, so that the correction deadlines its disabling
	 * suspended run again.
	 */
	@AfterEach
	void leaveTheEnterpriseActive() {
		if (registry.findByUser(DemoUsers.ENTERPRISE).orElseThrow().status() == EnterpriseStatus.DISABLED) {
			activate();
		}
		jdbc.sql("UPDATE enterprise SET status = 'ACTIVE' WHERE user_id = ?").param(DemoUsers.ENTERPRISE).update();
	}

	/**
	 * While the account is disabled the enterprise cannot resubmit: its correction's
	 * deadline stops (the timer is suspended, the case does not lapse), and once it is
	 * restored the deadline moves later by the working days it was disabled, the timer
	 * with it; the history and the enterprise are told. The new deadline then ends the
	 * case as before.
	 */
	@Test
	void aCorrectionStopsWhileTheAccountIsDisabledAndMovesOnByTheWorkingDaysDisabled() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		Instant deadline = review.outcomes(project).correctionDeadline();

		disable("企业正在办理名称变更登记");
		assertThat(review.timer(project, "BoundaryEvent_CorrectionOverdue").isSuspended()).isTrue();
		assertThat(review.history(project)).anyMatch(line -> line.contains("补正期限（") && line.contains("）暂停计算"));
		// No deadline in force: past the one it had, nothing treats the case as lapsed
		// (its page, its withdrawal, a reviewer taking the return back).
		assertThat(review.outcomes(project).correctionDeadline()).isNull();
		assertThat(review.outcomes(project).correctionLapsedAt(deadline.plusSeconds(3600))).isFalse();
		// Nor is it reminded of a deadline that does not run.
		new DeadlineReminderPass(appContext).runAt(deadline.minusSeconds(60));
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM notification WHERE application_id = ? AND kind = 'DEADLINE_APPROACHING'")
					.param(project.id())
					.query(Long.class)
					.single())
			.isZero();

		activate();
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		WorkingDays days = workingDays;
		int disabled = days.workingDaysBetween(today.minusDays(1), today);
		ZonedDateTime was = deadline.atZone(ChinaTime.ZONE);
		Instant moved = was.with(days.plusWorkingDays(was.toLocalDate(), disabled)).toInstant();
		assertThat(review.outcomes(project).correctionDeadline()).isEqualTo(moved);
		Job timer = review.timer(project, "BoundaryEvent_CorrectionOverdue");
		assertThat(timer.isSuspended()).isFalse();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(moved);
		if (disabled > 0) {
			assertThat(moved).isAfter(deadline);
			assertThat(review.history(project))
				.anyMatch(line -> line.contains("不计入补正期限") && line.contains("顺延至 " + ChinaTime.minute(moved)));
		}

		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.LAPSED);
	}

	/**
	 * An account disabled and restored within rest days loses no working day: the
	 * correction's deadline stays, and the enterprise, told at the suspension that the
	 * new deadline would follow, is told it is the old one.
	 */
	@Test
	void aCorrectionSuspendedOnlyOverRestDaysKeepsItsDeadlineAndSaysSo() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		Instant deadline = review.outcomes(project).correctionDeadline();
		disable("企业正在办理名称变更登记");
		LocalDate saturday = LocalDate.now(ChinaTime.ZONE).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		while (workingDays.workingDaysBetween(saturday, saturday.plusDays(1)) > 0) {
			saturday = saturday.plusWeeks(1);
		}
		Instant since = saturday.atTime(9, 0).atZone(ChinaTime.ZONE).toInstant();
		Instant restored = saturday.plusDays(1).atTime(17, 0).atZone(ChinaTime.ZONE).toInstant();

		new TransactionTemplate(appContext.getBean(PlatformTransactionManager.class))
			.executeWithoutResult(status -> appContext.publishEvent(new EnterpriseAccountChanged(DemoUsers.ENTERPRISE,
					"冠县演示轴承制造有限公司", false, "冠县工业和信息化局", restored, null, since)));

		assertThat(review.outcomes(project).correctionDeadline()).isEqualTo(deadline);
		Job timer = review.timer(project, "BoundaryEvent_CorrectionOverdue");
		assertThat(timer.isSuspended()).isFalse();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(deadline);
		assertThat(review.history(project))
			.anyMatch(line -> line.contains("没有工作日，补正期限仍为 " + ChinaTime.minute(deadline)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE application_id = ? AND title LIKE ?")
			.params(project.id(), "补正期限恢复计算：%")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aDisabledEnterpriseCannotAcceptALoanOfferUntilItIsActiveAgain() {
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		WebClient enterprise = enterpriseApi();
		String accept = "/api/applications/" + loan.id() + "/loan-offers/icbc/accept";

		disable("经核实该企业已注销");
		HttpResponse<String> refused = enterprise.post(accept, HttpRequest.BodyPublishers.noBody(), "application/json");

		assertRefused(refused);
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.BANK_REVIEW);
		assertThat(review.loanOffers(loan)).extracting(LoanOffer::accepted).containsExactly(false);
		assertThat(review.outcomes(loan).grantedBankKey()).isNull();

		activate();
		assertThat(enterprise.post(accept, HttpRequest.BodyPublishers.noBody(), "application/json").statusCode())
			.isEqualTo(200);
		review.runJobs(loan);
		assertThat(review.status(loan)).isEqualTo(ApplicationStatus.INTEREST_REVIEW);
		assertThat(review.loanOffers(loan)).extracting(LoanOffer::accepted).containsExactly(true);
	}

	@Test
	void aDisabledEnterpriseNeitherDraftsNorEditsNorUploadsButReadsItsDraft() throws Exception {
		long draft = review.draft(ApplicationKind.PROJECT, Dossiers.project(7));
		review.attachProjectFiles(draft);
		long attachment = applications.detail(review.enterprise(), draft).attachments().get(0).id();
		int drafts = drafts();
		JsonNode before = json.readTree(enterpriseApi().get("/api/applications/" + draft).body());
		WebClient enterprise = enterpriseApi();
		DossierForm renamed = Dossiers.project(7);
		renamed.setProjectName("停用后改名的项目");

		disable("经核实该企业已注销");

		// Each door on its own: every one is refused.
		SoftAssertions.assertSoftly(softly -> {
			assertRefused(softly, enterprise.postJson("/api/applications?kind=PROJECT", asJson(Dossiers.project(7)),
					"Idempotency-Key", UUID.randomUUID().toString()));
			assertRefused(softly, enterprise.putJson("/api/applications/" + draft, asJson(renamed)));
			assertRefused(softly, upload(enterprise, draft));
			assertRefused(softly,
					enterprise.send("DELETE", "/api/applications/" + draft + "/attachments/" + attachment, null));
			assertRefused(softly, enterprise.send("DELETE", "/api/applications/" + draft, null));
			assertRefused(softly,
					enterprise.postJson("/api/applications/" + draft + "/submit", "{\"declarationConfirmed\": true}"));
		});
		// Nothing changed, and it can still read what it has.
		HttpResponse<String> read = enterprise.get("/api/applications/" + draft);
		assertThat(read.statusCode()).isEqualTo(200);
		JsonNode after = json.readTree(read.body());
		assertThat(after.path("version")).isEqualTo(before.path("version"));
		assertThat(after.path("dossier")).isEqualTo(before.path("dossier"));
		assertThat(after.path("attachments")).isEqualTo(before.path("attachments"));
		assertThat(after.path("summary").path("status").asText()).isEqualTo("DRAFT");
		assertThat(drafts()).isEqualTo(drafts);

		activate();
		assertThat(enterprise.putJson("/api/applications/" + draft, asJson(renamed)).statusCode()).isEqualTo(200);
		assertThat(upload(enterprise, draft).statusCode()).isEqualTo(201);
	}

	@Test
	void aDisabledEnterpriseTakesNoAfterAwardStep() {
		Case claim = review.allocatedSubsidy();
		review.complete(review.task(claim, "Task_RecordPayment"),
				Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。", "paymentDate",
						LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "paidAmount", Double.valueOf("37000.00"),
						"voucherNo", "GK-2026-" + claim.id()));
		review.runJobs(claim);
		ProcessInstance aftercare = review.called(claim, "subsidy-aftercare");
		assertThat(aftercare).isWaitingAtExactly("Event_AcceptanceApplied");

		disable("经核实该企业已注销");

		assertThatThrownBy(
				() -> steps.applyForAcceptance(review.enterprise(), claim.id(), "设备已投产。", acceptanceEvidence()))
			.isInstanceOf(ApplicationStateException.class)
			.hasMessageContainingAll(DISABLED, WHOM);
		assertThat(aftercare).isWaitingAtExactly("Event_AcceptanceApplied");
		assertThat(steps.view(review.enterprise(), claim.id()).submissions()).isEmpty();

		activate();
		steps.applyForAcceptance(review.enterprise(), claim.id(), "设备已投产。", acceptanceEvidence());
		review.runJobs(claim);
		assertThat(aftercare).isWaitingAtExactly("Task_CountyAcceptanceCheck");
	}

	/**
	 * The portal's pages say why and offer only what a disabled enterprise may still do:
	 * no 新建, no 修改 or 提交, no upload, no 接受该行贷款; reading, the PDF and withdrawal stay. The
	 * addresses of the forms it no longer sees send it back with the reason. Active
	 * again, the pages offer everything as before.
	 */
	@Test
	void aDisabledEnterprisesPagesSayWhyAndOfferNothingItWouldBeRefused() {
		long draft = review.draft(ApplicationKind.PROJECT, Dossiers.project(7));
		Case loan = review.listedLoan("icbc");
		review.grantOnly(loan, "icbc", "5000000.00", true, "FIXED_ASSET");
		Case submitted = review.submitProject(7);
		Case returned = review.submitProject(7);
		review.decide(returned, "Task_CountyFormalReview", "RETURN");
		String returnedPage = "/enterprise/applications/" + returned.id();
		WebClient portal = new WebClient(port);
		assertThat(portal.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		String draftPage = "/enterprise/applications/" + draft;
		String loanPage = "/enterprise/applications/" + loan.id();
		String submittedPage = "/enterprise/applications/" + submitted.id();
		List<String> offered = List.of("/enterprise/applications/new?kind=PROJECT", draftPage + "/edit",
				"id=\"submit-form\"", "id=\"upload\"", "/delete");
		assertThat(portal.get("/enterprise/applications").body()).contains("/enterprise/applications/new?kind=PROJECT")
			.doesNotContain("account-refusal");
		assertThat(portal.get(draftPage).body()).contains(offered.subList(1, offered.size()));
		assertThat(portal.get(loanPage).body()).contains("/loan-offers/icbc/accept", "请确认接受贷款");
		assertThat(portal.get(returnedPage).body()).contains("id=\"action-needed\"", "需要您处理：申报已退回补正");
		assertThat(portal.get("/enterprise/applications").body()).contains(returnedPage + "#action-needed",
				loanPage + "#loan-offers");

		disable("经核实该企业已注销");

		String list = portal.get("/enterprise/applications").body();
		assertThat(list).contains("id=\"account-refusal\"", DISABLED, WHOM)
			.doesNotContain("/enterprise/applications/new?kind=")
			.as("需要您处理 asks nothing it would refuse")
			.doesNotContain(returnedPage + "#action-needed", loanPage + "#loan-offers");
		assertThat(portal.get(returnedPage).body()).as("the correction is not asked for")
			.contains("id=\"account-refusal\"")
			.doesNotContain("id=\"action-needed\"", returnedPage + "/edit");
		assertThat(portal.get("/").body()).as("the home page").contains("不能新建、修改或提交申报").doesNotContain("可以先填写草稿");
		String draftDetail = portal.get(draftPage).body();
		assertThat(draftDetail).contains("id=\"account-refusal\"", DISABLED);
		offered.subList(1, offered.size()).forEach(form -> assertThat(draftDetail).doesNotContain(form));
		assertThat(portal.get(loanPage).body()).contains("id=\"account-refusal\"")
			.doesNotContain("/loan-offers/icbc/accept", "请确认接受贷款");
		String submittedDetail = portal.get(submittedPage).body();
		assertThat(submittedDetail).as("withdrawal and the printable dossier stay")
			.contains("id=\"withdraw-before-review\"", "id=\"dossier-pdf\"");
		Map.of("/enterprise/applications/new?kind=PROJECT", "/enterprise/applications", draftPage + "/edit", draftPage)
			.forEach((form, back) -> {
				HttpResponse<String> sentBack = portal.get(form);
				assertThat(sentBack.statusCode()).as(form).isEqualTo(302);
				assertThat(sentBack.headers().firstValue("Location").orElseThrow()).as(form).endsWith(back);
				assertThat(portal.get(back).body()).as(form).contains(DISABLED, WHOM);
			});
		assertThat(portal.get("/enterprise/applications/999999999/edit").statusCode()).as("someone else's or no case")
			.isEqualTo(404);

		activate();
		assertThat(portal.get("/enterprise/applications").body()).contains("/enterprise/applications/new?kind=PROJECT")
			.doesNotContain("account-refusal");
		assertThat(portal.get(draftPage).body()).contains(offered.subList(1, offered.size()));
		assertThat(portal.get(draftPage + "/edit").statusCode()).isEqualTo(200);
	}

	/**
	 * A case is not returned for correction to an enterprise whose account is disabled:
	 * it could not correct, and the deadline would run against it for nothing. The
	 * reviewer is told why, and may return it once the account is restored.
	 */
	@Test
	void aCaseIsNotReturnedForCorrectionWhileTheAccountIsDisabled() {
		Case project = review.submitProject(7);
		disable("企业正在办理名称变更登记");

		assertThatThrownBy(() -> review.decide(project, "Task_CountyFormalReview", "RETURN"))
			.hasMessageContaining("该企业账户已被停用，企业不能补正，不能退回补正");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);

		activate();
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);
	}

	/**
	 * Likewise a rectification ordered by the on-site acceptance: the timer that would
	 * send the project to clawback stops while the account is disabled, and the deadline
	 * (the finding's, the timer's) moves later by the working days disabled.
	 */
	@Test
	void aRectificationStopsWhileTheAccountIsDisabledAndMovesOnByTheWorkingDaysDisabled() {
		Case claim = review.allocatedSubsidy();
		review.complete(review.task(claim, "Task_RecordPayment"),
				Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。", "paymentDate",
						LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "paidAmount", Double.valueOf("37000.00"),
						"voucherNo", "GK-2026-" + claim.id()));
		review.runJobs(claim);
		steps.applyForAcceptance(review.enterprise(), claim.id(), "设备已投产。", acceptanceEvidence());
		review.runJobs(claim);
		review.decide(claim, "Task_CountyAcceptanceCheck", "APPROVE", "材料齐全，报市级验收。");
		LocalDate today = LocalDate.now(ChinaTime.ZONE);
		LocalDate deadline = review.workingDay(today.plusDays(10));
		review.complete(review.task(claim, "Task_CityOnsiteAcceptance"), Map.of("decision", "RETURN", "opinion",
				"除尘设备未接入生产线，请整改后报验。", "rectificationDeadline", deadline.toString()));
		review.runJobs(claim);
		assertThat(review.timer(claim, "Event_RectificationLapsed").isSuspended()).isFalse();

		disable("企业正在办理名称变更登记");
		assertThat(review.timer(claim, "Event_RectificationLapsed").isSuspended()).isTrue();
		assertThat(review.history(claim)).anyMatch(line -> line.contains("整改期限（") && line.contains("）暂停计算"));

		activate();
		int disabled = workingDays.workingDaysBetween(today.minusDays(1), today);
		LocalDate moved = workingDays.plusWorkingDays(deadline, disabled);
		Job timer = review.timer(claim, "Event_RectificationLapsed");
		assertThat(timer.isSuspended()).isFalse();
		assertThat(timer.getDuedate().toInstant())
			.isEqualTo(moved.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant());
		assertThat(jdbc.sql("""
				SELECT deadline FROM aftercare_finding WHERE application_id = ? AND step = 'CITY_ACCEPTANCE'""")
			.param(claim.id())
			.query(java.sql.Date.class)
			.single()
			.toLocalDate()).isEqualTo(moved);
		if (disabled > 0) {
			assertThat(review.history(claim))
				.anyMatch(line -> line.contains("不计入整改期限") && line.contains("顺延至 " + ChinaTime.day(moved) + "（含当日）"));
		}
	}

	/** Taking its application back is for its own protection: it stays open. */
	@Test
	void aDisabledEnterpriseMayStillWithdrawItsApplication() {
		Case project = review.submitProject(7);

		disable("经核实该企业已注销");
		HttpResponse<String> withdrawn = enterpriseApi().post("/api/applications/" + project.id() + "/withdraw",
				HttpRequest.BodyPublishers.noBody(), "application/json");

		assertThat(withdrawn.statusCode()).isEqualTo(200);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.WITHDRAWN);
	}

	private static void assertRefused(HttpResponse<String> response) {
		SoftAssertions.assertSoftly(softly -> assertRefused(softly, response));
	}

	private static void assertRefused(SoftAssertions softly, HttpResponse<String> response) {
		softly.assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(409);
		softly.assertThat(response.body()).contains(DISABLED, WHOM);
	}

	private String asJson(DossierForm form) {
		try {
			return json.writeValueAsString(form);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The enterprise's own API client: Basic credentials still work once it is disabled.
	 */
	private WebClient enterpriseApi() {
		return new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
	}

	/** Its county disables the enterprise, as the county's accounts page does. */
	private void disable(String reason) {
		HttpResponse<String> disabled = county().postJson("/api/county/enterprises/" + enterpriseId() + "/disable",
				"{\"reason\":\"" + reason + "\"}", "X-CSRF-TOKEN", csrf);
		assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
		assertThat(registry.findByUser(DemoUsers.ENTERPRISE).orElseThrow().status())
			.isEqualTo(EnterpriseStatus.DISABLED);
	}

	private void activate() {
		HttpResponse<String> activated = county().postJson("/api/county/enterprises/" + enterpriseId() + "/activate",
				"", "X-CSRF-TOKEN", csrf);
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
	}

	private String csrf;

	private WebClient county() {
		WebClient county = new WebClient(port);
		county.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		csrf = WebClient.csrfTokenOf(county.get("/").body());
		return county;
	}

	private long enterpriseId() {
		return registry.findByUser(DemoUsers.ENTERPRISE).orElseThrow().id();
	}

	private int drafts() {
		return jdbc.sql("SELECT COUNT(*) FROM application WHERE enterprise_id = ? AND status = 'DRAFT'")
			.param(enterpriseId())
			.query(Integer.class)
			.single();
	}

	private static HttpResponse<String> upload(WebClient client, long id) {
		String boundary = "----disabled" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nOTHER\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"说明.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8));
		return client.post("/api/applications/" + id + "/attachments",
				HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

	private static List<Upload> acceptanceEvidence() {
		return List.of(pdf(EvidenceCategory.COMMISSIONING, "调试运行记录.pdf"), pdf(EvidenceCategory.PHOTO, "现场照片.pdf"),
				pdf(EvidenceCategory.FINAL_ACCOUNTS, "竣工决算.pdf"));
	}

	private static Upload pdf(EvidenceCategory category, String name) {
		return new Upload(category, name,
				("%PDF-1.4\n% " + category + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
	}

}
