package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationApi.json;
import static cn.liaocheng.renewal.application.ApplicationFixtures.pdf;
import static cn.liaocheng.renewal.application.ApplicationFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * One enterprise's application is invisible to everyone else: another enterprise gets
 * "not found" (never "forbidden", which would confirm the id exists) on every endpoint,
 * staff and strangers are refused the API, and nothing changes.
 */
@WebIntegrationTest
class ApplicationIsolationTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	ApplicationApi owner;

	long applicationId;

	long attachmentId;

	/** Every endpoint of the API, called on the owner's application and attachment. */
	enum Endpoint {

		LIST, REGISTERED_PROJECTS, CREATE, DETAIL, UPDATE, DELETE, SUBMIT, WITHDRAW, UPLOAD, DOWNLOAD,
		DELETE_ATTACHMENT, IMPORT_EQUIPMENT;

		HttpResponse<?> call(ApplicationApi api, long id, long attachmentId) {
			return switch (this) {
				case LIST -> api.list();
				case REGISTERED_PROJECTS -> api.registeredProjects();
				case CREATE -> api.create("PROJECT", project(1), UUID.randomUUID().toString());
				case DETAIL -> api.detail(id);
				case UPDATE -> api.update(id, project(1).put("projectName", "被他人篡改的项目"));
				case DELETE -> api.delete(id);
				case SUBMIT -> api.submit(id);
				case WITHDRAW -> api.withdraw(id);
				case UPLOAD -> api.upload(id, "OTHER", "intruder.pdf", pdf("intruder"));
				case DOWNLOAD -> api.download(id, attachmentId);
				case DELETE_ATTACHMENT -> api.deleteAttachment(id, attachmentId);
				case IMPORT_EQUIPMENT -> api.importEquipment(id, "清单.xlsx",
						EquipmentLists.project(List.of(List.of("被他人导入的设备", "X1", 1, 1000, "国产"))), null);
			};
		}

	}

	/**
	 * The owner's draft for the staff and anonymous cases: their requests stop at the
	 * security filters.
	 */
	private static long[] sharedDraft;

	@BeforeEach
	void connect() {
		owner = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
	}

	/**
	 * A fresh submittable draft of the owner's with two attachments, for a case that
	 * reaches the controller.
	 */
	private void givenOwnersDraft() {
		applicationId = owner.submittableProject();
		attachmentId = json(owner.detail(applicationId)).at("/attachments/0/id").asLong();
	}

	/**
	 * One such draft for all cases that should never reach the controller; each still
	 * checks it is unchanged.
	 */
	private void givenSharedDraft() {
		if (sharedDraft == null) {
			givenOwnersDraft();
			sharedDraft = new long[] { applicationId, attachmentId };
		}
		applicationId = sharedDraft[0];
		attachmentId = sharedDraft[1];
	}

	@ParameterizedTest(name = "ent-lq {0} → 404")
	@EnumSource(value = Endpoint.class, names = { "LIST", "REGISTERED_PROJECTS", "CREATE" },
			mode = EnumSource.Mode.EXCLUDE)
	void anotherEnterpriseFindsNothingAndChangesNothing(Endpoint endpoint) {
		givenOwnersDraft();
		JsonNode before = ownersView();
		ApplicationApi intruder = ApplicationApi.as(port, DemoUsers.OTHER_ENTERPRISE);

		HttpResponse<?> response = endpoint.call(intruder, applicationId, attachmentId);

		assertThat(response.statusCode()).as("%s: %s", endpoint, response.body()).isEqualTo(404);
		assertThat(json(response).get("detail").asText()).isEqualTo("申报不存在或无权访问");
		assertUnchanged(before);
	}

	@Test
	void anotherEnterpriseCannotWithdrawOrReadASubmittedApplication() {
		givenOwnersDraft();
		owner.submit(applicationId);
		JsonNode before = ownersView();
		ApplicationApi intruder = ApplicationApi.as(port, DemoUsers.OTHER_ENTERPRISE);

		assertThat(intruder.withdraw(applicationId).statusCode()).isEqualTo(404);
		assertThat(intruder.detail(applicationId).statusCode()).isEqualTo(404);
		assertThat(intruder.download(applicationId, attachmentId).statusCode()).isEqualTo(404);

		assertUnchanged(before);
		assertThat(runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(applicationId))
			.processDefinitionKey("project-registration")
			.count()).isEqualTo(1);
	}

	@Test
	void anotherEnterpriseCannotReachAnAttachmentThroughItsOwnApplication() {
		givenOwnersDraft();
		JsonNode before = ownersView();
		ApplicationApi intruder = ApplicationApi.as(port, DemoUsers.OTHER_ENTERPRISE);
		long own = intruder.createDraft("PROJECT", project(1));

		assertThat(intruder.download(own, attachmentId).statusCode()).isEqualTo(404);
		assertThat(intruder.deleteAttachment(own, attachmentId).statusCode()).isEqualTo(404);

		assertUnchanged(before);
	}

	@Test
	void anotherEnterprisesListDoesNotContainTheApplication() {
		givenOwnersDraft();
		assertThat(idsIn(owner.list())).contains(applicationId);
		assertThat(idsIn(ApplicationApi.as(port, DemoUsers.OTHER_ENTERPRISE).list())).doesNotContain(applicationId);
	}

	@ParameterizedTest(name = "gx-industry {0} → 403")
	@EnumSource(Endpoint.class)
	void aCountyReviewerIsRefusedTheEnterpriseApi(Endpoint endpoint) {
		givenSharedDraft();
		JsonNode before = ownersView();
		long applications = applicationsOfOwner();

		HttpResponse<?> response = endpoint.call(ApplicationApi.as(port, DemoUsers.COUNTY_REVIEWER), applicationId,
				attachmentId);

		assertThat(response.statusCode()).as("%s: %s", endpoint, response.body()).isEqualTo(403);
		assertUnchanged(before);
		assertThat(applicationsOfOwner()).isEqualTo(applications);
	}

	@ParameterizedTest(name = "anonymous {0} → 401/403")
	@EnumSource(Endpoint.class)
	void anAnonymousCallerIsRefusedTheEnterpriseApi(Endpoint endpoint) {
		givenSharedDraft();
		JsonNode before = ownersView();

		HttpResponse<?> response = endpoint.call(ApplicationApi.anonymous(port), applicationId, attachmentId);

		assertThat(response.statusCode()).as("%s: %s", endpoint, response.body()).isIn(401, 403);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertUnchanged(before);
	}

	/**
	 * The owner's application as the owner sees it, with its attachments, history and
	 * version.
	 */
	private JsonNode ownersView() {
		HttpResponse<String> detail = owner.detail(applicationId);
		assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
		return json(detail);
	}

	private void assertUnchanged(JsonNode before) {
		assertThat(ownersView()).isEqualTo(before);
		assertThat(before.get("attachments")).hasSize(2);
		HttpResponse<byte[]> download = owner.download(applicationId, attachmentId);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(ApplicationFixtures.sha256(download.body())).isEqualTo(before.at("/attachments/0/sha256").asText());
	}

	private long applicationsOfOwner() {
		return jdbc.sql(
				"SELECT COUNT(*) FROM application WHERE enterprise_id = (SELECT enterprise_id FROM application WHERE id = ?)")
			.param(applicationId)
			.query(Long.class)
			.single();
	}

	private static List<Long> idsIn(HttpResponse<String> list) {
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		json(list).forEach(s -> ids.add(s.get("id").asLong()));
		return ids;
	}

}
