package cn.liaocheng.renewal.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A stranger learns what the programme is and whom to call; the guide is readable in the
 * portal.
 */
@WebIntegrationTest
class WelcomePageTest {

	@LocalServerPort
	int port;

	@Test
	void aStrangerSeesTheProgrammeTheStepsTheLinksAndEachBureausPhone() {
		HttpResponse<String> home = new WebClient(port).get("/");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("项目入库", "奖补资金", "技术改造贷款", "先入库、再申报", "15 项重点任务")
			.contains("href=\"/guide\"", "href=\"/notices\"", "href=\"/verify\"", "href=\"/register\"")
			.contains("冠县工业和信息化局", "0635-8000106", "临清市工业和信息化局", "聊城高新技术产业开发区");
	}

	/**
	 * Passwords are reset by the county bureau: the login page says so and leads to the
	 * bureaus' phones on the home page.
	 */
	@Test
	void theLoginPageLeadsAForgottenPasswordToTheCountyBureausPhones() {
		WebClient stranger = new WebClient(port);

		assertThat(stranger.get("/login").body()).contains("忘记密码？请<a href=\"/#contacts\">联系所在县（市、区）工业和信息化局</a>");
		assertThat(stranger.get("/").body()).contains("id=\"contacts\"", "冠县工业和信息化局", "0635-8000106");
	}

	@Test
	void theGuideIsRenderedFromTheRepositorysGuideForAnyone() {
		HttpResponse<String> guide = new WebClient(port).get("/guide");

		assertThat(guide.statusCode()).isEqualTo(200);
		assertThat(guide.body()).contains("<h1>企业申报指南</h1>").contains("<table>").doesNotContain("## ");
		// The tax measures the city's plan names, as guidance: self-declared, not granted
		// here.
		assertThat(guide.body()).contains("设备更新可以同时享受的税收优惠", "自行判别、申报享受", "单位价值不超过 500 万元", "加计 5%");
	}

	/**
	 * Reviewers read their own guide in the product, linked from every page's top bar; an
	 * enterprise and a stranger neither see the link nor reach the page.
	 */
	@Test
	void staffReadTheReviewersGuideAndNobodyElseDoes() {
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		HttpResponse<String> guide = reviewer.get("/review/guide");
		assertThat(guide.statusCode()).isEqualTo(200);
		assertThat(guide.body()).contains("<title>审核人员指南", "<h1>审核人员指南</h1>", "本部门待办").doesNotContain("## ");
		assertThat(reviewer.get("/").body()).contains("id=\"reviewer-guide-link\"", "href=\"/review/guide\"");
		WebClient bank = new WebClient(port);
		bank.login(DemoUsers.BANK_OFFICER, DemoUsers.PASSWORD);
		assertThat(bank.get("/review/guide").statusCode()).isEqualTo(200);

		WebClient enterprise = new WebClient(port);
		enterprise.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		assertThat(enterprise.get("/guide").body()).doesNotContain("reviewer-guide-link");
		assertThat(enterprise.get("/review/guide").statusCode()).isEqualTo(403);
		assertThat(enterprise.get("/REVIEW/guide").body()).doesNotContain("<h1>审核人员指南</h1>");
		HttpResponse<String> stranger = new WebClient(port).get("/review/guide");
		assertThat(stranger.statusCode()).isEqualTo(302);
		assertThat(stranger.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(new WebClient(port).get("/review/guide/").body()).doesNotContain("<h1>审核人员指南</h1>");
	}

	@Test
	void aLoggedInUserStillGetsTheirOwnStartPage() {
		WebClient enterprise = new WebClient(port);
		enterprise.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);

		assertThat(enterprise.get("/").body()).contains("进入我的申报").doesNotContain("联系我们");
		// Every page's top bar leads an enterprise back to its applications; staff and
		// strangers have no such link.
		assertThat(enterprise.get("/guide").body()).contains("id=\"my-applications-link\"",
				"href=\"/enterprise/applications\"");
		WebClient reviewer = new WebClient(port);
		reviewer.login(DemoUsers.COUNTY_REVIEWER, DemoUsers.PASSWORD);
		assertThat(reviewer.get("/guide").body()).doesNotContain("my-applications-link");
		assertThat(new WebClient(port).get("/guide").body()).doesNotContain("my-applications-link");
	}

}
