package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.review.history.HandledCases;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 已办 and the reviewers' case search list the cases the reviewer's body gave an opinion
 * on, with their current status, and nothing another body handled, whatever is searched
 * for.
 */
@WebIntegrationTest
class HandledCasesTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	private final ApplicationContext context;

	@Autowired
	HandledCasesTest(ApplicationContext context) {
		super(context);
		this.context = context;
	}

	@Test
	void theCountyBodySeesTheCasesItHandledWithTheirStageAndOthersDoNot() {
		Case handled = review.submitProject(7);
		review.passCountyReview(handled);
		Case untouched = review.submitProject(7);
		String handledNo = review.referenceNo(handled);
		String untouchedNo = review.referenceNo(untouched);

		// A case is listed when its dossier link is there (the search box repeats what
		// was searched for).
		String handledRow = "/review/applications/" + handled.id() + "\"";
		String untouchedRow = "/review/applications/" + untouched.id() + "\"";

		String county = page(DemoUsers.COUNTY_REVIEWER, "");
		assertThat(county).contains(handledRow, handledNo, "冠县演示轴承制造有限公司", "市级审核中", "县级推荐")
			.doesNotContain(untouchedRow);
		// The body's lead sees it too; another county and the city industry bureau, which
		// has not acted yet, do not.
		assertThat(page("gx-industry-lead", "")).contains(handledRow);
		assertThat(page("lq-industry", handledNo)).doesNotContain(handledRow).contains("没有找到符合条件的已办案件");
		assertThat(page("lc-industry", "")).doesNotContain(handledRow);

		assertThat(page(DemoUsers.COUNTY_REVIEWER, handledNo)).contains(handledRow);
		assertThat(page(DemoUsers.COUNTY_REVIEWER, untouchedNo)).doesNotContain(untouchedRow).contains("没有找到符合条件的已办案件");
		assertThat(page(DemoUsers.COUNTY_REVIEWER, "演示轴承")).contains(handledRow);
		// Its dossier says what the plan simplifies, and on which condition: no new land
		// and mainly equipment renewal (三（四）), not the three needs together.
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(reviewer.get("/review/applications/" + handled.id()).body())
			.contains("不新增用地；以设备更新为主的技术改造项目，前期审批手续从简")
			.doesNotContain("适用简化审批");
	}

	@Test
	void aReviewerWhoMovedToABankNoLongerListsTheCasesTheyHandledAtTheCounty() {
		IdentityService identity = context.getBean(IdentityService.class);
		TaskService tasks = context.getBean(TaskService.class);
		String mover = countyReviewer("handled-mover-", "已办测试");
		Case loan = review.submitLoan(review.registeredProject(7));
		Task formal = review.task(loan, "Task_CountyFormalReview");
		tasks.claim(formal.getId(), mover);
		tasks.complete(formal.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，同意。"));
		String row = "/review/applications/" + loan.id() + "\"";
		assertThat(page(mover, "")).contains(row);

		identity.deleteMembership(mover, ReviewFixture.COUNTY_INDUSTRY);
		identity.createMembership(mover, "bank-ccb");

		assertThat(page(mover, "")).doesNotContain(row);
		assertThat(page(mover, review.referenceNo(loan))).doesNotContain(row);
		assertThat(page(DemoUsers.COUNTY_REVIEWER, "")).as("the county's still").contains(row);
	}

	/**
	 * The last step a colleague did is the colleague's: the reviewer who did an earlier
	 * step is not marked as having done it.
	 */
	@Test
	void theLastStepIsMarkedAsTheReviewersOwnOnlyWhenItWas() {
		TaskService tasks = context.getBean(TaskService.class);
		String colleague = countyReviewer("handled-colleague-", "同事");
		Case project = review.submitProject(7);
		Task formal = review.task(project, "Task_CountyFormalReview");
		tasks.claim(formal.getId(), DemoUsers.COUNTY_REVIEWER);
		tasks.complete(formal.getId(), Map.of("decision", "APPROVE", "opinion", "材料齐全，同意。"));
		review.runJobs(project);
		Task recommendation = review.task(project, "Task_CountyRecommendation");
		tasks.claim(recommendation.getId(), colleague);
		tasks.complete(recommendation.getId(), Map.of("decision", "APPROVE", "opinion", "同意推荐。"));
		review.runJobs(project);

		String row = row(page(DemoUsers.COUNTY_REVIEWER, review.referenceNo(project)), project);
		assertThat(row).contains("县级推荐").doesNotContain("本人");
		assertThat(row(page(colleague, review.referenceNo(project)), project)).contains("县级推荐", "本人");
	}

	/**
	 * The batch year is searched with the words, in the database, before the list is cut.
	 */
	@Test
	void aBatchYearFindsTheCasesOfThatBatchOnly() {
		Case older = review.submitProject(7);
		review.passCountyReview(older);
		review.inBatchOf(older, 2025);
		String row = "/review/applications/" + older.id() + "\"";
		assertThat(page(DemoUsers.COUNTY_REVIEWER, "", 2025)).contains(row);
		assertThat(page(DemoUsers.COUNTY_REVIEWER, review.referenceNo(older), 2025)).contains(row);
		assertThat(page(DemoUsers.COUNTY_REVIEWER, "", 2026)).doesNotContain(row);
		assertThat(page(DemoUsers.COUNTY_REVIEWER, "100%_", null)).as("LIKE's wildcards are text")
			.contains("没有找到符合条件的已办案件");
	}

	/**
	 * Every handled case is listed, a page at a time, newest first, with how many there
	 * are: none is cut off.
	 */
	@Test
	void everyHandledCaseIsFoundPageByPageAndCounted() {
		String officer = countyReviewer("pager", "翻页");
		PortalUser user = review.portalUser(officer);
		List<Case> cases = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Case c = review.submitProject(7);
			review.passCountyReview(c);
			cases.add(c);
		}
		HandledCases handled = context.getBean(HandledCases.class);
		int before = handled.of(user, "", null, 1, 2).total();

		ResultPage<HandledCases.Handled> first = handled.of(user, "", null, 1, 2);
		ResultPage<HandledCases.Handled> second = handled.of(user, "", null, 2, 2);

		assertThat(before).isGreaterThanOrEqualTo(3);
		assertThat(first.total()).isEqualTo(before);
		assertThat(first.pages()).isEqualTo((before + 1) / 2);
		assertThat(first.items()).extracting(h -> h.listing().summary().id())
			.containsExactly(cases.get(2).id(), cases.get(1).id());
		assertThat(second.items()).extracting(h -> h.listing().summary().id()).startsWith(cases.get(0).id());
		assertThat(handled.of(user, review.referenceNo(cases.get(0)), null, 1, 2).total()).isEqualTo(1);
		assertThat(handled.of(user, "", null, 999, 2).number()).as("past the last page: the last")
			.isEqualTo(first.pages());

		String page = page(officer, "");
		assertThat(page).contains("共 " + before + " 件");
	}

	/** A new officer of 冠县's industry bureau, logging in with the demo password. */
	private String countyReviewer(String idPrefix, String firstName) {
		IdentityService identity = context.getBean(IdentityService.class);
		String id = idPrefix + Long.toString(System.nanoTime(), 36);
		User user = identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName("冠县工业和信息化局");
		user.setPassword(DemoUsers.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(id, ReviewFixture.COUNTY_INDUSTRY);
		return id;
	}

	private static String row(String page, Case c) {
		int at = page.indexOf("/review/applications/" + c.id() + "\"");
		assertThat(at).as("row of case %s", c.id()).isPositive();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	@Test
	void enterprisesAndStrangersHaveNoHandledList() {
		WebClient enterprise = new WebClient(port);
		enterprise.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(enterprise.get("/review/handled").statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = new WebClient(port).get("/review/handled");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/login");
	}

	private String page(String user, String query) {
		return page(user, query, null);
	}

	private String page(String user, String query, Integer year) {
		WebClient reviewer = new WebClient(port);
		reviewer.login(user, DemoUsers.PASSWORD);
		HttpResponse<String> page = reviewer.get("/review/handled?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
				+ (year == null ? "" : "&year=" + year));
		assertThat(page.statusCode()).as(user).isEqualTo(200);
		return page.body();
	}

}
