package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 抄送 gives a body or a person read-only access to one case's dossier and no task, only
 * from the task's holder and only to staff; 常用意见 are each reviewer's own.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseCopyAndPhrasesTest {

	private static final String HOLDER = DemoUsers.COUNTY_REVIEWER;

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	private CountyReviewTasks county;

	@BeforeAll
	void fixture() {
		county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
	}

	@Test
	void theHolderCopiesTheCaseToABodyWhichThenReadsTheDossierWithoutATask() {
		Task task = county.heldBy(HOLDER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		String dossier = "/review/applications/" + applicationId;
		String copy = "/api/review/tasks/" + task.getId() + "/copy";
		// A city body sees the case in the project library: it is told the dossier is not
		// its to read (403), not that the case does not exist.
		assertThat(as(DemoUsers.CITY_REVIEWER).get(dossier).statusCode()).as("before the copy").isEqualTo(403);

		assertThat(as(CountyReviewTasks.COLLEAGUE).postJson(copy, toBody("city-ecology")).statusCode())
			.as("not the holder")
			.isEqualTo(403);
		assertThat(as("lq-industry").postJson(copy, toBody("city-ecology")).statusCode()).isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).postJson(copy, toBody("city-ecology")).statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).postJson(copy, toBody("city-ecology")).statusCode()).isEqualTo(403);
		assertThat(as(HOLDER).postJson(copy, toBody("enterprise")).statusCode()).as("not a body").isEqualTo(400);
		assertThat(as(HOLDER).postJson(copy, toBody("county-371525-industry-lead")).statusCode()).isEqualTo(400);
		assertThat(as(HOLDER).postJson(copy, "{\"toUser\":\"" + DemoUsers.OTHER_ENTERPRISE + "\",\"reason\":\"请知悉\"}")
			.statusCode()).as("an enterprise account").isEqualTo(400);
		assertThat(
				as(HOLDER).postJson(copy, "{\"toBody\":\"city-ecology\",\"toUser\":\"lc-industry\",\"reason\":\"请知悉\"}")
					.statusCode())
			.as("both")
			.isEqualTo(400);

		HttpResponse<String> copied = as(HOLDER).postJson(copy, toBody("city-ecology"));
		assertThat(copied.statusCode()).as(copied.body()).isEqualTo(200);
		assertThat(copied.body()).contains("聊城市生态环境局");
		assertThat(as(HOLDER).postJson(copy, toBody("city-ecology")).statusCode()).as("twice").isEqualTo(400);

		assertThat(as(DemoUsers.CITY_REVIEWER).get(dossier).statusCode()).as("a member of the body").isEqualTo(200);
		assertThat(as(DemoUsers.CITY_REVIEWER).get("/api/review/copies").body())
			.contains("\"applicationId\":" + applicationId);
		assertThat(as("lc-industry").get(dossier).statusCode()).as("another city body").isEqualTo(403);
		assertThat(tasks.createTaskQuery()
			.processInstanceBusinessKey(Long.toString(applicationId))
			.taskCandidateGroup("city-ecology")
			.count()).as("no task").isZero();
		assertThat(as(HOLDER).get(dossier).body()).contains("办理操作记录", "抄送", "聊城市生态环境局");
	}

	@Test
	void aCopyGoesOnlyToThoseWhoMayKnowTheCase() throws Exception {
		Task task = county.heldBy(HOLDER);
		String copy = "/api/review/tasks/" + task.getId() + "/copy";
		String offered = "/api/review/tasks/" + task.getId() + "/copy-bodies";

		// A project of 冠县: another county's department, a bank (no loan was asked of it)
		// and their people are refused, as the dossier would open to them.
		for (String refused : List.of(toBody("county-371502-industry"), toBody("bank-icbc"),
				"{\"toUser\":\"dcf-industry\",\"reason\":\"请知悉\"}",
				"{\"toUser\":\"" + DemoUsers.BANK_OFFICER + "\",\"reason\":\"请知悉\"}")) {
			HttpResponse<String> answer = as(HOLDER).postJson(copy, refused);
			assertThat(answer.statusCode()).as(refused + " " + answer.body()).isEqualTo(400);
			assertThat(answer.body()).contains("本案件只能抄送市级单位、本县（市、区）的部门");
		}
		assertThat(as("dcf-industry").get("/api/review/copies").body())
			.doesNotContain("\"applicationId\":" + CountyReviewTasks.applicationOf(task, runtime) + ",");

		JsonNode bodies = JSON.readTree(as(HOLDER).get(offered).body());
		List<String> ids = bodies.findValuesAsText("id");
		assertThat(ids).contains("city-ecology", "city-industry", "county-371525-finance")
			.noneMatch(id -> id.startsWith("bank-") || id.endsWith("-lead"))
			.allMatch(id -> id.startsWith("city-") || id.startsWith("county-371525-"));
		assertThat(as(CountyReviewTasks.COLLEAGUE).get(offered).statusCode()).as("not the holder").isEqualTo(403);
		assertThat(as("lq-industry").get(offered).statusCode()).as("another county").isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).get(offered).statusCode()).isEqualTo(403);

		HttpResponse<String> sameCounty = as(HOLDER).postJson(copy, toBody("county-371525-finance"));
		assertThat(sameCounty.statusCode()).as(sameCounty.body()).isEqualTo(200);
	}

	@Test
	void thePeopleOfABodyAreListedOnlyForABodyTheCaseMayBeCopiedToAndOnlyToItsHolder() throws Exception {
		Task task = county.heldBy(HOLDER);
		String people = "/api/review/tasks/" + task.getId() + "/copy-people?body=";

		HttpResponse<String> finance = as(HOLDER).get(people + "city-finance");
		assertThat(finance.statusCode()).as(finance.body()).isEqualTo(200);
		List<String> ids = JSON.readTree(finance.body()).findValuesAsText("userId");
		assertThat(ids).contains("lc-finance", "lc-finance-pay")
			.as("the body's members: not its lead group, not administrators")
			.doesNotContain("lc-finance-lead", "admin");
		assertThat(JSON.readTree(finance.body()).findValuesAsText("name")).allMatch(n -> !n.isBlank());
		assertThat(JSON.readTree(as(HOLDER).get(people + "county-371525-industry").body()).findValuesAsText("userId"))
			.as("the holder's own body, without the holder")
			.contains(CountyReviewTasks.COLLEAGUE)
			.doesNotContain(HOLDER);

		// Bodies the case may not be copied to, however spelled: their members are not
		// listed.
		for (String refused : List.of("county-371502-industry", "bank-icbc", "city-finance-lead", "enterprise",
				"administrators", "CITY-FINANCE", "city-finance-pay", "city-finance%00", "")) {
			HttpResponse<String> answer = as(HOLDER).get(people + refused);
			assertThat(answer.statusCode()).as(refused + " " + answer.body()).isEqualTo(400);
			assertThat(answer.body()).doesNotContain("lc-finance", "dcf-industry", "icbc-officer");
		}
		assertThat(as(CountyReviewTasks.COLLEAGUE).get(people + "city-finance").statusCode()).as("not the holder")
			.isEqualTo(403);
		assertThat(as("lq-industry").get(people + "city-finance").statusCode()).as("another county").isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).get(people + "city-finance").statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).get(people + "city-finance").statusCode()).isIn(302, 401, 403);
	}

	@Test
	void aPersonCopiedToReadsTheDossier() {
		Task task = county.heldBy(HOLDER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		HttpResponse<String> copied = as(HOLDER).postJson("/api/review/tasks/" + task.getId() + "/copy",
				"{\"toUser\":\"lc-industry\",\"reason\":\"重点项目，请提前了解\"}");
		assertThat(copied.statusCode()).as(copied.body()).isEqualTo(200);
		assertThat(as("lc-industry").get("/review/applications/" + applicationId).statusCode()).isEqualTo(200);
		// Not a colleague: lc-ecology sees the case in the project library, and is told
		// the dossier is not its to read.
		assertThat(as(DemoUsers.CITY_REVIEWER).get("/review/applications/" + applicationId).statusCode())
			.isEqualTo(403);
	}

	@Test
	void aPersonalCopyDoesNotFollowItsReaderOutOfTheirBodyNorGoToTheSender() {
		Task task = county.heldBy(HOLDER);
		long applicationId = CountyReviewTasks.applicationOf(task, runtime);
		String mover = "copy-mover-" + Long.toString(System.nanoTime(), 36);
		User user = identity.newUser(mover);
		user.setFirstName("抄送测试");
		user.setLastName("市生态环境局");
		user.setPassword(DemoUsers.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(mover, GroupNames.city("ecology"));
		String copy = "/api/review/tasks/" + task.getId() + "/copy";

		HttpResponse<String> toSelf = as(HOLDER).postJson(copy, "{\"toUser\":\"" + HOLDER + "\",\"reason\":\"备查\"}");
		assertThat(toSelf.statusCode()).isEqualTo(400);
		assertThat(toSelf.body()).contains("不能抄送给自己");

		assertThat(as(HOLDER).postJson(copy, "{\"toUser\":\"" + mover + "\",\"reason\":\"请知悉\"}").statusCode())
			.isEqualTo(200);
		assertThat(as(mover).get("/review/applications/" + applicationId).statusCode()).isEqualTo(200);
		assertThat(as(mover).get("/api/review/copies").body()).contains("\"applicationId\":" + applicationId);

		// Moves from the city body to a bank that the case was never pushed to.
		identity.deleteMembership(mover, GroupNames.city("ecology"));
		identity.createMembership(mover, GroupNames.bank("icbc"));
		assertThat(as(mover).get("/review/applications/" + applicationId).statusCode()).isEqualTo(404);
		assertThat(as(mover).get("/api/review/copies").body()).doesNotContain("\"applicationId\":" + applicationId);
	}

	/**
	 * 抄送我的 pages by fifty, newest first, says when an older page follows, and finds a
	 * case by its 申报编号; another reader's copies are not in it.
	 */
	@Test
	void copiesToMePageByFiftyAndAreFoundByTheirReferenceNumber() throws Exception {
		long applicationId = CountyReviewTasks.applicationOf(county.heldBy(HOLDER), runtime);
		String referenceNo = jdbc.sql("SELECT reference_no FROM application WHERE id = ?")
			.param(applicationId)
			.query(String.class)
			.single();
		String reader = "copy-pages-" + Long.toString(System.nanoTime(), 36);
		User user = identity.newUser(reader);
		user.setFirstName("抄送分页");
		user.setLastName("市生态环境局");
		user.setPassword(DemoUsers.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(reader, GroupNames.city("ecology"));
		for (int i = 1; i <= 55; i++) {
			jdbc.sql("""
					INSERT INTO case_copy (application_id, recipient_user, actor, reason, created_at)
					VALUES (?, ?, ?, ?, ?)""")
				.params(applicationId, reader, HOLDER, "分页测试第" + i + "件",
						Timestamp.from(Instant.parse("2099-01-01T00:00:00Z").plusSeconds(60L * i)))
				.update();
		}

		JsonNode first = JSON.readTree(as(reader).get("/api/review/copies/page").body());
		assertThat(first.get("copies")).hasSize(50);
		assertThat(first.get("copies").get(0).get("reason").asText()).isEqualTo("分页测试第55件");
		assertThat(first.get("page").asInt()).isOne();
		assertThat(first.get("more").asBoolean()).isTrue();
		JsonNode second = JSON.readTree(as(reader).get("/api/review/copies/page?page=2").body());
		assertThat(second.get("copies").findValuesAsText("reason")).startsWith("分页测试第5件", "分页测试第4件", "分页测试第3件",
				"分页测试第2件", "分页测试第1件");
		JsonNode found = JSON
			.readTree(as(reader).get("/api/review/copies/page?q=" + referenceNo.toLowerCase(Locale.ROOT)).body());
		assertThat(found.get("copies").findValuesAsText("referenceNo")).isNotEmpty().containsOnly(referenceNo);
		assertThat(JSON.readTree(as(reader).get("/api/review/copies/page?q=XM-0000-%25").body()).get("copies"))
			.as("a wildcard is a character")
			.isEmpty();
		assertThat(as(DemoUsers.CITY_REVIEWER).get("/api/review/copies/page").body()).as("another reader's copies")
			.doesNotContain("分页测试");
	}

	@Test
	void phrasesAreEachReviewersOwn() throws Exception {
		// Unique to this run: the shared context's other tests save phrases for the same
		// reviewer.
		String text = "材料齐全，符合申报条件，同意。（" + System.nanoTime() % 100000 + "）";
		String json = "{\"text\":\"" + text + "\"}";
		HttpResponse<String> saved = as(HOLDER).postJson("/api/review/phrases", json);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		long id = JSON.readTree(saved.body()).path("id").asLong();
		assertThat(as(HOLDER).postJson("/api/review/phrases", json).statusCode()).isEqualTo(400);
		assertThat(as(HOLDER).postJson("/api/review/phrases", "{\"text\":\"同\"}").statusCode()).isEqualTo(400);
		assertThat(as(HOLDER).postJson("/api/review/phrases", "{\"text\":\"同意\u202E意同\"}").statusCode()).isEqualTo(400);

		JsonNode mine = JSON.readTree(as(HOLDER).get("/api/review/phrases").body());
		assertThat(mine.findValuesAsText("text")).contains(text);
		assertThat(as(CountyReviewTasks.COLLEAGUE).get("/api/review/phrases").body()).doesNotContain(text);
		assertThat(as(CountyReviewTasks.COLLEAGUE).send("DELETE", "/api/review/phrases/" + id, null).statusCode())
			.as("another's phrase")
			.isEqualTo(404);
		assertThat(as(DemoUsers.ENTERPRISE).get("/api/review/phrases").statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).get("/api/review/phrases").statusCode()).isEqualTo(401);

		assertThat(as(HOLDER).send("DELETE", "/api/review/phrases/" + id, null).statusCode()).isEqualTo(204);
		assertThat(as(HOLDER).get("/api/review/phrases").body()).doesNotContain(text);
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String toBody(String group) {
		return "{\"toBody\":\"" + group + "\",\"reason\":\"涉及环保审批，请知悉\"}";
	}

}
