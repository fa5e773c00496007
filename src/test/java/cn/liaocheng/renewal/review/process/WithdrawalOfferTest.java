package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The case page offers 撤回申报 only while a withdrawal would be taken: in the county review
 * before any reviewer touched the case, and during a correction before its deadline;
 * never once a reviewer claimed or completed a task.
 */
@WebIntegrationTest
class WithdrawalOfferTest extends ReviewProcessTest {

	private static final String CLOSED = "审核人员已开始办理本申报，不能再撤回";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WithdrawalOfferTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void theWithdrawalIsOfferedUntilAReviewerClaimsTheCase() {
		Case project = review.submitProject(7);
		WebClient enterprise = session(DemoUsers.ENTERPRISE);
		String withdraw = "/enterprise/applications/" + project.id() + "/withdraw";

		assertThat(enterprise.get(pageOf(project)).body()).contains("id=\"withdraw-before-review\"", withdraw)
			.doesNotContain(CLOSED);

		review.claimForItsBody(review.task(project, "Task_CountyFormalReview"));
		String claimed = enterprise.get(pageOf(project)).body();
		assertThat(claimed).doesNotContain(withdraw, "撤回申报</button>").contains(CLOSED);

		// The door refuses it too, and a form without its token changes nothing.
		assertThat(enterprise.postForm(withdraw, "").statusCode()).isEqualTo(403);
		String token = WebClient.csrfTokenOf(claimed);
		enterprise.postForm(withdraw, "_csrf=" + token);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
	}

	@Test
	void aResubmittedCaseUnderReviewIsNotOffered() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.resubmit(project);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);

		String page = session(DemoUsers.ENTERPRISE).get(pageOf(project)).body();
		assertThat(page).doesNotContain("/enterprise/applications/" + project.id() + "/withdraw").contains(CLOSED);
	}

	@Test
	void aCorrectionPastItsDeadlineIsNotOffered() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		WebClient enterprise = session(DemoUsers.ENTERPRISE);
		assertThat(enterprise.get(pageOf(project)).body()).contains("id=\"withdraw-in-correction\"");

		jdbc.sql("UPDATE application SET correction_deadline = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now()), project.id())
			.update();
		assertThat(enterprise.get(pageOf(project)).body()).doesNotContain("id=\"withdraw-in-correction\"",
				"/enterprise/applications/" + project.id() + "/withdraw");
	}

	@Test
	void anotherEnterprisesCaseIsNotFound() {
		Case project = review.submitProject(7);
		assertThat(session(DemoUsers.OTHER_ENTERPRISE).get(pageOf(project)).statusCode()).isEqualTo(404);
	}

	private static String pageOf(Case project) {
		return "/enterprise/applications/" + project.id();
	}

	private WebClient session(String user) {
		WebClient client = new WebClient(port);
		HttpResponse<String> login = client.login(user, DemoUsers.PASSWORD);
		assertThat(login.statusCode()).as(user).isEqualTo(302);
		return client;
	}

}
