package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationApi.errors;
import static cn.liaocheng.renewal.application.ApplicationApi.json;
import static cn.liaocheng.renewal.application.ApplicationFixtures.equipmentLine;
import static cn.liaocheng.renewal.application.ApplicationFixtures.pdf;
import static cn.liaocheng.renewal.application.ApplicationFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Control characters, unpaired surrogates and bidi overrides tried through every door an
 * enterprise has to its dossier: the REST API (new draft, changed draft, upload) and the
 * portal's pages (form, upload). Each is refused with a Chinese message naming the field,
 * and nothing of the request is stored.
 */
@WebIntegrationTest
class HiddenCharactersTest {

	private static final String BIDI = "含有改变文字方向的控制字符，请删除后重新输入";

	private static final String INVISIBLE = "含有不可见的控制字符，请删除后重新输入";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApplicationApi api;

	@BeforeEach
	void connect() {
		api = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
	}

	@Test
	void theApiRefusesADraftWithAControlCharacterInTheTitleAndABidiOverrideInAnEquipmentLine() {
		String key = UUID.randomUUID().toString();
		ObjectNode dossier = project(2).put("projectName", "冠县轴承生产线\u0007智能化改造项目");
		equipmentLine(dossier, 1).put("name", "数控车床\u202E0516KC");

		HttpResponse<String> refused = api.create("PROJECT", dossier, key);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(errors(refused)).containsExactlyInAnyOrder(new FieldProblem("projectName", "项目名称" + INVISIBLE),
				new FieldProblem("equipment[1].name", "设备名称" + BIDI));
		assertThat(applicationsCreatedWith(key)).isZero();
	}

	@Test
	void theApiRefusesHalfASurrogatePairSentAsAJsonEscape() {
		String key = UUID.randomUUID().toString();
		String body = ApplicationFixtures.json(project(1).put("location", "冠县经济开发区HALF")).replace("HALF", "\\uD842");

		HttpResponse<String> refused = api.createRaw("PROJECT", body, "Idempotency-Key", key);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(errors(refused)).containsExactly(new FieldProblem("location", "建设地点含有无法识别的字符（不完整的编码），请删除后重新输入"));
		assertThat(applicationsCreatedWith(key)).isZero();
	}

	@Test
	void theApiRefusesAChangedDraftWithABidiIsolateAndKeepsTheDraftAsItWas() {
		long id = api.createDraft("PROJECT", project(1));
		JsonNode before = json(api.detail(id));
		ObjectNode changed = project(1).put("otherBenefits", "降低废品率\n减少人工");
		equipmentLine(changed, 0).put("model", "CK6150\u2067-1");

		HttpResponse<String> refused = api.update(id, changed);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(errors(refused)).containsExactly(new FieldProblem("equipment[0].model", "规格型号" + BIDI));
		JsonNode after = json(api.detail(id));
		assertThat(after.get("version")).isEqualTo(before.get("version"));
		assertThat(after.get("dossier")).isEqualTo(before.get("dossier"));
	}

	@Test
	void theApiRefusesAnUploadWhoseFileNameHidesItsRealExtensionBehindABidiOverride() {
		long id = api.createDraft("PROJECT", project(1));
		long files = storedFiles();

		HttpResponse<String> refused = api.upload(id, "BUSINESS_LICENCE", "营业执照\u202Efdp.exe", pdf("bidi " + id));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(errors(refused)).containsExactly(new FieldProblem("file", "文件名含有改变文字方向的控制字符，请修改文件名后重新上传"));
		assertThat(attachmentsOf(id)).isZero();
		assertThat(storedFiles()).isEqualTo(files);
		assertThat(eventsOf(id, "ATTACHMENT_ADDED")).isZero();
	}

	@Test
	void thePortalFormShowsTheErrorNextToEachFieldAndStoresNothing() {
		WebClient browser = loggedIn();
		String form = browser.get("/enterprise/applications/new?kind=PROJECT").body();
		String key = UUID.randomUUID().toString();
		String fields = "creationKey=" + key + "&_csrf=" + enc(WebClient.csrfTokenOf(form)) + "&projectName="
				+ enc("冠县轴承\u202E目项造改线产生") + "&policyTask=4" + "&equipment[0].name=" + enc("数控车床\u001B[2J")
				+ "&equipment[0].model=CK6150"
				+ "&equipment[0].quantity=1&equipment[0].unitPrice=185000&equipment[0].origin=DOMESTIC";

		HttpResponse<String> page = browser.postForm("/enterprise/applications?kind=PROJECT", fields);

		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("申报材料有 <strong>2</strong> 处需要修改", "项目名称" + BIDI, "设备名称" + INVISIBLE);
		assertThat(applicationsCreatedWith(key)).isZero();
	}

	@Test
	void thePortalUploadRefusesABidiFileNameAndSaysSoOnTheDetailPage() {
		long id = api.createDraft("PROJECT", project(1));
		WebClient browser = loggedIn();
		String detail = browser.get("/enterprise/applications/" + id).body();

		HttpResponse<String> uploaded = portalUpload(browser, detail, id, "BUSINESS_LICENCE", "licence\u202Efdp.scr",
				pdf("portal bidi " + id));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		assertThat(browser.get("/enterprise/applications/" + id).body()).contains("文件名含有改变文字方向的控制字符，请修改文件名后重新上传")
			.doesNotContain("\u202E");
		assertThat(attachmentsOf(id)).isZero();
	}

	/**
	 * After an upload the form offers the category just used again (a run of invoices or
	 * contracts is uploaded one after the other), not the first of the list.
	 */
	@Test
	void thePortalUploadFormOffersTheCategoryJustUsedAgain() {
		long id = api.createDraft("PROJECT", project(1));
		WebClient browser = loggedIn();
		String detail = browser.get("/enterprise/applications/" + id).body();
		assertThat(detail).contains("<option value=\"PROJECT_PLAN\">");

		HttpResponse<String> uploaded = portalUpload(browser, detail, id, "PROJECT_PLAN", "plan.pdf",
				pdf("portal plan " + id));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		assertThat(attachmentsOf(id)).isEqualTo(1);
		assertThat(browser.get("/enterprise/applications/" + id).body())
			.contains("<option value=\"PROJECT_PLAN\" selected=\"selected\">");
		assertThat(browser.get("/enterprise/applications/" + id).body()).as("only right after the upload")
			.doesNotContain("<option value=\"PROJECT_PLAN\" selected=\"selected\">");
	}

	/**
	 * A textarea's line breaks arrive as CR LF but were counted as one character by the
	 * browser's maxlength: 500 lines of 1,000 allowed characters (999 as the browser
	 * counts, 1,498 as sent) are taken, and stored with LF.
	 */
	@Test
	void thePortalFormCountsATypedLineBreakAsTheBrowserDidAndStoresItAsLf() {
		WebClient browser = loggedIn();
		String form = browser.get("/enterprise/applications/new?kind=PROJECT").body();
		String key = UUID.randomUUID().toString();
		String benefits = String.join("\r\n", java.util.Collections.nCopies(500, "节"));
		String fields = "creationKey=" + key + "&_csrf=" + enc(WebClient.csrfTokenOf(form)) + "&projectName="
				+ enc("冠县轴承生产线智能化改造项目") + "&policyTask=4&otherBenefits=" + enc(benefits);

		HttpResponse<String> saved = browser.postForm("/enterprise/applications?kind=PROJECT", fields);

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		long id = jdbc.sql("SELECT id FROM application WHERE creation_key = ?").param(key).query(Long.class).single();
		String stored = api.detail(id).body();
		assertThat(stored)
			.contains("\"otherBenefits\":\"" + String.join("\\n", java.util.Collections.nCopies(500, "节")) + "\"")
			.doesNotContain("\\r");
	}

	/** The same through the API: an ERP's CR LF counts once too, and is stored as LF. */
	@Test
	void theApiCountsALineBreakOnceAndStoresItAsLf() {
		long id = api.createDraft("PROJECT", project(1));
		HttpResponse<String> changed = api.update(id,
				project(1).put("otherBenefits", String.join("\r\n", java.util.Collections.nCopies(500, "节"))));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(api.detail(id).body())
			.contains("\"otherBenefits\":\"" + String.join("\\n", java.util.Collections.nCopies(500, "节")) + "\"");
	}

	/** One file sent by the detail page's upload form, with the page's CSRF token. */
	private static HttpResponse<String> portalUpload(WebClient browser, String detailPage, long id, String category,
			String fileName, byte[] content) {
		String boundary = "----portal" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
				+ WebClient.csrfTokenOf(detailPage) + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n" + category + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return browser.post("/enterprise/applications/" + id + "/attachments",
				HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

	private WebClient loggedIn() {
		WebClient browser = new WebClient(port);
		assertThat(browser.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		return browser;
	}

	private long applicationsCreatedWith(String key) {
		return jdbc.sql("SELECT COUNT(*) FROM application WHERE creation_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	private long attachmentsOf(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private long eventsOf(long id, String action) {
		return jdbc.sql("SELECT COUNT(*) FROM application_event WHERE application_id = ? AND action = ?")
			.params(id, action)
			.query(Long.class)
			.single();
	}

	private long storedFiles() {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file").query(Long.class).single();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
