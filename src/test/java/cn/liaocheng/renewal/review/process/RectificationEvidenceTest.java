package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.liaocheng.renewal.aftercare.internal.EnterpriseSteps;
import cn.liaocheng.renewal.aftercare.internal.EvidenceCategory;
import cn.liaocheng.renewal.aftercare.internal.Upload;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A rectification the city ordered at the on-site acceptance is answered with the
 * rectification report and its evidence: "other material" alone does not satisfy it,
 * neither through the API nor through the enterprise's page, and nothing is saved.
 */
@WebIntegrationTest
class RectificationEvidenceTest extends ReviewProcessTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final byte[] PDF = "%PDF-1.4\n% evidence\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private final EnterpriseSteps steps;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Autowired
	RectificationEvidenceTest(ApplicationContext context, EnterpriseSteps steps) {
		super(context);
		this.steps = steps;
	}

	@Test
	void shouldRefuseARectificationWithOnlyOtherMaterialOverTheApiAndThePage() {
		Case claim = rectificationOrdered();
		String path = "/api/applications/" + claim.id() + "/aftercare/rectification";
		WebClient api = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);

		HttpResponse<String> otherOnly = multipart(api, path,
				List.of(field("statement", "已将除尘设备接入生产线。"), file("other", "设备照片.pdf")), null);
		assertThat(otherOnly.statusCode()).as(otherOnly.body()).isEqualTo(400);
		assertThat(otherOnly.body()).contains("\"field\":\"rectification\"", "请上传整改情况说明及佐证材料");

		WebClient page = new WebClient(port);
		page.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String casePage = "/enterprise/applications/" + claim.id();
		String token = WebClient.csrfTokenOf(page.get(casePage).body());
		HttpResponse<String> posted = multipart(page, casePage + "/aftercare/rectification",
				List.of(field("statement", "已将除尘设备接入生产线。"), file("other", "设备照片.pdf")), token);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
		assertThat(page.get(casePage).body()).contains("暂不能提交", "请上传整改情况说明及佐证材料");

		assertThat(steps.view(review.enterprise(), claim.id()).submissions())
			.as("nothing saved of the refused rectifications")
			.noneMatch(s -> s.kind().name().equals("RECTIFICATION"));
		assertThat(review.called(claim, "subsidy-aftercare")).isWaitingAtExactly("Gateway_AwaitRectification");

		HttpResponse<String> withReport = multipart(api, path, List.of(field("statement", "已将除尘设备接入生产线。"),
				file("rectification", "整改报告.pdf"), file("other", "设备照片.pdf")), null);
		assertThat(withReport.statusCode()).as(withReport.body()).isEqualTo(202);
		review.runJobs(claim);
		assertThat(review.called(claim, "subsidy-aftercare")).hasPassed("Event_RectificationSubmitted")
			.isWaitingAtExactly("Task_CityOnsiteAcceptance");
	}

	/**
	 * The recorded deadline rules: from the day after it, material is refused through the
	 * API and the page even while the timer that ends the wait (run by the job executor
	 * after the day has ended in Beijing) has not run yet, and the case page no longer
	 * offers the form.
	 */
	@Test
	void shouldRefuseARectificationAfterItsDeadlineEvenBeforeTheTimerHasRun() {
		Case claim = rectificationOrdered();
		// The deadline day has ended; the timer's job has not run yet.
		jdbc.update("UPDATE aftercare_finding SET deadline = ? WHERE application_id = ? AND step = 'CITY_ACCEPTANCE'",
				java.sql.Date.valueOf(LocalDate.now(CHINA).minusDays(1)), claim.id());
		String path = "/api/applications/" + claim.id() + "/aftercare/rectification";
		WebClient api = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);

		HttpResponse<String> late = multipart(api, path,
				List.of(field("statement", "已将除尘设备接入生产线。"), file("rectification", "整改报告.pdf")), null);
		assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
		assertThat(late.body()).contains("整改期限", "已过，不能再提交整改材料");

		WebClient page = new WebClient(port);
		page.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String casePage = "/enterprise/applications/" + claim.id();
		String html = page.get(casePage).body();
		assertThat(html).contains("整改期限已过，转入奖补资金追回程序").doesNotContain("id=\"rectification-form\"");
		// A page opened before the deadline and sent after it: the refusal is shown in
		// the section the answer returns to, which no longer offers the form.
		HttpResponse<String> lateByPage = multipart(page, casePage + "/aftercare/rectification",
				List.of(field("statement", "已将除尘设备接入生产线。"), file("rectification", "整改报告.pdf")),
				WebClient.csrfTokenOf(html));
		assertThat(lateByPage.statusCode()).as(lateByPage.body()).isEqualTo(302);
		String answered = page.get(casePage).body();
		int section = answered.indexOf("id=\"aftercare\"");
		assertThat(answered.substring(section)).contains("id=\"aftercare-error\"", "已过，不能再提交整改材料")
			.doesNotContain("填写的文字已保留");
		assertThat(answered.substring(0, section)).doesNotContain("已过，不能再提交整改材料");

		assertThat(steps.view(review.enterprise(), claim.id()).submissions())
			.noneMatch(s -> s.kind().name().equals("RECTIFICATION"));
		assertThat(review.called(claim, "subsidy-aftercare")).isWaitingAtExactly("Gateway_AwaitRectification");

		HttpResponse<String> otherCompany = multipart(
				new WebClient(port).withBasic(DemoUsers.OTHER_ENTERPRISE, DemoUsers.PASSWORD), path,
				List.of(field("statement", "x"), file("rectification", "整改报告.pdf")), null);
		assertThat(otherCompany.statusCode()).as("someone else's case stays unknown").isEqualTo(404);
	}

	private Case rectificationOrdered() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.complete(review.task(claim, "Task_RecordPayment"),
				Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。", "paymentDate", LocalDate.now(CHINA).toString(),
						"paidAmount", 37000.0, "voucherNo", "GK-RECT-" + claim.id()));
		review.runJobs(claim);
		steps.applyForAcceptance(review.enterprise(), claim.id(), "设备已投产。",
				List.of(upload(EvidenceCategory.COMMISSIONING, "调试运行记录.pdf"),
						upload(EvidenceCategory.PHOTO, "现场照片.pdf"),
						upload(EvidenceCategory.FINAL_ACCOUNTS, "竣工决算.pdf")));
		review.runJobs(claim);
		review.decide(claim, "Task_CountyAcceptanceCheck", "APPROVE", "材料齐全，报市级验收。");
		review.complete(review.task(claim, "Task_CityOnsiteAcceptance"),
				Map.of("decision", "RETURN", "opinion", "除尘设备未接入生产线，请整改后报验。", "rectificationDeadline",
						review.workingDay(LocalDate.now(CHINA).plusDays(30)).toString()));
		review.runJobs(claim);
		return claim;
	}

	private static Upload upload(EvidenceCategory category, String name) {
		return new Upload(category, name, PDF);
	}

	private record Part(String name, String fileName, byte[] content) {
	}

	private static Part field(String name, String value) {
		return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
	}

	private static Part file(String name, String fileName) {
		return new Part(name, fileName, PDF);
	}

	/** As a browser sends a form with files; {@code csrf} for the page's form. */
	private static HttpResponse<String> multipart(WebClient client, String path, List<Part> parts, String csrf) {
		String boundary = "----rectification" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		List<Part> all = csrf == null ? parts
				: java.util.stream.Stream.concat(java.util.stream.Stream.of(field("_csrf", csrf)), parts.stream())
					.toList();
		for (Part part : all) {
			String disposition = "form-data; name=\"" + part.name() + "\""
					+ (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"");
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
					+ (part.fileName() == null ? "" : "Content-Type: application/pdf\r\n") + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return client.post(path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

}
