package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 催办联审单位: the city industry bureau, which leads the joint review, urges a body whose
 * opinion is outstanding, from the case, once a day per body; the body's pool (or its
 * holder) is told, and the case's record and operations log keep it. Nobody else may, and
 * the bureau's own step is its lead's to urge.
 */
@WebIntegrationTest
class JointReviewUrgesTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String REASON = "{\"body\":\"%s\",\"reason\":\"联审意见请在期限内提出\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JointReviewUrgesTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void theIndustryBureauUrgesAnOutstandingBodyOnceADayAndItsPoolIsTold() throws IOException {
		Case project = atTheJointReview();
		String path = "/api/review/applications/" + project.id() + "/joint-review-urges";

		JsonNode outstanding = json(as("lc-industry").get(path));
		assertThat(outstanding.findValuesAsText("body")).contains("city-development", "city-ecology")
			.doesNotContain("city-industry");
		assertThat(outstanding.findValues("urgedToday")).allSatisfy(v -> assertThat(v.asBoolean()).isFalse());
		long told = urgesTo("lc-development");

		HttpResponse<String> urged = as("lc-industry").postJson(path, REASON.formatted("city-development"));

		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
		assertThat(json(urged).path("bodyName").asText()).isEqualTo("聊城市发展和改革委员会");
		assertThat(urgesTo("lc-development")).as("the unclaimed step's body is told").isEqualTo(told + 1);
		assertThat(jdbc
			.sql("SELECT body FROM notification WHERE recipient_id = 'lc-development' AND kind = 'TASK_URGED'"
					+ " AND application_id = ? ORDER BY id DESC")
			.param(project.id())
			.query(String.class)
			.list()).first().asString().startsWith("聊城市工业和信息化局催办").contains("联审意见请在期限内提出");
		// On the reviewers' record of the case, not the enterprise's.
		assertThat(jdbc.sql("SELECT message FROM application_event WHERE application_id = ? AND action = ?")
			.params(project.id(), "TASK_JOINT_REVIEW_URGE")
			.query(String.class)
			.list()).singleElement().asString().isEqualTo("聊城市工业和信息化局催办聊城市发展和改革委员会「市级联审」（待认领）。催办事由：联审意见请在期限内提出");
		assertThat(review.history(project)).noneSatisfy(line -> assertThat(line).contains("催办"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM review_operation WHERE application_id = ? AND operation = ?")
			.params(project.id(), "JOINT_REVIEW_URGE")
			.query(Long.class)
			.single()).isEqualTo(1);
		JsonNode after = json(as("lc-industry-lead").get(path));
		assertThat(after.findValues("body").stream().filter(b -> b.asText().equals("city-development")).toList())
			.hasSize(1);
		assertThat(urgedToday(after, "city-development")).isTrue();
		assertThat(urgedToday(after, "city-ecology")).isFalse();

		HttpResponse<String> again = as("lc-industry-lead").postJson(path, REASON.formatted("city-development"));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(429);
		assertThat(again.body()).contains("今天已催办过");
		assertThat(urgesTo("lc-development")).isEqualTo(told + 1);

		// Once the body has given its opinion there is nothing to urge.
		Task development = review.tasks(project, "Task_JointReview")
			.stream()
			.filter(t -> review.candidateGroup(t).equals("city-development"))
			.findFirst()
			.orElseThrow();
		review.complete(development, java.util.Map.of("decision", "APPROVE", "opinion", "符合节能审查要求。"));
		HttpResponse<String> done = as("lc-industry").postJson(path, REASON.formatted("city-development"));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(409);
		assertThat(json(as("lc-industry").get(path)).findValuesAsText("body")).doesNotContain("city-development");
	}

	@Test
	void nobodyElseUrgesAndTheBureausOwnStepIsItsLeads() throws IOException {
		Case project = atTheJointReview();
		String path = "/api/review/applications/" + project.id() + "/joint-review-urges";
		long told = urgesTo("lc-development");

		// Another joint-review body reads the case but may not urge its peers.
		assertThat(json(as("lc-ecology").get(path)).isEmpty()).isTrue();
		HttpResponse<String> peer = as("lc-ecology").postJson(path, REASON.formatted("city-development"));
		assertThat(peer.statusCode()).as(peer.body()).isEqualTo(403);
		assertThat(peer.body()).contains("只有市工业和信息化局可以催办联审单位");
		// The county that recommended it neither.
		assertThat(as(DemoUsers.COUNTY_REVIEWER).postJson(path, REASON.formatted("city-development")).statusCode())
			.isIn(403, 404);
		// The enterprise and another county's reviewer: no such case for them.
		assertThat(as(DemoUsers.ENTERPRISE).postJson(path, REASON.formatted("city-development")).statusCode()).isIn(403,
				404);
		assertThat(as("dcf-industry").postJson(path, REASON.formatted("city-development")).statusCode()).isEqualTo(404);
		// The bureau's own step, a body not in the round, no reason, other spellings.
		HttpResponse<String> own = as("lc-industry").postJson(path, REASON.formatted("city-industry"));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(400);
		assertThat(own.body()).contains("本局的联审环节由本局负责人");
		assertThat(as("lc-industry").postJson(path, REASON.formatted("city-finance")).statusCode()).isEqualTo(409);
		assertThat(as("lc-industry").postJson(path, "{\"body\":\"city-development\",\"reason\":\" \"}").statusCode())
			.isEqualTo(400);
		assertThat(as("lc-industry").postJson(path, "{\"reason\":\"联审意见请在期限内提出\"}").body()).contains("请选择要催办的联审单位");
		// Other spellings, by one who may urge: none reaches the rule, so none urges.
		for (String spelling : List.of(path + "/", path.toUpperCase(), path.replace("/review/", "/review//"),
				path.replace("joint-review-urges", "joint-review-urges;x=1"),
				path.replace("/api/review/", "/api/review/./"))) {
			assertThat(as("lc-industry").postJson(spelling, REASON.formatted("city-development")).statusCode())
				.as(spelling)
				.isNotEqualTo(200);
		}
		assertThat(urgesTo("lc-development")).as("no spelling urged").isEqualTo(told);
		assertThat(json(as("lc-industry").get(path)).findValues("urgedToday"))
			.allSatisfy(v -> assertThat(v.asBoolean()).isFalse());
		// The dossier page's form: a session's post without its CSRF token is refused.
		WebClient session = new WebClient(port);
		session.login("lc-industry", DemoUsers.PASSWORD);
		assertThat(session
			.postForm("/review/applications/" + project.id() + "/joint-review-urges",
					"body=city-development&reason=%E8%AF%B7%E5%B0%BD%E5%BF%AB%E5%8A%9E%E7%90%86")
			.statusCode()).isEqualTo(403);
		assertThat(urgesTo("lc-development")).isEqualTo(told);
	}

	private Case atTheJointReview() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		assertThat(review.tasks(project, "Task_JointReview")).extracting(review::candidateGroup)
			.contains("city-industry", "city-development", "city-ecology");
		return project;
	}

	private long urgesTo(String user) {
		return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND kind = 'TASK_URGED'")
			.param(user)
			.query(Long.class)
			.single();
	}

	private static boolean urgedToday(JsonNode outstanding, String body) {
		for (JsonNode row : outstanding) {
			if (row.path("body").asText().equals(body)) {
				return row.path("urgedToday").asBoolean();
			}
		}
		throw new AssertionError(body + " not outstanding: " + outstanding);
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static JsonNode json(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

}
