package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.OpenCorrections;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise that will not correct its returned application withdraws it within the
 * correction period: the review ends there, nothing is left waiting, and only the owner
 * can do it.
 */
@WebIntegrationTest
class CorrectionWithdrawalTest extends ReviewProcessTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	OpenCorrections corrections;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CorrectionWithdrawalTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void aReturnedApplicationIsWithdrawnWithinItsCorrectionAndItsReviewEnds() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN", "请补充上传加盖公章的营业执照副本");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);
		String path = "/api/applications/" + project.id() + "/withdraw";

		assertThat(as(DemoUsers.OTHER_ENTERPRISE).postJson(path, "").statusCode()).as("another enterprise")
			.isEqualTo(404);
		assertThat(as(DemoUsers.COUNTY_REVIEWER).postJson(path, "").statusCode()).as("a reviewer").isEqualTo(403);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);

		HttpResponse<String> withdrawn = as(DemoUsers.ENTERPRISE).postJson(path, "");

		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.body()).contains("\"status\":\"WITHDRAWN\"");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.WITHDRAWN);
		String key = Long.toString(project.id());
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
			.as("the review and its correction step are gone")
			.isZero();
		assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
		assertThat(corrections.dueBetween(Instant.now().minus(1, ChronoUnit.DAYS),
				Instant.now().plus(60, ChronoUnit.DAYS)))
			.as("no reminder of a correction nobody will make")
			.noneMatch(c -> c.applicationId() == project.id());
		assertThat(review.history(project)).anySatisfy(line -> assertThat(line).contains("补正期间撤回申报"));
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list())
			.allSatisfy(p -> assertThat(p.getDeleteReason()).isNotNull());

		HttpResponse<String> again = as(DemoUsers.ENTERPRISE).postJson(path, "");
		assertThat(again.statusCode()).as("a re-sent withdrawal answers alike").isEqualTo(200);
		assertThat(review.history(project).stream().filter(line -> line.contains("撤回申报"))).hasSize(1);
		HttpResponse<String> submitted = as(DemoUsers.ENTERPRISE)
			.postJson("/api/applications/" + project.id() + "/submit", "{\"declarationConfirmed\":true}");
		assertThat(submitted.statusCode()).as("refused, not answered as if submitted").isEqualTo(409);
		assertThat(submitted.body()).contains("该申报已办结（已撤回），不能再提交。如需申报，请新建申报。");
		assertThat(review.status(project)).as("a withdrawn application is not submitted again")
			.isEqualTo(ApplicationStatus.WITHDRAWN);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
	}

	/**
	 * The correction deadline passed and the lapse has not been issued yet (its timer or
	 * job has not run, or waits on a failure): the case lapses, it is not withdrawn.
	 */
	@Test
	void aCorrectionPastItsDeadlineIsNotWithdrawnButLapses() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		jdbc.sql("UPDATE application SET correction_deadline = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(Instant.now()), project.id())
			.update();

		HttpResponse<String> refused = as(DemoUsers.ENTERPRISE)
			.postJson("/api/applications/" + project.id() + "/withdraw", "");

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("补正期限已于", "届满，申报按逾期未补正处理，不能再撤回");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.CORRECTION);
		review.fireTimer(project, ReviewFixture.CORRECTION_OVERDUE);
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.LAPSED);
	}

	@Test
	void aResubmittedApplicationUnderReviewIsNotWithdrawn() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.resubmit(project);

		HttpResponse<String> refused = as(DemoUsers.ENTERPRISE)
			.postJson("/api/applications/" + project.id() + "/withdraw", "");

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("只有审核开始前或退回补正期间可以撤回");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
	}

	@Test
	void theCasePageOffersTheWithdrawalDuringTheCorrection() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		WebClient browser = new WebClient(port);
		browser.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);

		String page = browser.get("/enterprise/applications/" + project.id()).body();

		assertThat(page).contains("id=\"withdraw-in-correction\"",
				"/enterprise/applications/" + project.id() + "/withdraw", "不再补正的，可以撤回申报");
	}

	/**
	 * The case page was open on the correction when the case was withdrawn in another
	 * tab: its 重新提交 button is told the case has ended, not that it was submitted.
	 */
	@Test
	void aStalePageResubmittingAWithdrawnCaseIsToldItEnded() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		WebClient browser = new WebClient(port);
		browser.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String stale = browser.get("/enterprise/applications/" + project.id()).body();
		as(DemoUsers.ENTERPRISE).postJson("/api/applications/" + project.id() + "/withdraw", "");

		HttpResponse<String> submitted = browser.postForm("/enterprise/applications/" + project.id() + "/submit",
				"declarationConfirmed=true&_csrf=" + WebClient.csrfTokenOf(stale));

		assertThat(submitted.statusCode()).isEqualTo(302);
		String page = browser.get(submitted.headers().firstValue("Location").orElseThrow()).body();
		assertThat(page).contains("该申报已办结（已撤回），不能再提交").doesNotContain("申报已提交，等待");
		assertThat(review.status(project)).isEqualTo(ApplicationStatus.WITHDRAWN);
	}

	/** 提交 sent again from a tab of the draft after the case went in: said as it is. */
	@Test
	void aSubmissionSentAgainIsToldTheCasesStateNotTheCountysReview() {
		Case project = review.submitProject(7);
		WebClient browser = new WebClient(port);
		browser.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String page = browser.get("/enterprise/applications/" + project.id()).body();

		HttpResponse<String> again = browser.postForm("/enterprise/applications/" + project.id() + "/submit",
				"declarationConfirmed=true&_csrf=" + WebClient.csrfTokenOf(page));

		assertThat(browser.get(again.headers().firstValue("Location").orElseThrow()).body())
			.contains("该申报此前已提交，当前状态：县级初审中。")
			.doesNotContain("等待冠县工业和信息化局形式审查");
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

}
