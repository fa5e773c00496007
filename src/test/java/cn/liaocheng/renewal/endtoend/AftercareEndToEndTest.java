package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.PostgresTestDatabase;

/**
 * After the award, on the real PostgreSQL server and through the HTTP doors each person
 * uses: a subsidy of 冠县's demo enterprise is allocated through the whole review, then
 * 冠县's finance bureau pays it in Tasklist ({@code /engine-rest}), the enterprise applies
 * for acceptance with its evidence through the API, 冠县's industry bureau checks, the city
 * industry bureau accepts on site — and, in turn, passes it (then the performance report
 * and its score), orders a rectification that lapses, or fails it. The two failures
 * announce {@link ClawbackDue}. Other counties' reviewers, another enterprise and
 * requests with fields the forms lack are refused on the way.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AftercareEndToEndTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final byte[] PDF = ThreeKindsEndToEndTest.PDF;

	static final String APPROVE = "APPROVE";

	/**
	 * Every ClawbackDue the application published, whatever thread (the job executor's)
	 * published it.
	 */
	static final List<ClawbackDue> CLAWBACKS = new CopyOnWriteArrayList<>();

	@TestConfiguration
	static class Clawbacks {

		@Bean
		Object clawbackRecorder() {
			return new Object() {

				@EventListener
				void on(ClawbackDue due) {
					CLAWBACKS.add(due);
				}

			};
		}

	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_aftercare");
	}

	@LocalServerPort
	int port;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	Actor enterprise;

	Actor admin;

	Actor gxIndustry;

	Actor gxFinance;

	Actor lcIndustry;

	@BeforeAll
	void actors() {
		enterprise = Actor.as(port, DemoUsers.ENTERPRISE);
		admin = Actor.as(port, DemoUsers.ADMIN);
		gxIndustry = Actor.as(port, "gx-industry");
		gxFinance = Actor.as(port, "gx-finance");
		lcIndustry = Actor.as(port, "lc-industry");
	}

	@Test
	void aPaidProjectIsAcceptedAndEvaluatedAndOthersAreKeptOut() {
		long id = allocatedSubsidy("冠县轴承磨削线节能改造项目");

		// Only 冠县's finance bureau has the payment task; 临清's neither sees nor can take
		// it.
		String paymentTask = gxFinance.awaitTask(id, "Task_RecordPayment").get("id").asText();
		Actor lqFinance = Actor.as(port, "lq-finance");
		assertThat(lqFinance.tasks(id, null)).as("lq-finance's tasks of 冠县's case").isEmpty();
		assertThat(lqFinance.claim(paymentTask).statusCode()).isIn(403, 404, 500);
		// A completion may carry only its form's fields.
		assertThat(gxFinance.claim(paymentTask).statusCode()).isEqualTo(204);
		HttpResponse<String> extra = gxFinance.postJson("/engine-rest/task/" + paymentTask + "/submit-form",
				form(Map.of("decision", APPROVE, "opinion", "拨付", "paymentDate", today(), "paidAmount", 160000.00,
						"voucherNo", "GK-1", "paidInFull", true)));
		assertThat(extra.statusCode()).as("submit-form with paidInFull: %s", extra.body()).isEqualTo(400);
		assertThat(extra.body()).contains("paidInFull");
		HttpResponse<String> tooMuch = gxFinance.postJson("/engine-rest/task/" + paymentTask + "/submit-form",
				form(Map.of("decision", APPROVE, "opinion", "拨付", "paymentDate", today(), "paidAmount", 160000.01,
						"voucherNo", "GK-1")));
		assertThat(tooMuch.statusCode()).isIn(400, 500);
		assertThat(tooMuch.body()).contains("超过尚未拨付");
		gxFinance.act(id, "Task_RecordPayment", APPROVE, "按下达文件一次性拨付。",
				Map.of("paymentDate", today(), "paidAmount", 160000.00, "voucherNo", "GK-2026-0088"));

		JsonNode paid = awaitAction(id, "APPLY_FOR_ACCEPTANCE");
		assertThat(paid.at("/payments/0/amount").decimalValue()).isEqualByComparingTo("160000.00");
		assertThat(paid.at("/payments/0/voucherNo").asText()).isEqualTo("GK-2026-0088");
		assertThat(enterprise.detail(id).at("/summary/status").asText()).isEqualTo("APPROVED");

		// Another enterprise gets 404 for every door of the case; a field the form lacks
		// is refused whole.
		Actor other = Actor.as(port, DemoUsers.OTHER_ENTERPRISE);
		assertThat(other.get("/api/applications/" + id + "/aftercare").statusCode()).isEqualTo(404);
		assertThat(
				multipart(other, "/api/applications/" + id + "/aftercare/acceptance", acceptanceParts()).statusCode())
			.isEqualTo(404);
		List<Part> withExtra = new ArrayList<>(acceptanceParts());
		withExtra.add(Part.field("applicationId", "1"));
		HttpResponse<String> refused = multipart(enterprise, "/api/applications/" + id + "/aftercare/acceptance",
				withExtra);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("applicationId");
		assertThat(enterprise.getJson("/api/applications/" + id + "/aftercare").get("submissions")).isEmpty();
		// Wrong role, other spellings of the path: nothing of the case comes out.
		assertThat(gxFinance.get("/api/applications/" + id + "/aftercare").statusCode())
			.as("a reviewer at the enterprise API")
			.isEqualTo(403);
		assertThat(enterprise.get("/review/aftercare/" + id).statusCode()).as("the enterprise at the reviewers' page")
			.isEqualTo(403);
		for (String spelling : List.of("/api//applications/" + id + "/aftercare",
				"/api/applications/" + id + "/aftercare/", "/api/applications/" + id + "/./aftercare",
				"/api/applications/" + id + "/aftercare;x=1")) {
			HttpResponse<String> answer = other.get(spelling);
			assertThat(answer.statusCode()).as("ent-lq at %s", spelling).isIn(400, 403, 404);
			assertThat(answer.body()).as("ent-lq at %s", spelling).doesNotContain("GK-2026-0088", "160000");
		}

		// Three scanned documents of 5 MB each in one request: within each file's 10 MB
		// and the request's 50 MB.
		HttpResponse<String> applied = multipart(enterprise, "/api/applications/" + id + "/aftercare/acceptance",
				List.of(Part.field("statement", "设备已安装调试完毕并投入生产。"),
						Part.file("commissioning", "调试运行记录.pdf", scannedPdf()),
						Part.file("photos", "现场照片.pdf", scannedPdf()),
						Part.file("finalAccounts", "竣工决算.pdf", scannedPdf())));
		assertThat(applied.statusCode()).as("acceptance application: %s", applied.body()).isEqualTo(202);
		assertThat(multipart(enterprise, "/api/applications/" + id + "/aftercare/acceptance", acceptanceParts())
			.statusCode()).as("a second application while the first is checked").isEqualTo(409);

		assertThat(Actor.as(port, "lq-industry").tasks(id, "Task_CountyAcceptanceCheck")).isEmpty();
		gxIndustry.act(id, "Task_CountyAcceptanceCheck", APPROVE, "调试记录、现场照片和竣工决算齐全，报市级验收。");
		lcIndustry.act(id, "Task_CityOnsiteAcceptance", APPROVE, "现场核查设备已安装投用，与申报一致，验收通过。");

		fireTimer(id, "Event_PerformanceDue");
		awaitAction(id, "REPORT_PERFORMANCE");
		HttpResponse<String> reported = multipart(enterprise, "/api/applications/" + id + "/aftercare/performance",
				List.of(Part.field("outputValue", "12500000"), Part.field("energySaving", "320"),
						Part.field("efficiencyGrade", "1"), Part.field("digitalIndicators", "关键工序数控化率 85%"),
						Part.field("statement", "项目投产后年产值和节能量均达到申报预期。")));
		assertThat(reported.statusCode()).as("performance report: %s", reported.body()).isEqualTo(202);

		// 抄送: a body the case is copied to reads the after-award record as it reads the
		// dossier, and not before.
		Actor lcMarket = Actor.as(port, "lc-market");
		assertThat(lcMarket.get("/review/aftercare/" + id).statusCode()).as("lc-market before the copy").isEqualTo(404);
		String evaluation = lcIndustry.awaitTask(id, "Task_PerformanceEvaluation").get("id").asText();
		assertThat(lcIndustry.claim(evaluation).statusCode()).isEqualTo(204);
		HttpResponse<String> copied = lcIndustry.postJson("/api/review/tasks/" + evaluation + "/copy",
				Map.of("toBody", "city-market", "reason", "绩效评价涉及质量品牌，请知悉"));
		assertThat(copied.statusCode()).as("copy: %s", copied.body()).isEqualTo(200);
		// A failing grade cannot conclude that the targets were reached: Tasklist shows
		// why, and the task stays open.
		HttpResponse<String> contradiction = lcIndustry.postJson("/engine-rest/task/" + evaluation + "/submit-form",
				form(Map.of("decision", APPROVE, "opinion", "产值达到申报预期。", "score", 45, "grade", "FAIL")));
		assertThat(contradiction.statusCode()).isIn(400, 500);
		assertThat(contradiction.body()).contains("评价等级为“不合格”（60 分以下）时，评价结论不能为“达到预期目标”");
		assertThat(lcIndustry.awaitTask(id, "Task_PerformanceEvaluation").get("id").asText()).isEqualTo(evaluation);
		lcIndustry.act(id, "Task_PerformanceEvaluation", APPROVE, "产值、节能量达到申报预期。",
				Map.of("score", 88, "grade", "GOOD"));

		JsonNode done = Actor.await("the evaluation is recorded", () -> {
			JsonNode v = enterprise.getJson("/api/applications/" + id + "/aftercare");
			return v.get("findings").size() == 3 ? v : null;
		});
		assertThat(done.get("currentStep").asText()).isEqualTo("绩效评价已完成");
		assertThat(done.at("/findings/2/score").asInt()).isEqualTo(88);
		assertThat(done.at("/submissions/1/outputValue").decimalValue()).isEqualByComparingTo("12500000");
		assertThat(done.findValues("evidence").stream().mapToInt(JsonNode::size).sum()).as("evidence listed")
			.isPositive();
		assertThat(done.findValues("fileId")).as("the store's ids, one sequence for every party's files").isEmpty();
		assertThat(done.at("/promised/outputIncrease").decimalValue()).as("预计年新增产值, an increase")
			.isEqualByComparingTo("3000000");
		assertThat(done.at("/promised/outputValue").decimalValue()).as("its old name, kept for clients")
			.isEqualByComparingTo("3000000");

		// The files: the enterprise, the bodies that handled the case and the body it
		// was copied to read them, nobody else.
		long evidenceId = done.at("/submissions/0/evidence/0/id").asLong();
		assertThat(enterprise.getBytes("/api/applications/" + id + "/aftercare/evidence/" + evidenceId).statusCode())
			.isEqualTo(200);
		assertThat(other.getBytes("/api/applications/" + id + "/aftercare/evidence/" + evidenceId).statusCode())
			.isEqualTo(404);
		assertThat(lcIndustry.getBytes("/review/aftercare/" + id + "/evidence/" + evidenceId).statusCode())
			.isEqualTo(200);
		assertThat(Actor.as(port, "lq-industry").get("/review/aftercare/" + id).statusCode()).isEqualTo(404);
		HttpResponse<String> reviewPage = lcMarket.get("/review/aftercare/" + id);
		assertThat(reviewPage.statusCode()).as("lc-market after the copy").isEqualTo(200);
		assertThat(reviewPage.body()).contains("申报预计年新增产值", "3,000,000.00 元（新增额", "实际年产值（总额）12,500,000.00 元")
			.doesNotContain("申报预期年产值");
		assertThat(lcMarket.getBytes("/review/aftercare/" + id + "/evidence/" + evidenceId).statusCode())
			.as("lc-market reads the evidence after the copy")
			.isEqualTo(200);

		String page = enterprise.get("/enterprise/applications/" + id).body();
		assertThat(page).contains("项目后续管理", "GK-2026-0088", "160,000.00", "验收通过", "88 分，良好");
		assertThat(ThreeKindsEndToEndTest.messages(enterprise.detail(id)))
			.anySatisfy(m -> assertThat(m).contains("拨付奖补资金 160,000.00 元"))
			.anySatisfy(m -> assertThat(m).contains("现场验收结论：通过"));
		assertThat(CLAWBACKS.stream().filter(c -> c.applicationId() == id)).isEmpty();
		assertNoEngineFailures();
	}

	@Test
	void aLapsedRectificationAndAFailedAcceptanceAnnounceClawbacks() {
		long lapsing = acceptanceAtCity("冠县电机系统节能改造项目");
		// A deadline a body sets ends on a working day.
		LocalDate deadline = workingDays.plusWorkingDays(LocalDate.now(CHINA).plusDays(20), 0);
		lcIndustry.act(lapsing, "Task_CityOnsiteAcceptance", "RETURN", "除尘设备未接入生产线，限期整改。",
				Map.of("rectificationDeadline", deadline.toString()));
		JsonNode rectify = awaitAction(lapsing, "SUBMIT_RECTIFICATION");
		assertThat(rectify.get("dueDate").asText()).isEqualTo(deadline.toString());
		fireTimer(lapsing, "Event_RectificationLapsed");
		LocalDate passed = LocalDate.now(CHINA).minusDays(1);
		ClawbackDue lapsed = Actor.await("ClawbackDue of " + lapsing,
				() -> CLAWBACKS.stream().filter(c -> c.applicationId() == lapsing).findFirst().orElse(null));
		assertThat(lapsed.cause()).isEqualTo(ClawbackDue.Cause.RECTIFICATION_LAPSED);
		assertThat(lapsed.facts()).contains(ChinaTime.day(passed) + "前（含当日）", "除尘设备未接入生产线");

		long failing = acceptanceAtCity("冠县锅炉节能改造项目");
		lcIndustry.act(failing, "Task_CityOnsiteAcceptance", "REFUSE", "现场未见申报的永磁电机，设备与发票不符。");
		ClawbackDue failed = Actor.await("ClawbackDue of " + failing,
				() -> CLAWBACKS.stream().filter(c -> c.applicationId() == failing).findFirst().orElse(null));
		assertThat(failed.cause()).isEqualTo(ClawbackDue.Cause.ACCEPTANCE_FAILED);
		assertThat(failed.facts()).contains("现场未见申报的永磁电机，设备与发票不符。");
		assertThat(Actor.await("the lapse ends the process", () -> {
			String step = enterprise.getJson("/api/applications/" + failing + "/aftercare").get("currentStep").asText();
			return step.contains("追回") ? step : null;
		})).isEqualTo("验收不通过，已转入奖补资金追回");
		// The announcement starts the clawback itself: the city industry bureau finds it
		// waiting for its determination, with the recorded finding, and so does the
		// enterprise on its case.
		for (long clawedBack : new long[] { lapsing, failing }) {
			JsonNode clawback = Actor.await("the clawback of " + clawedBack,
					() -> lcIndustry.get("/api/clawbacks/" + clawedBack).statusCode() == 200
							? lcIndustry.getJson("/api/clawbacks/" + clawedBack) : null);
			assertThat(clawback.get("status").asText()).isEqualTo("DETERMINING");
		}
		assertThat(lcIndustry.getJson("/api/clawbacks/" + failing).get("facts").asText())
			.contains("现场未见申报的永磁电机，设备与发票不符。");
		assertThat(enterprise.getJson("/api/applications/" + failing + "/clawback").get("status").asText())
			.isEqualTo("DETERMINING");
		assertNoEngineFailures();
	}

	// ---------------------------------------------------------------- the way there

	/**
	 * A project registered and a subsidy on it allocated, all through the HTTP doors (the
	 * notice timer fired).
	 */
	long allocatedSubsidy(String projectName) {
		long project = enterprise.createDraft("PROJECT",
				ThreeKindsEndToEndTest.project(projectName).put("expectedOutputValue", "3000000"));
		enterprise.attach(project, "BUSINESS_LICENCE", PDF);
		enterprise.attach(project, "PROJECT_PLAN", PDF);
		enterprise.submit(project);
		gxIndustry.act(project, "Task_CountyFormalReview", APPROVE, "材料齐全");
		gxIndustry.act(project, "Task_CountyRecommendation", APPROVE, "同意推荐");
		lcIndustry.act(project, "Task_CityAcceptance", APPROVE, "予以受理");
		giveJointOpinions(project);
		lcIndustry.act(project, "Task_IndustryDecision", APPROVE, "同意入库");
		enterprise.awaitStatus(project, "APPROVED");

		LocalDate today = LocalDate.now(CHINA);
		ObjectNode dossier = Actor.JSON.createObjectNode()
			.put("projectId", Long.toString(project))
			.put("commissioningDate", today.minusDays(10).toString());
		dossier.putArray("equipment")
			.addObject()
			.put("name", "数控磨床")
			.put("model", "MK2110")
			.put("quantity", "2")
			.put("unitPrice", "800000")
			.put("origin", "DOMESTIC")
			.put("invoiceNo", "3700221130-" + (10000000 + project))
			.put("invoiceDate", today.minusDays(40).toString())
			.put("invoiceAmount", "1600000");
		long id = enterprise.createDraft("SUBSIDY", dossier);
		for (String category : List.of("INVOICE", "CONTRACT", "PAYMENT_PROOF")) {
			enterprise.attach(id, category, PDF);
		}
		enterprise.submit(id);
		gxIndustry.act(id, "Task_CountyFormalReview", APPROVE, "材料齐全");
		gxFinance.act(id, "Task_CountyInvoiceCheck", APPROVE, "发票经核验真实有效");
		gxIndustry.act(id, "Task_CountyRecommendation", APPROVE, "同意推荐");
		lcIndustry.act(id, "Task_CityAcceptance", APPROVE, "予以受理");
		giveJointOpinions(id);
		lcIndustry.act(id, "Task_IndustryDecision", APPROVE, "同意给予奖补");
		enterprise.awaitStatus(id, "PUBLIC_NOTICE");
		fireTimer(id, "TimerEvent_NoticePeriodEnds");
		Actor.as(port, "lc-finance").act(id, "Task_FinanceAllocation", APPROVE, "同意下达奖补资金");
		enterprise.awaitStatus(id, "APPROVED");
		return id;
	}

	long acceptanceAtCity(String projectName) {
		long id = allocatedSubsidy(projectName);
		gxFinance.act(id, "Task_RecordPayment", APPROVE, "一次性拨付。",
				Map.of("paymentDate", today(), "paidAmount", 160000.00, "voucherNo", "GK-" + id));
		awaitAction(id, "APPLY_FOR_ACCEPTANCE");
		HttpResponse<String> applied = multipart(enterprise, "/api/applications/" + id + "/aftercare/acceptance",
				acceptanceParts());
		assertThat(applied.statusCode()).as("acceptance application: %s", applied.body()).isEqualTo(202);
		gxIndustry.act(id, "Task_CountyAcceptanceCheck", APPROVE, "材料齐全，报市级验收。");
		lcIndustry.awaitTask(id, "Task_CityOnsiteAcceptance");
		return id;
	}

	void giveJointOpinions(long id) {
		admin.awaitTask(id, "Task_JointReview");
		TreeSet<String> groups = new TreeSet<>();
		for (JsonNode task : admin.tasks(id, "Task_JointReview")) {
			admin.getJson("/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate")
				.forEach(l -> {
					if (l.hasNonNull("groupId")) {
						groups.add(l.get("groupId").asText());
					}
				});
		}
		for (String group : groups) {
			Actor.as(port, "lc-" + group.substring("city-".length()))
				.act(id, "Task_JointReview", APPROVE, "经审查，符合本部门相关要求，同意");
		}
	}

	/**
	 * The timer of this case at the element, fired as the job executor does when its date
	 * comes.
	 */
	void fireTimer(long id, String activityId) {
		Job timer = Actor.await("timer " + activityId + " of " + id,
				() -> runtime.createProcessInstanceQuery()
					.processInstanceBusinessKey(Long.toString(id))
					.list()
					.stream()
					.flatMap(p -> management.createJobQuery()
						.processInstanceId(p.getId())
						.timers()
						.activityId(activityId)
						.list()
						.stream())
					.findFirst()
					.orElse(null));
		if ("TimerEvent_NoticePeriodEnds".equals(activityId)) {
			// The notice period the record holds has ended, as it has when the timer
			// fires on its own (the allocation is signed only then).
			Timestamp now = Timestamp.from(Instant.now());
			jdbc.sql("UPDATE public_notice SET ends_at = ? WHERE application_id = ? AND ends_at > ?")
				.params(now, id, now)
				.update();
		}
		if ("Event_RectificationLapsed".equals(activityId)) {
			// The rectification deadline the city's acceptance recorded has passed (it
			// ended yesterday), as it has when the timer fires on its own.
			LocalDate yesterday = LocalDate.now(CHINA).minusDays(1);
			jdbc.sql("""
					UPDATE aftercare_finding SET deadline = ?
					WHERE application_id = ? AND step = 'CITY_ACCEPTANCE' AND deadline > ?""")
				.params(yesterday, id, yesterday)
				.update();
		}
		management.executeJob(timer.getId());
	}

	JsonNode awaitAction(long id, String action) {
		return Actor.await("the enterprise can " + action + " on " + id, () -> {
			JsonNode v = enterprise.getJson("/api/applications/" + id + "/aftercare");
			for (JsonNode a : v.get("actions")) {
				if (a.asText().equals(action)) {
					return v;
				}
			}
			return null;
		});
	}

	void assertNoEngineFailures() {
		assertThat(runtime.createIncidentQuery().list()).as("incidents").isEmpty();
		assertThat(management.createJobQuery().withException().list()).as("jobs that threw").isEmpty();
	}

	static String today() {
		return LocalDate.now(CHINA).toString();
	}

	static ObjectNode form(Map<String, Object> values) {
		ObjectNode variables = Actor.JSON.createObjectNode();
		values.forEach((name, value) -> variables.putObject(name).set("value", Actor.JSON.valueToTree(value)));
		ObjectNode body = Actor.JSON.createObjectNode();
		body.set("variables", variables);
		return body;
	}

	// ---------------------------------------------------------------- multipart, as a
	// browser or client sends it

	record Part(String name, String fileName, byte[] content) {

		static Part field(String name, String value) {
			return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
		}

		static Part file(String name, String fileName, byte[] content) {
			return new Part(name, fileName, content);
		}

	}

	/** A 5 MB PDF, as a scanner makes them. */
	static byte[] scannedPdf() {
		byte[] content = new byte[5 * 1024 * 1024];
		java.util.Arrays.fill(content, (byte) ' ');
		System.arraycopy(PDF, 0, content, 0, PDF.length);
		return content;
	}

	static List<Part> acceptanceParts() {
		return List.of(Part.field("statement", "设备已安装调试完毕并投入生产。"), Part.file("commissioning", "调试运行记录.pdf", PDF),
				Part.file("photos", "现场照片.pdf", PDF), Part.file("finalAccounts", "竣工决算.pdf", PDF));
	}

	HttpResponse<String> multipart(Actor actor, String path, List<Part> parts) {
		String boundary = "----aftercare" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Part part : parts) {
			String disposition = "form-data; name=\"" + part.name() + "\""
					+ (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"");
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
					+ (part.fileName() == null ? "" : "Content-Type: application/pdf\r\n") + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((actor.user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
