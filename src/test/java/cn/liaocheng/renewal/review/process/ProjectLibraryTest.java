package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.browser.SubmittedProjects;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 分年度项目库: the projects first submitted in a year's windows, approved ones by default;
 * city bodies see every county, a county body its own, banks and enterprises nothing.
 */
@WebIntegrationTest
class ProjectLibraryTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	ProjectLibraryTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void listsTheYearsRegisteredProjectsToCityBodiesAndEachCountyItsOwn() throws Exception {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		long registered = review.newRegisteredProject(7);
		Case pending = review.submitProject(7);
		long linqing = new SubmittedProjects(applications, identity).submitProject(DemoUsers.OTHER_ENTERPRISE).id();

		String library = "/api/review/library?year=" + year;
		List<Long> city = ids(as(DemoUsers.CITY_REVIEWER).get(library));
		assertThat(city).contains(registered).doesNotContain(pending.id(), linqing);
		List<Long> cityAll = ids(as(DemoUsers.CITY_REVIEWER).get(library + "&approvedOnly=false"));
		assertThat(cityAll).contains(registered, pending.id(), linqing);

		List<Long> guanxian = ids(as(DemoUsers.COUNTY_REVIEWER).get(library + "&approvedOnly=false"));
		assertThat(guanxian).contains(registered, pending.id()).doesNotContain(linqing);
		// A county body cannot widen its view with parameters the library does not take.
		assertThat(ids(as(DemoUsers.COUNTY_REVIEWER)
			.get(library + "&approvedOnly=false&divisionCode=371581&division_code=371581"))).doesNotContain(linqing);
		List<Long> linqingBody = ids(as("lq-industry").get(library + "&approvedOnly=false"));
		assertThat(linqingBody).contains(linqing).doesNotContain(registered, pending.id());

		JsonNode entry = entryOf(as(DemoUsers.CITY_REVIEWER).get(library), registered);
		assertThat(entry.get("divisionName").asText()).isEqualTo("冠县");
		assertThat(entry.get("status").asText()).isEqualTo("APPROVED");
		assertThat(entry.get("year").asInt()).isEqualTo(year);
		assertThat(entry.get("submittedAt").asText()).endsWith("+08:00");

		// Another year's library does not hold this year's projects.
		assertThat(
				ids(as(DemoUsers.CITY_REVIEWER).get("/api/review/library?year=" + (year - 1) + "&approvedOnly=false")))
			.doesNotContain(registered, pending.id(), linqing);
	}

	@Test
	void banksEnterprisesAndStrangersSeeNoLibrary() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		assertThat(as(DemoUsers.BANK_OFFICER).get("/api/review/library?year=" + year).statusCode()).isEqualTo(403);
		assertThat(as(DemoUsers.BANK_OFFICER).get("/review/library?year=" + year).statusCode()).isEqualTo(403);
		assertThat(as(DemoUsers.ENTERPRISE).get("/api/review/library?year=" + year).statusCode()).isEqualTo(403);
		assertThat(as(DemoUsers.ENTERPRISE).get("/review/library").statusCode()).isEqualTo(403);
		assertThat(new WebClient(port).get("/api/review/library?year=" + year).statusCode()).isEqualTo(401);
		assertThat(as(DemoUsers.CITY_REVIEWER).get("/api/review/library?year=abc").statusCode()).isEqualTo(400);
	}

	@Test
	void theLibraryPageShowsTheYearsProjectsWithTheirCounty() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		long registered = review.newRegisteredProject(7);
		WebClient city = new WebClient(port);
		city.login("lc-industry", DemoUsers.PASSWORD);
		HttpResponse<String> page = city.get("/review/library?year=" + year);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("分年度项目库", year + "年度项目入库申请（已批准）", "/review/applications/" + registered + "\"",
				"冠县");
	}

	@Test
	void handledCasesShowAndFilterByBatchYear() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		Case handled = review.submitProject(7);
		review.passCountyReview(handled);
		String row = "/review/applications/" + handled.id() + "\"";
		WebClient county = new WebClient(port);
		county.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		HttpResponse<String> thisYear = county.get("/review/handled?year=" + year);
		assertThat(thisYear.statusCode()).isEqualTo(200);
		assertThat(thisYear.body()).contains(row, year + "年度");
		assertThat(county.get("/review/handled?year=" + (year - 1)).body()).doesNotContain(row);
		assertThat(county.get("/review/handled").body()).contains(row);
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static List<Long> ids(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		JSON.readTree(response.body()).forEach(e -> ids.add(e.get("id").asLong()));
		return ids;
	}

	private static JsonNode entryOf(HttpResponse<String> response, long id) throws Exception {
		for (JsonNode e : JSON.readTree(response.body())) {
			if (e.get("id").asLong() == id) {
				return e;
			}
		}
		throw new AssertionError("not listed: " + id);
	}

}
