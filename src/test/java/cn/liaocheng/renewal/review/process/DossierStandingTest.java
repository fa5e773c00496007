package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The reviewer's dossier says where the case stands, as the enterprise's case page does:
 * the step, who handles it and by when, its stages and the joint review; a bank reads
 * only its own part of it.
 */
@WebIntegrationTest
class DossierStandingTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	@Autowired
	DossierStandingTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void shouldShowTheCountyReviewerTheCurrentStepWhoHandlesItAndByWhen() {
		Case project = review.submitProject(7);

		String page = dossier(DemoUsers.COUNTY_REVIEWER, project);

		assertThat(page).contains("<dt>当前环节</dt><dd id=\"current-step\">县级初审与推荐</dd>",
				"<dd id=\"handling\">冠县工业和信息化局</dd>", "<dt>办理期限</dt>", "个工作日", "id=\"progress\"",
				"stage stage-current");
	}

	@Test
	void shouldNameTheEnterpriseRatherThanAddressItWhenTheCaseWaitsForItsCorrection() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN", "请补充上传加盖公章的营业执照副本");

		String page = dossier(DemoUsers.COUNTY_REVIEWER, project);

		assertThat(page).contains("退回补正（县级初审与推荐环节）", "<dd id=\"handling\">申报企业</dd>", "待企业补正")
			.doesNotContain("您单位", "待您补正");
	}

	@Test
	void shouldShowABankItsOwnReviewButNeitherTheOtherBanksNorTheJointReview() {
		Case loan = review.listedLoan("icbc", "abc");

		String bank = dossier(DemoUsers.BANK_OFFICER, loan);

		assertThat(bank)
			.contains("<dd id=\"current-step\">银行自主审贷</dd>", "<dd id=\"handling\">中国工商银行聊城分行</dd>", "id=\"progress\"")
			.doesNotContain("id=\"joint-review\"", "市级联审进度", "聊城市生态环境局", "聊城市发展和改革委员会");
		// A body of the city's review reads both banks at work and the joint review.
		String city = dossier("lc-pboc", loan);
		assertThat(city).contains("中国工商银行聊城分行、中国农业银行聊城分行", "id=\"joint-review\"", "聊城市生态环境局");
	}

	private String dossier(String user, Case c) {
		HttpResponse<String> page = new WebClient(port).withBasic(user, DemoUsers.PASSWORD)
			.get("/review/applications/" + c.id());
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return page.body();
	}

}
