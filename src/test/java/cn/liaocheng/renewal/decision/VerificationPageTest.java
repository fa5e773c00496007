package cn.liaocheng.renewal.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.security.MemoryBombs;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/** The public check at /verify, used by someone who never logged in. */
@WebIntegrationTest
class VerificationPageTest {

	private static final String BOUNDARY = "----decision-check-7Gq";

	@LocalServerPort
	int port;

	@Autowired
	Decisions decisions;

	@Autowired
	JdbcClient jdbc;

	@Value("${renewal.verification.uploads-per-address}")
	int limit;

	private String counter;

	@Test
	void opensWithoutLogin() {
		HttpResponse<String> page = new WebClient(port).get("/verify");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("决定书真伪核验", "上传 PDF 文件核验", "输入验证码查询");
	}

	@Test
	void aScannedCodeShowsTheDecisionOnRecord() {
		IssuedDecision issued = decisions.issue(SampleDecisions.projectAccepted(SampleDecisions.newApplicationId()));

		HttpResponse<String> page = new WebClient(port).get("/verify?code=" + issued.verificationCode());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("验证码有效", issued.number(), SampleDecisions.ENTERPRISE, issued.sha256(),
				"聊城市工业和信息化局");
	}

	@Test
	void anUnknownCodeIsSaidToBeUnknown() {
		assertThat(new WebClient(port).get("/verify?code=ABCDE-FGHJK").body()).contains("未找到该验证码");
	}

	@Test
	void anUploadedOriginalIsGenuineAndAChangedCopyIsAltered() throws Exception {
		IssuedDecision issued = decisions.issue(SampleDecisions.projectAccepted(SampleDecisions.newApplicationId()));
		byte[] pdf = decisions.pdf(issued.id());
		WebClient client = new WebClient(port);

		String genuine = upload(client, pdf).body();
		String altered = upload(client, DecisionIssuingTest.changeOneByteInPageContent(pdf)).body();
		String unknown = upload(client, "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).body();

		assertThat(genuine).contains("真实有效", issued.number(), issued.sha256());
		assertThat(altered).contains("文件已被改动", issued.number(), "数字签名校验未通过");
		assertThat(unknown).contains("无法确认");
	}

	@Test
	void aGenuineAllocationRevokedLaterIsNotCalledValid() {
		long applicationId = SampleDecisions.newApplicationId();
		IssuedDecision allocation = decisions.issue(SampleDecisions.subsidyAllocated(applicationId, "finance"));
		WebClient client = new WebClient(port);
		assertThat(upload(client, decisions.pdf(allocation.id())).body()).contains("真实有效");

		IssuedDecision revocation = decisions.issue(SampleDecisions.subsidyRevoked(applicationId));

		String file = upload(client, decisions.pdf(allocation.id())).body();
		assertThat(file).contains("文件真实，但该决定已被撤销", "逐字节一致", revocation.number(), "《撤销财政奖补资金决定书》", "已撤销，不再拨付")
			.doesNotContain(">真实有效<");
		assertThat(client.get("/verify?code=" + allocation.verificationCode()).body()).contains("验证码有效，但该决定已被撤销",
				revocation.number());
	}

	/**
	 * A 1 MB-class file whose object stream inflates far past what the check reads: not
	 * read, and said so on the page (not an error page).
	 */
	@Test
	void aFileThatInflatesPastTheCheckIsSaidToBeUncheckable() {
		HttpResponse<String> page = upload(new WebClient(port), MemoryBombs.objectStreamPdf(64L * 1024 * 1024));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("无法核验", "超出核验的处理上限", "验证码查询").doesNotContain("无法确认");
	}

	/**
	 * Files are checked so often a day per client network, and then refused with 429
	 * without being read; codes are looked up as before. The test finds the counter its
	 * own connection uses, fills it to the configured limit and empties it afterwards.
	 */
	@Test
	void filesFromOneNetworkAreCheckedOnlySoOftenADayButCodesAlways() {
		IssuedDecision issued = decisions.issue(SampleDecisions.projectAccepted(SampleDecisions.newApplicationId()));
		WebClient client = new WebClient(port);
		Map<String, Integer> before = verificationCounters();
		assertThat(upload(client, decisions.pdf(issued.id())).body()).contains("真实有效");
		counter = counterThatGrew(before);

		jdbc.sql("UPDATE daily_quota SET used = ? WHERE quota_key = ? AND quota_day = ?")
			.params(limit, counter, Date.valueOf(LocalDate.now(ChinaTime.ZONE)))
			.update();
		HttpResponse<String> refused = upload(client, decisions.pdf(issued.id()));

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("今天从您所在网络上传核验的文件已达 " + limit + " 份，达到每日上限").doesNotContain("真实有效");
		HttpResponse<String> byCode = client.get("/verify?code=" + issued.verificationCode());
		assertThat(byCode.statusCode()).isEqualTo(200);
		assertThat(byCode.body()).contains("验证码有效", issued.number());
		assertThat(verificationCounters()).containsEntry(counter, limit);
	}

	@AfterEach
	void emptyTheCounter() {
		if (counter != null) {
			jdbc.sql("DELETE FROM daily_quota WHERE quota_key = ?").param(counter).update();
		}
	}

	private Map<String, Integer> verificationCounters() {
		Map<String, Integer> counters = new HashMap<>();
		jdbc.sql("SELECT quota_key, used FROM daily_quota WHERE quota_key LIKE 'verification:%' AND quota_day = ?")
			.param(Date.valueOf(LocalDate.now(ChinaTime.ZONE)))
			.query(rs -> {
				counters.put(rs.getString(1), rs.getInt(2));
			});
		return counters;
	}

	private String counterThatGrew(Map<String, Integer> before) {
		List<String> grown = verificationCounters().entrySet()
			.stream()
			.filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(grown).hasSize(1);
		return grown.get(0);
	}

	@Test
	void anUploadWithoutTheFormsCsrfTokenIsRefused() {
		HttpResponse<String> response = new WebClient(port).post("/verify",
				HttpRequest.BodyPublishers.ofByteArray(multipart(null, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))),
				"multipart/form-data; boundary=" + BOUNDARY);

		assertThat(response.statusCode()).isEqualTo(403);
	}

	private static HttpResponse<String> upload(WebClient client, byte[] pdf) {
		String token = WebClient.csrfTokenOf(client.get("/verify").body());
		return client.post("/verify", HttpRequest.BodyPublishers.ofByteArray(multipart(token, pdf)),
				"multipart/form-data; boundary=" + BOUNDARY);
	}

	private static byte[] multipart(String csrfToken, byte[] pdf) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (csrfToken != null) {
			body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"决定书.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(pdf);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

}
