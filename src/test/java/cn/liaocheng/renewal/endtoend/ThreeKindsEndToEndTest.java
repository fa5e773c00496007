package cn.liaocheng.renewal.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.decision.VerificationResult;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * The whole system on the real PostgreSQL server, driven over HTTP by the people who do
 * each step: 冠县's demo enterprise registers a project, then applies for a subsidy and a
 * loan on it; county, city, bank and central-bank reviewers work their Camunda tasks
 * through {@code /engine-rest} exactly as Tasklist does (claim, submit-form); the public
 * objects on the notice board; and a second project goes through one round of correction.
 * The engine's job executor runs inside the application, so every asynchronous step is
 * awaited (at most 30 s each).
 *
 * <p>
 * The methods share one server and build on each other (the subsidy and the loan need the
 * registered project), hence the fixed order. Like every test with a Spring context (and
 * database) of its own, it runs in a JVM of its own ({@link OwnContext}).
 */
@Tag(OwnContext.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeKindsEndToEndTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_e2e");
	}

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final Path SAMPLES = Path.of("target", "e2e");

	/** The smallest file the upload's content sniffing accepts as a PDF. */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String APPROVE = "APPROVE";

	@LocalServerPort
	int port;

	@Autowired
	Decisions decisions;

	@Autowired
	ApplicationStages stages;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcClient jdbc;

	Actor enterprise;

	Actor admin;

	Actor gxIndustry;

	Actor lcIndustry;

	/** The project registered in step 1, which the subsidy and the loan refer to. */
	Long projectId;

	@BeforeAll
	void actors() {
		enterprise = Actor.as(port, "ent-gx");
		admin = Actor.as(port, "admin");
		gxIndustry = Actor.as(port, "gx-industry");
		lcIndustry = Actor.as(port, "lc-industry");
	}

	// ======================================================================== 1. project
	// registration

	@Test
	@Order(1)
	void projectRegistrationGoesFromCountyThroughJointReviewToASignedRegistration() throws Exception {
		long id = enterprise.createDraft("PROJECT", project("冠县轴承节能降碳改造项目"));
		JsonNode draft = enterprise.detail(id);
		assertThat(draft.at("/summary/status").asText()).isEqualTo("DRAFT");
		assertThat(draft.at("/dossier/equipment")).hasSize(3);
		enterprise.attach(id, "BUSINESS_LICENCE", PDF);
		enterprise.attach(id, "PROJECT_PLAN", PDF);
		assertThat(enterprise.detail(id).get("attachments")).hasSize(2);
		assertThat(enterprise.submit(id).get("status").asText()).isEqualTo("COUNTY_REVIEW");

		// Another county's industry bureau neither sees nor can take 冠县's task.
		JsonNode formalReview = gxIndustry.awaitTask(id, "Task_CountyFormalReview");
		Actor lqIndustry = Actor.as(port, "lq-industry");
		assertThat(lqIndustry.tasks(id, null)).as("lq-industry's task list for 冠县's application").isEmpty();
		HttpResponse<String> foreignClaim = lqIndustry.claim(formalReview.get("id").asText());
		assertThat(foreignClaim.statusCode()).as("lq-industry claims 冠县's task: %s", foreignClaim.body())
			.isIn(403, 404, 500);
		assertThat(foreignClaim.body().toLowerCase()).containsAnyOf("authoriz", "permission", "not authorized");
		assertThat(gxIndustry.getJson("/engine-rest/task/" + formalReview.get("id").asText()).hasNonNull("assignee"))
			.as("the task is claimed after the refused claim")
			.isFalse();

		gxIndustry.act(id, "Task_CountyFormalReview", APPROVE, "材料齐全，符合形式审查要求");
		gxIndustry.act(id, "Task_CountyRecommendation", APPROVE, "同意推荐至市工业和信息化局");
		enterprise.awaitStatus(id, "CITY_REVIEW");
		lcIndustry.act(id, "Task_CityAcceptance", APPROVE, "予以受理，转联审");

		List<String> bodies = jointReviewBodies(id);
		assertThat(bodies).as("joint review bodies routed for policy task 7")
			.containsExactlyInAnyOrder("city-industry", "city-development", "city-ecology");

		// The dossier is open to the bodies the case was routed to, and to nobody else in
		// the city: another city body, which sees the case in the project library, is
		// told the dossier is not its to read.
		assertThat(Actor.as(port, "lc-ecology").get("/review/applications/" + id).statusCode()).isEqualTo(200);
		assertThat(Actor.as(port, "lc-market").get("/review/applications/" + id).statusCode())
			.as("lc-market (not routed) opens the dossier")
			.isEqualTo(403);

		giveJointOpinions(id, bodies);
		lcIndustry.act(id, "Task_IndustryDecision", APPROVE, "同意入库");

		JsonNode approved = enterprise.awaitStatus(id, "APPROVED");
		assertThat(messages(approved)).as("the enterprise's history")
			.anySatisfy(m -> assertThat(m).contains("提交申报"))
			.anySatisfy(m -> assertThat(m).startsWith("办理结果"));
		assertThat(enterprise.get("/enterprise/applications/" + id).body()).as("the portal's detail page")
			.contains("已批准");
		assertThat(enterprise.getJson("/api/applications/registered-projects").has(Long.toString(id)))
			.as("registered projects offered for subsidy and loan applications")
			.isTrue();

		checkSignedDecisions(id, "project", "PROJECT_ACCEPTED");
		assertNoEngineFailures();
		projectId = id;
	}

	// ======================================================================== 2. subsidy

	@Test
	@Order(2)
	void subsidyGoesThroughInvoiceCheckJointReviewPublicNoticeWithAnObjectionAndAllocation() throws Exception {
		assumeTrue(projectId != null, "needs the project registered in step 1");
		LocalDate today = LocalDate.now(CHINA);
		ObjectNode dossier = Actor.JSON.createObjectNode()
			.put("projectId", projectId.toString())
			.put("commissioningDate", today.minusDays(10).toString());
		dossier.putArray("equipment")
			.addObject()
			.put("name", "数控磨床")
			.put("model", "MK2110")
			.put("quantity", "2")
			.put("unitPrice", "800000")
			.put("origin", "DOMESTIC")
			.put("invoiceNo", "3700221130-12345678")
			.put("invoiceDate", today.minusDays(40).toString())
			.put("invoiceAmount", "1600000");
		long id = enterprise.createDraft("SUBSIDY", dossier);
		for (String category : List.of("INVOICE", "CONTRACT", "PAYMENT_PROOF")) {
			enterprise.attach(id, category, PDF);
		}
		enterprise.submit(id);

		gxIndustry.act(id, "Task_CountyFormalReview", APPROVE, "材料齐全");
		Actor.as(port, "gx-finance").act(id, "Task_CountyInvoiceCheck", APPROVE, "发票经核验真实有效");
		gxIndustry.act(id, "Task_CountyRecommendation", APPROVE, "同意推荐");
		lcIndustry.act(id, "Task_CityAcceptance", APPROVE, "予以受理");

		List<String> bodies = jointReviewBodies(id);
		assertThat(bodies).as("joint review bodies of a subsidy on a policy task 7 project")
			.containsExactlyInAnyOrder("city-industry", "city-development", "city-ecology", "city-finance", "city-tax");
		giveJointOpinions(id, bodies);
		lcIndustry.act(id, "Task_IndustryDecision", APPROVE, "同意给予奖补");

		JsonNode onNotice = enterprise.awaitStatus(id, "PUBLIC_NOTICE");
		String referenceNo = onNotice.at("/summary/referenceNo").asText();
		// 1,600,000 yuan of domestic equipment under policy task 7: 10 %, below the
		// 3,000,000 cap and the 1,000,000 threshold for an expert review.
		assertThat(stages.facts(id).outcomes().subsidyAmount()).isEqualByComparingTo("160000.00");

		// Anyone may read the notice board and file a named objection through its form.
		WebClient citizen = new WebClient(port);
		HttpResponse<String> board = citizen.get("/notices");
		assertThat(board.statusCode()).isEqualTo(200);
		assertThat(board.body()).contains("id=\"notice-" + id + "\"", referenceNo, "160,000.00");
		String objection = "该企业所购数控磨床系二手设备翻新，不应享受设备更新奖补，请核查。";
		HttpResponse<String> filed = citizen.postForm("/notices/" + id + "/objections",
				"name=" + enc("实名异议人") + "&organisation=&phone=13800138000&content=" + enc(objection) + "&_csrf="
						+ enc(WebClient.csrfTokenOf(board.body())));
		assertThat(filed.statusCode()).as("objection form post: %s", filed.body()).isEqualTo(302);
		assertThat(filed.headers().firstValue("Location").orElse("")).endsWith("/notices");
		assertThat(citizen.get("/notices").body()).contains("异议已提交");

		// The notice period is five working days; a test cannot wait for it. Firing the
		// period's timer job is what the job executor does when its due date passes, and
		// the issuing check reads the end the notice recorded; so moving that end to now
		// and executing that one job (of this process instance only) is a faithful
		// stand-in for the wait.
		ProcessInstance subsidyProcess = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(Long.toString(id))
			.processDefinitionKey("subsidy-application")
			.singleResult();
		Job timer = management.createJobQuery().processInstanceId(subsidyProcess.getId()).timers().singleResult();
		assertThat(timer).as("the notice period's timer").isNotNull();
		assertThat(timer.getDuedate().toInstant()).as("the notice ends in the future").isAfter(Instant.now());
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("UPDATE public_notice SET ends_at = ? WHERE application_id = ? AND ends_at > ?")
			.params(now, id, now)
			.update();
		management.executeJob(timer.getId());

		JsonNode resolve = lcIndustry.awaitTask(id, "Task_ResolveObjections");
		JsonNode summary = lcIndustry
			.getJson("/engine-rest/task/" + resolve.get("id").asText() + "/variables/objectionSummary");
		assertThat(summary.get("value").asText()).contains("实名异议人", "13800138000", objection);
		lcIndustry.act(id, "Task_ResolveObjections", APPROVE, "经核查，设备为全新购置，异议不成立");
		Actor lcFinance = Actor.as(port, "lc-finance");
		JsonNode allocation = lcFinance.awaitTask(id, "Task_FinanceAllocation");
		// What Tasklist loads for the finance bureau's form: every variable it may read.
		String financeSees = lcFinance.getJson("/engine-rest/task/" + allocation.get("id").asText() + "/form-variables")
			.toString();
		assertThat(financeSees).as("the objectors stay with the industry bureau's task")
			.doesNotContain("13800138000", "实名异议人");
		lcFinance.act(id, "Task_FinanceAllocation", APPROVE, "同意下达奖补资金");

		JsonNode approved = enterprise.awaitStatus(id, "APPROVED");
		assertThat(messages(approved)).anySatisfy(m -> assertThat(m).startsWith("办理结果"));
		checkSignedDecisions(id, "subsidy", "SUBSIDY_ALLOCATED");
		assertNoEngineFailures();
	}

	// ======================================================================== 3. loan

	@Test
	@Order(3)
	void loanGoesThroughJointReviewAndPbocListingToTheChosenBankOnlyAndEarnsTheInterestSubsidy() throws Exception {
		assumeTrue(projectId != null, "needs the project registered in step 1");
		ObjectNode dossier = Actor.JSON.createObjectNode()
			.put("projectId", projectId.toString())
			.put("loanAmount", "3000000")
			.put("loanTermMonths", "36")
			.put("loanPurpose", "购置数控磨床及工业机器人");
		dossier.putArray("bankKeys").add("icbc");
		long id = enterprise.createDraft("LOAN", dossier);
		enterprise.submit(id);

		gxIndustry.act(id, "Task_CountyFormalReview", APPROVE, "材料齐全");
		gxIndustry.act(id, "Task_CountyRecommendation", APPROVE, "同意推荐");
		lcIndustry.act(id, "Task_CityAcceptance", APPROVE, "予以受理");
		List<String> bodies = jointReviewBodies(id);
		assertThat(bodies).as("joint review bodies of a loan on a policy task 7 project")
			.containsExactlyInAnyOrder("city-industry", "city-development", "city-ecology", "city-pboc", "city-nfra");
		giveJointOpinions(id, bodies);
		lcIndustry.act(id, "Task_IndustryDecision", APPROVE, "同意支持");
		Actor.as(port, "lc-pboc").act(id, "Task_PbocListing", APPROVE, "列入再贷款支持清单，推送工商银行");

		Actor icbc = Actor.as(port, "icbc-officer");
		JsonNode bankTask = icbc.awaitTask(id, "Task_BankDecision");
		assertThat(candidateGroups(bankTask.get("id").asText())).containsExactly("bank-icbc");
		assertThat(Actor.as(port, "abc-officer").tasks(id, null)).as("abc-officer's task list for an icbc loan")
			.isEmpty();
		enterprise.awaitStatus(id, "BANK_REVIEW");

		Map<String, Object> loan = new LinkedHashMap<>();
		loan.put("grantedAmount", 3000000);
		loan.put("interestRate", 3.1);
		loan.put("termMonths", 36);
		loan.put("grantDate", "2026-03-16");
		loan.put("loanType", "FIXED_ASSET");
		loan.put("usedRelending", true);
		icbc.act(id, "Task_BankDecision", "GRANTED", "同意放贷", loan);

		// The bank's grant is an offer: the enterprise accepts it in the portal (here
		// through the API).
		Actor.await("icbc's grant offered to the enterprise", () -> {
			JsonNode offers = enterprise.getJson("/api/applications/" + id + "/loan-offers");
			return offers.size() == 1 && "GRANTED".equals(offers.get(0).path("decision").asText()) ? offers : null;
		});
		// Until the engine has summed up the banks' decisions (an asynchronous step), an
		// acceptance is refused with 409 and a request to try again shortly.
		HttpResponse<String> accepted = Actor.await("icbc's grant accepted", () -> {
			HttpResponse<String> answer = enterprise.postJson("/api/applications/" + id + "/loan-offers/icbc/accept",
					Map.of());
			if (answer.statusCode() == 409 && answer.body().contains("正在汇总")) {
				return null;
			}
			return answer;
		});
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

		// The city finance bureau decides the interest subsidy the system computed.
		Actor lcFinance = Actor.as(port, "lc-finance");
		JsonNode financeTask = lcFinance.awaitTask(id, "Task_FinanceInterestReview");
		assertThat(candidateGroups(financeTask.get("id").asText())).containsExactly("city-finance");
		lcFinance.act(id, "Task_FinanceInterestReview", APPROVE, "放贷情况与测算依据相符，同意按测算结果核定贴息");

		JsonNode approved = enterprise.awaitStatus(id, "APPROVED");
		assertThat(messages(approved)).anySatisfy(m -> assertThat(m).startsWith("办理结果"));
		var outcomes = stages.facts(id).outcomes();
		assertThat(outcomes.grantedAmount()).isEqualByComparingTo("3000000");
		assertThat(outcomes.grantedRate()).isEqualByComparingTo("3.1");
		assertThat(outcomes.grantedTermMonths()).isEqualTo(36);
		assertThat(outcomes.usedRelending()).isTrue();
		// 3,000,000 × 1.5 % × 2 years, below the 2,000,000 cap.
		assertThat(outcomes.interestSubsidyAmount()).isEqualTo(new BigDecimal("90000.00"));
		checkSignedDecisions(id, "loan", "LOAN_LISTED", "INTEREST_SUBSIDY_GRANTED");
		assertNoEngineFailures();
	}

	// ======================================================================== 4.
	// correction

	@Test
	@Order(4)
	void aReturnedProjectIsCorrectedAndResubmittedAndTheCountyReviewsItAgainWithItsEarlierOpinion() {
		long id = enterprise.createDraft("PROJECT", project("冠县轴承智能产线改造项目"));
		enterprise.attach(id, "BUSINESS_LICENCE", PDF);
		enterprise.attach(id, "PROJECT_PLAN", PDF);
		enterprise.submit(id);

		String reason = "营业执照扫描件不清晰，建设地点未写明具体地块，请补正后重新提交";
		gxIndustry.act(id, "Task_CountyFormalReview", "RETURN", reason);

		JsonNode returned = enterprise.awaitStatus(id, "CORRECTION");
		assertThat(messages(returned)).as("the enterprise's history shows why it was returned")
			.anySatisfy(m -> assertThat(m).contains(reason));
		assertThat(enterprise.get("/enterprise/applications/" + id).body()).contains("待补正");

		int version = returned.get("version").asInt();
		ObjectNode corrected = project("冠县轴承智能产线改造项目");
		corrected.put("location", "冠县经济开发区振兴路 18 号 3 号地块");
		HttpResponse<String> edited = enterprise.put("/api/applications/" + id, corrected, "If-Match",
				Integer.toString(version));
		assertThat(edited.statusCode()).as("PUT with If-Match %d: %s", version, edited.body()).isEqualTo(200);
		JsonNode afterEdit = Actor.parse(edited.body());
		assertThat(afterEdit.at("/dossier/location").asText()).isEqualTo("冠县经济开发区振兴路 18 号 3 号地块");
		assertThat(afterEdit.get("version").asInt()).isGreaterThan(version);

		enterprise.submit(id);
		JsonNode again = gxIndustry.awaitTask(id, "Task_CountyFormalReview");
		assertThat(again.hasNonNull("assignee")).as("the returned step is claimed before the county took it").isFalse();
		enterprise.awaitStatus(id, "COUNTY_REVIEW");
		HttpResponse<String> dossierPage = gxIndustry.get("/review/applications/" + id);
		assertThat(dossierPage.statusCode()).isEqualTo(200);
		assertThat(dossierPage.body()).as("the reviewer's dossier keeps the earlier opinion")
			.contains(reason, "退回补正", "冠县经济开发区振兴路 18 号 3 号地块");
		assertNoEngineFailures();
	}

	// ======================================================================== helpers

	/**
	 * A project for policy task 7 (节能降碳) with three equipment lines and no new land,
	 * energy or emissions.
	 */
	static ObjectNode project(String name) {
		LocalDate today = LocalDate.now(CHINA);
		ObjectNode p = Actor.JSON.createObjectNode()
			.put("projectName", name)
			.put("policyTask", "7")
			.put("location", "冠县工业园区")
			.put("constructionStart", today.minusMonths(1).toString())
			.put("constructionEnd", today.plusMonths(11).toString())
			.put("totalInvestment", "8000000")
			.put("equipmentInvestment", "5000000")
			.put("needsNewLand", false)
			.put("needsEnergyUse", false)
			.put("needsEmissionQuota", false);
		ArrayNode equipment = p.putArray("equipment");
		equipment.addObject()
			.put("name", "数控磨床")
			.put("model", "MK2110")
			.put("quantity", "2")
			.put("unitPrice", "800000")
			.put("origin", "DOMESTIC")
			.put("replacesEquipment", "M2110 旧磨床")
			.put("replacedAgeYears", "12");
		equipment.addObject()
			.put("name", "工业机器人")
			.put("model", "ER20")
			.put("quantity", "3")
			.put("unitPrice", "300000")
			.put("origin", "IMPORTED");
		equipment.addObject()
			.put("name", "永磁电机")
			.put("model", "YE4")
			.put("quantity", "10")
			.put("unitPrice", "50000")
			.put("origin", "DOMESTIC")
			.put("efficiencyGrade", "1");
		return p;
	}

	/**
	 * Waits for the parallel joint review, then reads from each task (as the
	 * administrator) which body it is for: one candidate group per task, no task twice
	 * for a body.
	 */
	List<String> jointReviewBodies(long id) {
		admin.awaitTask(id, "Task_JointReview");
		List<JsonNode> tasks = admin.tasks(id, "Task_JointReview");
		List<String> groups = new ArrayList<>();
		for (JsonNode task : tasks) {
			List<String> candidates = candidateGroups(task.get("id").asText());
			assertThat(candidates).as("candidate groups of joint review task %s", task.get("id").asText()).hasSize(1);
			groups.add(candidates.get(0));
		}
		assertThat(groups).as("one joint review task per body").doesNotHaveDuplicates();
		return groups;
	}

	List<String> candidateGroups(String taskId) {
		JsonNode links = admin.getJson("/engine-rest/task/" + taskId + "/identity-links?type=candidate");
		List<String> groups = new ArrayList<>();
		links.forEach(l -> {
			if (l.hasNonNull("groupId")) {
				groups.add(l.get("groupId").asText());
			}
		});
		return groups;
	}

	/**
	 * Each routed body's reviewer (lc-&lt;body&gt;) sees exactly its own joint review
	 * task and approves.
	 */
	void giveJointOpinions(long id, List<String> groups) {
		for (String group : new TreeSet<>(groups)) {
			Actor reviewer = Actor.as(port, "lc-" + group.substring("city-".length()));
			assertThat(reviewer.tasks(id, "Task_JointReview")).as("%s's joint review tasks", reviewer.user).hasSize(1);
			reviewer.act(id, "Task_JointReview", APPROVE, "经审查，符合本部门相关要求，同意");
		}
	}

	/**
	 * No asynchronous step failed on the way, not even once and then succeeded on a
	 * retry: the database is this class's own, so every job and incident in it is one of
	 * these flows'.
	 */
	void assertNoEngineFailures() {
		assertThat(runtime.createIncidentQuery().list()).as("incidents").isEmpty();
		assertThat(management.createJobQuery().withException().list()).as("jobs that threw").isEmpty();
	}

	static List<String> messages(JsonNode detail) {
		List<String> result = new ArrayList<>();
		detail.get("history").forEach(e -> result.add(e.path("message").asText()));
		return result;
	}

	/**
	 * The enterprise downloads its signed decisions from the application ({@code GET
	 * /api/applications/{id}/decisions} and {@code …/decisions/{decisionId}}); each is a
	 * PDF whose signature pdfsig accepts and which the public verification
	 * ({@link Decisions#verify(byte[])}) recognises as genuine. Copies go to target/e2e/.
	 */
	void checkSignedDecisions(long id, String name, String... expectedTypes) throws Exception {
		Map<String, byte[]> pdfs = new LinkedHashMap<>();
		HttpResponse<String> list = enterprise.get("/api/applications/" + id + "/decisions");
		assertThat(list.statusCode()).as("the enterprise lists its decisions: %s", list.body()).isEqualTo(200);
		Set<String> types = new TreeSet<>();
		for (JsonNode d : Actor.parse(list.body())) {
			types.add(d.get("type").asText());
			HttpResponse<byte[]> file = enterprise
				.getBytes("/api/applications/" + id + "/decisions/" + d.get("id").asText());
			assertThat(file.statusCode()).as("download of decision %s", d.get("number")).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
			assertThat(file.headers().firstValue("X-Content-SHA256")).contains(sha256(file.body()));
			assertThat(d.get("sha256").asText()).isEqualTo(sha256(file.body()));
			pdfs.put(d.get("type").asText(), file.body());
		}
		assertThat(types).as("decisions the enterprise can download").containsExactlyInAnyOrder(expectedTypes);
		assertThat(Actor.as(port, "ent-lq").get("/api/applications/" + id + "/decisions").statusCode())
			.as("another enterprise lists these decisions")
			.isEqualTo(404);
		// The decision module's own record agrees with what the enterprise downloaded.
		IssuedDecision latest = decisions.forApplication(id).orElseThrow();
		assertThat(pdfs).containsKey(latest.type().name());
		Files.createDirectories(SAMPLES);
		for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
			byte[] pdf = e.getValue();
			assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			Path file = Files.write(SAMPLES.resolve(name + "-" + id + "-" + e.getKey().toLowerCase() + ".pdf"), pdf);
			assertThat(pdfsig(file)).as("pdfsig %s", file).contains("Signature is Valid.", "Total document signed");
			assertThat(decisions.verify(pdf).verdict()).isEqualTo(VerificationResult.Verdict.GENUINE);
		}
	}

	static String pdfsig(Path file) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("pdfsig did not finish");
		}
		return output;
	}

	static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
