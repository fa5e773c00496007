package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Every failure an enterprise can cause in the portal ends in Chinese, saying what to do:
 * bad and oversized uploads, a submission with an attachment missing, an expired form,
 * unknown addresses and methods, a link without its kind.
 */
@WebIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PortalErrorPagesTest {

	private static final String HTML = "text/html,application/xhtml+xml";

	@LocalServerPort
	int port;

	private WebClient portal;

	private long id;

	private String csrf;

	@BeforeEach
	void draftInThePortal() {
		id = ApplicationApi.as(port, DemoUsers.ENTERPRISE).createDraft("PROJECT", ApplicationFixtures.project(1));
		portal = new WebClient(port);
		portal.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		csrf = WebClient.csrfTokenOf(page());
	}

	@Test
	void aRenamedExecutableComesBackToTheCasePageWithAChineseReason() {
		HttpResponse<String> sent = upload("setup.pdf", ApplicationFixtures.windowsExecutable());

		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(page()).contains("不是 PDF、JPEG 或 PNG 文件").doesNotContain("系统错误");
	}

	@Test
	void filesOverTheLimitComeBackToTheCasePageWithTheLimitWhateverTheirSize() {
		for (int size : new int[] { 10_500_000, 11_500_000, 25_000_000 }) {
			HttpResponse<String> sent = upload("scan.pdf", ApplicationFixtures.pdfOfSize(size));

			assertThat(sent.statusCode()).as("%d bytes", size).isEqualTo(302);
			assertThat(sent.headers().firstValue("Location").orElseThrow()).as("%d bytes", size)
				.contains("/enterprise/applications/" + id);
			assertThat(page()).as("%d bytes", size).contains("单个附件不能超过 10 MB").doesNotContain("系统错误");
		}
	}

	/**
	 * The limit refuses a request before a controller reads it; the message goes back to
	 * the form it came from: the after-award forms' own section, the public verification
	 * page. Every page carries the script that refuses such files before they are sent.
	 */
	@Test
	void filesOverTheLimitOnOtherFormsComeBackToThoseForms() {
		HttpResponse<String> aftercare = upload("/enterprise/applications/" + id + "/aftercare/acceptance", portal,
				csrf, "final-accounts.pdf", ApplicationFixtures.pdfOfSize(25_000_000));
		assertThat(aftercare.statusCode()).isEqualTo(302);
		assertThat(aftercare.headers().firstValue("Location").orElseThrow())
			.endsWith("/enterprise/applications/" + id + "#aftercare");

		WebClient visitor = new WebClient(port);
		String token = WebClient.csrfTokenOf(visitor.get("/verify").body());
		HttpResponse<String> verify = upload("/verify", visitor, token, "decision.pdf",
				ApplicationFixtures.pdfOfSize(25_000_000));
		assertThat(verify.statusCode()).isEqualTo(302);
		assertThat(verify.headers().firstValue("Location").orElseThrow()).endsWith("/verify");
		assertThat(visitor.get("/verify").body()).contains("单个附件不能超过 10 MB").contains("/js/upload-limits.js");

		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		HttpResponse<String> model = upload("/admin/models/upload", admin,
				WebClient.csrfTokenOf(admin.get("/admin/models").body()), "renewal.bpmn",
				ApplicationFixtures.pdfOfSize(25_000_000));
		assertThat(model.statusCode()).isEqualTo(302);
		assertThat(model.headers().firstValue("Location").orElseThrow()).endsWith("/admin/models");
		assertThat(admin.get("/admin/models").body()).contains("id=\"upload-refused\"", "单个附件不能超过 10 MB");
	}

	/**
	 * Shown again (three more lines, a problem to fix), the form keeps the version the
	 * enterprise started from: a change made meanwhile in another window is not
	 * overwritten without a word.
	 */
	@Test
	void aFormShownAgainStillRefusesToOverwriteAChangeMadeMeanwhile() {
		String started = versionIn(portal.get("/enterprise/applications/" + id + "/edit").body());
		ObjectNode elsewhere = ApplicationFixtures.project(1).put("projectName", "另一窗口改的名称");
		assertThat(ApplicationApi.as(port, DemoUsers.ENTERPRISE).update(id, elsewhere).statusCode()).isEqualTo(200);

		HttpResponse<String> more = portal.postForm("/enterprise/applications/" + id,
				"_csrf=" + csrf + "&version=" + started + "&action=addLines&projectName=" + enc("本窗口的名称"));
		assertThat(versionIn(more.body())).isEqualTo(started);
		HttpResponse<String> saved = portal.postForm("/enterprise/applications/" + id,
				"_csrf=" + csrf + "&version=" + started + "&projectName=" + enc("本窗口的名称"));

		assertThat(saved.statusCode()).as("the form again, with what was typed").isEqualTo(200);
		assertThat(saved.body()).contains("申报已在其他窗口或由其他人修改", "尚未保存", "本窗口的名称");
		assertThat(ApplicationApi.as(port, DemoUsers.ENTERPRISE).detail(id).body()).contains("另一窗口改的名称");
	}

	/**
	 * 保存 clicked twice while the first was answering: the second finds its own contents
	 * saved and says so, instead of reporting a change by someone else; other contents
	 * from the same stale page are still refused.
	 */
	@Test
	void theSameFormSavedTwiceIsSavedNotAConflict() {
		String started = versionIn(portal.get("/enterprise/applications/" + id + "/edit").body());
		String form = "_csrf=" + csrf + "&version=" + started + "&projectName=" + enc("双击保存的名称");

		HttpResponse<String> first = portal.postForm("/enterprise/applications/" + id, form);
		HttpResponse<String> second = portal.postForm("/enterprise/applications/" + id, form);

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).as("saved, not a conflict").isEqualTo(302);
		assertThat(portal.get(second.headers().firstValue("Location").orElseThrow()).body()).contains("修改已保存。");
		HttpResponse<String> other = portal.postForm("/enterprise/applications/" + id,
				form.replace(enc("双击保存的名称"), enc("旧页面上的另一名称")));
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).contains("申报已在其他窗口或由其他人修改", "旧页面上的另一名称");
		assertThat(ApplicationApi.as(port, DemoUsers.ENTERPRISE).detail(id).body()).contains("双击保存的名称");
	}

	private static String versionIn(String form) {
		Matcher version = Pattern.compile("<input[^>]*name=\"version\"[^>]*value=\"(\\d+)\"").matcher(form);
		assertThat(version.find()).as("the form's version").isTrue();
		return version.group(1);
	}

	/**
	 * The dossier was saved in another window after this page was read: the submission is
	 * refused and the case page, as it now stands, says why.
	 */
	@Test
	void submittingADossierSavedSinceThePageWasReadSaysWhy() {
		String read = page();
		ObjectNode changed = ApplicationFixtures.project(1).put("projectName", "另一窗口改过的项目名称");
		assertThat(ApplicationApi.as(port, DemoUsers.ENTERPRISE).update(id, changed).statusCode()).isEqualTo(200);

		HttpResponse<String> sent = portal.postForm("/enterprise/applications/" + id + "/submit",
				"_csrf=" + csrf + "&declarationConfirmed=true&version=" + versionIn(read));

		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(page()).contains("申报材料已在其他窗口或由其他人修改，请刷新页面核对后再提交", "另一窗口改过的项目名称");
	}

	@Test
	void submittingWithAttachmentsMissingNamesThemOnTheCasePage() {
		HttpResponse<String> sent = portal.postForm("/enterprise/applications/" + id + "/submit",
				"_csrf=" + csrf + "&declarationConfirmed=true");

		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(page()).contains("请上传营业执照").contains("请上传项目实施方案");
	}

	@Test
	void anExpiredFormIsExplainedAndOfferedAgainWithWhatWasTyped() {
		HttpResponse<String> refused = portal.send("POST", "/enterprise/applications/" + id + "/withdraw", null,
				"Content-Type", "application/x-www-form-urlencoded", "Accept", HTML, "Origin",
				"http://localhost:" + port);
		HttpResponse<String> typed = portal.postForm("/enterprise/applications/" + id,
				"_csrf=stale&version=0&projectName=" + enc("我的项目名称"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("页面已过期");
		assertThat(typed.statusCode()).isEqualTo(403);
		// No Origin header: not offered again, only explained.
		assertThat(typed.body()).contains("页面已过期").doesNotContain("我的项目名称");
		HttpResponse<String> sameSite = portal.send("POST", "/enterprise/applications/" + id, "", "Content-Type",
				"application/x-www-form-urlencoded", "Origin", "http://localhost:" + port);
		assertThat(sameSite.statusCode()).isEqualTo(403);
		HttpResponse<String> withFields = portal.post("/enterprise/applications/" + id,
				HttpRequest.BodyPublishers
					.ofString("_csrf=stale&version=0&projectName=" + enc("我的项目名称") + "&password=secret"),
				"application/x-www-form-urlencoded");
		assertThat(withFields.body()).doesNotContain("secret");
	}

	@Test
	void anExpiredFormFromThisSiteKeepsTheInputAndAFreshTokenSendsIt() {
		HttpResponse<String> refused = portal.send("POST", "/enterprise/applications/" + id + "/withdraw", null,
				"Accept", HTML, "Origin", "http://localhost:" + port);
		String body = refused.body();
		assertThat(body).contains("重新提交").contains("action=\"/enterprise/applications/" + id + "/withdraw\"");

		String token = portal.get("/form-expired/token").body();
		assertThat(token).contains("\"loggedIn\":true");
	}

	@Test
	void unknownPagesAndWrongMethodsAreChinesePagesForBrowsersAndChineseProblemsForClients() {
		HttpResponse<String> page = portal.send("GET", "/enterprise/nothing-here", null, "Accept", HTML);
		HttpResponse<String> method = portal.send("GET", "/enterprise/applications/" + id + "/submit", null, "Accept",
				HTML);
		HttpResponse<String> api = portal.send("GET", "/api/nothing-here", null, "Accept", "application/json");
		HttpResponse<String> apiMethod = new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.send("PATCH", "/api/applications", null, "Accept", "application/json");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("页面不存在").contains("请求编号").doesNotContain("Not Found");
		assertThat(method.statusCode()).isEqualTo(405);
		assertThat(method.body()).contains("不支持该操作方式");
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(api.body()).contains("\"title\":\"页面不存在\"")
			.contains("requestId")
			.doesNotContain("No static resource");
		assertThat(apiMethod.statusCode()).isEqualTo(405);
		assertThat(apiMethod.body()).contains("不支持该操作方式");
	}

	@Test
	void aNewApplicationWithoutItsKindGoesToTheListAskingForOne() {
		HttpResponse<String> sent = portal.send("GET", "/enterprise/applications/new", null, "Accept", HTML);
		HttpResponse<String> badKind = portal.send("GET", "/enterprise/applications/new?kind=CAR", null, "Accept",
				HTML);

		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(portal.get("/enterprise/applications").body()).contains("请先选择要新建的申报类型");
		assertThat(badKind.statusCode()).isEqualTo(400);
		assertThat(badKind.body()).contains("链接参数无效").contains("kind");
	}

	@Test
	void anEmptyDraftShowsNoNullDates() {
		HttpResponse<String> created = ApplicationApi.as(port, DemoUsers.ENTERPRISE)
			.create("PROJECT", ApplicationFixtures.JSON.createObjectNode(), UUID.randomUUID().toString());
		long empty = ApplicationApi.json(created).at("/summary/id").asLong();

		assertThat(portal.get("/enterprise/applications/" + empty).body()).doesNotContain("null");
	}

	@Test
	void theRequestIdOnAnErrorPageIsInTheLogLinesOfThatRequest(CapturedOutput log) {
		HttpResponse<String> page = portal.send("GET", "/enterprise/nothing-here", null, "Accept", HTML);
		Matcher id = Pattern.compile("id=\"request-id\">([^<]+)<").matcher(page.body());
		assertThat(id.find()).isTrue();
		assertThat(page.headers().firstValue("X-Request-Id")).hasValue(id.group(1));
		assertThat(log.getOut()).containsPattern("\\[" + id.group(1) + "\\].*404.*/enterprise/nothing-here");
	}

	private String page() {
		return portal.get("/enterprise/applications/" + id).body();
	}

	private HttpResponse<String> upload(String name, byte[] content) {
		return upload("/enterprise/applications/" + id + "/attachments", portal, csrf, name, content);
	}

	private static HttpResponse<String> upload(String path, WebClient portal, String csrf, String name,
			byte[] content) {
		String boundary = "----errortest" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] field : new String[][] { { "_csrf", csrf }, { "category", "BUSINESS_LICENCE" },
				{ "uploadKey", UUID.randomUUID().toString() } }) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
					+ field[1] + "\r\n");
		}
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return portal.post(path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
				"multipart/form-data; boundary=" + boundary);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
