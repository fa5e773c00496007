package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * What each card of Tasklist's list says about its case ({@code GET
 * /api/review/tasks/cards}): the county from the application record, whatever the process
 * variables say; 补正后重新提交 on a step that returned the case for correction and has it
 * again; 退回重办 on a step a later one sent the case back to; and nothing at all about a
 * task the caller may not see.
 */
@WebIntegrationTest
class TaskCardsApiTest extends ReviewProcessTest {

	private static final String COUNTY = DemoUsers.COUNTY_REVIEWER;

	private static final String CITY = "lc-industry";

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskOperations operations;

	@Autowired
	TaskCardsApiTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void theCityAcceptanceSeesEachCasesCountyAndWhichCaseCameBackAfterACorrection() throws Exception {
		Case guanxian = review.submitProject(7);
		review.passCountyReview(guanxian);
		review.decide(guanxian, "Task_CityAcceptance", "RETURN", "项目实施方案缺少设备清单，请补正。");
		review.correct(guanxian, form -> form.setLocation("冠县经济开发区振兴路 18 号"));
		review.resubmit(guanxian);
		Task corrected = review.task(guanxian, "Task_CityAcceptance");
		Case linqing = review.submitProjectOf(DemoUsers.OTHER_ENTERPRISE, 7);
		review.passCountyReview(linqing);
		Task fresh = review.task(linqing, "Task_CityAcceptance");
		// An insider's variables say otherwise: the county is read from the application.
		runtime.setVariable(corrected.getProcessInstanceId(), "divisionCode", "371581");
		runtime.setVariable(corrected.getProcessInstanceId(), "county", "临清市");
		tasks.setVariableLocal(corrected.getId(), "divisionCode", "371581");

		JsonNode cards = cardsAs(CITY, corrected.getId(), fresh.getId());

		assertThat(cards).hasSize(2);
		JsonNode first = cards.get(0);
		assertThat(first.path("taskId").asText()).isEqualTo(corrected.getId());
		assertThat(first.path("divisionCode").asText()).isEqualTo("371525");
		assertThat(first.path("county").asText()).isEqualTo("冠县");
		assertThat(first.path("labels")).singleElement().satisfies(label -> {
			assertThat(label.path("kind").asText()).isEqualTo("CORRECTED");
			assertThat(label.path("text").asText()).isEqualTo("补正后重新提交");
			assertThat(label.path("detail").asText()).startsWith("本环节曾退回企业补正，企业于 ").endsWith("补正后重新提交，修改了建设地点");
		});
		assertThat(first.path("remaining").path("text").asText()).isEqualTo("剩余 5 个工作日");
		JsonNode second = cards.get(1);
		assertThat(second.path("county").asText()).isEqualTo("临清市");
		assertThat(second.path("divisionCode").asText()).isEqualTo("371581");
		assertThat(second.path("labels")).as("a first look").isEmpty();
		assertThat(second.path("remaining").path("workingDays").asInt()).isEqualTo(5);
	}

	@Test
	void aStepTheNextOneSentBackIsMarkedWithWhoAndWhyAndAFirstLookIsNot() throws Exception {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		Task acceptance = review.task(project, "Task_CityAcceptance");
		tasks.claim(acceptance.getId(), CITY);
		operations.returnToPrevious(CITY, acceptance.getId(), "推荐意见未说明产能情况，请补充");
		Task again = review.task(project, "Task_CountyRecommendation");
		Task firstLook = review.task(review.submitProject(7), "Task_CountyFormalReview");

		JsonNode cards = cardsAs(COUNTY, again.getId(), firstLook.getId());

		assertThat(taskIds(cards)).containsExactly(again.getId(), firstLook.getId());
		assertThat(cards.get(0).path("county").asText()).isEqualTo("冠县");
		assertThat(cards.get(0).path("labels")).singleElement().satisfies(label -> {
			assertThat(label.path("kind").asText()).isEqualTo("RETURNED");
			assertThat(label.path("text").asText()).isEqualTo("退回重办");
			assertThat(label.path("detail").asText()).contains("退回本环节重新办理", "推荐意见未说明产能情况，请补充");
		});
		assertThat(cards.get(1).path("county").asText()).isEqualTo("冠县");
		assertThat(cards.get(1).path("labels")).isEmpty();
	}

	@Test
	void anotherCountysOrBodysFinishedOrMadeUpIdsAreLeftOutOfTheAnswer() throws Exception {
		Case own = review.submitProject(7);
		Task ownTask = review.task(own, "Task_CountyFormalReview");
		Case linqing = review.submitProjectOf(DemoUsers.OTHER_ENTERPRISE, 7);
		Task otherCounty = review.task(linqing, "Task_CountyFormalReview");
		Case atCity = review.submitProject(7);
		Task finished = review.task(atCity, "Task_CountyFormalReview");
		review.passCountyReview(atCity);
		Task cityTask = review.task(atCity, "Task_CityAcceptance");

		HttpResponse<String> response = as(COUNTY).get(cards(ownTask.getId(), otherCounty.getId(), cityTask.getId(),
				finished.getId(), "no-such-task", "%3Cscript%3E", "", "x".repeat(65), ownTask.getId()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = JSON.readTree(response.body());
		assertThat(taskIds(answer)).containsExactly(ownTask.getId());
		assertThat(response.body()).doesNotContain("临清市", "371581", otherCounty.getId(), cityTask.getId());

		// Each outsider asks for the county's task, and the county's case at the city:
		// none of theirs.
		for (String outsider : List.of("lq-industry", "gx-finance", DemoUsers.CITY_REVIEWER, DemoUsers.BANK_OFFICER,
				DemoUsers.ADMIN)) {
			HttpResponse<String> theirs = as(outsider).get(cards(ownTask.getId(), cityTask.getId()));
			assertThat(theirs.statusCode()).as(outsider).isEqualTo(200);
			assertThat(theirs.body()).as(outsider).isEqualTo("[]");
		}
		assertThat(as(CITY).get(cards(ownTask.getId(), cityTask.getId())).body()).contains(cityTask.getId())
			.doesNotContain(ownTask.getId());
	}

	@Test
	void theCardsDoorIsForSignedInStaffAndRefusesTooManyIds() {
		Task task = review.task(review.submitProject(7), "Task_CountyFormalReview");
		assertThat(new WebClient(port).get(cards(task.getId())).statusCode()).as("anonymous").isEqualTo(401);
		assertThat(as(DemoUsers.ENTERPRISE).get(cards(task.getId())).statusCode()).as("the case's own enterprise")
			.isEqualTo(403);
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			many.add("t" + i);
		}
		many.add(task.getId());
		HttpResponse<String> tooMany = as(COUNTY).get(cards(many.toArray(String[]::new)));
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("一次最多查询 50 个任务").doesNotContain("冠县");
		assertThat(as(COUNTY).get("/api/review/tasks/cards").body()).as("no ids").isEqualTo("[]");
	}

	// --- helpers

	private JsonNode cardsAs(String user, String... ids) throws Exception {
		HttpResponse<String> response = as(user).get(cards(ids));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/** The tasks answered, in order (each card's own id, not its remaining days'). */
	private static List<String> taskIds(JsonNode cards) {
		List<String> ids = new ArrayList<>();
		cards.forEach(card -> ids.add(card.path("taskId").asText()));
		return ids;
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String cards(String... ids) {
		return "/api/review/tasks/cards?ids=" + String.join(",", ids);
	}

}
