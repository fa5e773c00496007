package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.review.access.CaseCopies;
import cn.liaocheng.renewal.review.access.ReviewAccess;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 分年度项目库 lists every case of the reader's counties, but only the bodies that had a task
 * on a case (or got a copy) open its dossier: the library links those rows only, and says
 * of the others that the body took no part. A reader who sees the row and follows its id
 * anyway is told why the dossier does not open (403); anyone to whom the library does not
 * list the case still gets 404, as for a case that does not exist.
 */
@WebIntegrationTest
class LibraryDossierLinksTest extends ReviewProcessTest {

	private static final String COUNTY_FINANCE = "gx-finance";

	private static final String OTHER_COUNTY = "lq-industry";

	private static final String CITY_FINANCE = "lc-finance";

	@LocalServerPort
	int port;

	private final TaskService tasks;

	private final CaseCopies copies;

	private final ReviewAccess access;

	@Autowired
	LibraryDossierLinksTest(ApplicationContext context) {
		super(context);
		this.tasks = context.getBean(TaskService.class);
		this.copies = context.getBean(CaseCopies.class);
		this.access = context.getBean(ReviewAccess.class);
	}

	@Test
	void theLibraryLinksOnlyTheRowsTheReaderMayOpen() {
		long registered = review.newRegisteredProject(7);
		Case pending = review.submitProject(7);
		assertThat(access.canRead(review.user(COUNTY_FINANCE), pending.id())).isFalse();
		assertThat(access.canRead(review.user(COUNTY_FINANCE), registered)).isFalse();

		String finance = libraryOf(COUNTY_FINANCE);
		assertThat(finance).contains(review.referenceNo(pending), "本部门未参与审核")
			.doesNotContain(dossierLink(pending.id()), dossierLink(registered));
		String industry = libraryOf(DemoUsers.COUNTY_REVIEWER);
		assertThat(industry).contains(dossierLink(pending.id()), dossierLink(registered));

		// 抄送 to the body, and to a city officer in person: now each opens it, and sees
		// the link.
		Task held = review.task(pending, "Task_CountyFormalReview");
		tasks.claim(held.getId(), DemoUsers.COUNTY_REVIEWER);
		copies.copy(DemoUsers.COUNTY_REVIEWER, held.getId(), "county-371525-finance", null, "请了解资金需求");
		copies.copy(DemoUsers.COUNTY_REVIEWER, held.getId(), null, CITY_FINANCE, "请提前了解");
		assertThat(libraryOf(COUNTY_FINANCE)).contains(dossierLink(pending.id()))
			.doesNotContain(dossierLink(registered));
		assertThat(libraryOf(CITY_FINANCE)).contains(dossierLink(pending.id()));
		assertThat(as(COUNTY_FINANCE).get("/review/applications/" + pending.id()).statusCode()).isEqualTo(200);
	}

	@Test
	void aCaseTheLibraryListsButTheReaderMayNotOpenIsRefusedWithItsReason() {
		Case pending = review.submitProject(7);
		String dossier = "/review/applications/" + pending.id();

		HttpResponse<String> refused = as(COUNTY_FINANCE).get(dossier);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("无权查看该案件卷宗", "本部门未参与该案件的审核").doesNotContain("页面不存在");
		// The downloads behind the page, which the library does not lead to, answer as
		// for anyone who may not read the case.
		assertThat(as(COUNTY_FINANCE).get(dossier + "/dossier.pdf").statusCode()).isEqualTo(404);
		assertThat(as(COUNTY_FINANCE).get(dossier + "/opinions.pdf").statusCode()).isEqualTo(404);
		assertThat(as(CITY_FINANCE).get(dossier).statusCode()).isEqualTo(403);
		// Whom the library does not show the case to learns nothing of it: the same 404
		// as for an id of no case.
		long none = pending.id() + 1_000_000;
		for (String reader : List.of(OTHER_COUNTY, DemoUsers.BANK_OFFICER)) {
			HttpResponse<String> outsider = as(reader).get(dossier);
			assertThat(outsider.statusCode()).as(reader).isEqualTo(404);
			assertThat(outsider.body()).doesNotContain("无权查看该案件卷宗");
			assertThat(as(reader).get("/review/applications/" + none).statusCode()).isEqualTo(404);
		}
		assertThat(as(COUNTY_FINANCE).get("/review/applications/" + none).statusCode()).isEqualTo(404);
		// Other spellings of the same door answer an outsider as for no case, and the
		// body that sees the row as the plain spelling does.
		for (String spelling : List.of("/review/applications/0%s", "/review/applications/%s/",
				"/review/applications/%s?x=1", "/REVIEW/applications/%s", "/review/applications/%s/dossier.pdf/")) {
			int existing = as(OTHER_COUNTY).get(spelling.formatted(pending.id())).statusCode();
			int missing = as(OTHER_COUNTY).get(spelling.formatted(none)).statusCode();
			assertThat(existing).as(spelling).isEqualTo(missing).isNotEqualTo(200).isNotEqualTo(403);
			assertThat(as(COUNTY_FINANCE).get(spelling.formatted(pending.id())).statusCode()).as(spelling)
				.isNotEqualTo(200);
		}
	}

	private String libraryOf(String user) {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		HttpResponse<String> page = as(user).get("/review/library?year=" + year + "&status=ALL");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return page.body();
	}

	private static String dossierLink(long id) {
		return "href=\"/review/applications/" + id + "\"";
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

}
