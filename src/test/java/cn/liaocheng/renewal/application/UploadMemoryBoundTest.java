package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationFixtures.pdf;
import static cn.liaocheng.renewal.application.ApplicationFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.operations.UploadMemory;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Uploads are read into memory only once the case is known to be the caller's, and only
 * with room for them in the node's upload memory: another enterprise's case is "not
 * found" whatever the node holds, one's own upload finds the node full and is refused in
 * Chinese, nothing stored, and goes through once there is room again.
 */
@WebIntegrationTest
class UploadMemoryBoundTest {

	@LocalServerPort
	int port;

	@Autowired
	UploadMemory memory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFullNodeRefusesAnUploadInChineseAfterTheCaseIsFoundToBeTheCallersAndKeepsNothing() {
		ApplicationApi mine = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
		long own = mine.createDraft("PROJECT", project(1));
		long others = ApplicationApi.as(port, DemoUsers.OTHER_ENTERPRISE).createDraft("PROJECT", project(1));
		WebClient portal = new WebClient(port);
		assertThat(portal.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		String page = portal.get("/enterprise/applications/" + own).body();

		try (UploadMemory.Held all = memory.hold(64L * 1024 * 1024)) {
			// Someone else's case: "not found" before anything is read or waited for.
			assertThat(mine.upload(others, "BUSINESS_LICENCE", "营业执照.pdf", pdf("others " + others)).statusCode())
				.isEqualTo(404);
			assertThat(aftercare(mine, others).statusCode()).isEqualTo(404);

			HttpResponse<String> busy = mine.upload(own, "BUSINESS_LICENCE", "营业执照.pdf", pdf("own " + own));
			assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
			assertThat(busy.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(busy.body()).contains(UploadMemory.BUSY_MESSAGE, "服务器繁忙");
			assertThat(aftercare(mine, own).statusCode()).isEqualTo(503);

			EquipmentLists.Multipart form = EquipmentLists.multipart("营业执照.pdf", pdf("portal " + own), "_csrf",
					WebClient.csrfTokenOf(page), "category", "BUSINESS_LICENCE");
			HttpResponse<String> back = portal.post("/enterprise/applications/" + own + "/attachments",
					HttpRequest.BodyPublishers.ofByteArray(form.body()), form.contentType());
			assertThat(back.statusCode()).isEqualTo(302);
			assertThat(portal.get("/enterprise/applications/" + own).body()).contains(UploadMemory.BUSY_MESSAGE);
			assertThat(attachmentsOf(own)).isZero();
		}

		HttpResponse<String> uploaded = mine.upload(own, "BUSINESS_LICENCE", "营业执照.pdf", pdf("own again " + own));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		assertThat(attachmentsOf(own)).isEqualTo(1);
	}

	/** An acceptance application with one file, through the API. */
	private HttpResponse<String> aftercare(ApplicationApi api, long id) {
		EquipmentLists.Multipart form = EquipmentLists.multipart("记录.pdf", pdf("acceptance " + id), "statement", "已完成");
		return new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.post("/api/applications/" + id + "/aftercare/acceptance",
					HttpRequest.BodyPublishers.ofByteArray(form.body()), form.contentType());
	}

	private long attachmentsOf(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE application_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

}
