package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 运行异常 of a job that belongs to no case (a batch's, the history cleanup's): it has no
 * process definition, no instance and no step, and is listed and retried all the same.
 */
@WebIntegrationTest
class CaselessIncidentRetryTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdministratorRetriesAFailedBatchJob() {
		Batch batch = batchWithAFailedSeedJob();
		try {
			Job seed = seedJob(batch);
			Incident incident = runtime.createIncidentQuery().configuration(seed.getId()).singleResult();
			assertThat(incident.getProcessDefinitionId()).isNull();
			WebClient admin = admin();
			String token = WebClient.csrfTokenOf(admin.get("/").body());

			HttpResponse<String> retried = admin.postForm("/admin/incidents/" + incident.getId() + "/retry",
					"_csrf=" + token + "&note=x");

			assertThat(retried.statusCode()).isEqualTo(302);
			assertThat(admin.get("/admin/incidents").body()).contains("已重试不属于任何案件的“批量操作（流程实例迁移、修改、删除等）的作业”，系统正在执行")
				.doesNotContain("data-incident-id=\"" + incident.getId() + "\"");
			assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
			Job again = management.createJobQuery().jobId(seed.getId()).singleResult();
			assertThat(again == null || again.getRetries() > 0).as("the seed job runs again or has run").isTrue();
			assertThat(jdbc.sql("SELECT actor || ' ' || details FROM audit_log WHERE action = ? AND subject = ?")
				.param("INCIDENT_RETRIED")
				.param("incident:" + incident.getId())
				.query(String.class)
				.single()).startsWith(DemoUsers.ADMIN).contains("job " + seed.getId() + " of no case", "note: x");
		}
		finally {
			management.deleteBatch(batch.getId(), true);
		}
	}

	@Test
	void theBoardNamesAFailedBatchJobAndLeadsToCockpitsBatches() {
		Batch batch = batchWithAFailedSeedJob();
		try {
			Incident incident = runtime.createIncidentQuery().configuration(seedJob(batch).getId()).singleResult();
			String board = admin().get("/admin/incidents").body();
			String row = board.substring(board.indexOf("data-incident-id=\"" + incident.getId() + "\""));
			row = row.substring(0, row.indexOf("</tr>"));
			assertThat(row)
				.contains("（不属于任何案件）", "批量操作（流程实例迁移、修改、删除等）的作业", "（不涉及申报）", "/camunda/app/cockpit/default/#/batch",
						"重试")
				.doesNotContain("process-instance/null");
		}
		finally {
			management.deleteBatch(batch.getId(), true);
		}
	}

	/**
	 * A batch whose seed job has failed for good before the job executor could take it:
	 * both in one transaction. Run, it deletes nothing (its instance does not exist).
	 */
	private Batch batchWithAFailedSeedJob() {
		return new TransactionTemplate(transactions).execute(tx -> {
			Batch created = runtime.deleteProcessInstancesAsync(List.of("no-such-instance"), "运行异常测试");
			management.setJobRetries(seedJob(created).getId(), 0);
			return created;
		});
	}

	private Job seedJob(Batch batch) {
		return management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).singleResult();
	}

	private WebClient admin() {
		WebClient admin = new WebClient(port);
		admin.login(DemoUsers.ADMIN, DemoUsers.PASSWORD);
		return admin;
	}

}
