package cn.liaocheng.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Staff without rights on a case try to run, re-time, retry, suspend or delete the job
 * another case waits on (the correction deadline whose firing would lapse it), through
 * both REST roots and several spellings of each path. They are refused, and the job is
 * exactly as it was: not run, no retry used up, no failure logged, no incident.
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedJobCallsTest {

	private static final String ENGINE_REST = "/engine-rest";

	private static final String TASKLIST_API = "/camunda/api/engine/engine/default";

	private static final List<String> OUTSIDERS = List.of(DemoUsers.BANK_OFFICER, DemoUsers.CITY_REVIEWER,
			DemoUsers.COUNTY_REVIEWER);

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Applications applications;

	private Job timer;

	@BeforeAll
	void returnACaseForCorrection() {
		timer = new ReturnedProjects(applications, engine).returnedProjectWaitingOnItsDeadline();
		// The first run and five more (failedJobRetryTimeCycle).
		assertThat(timer.getRetries()).isEqualTo(6);
	}

	@Test
	void refusedCallsToRunAnotherCasesJobNeitherRunItNorUseUpItsRetries() {
		for (String user : OUTSIDERS) {
			for (Door door : doors(user)) {
				for (String path : spellings(door.root(), "/job/" + timer.getId() + "/execute")) {
					HttpResponse<String> response = door.send("POST", path, "");
					assertThat(response.statusCode()).as("%s POST %s", user, path).isIn(400, 403, 404, 405);
				}
				HttpResponse<String> canonical = door.send("POST", door.root() + "/job/" + timer.getId() + "/execute",
						"");
				assertThat(canonical.statusCode()).as("%s on %s reaches the engine and is refused", user, door.root())
					.isEqualTo(403);
			}
		}
		assertTheJobIsUntouched();
	}

	@Test
	void outsidersCannotChangeRetriesDueDateOrSuspensionOfAnotherCasesJob() {
		String job = "/job/" + timer.getId();
		String definition = "/job-definition/" + timer.getJobDefinitionId();
		for (String user : OUTSIDERS) {
			for (Door door : doors(user)) {
				List<String[]> attacks = new ArrayList<>();
				for (String path : spellings(door.root(), job + "/retries")) {
					attacks.add(new String[] { "PUT", path, "{\"retries\":0}" });
				}
				for (String path : spellings(door.root(), job + "/duedate")) {
					attacks.add(new String[] { "PUT", path, "{\"duedate\":\"2020-01-01T00:00:00.000+0800\"}" });
				}
				for (String path : spellings(door.root(), job + "/suspended")) {
					attacks.add(new String[] { "PUT", path, "{\"suspended\":true}" });
				}
				attacks.add(new String[] { "PUT", door.root() + definition + "/suspended",
						"{\"suspended\":true,\"includeJobs\":true}" });
				attacks.add(new String[] { "PUT", door.root() + definition + "/retries", "{\"retries\":0}" });
				attacks.add(new String[] { "POST", door.root() + "/job/retries",
						"{\"jobIds\":[\"" + timer.getId() + "\"],\"retries\":0}" });
				attacks.add(new String[] { "DELETE", door.root() + job, "" });
				for (String[] attack : attacks) {
					HttpResponse<String> response = door.send(attack[0], attack[1], attack[2]);
					assertThat(response.statusCode()).as("%s %s %s", user, attack[0], attack[1])
						.isIn(400, 403, 404, 405);
				}
				assertThat(door.send("PUT", door.root() + job + "/retries", "{\"retries\":0}").statusCode())
					.as("%s sets retries on %s", user, door.root())
					.isEqualTo(403);
			}
		}
		assertTheJobIsUntouched();
	}

	/**
	 * A job of no case (here one like history cleanup, due in a year so that nothing runs
	 * it): Camunda checks nothing on such jobs, so staff could list, run, re-time or
	 * delete an administrator's batch or cleanup. Only administrators may.
	 */
	@Test
	void jobsOfNoCaseAreForAdministratorsOnly() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		Date nextYear = Date.from(Instant.now().plus(Duration.ofDays(365)));
		String caseless = configuration.getCommandExecutorTxRequired().execute(context -> {
			MessageEntity job = new MessageEntity();
			job.setJobHandlerType("history-cleanup");
			job.setDuedate(nextYear);
			job.setRetries(3);
			context.getJobManager().insertJob(job);
			return job.getId();
		});
		try {
			for (String user : OUTSIDERS) {
				for (Door door : doors(user)) {
					String job = door.root() + "/job/" + caseless;
					List<String[]> attacks = List.of(new String[] { "GET", door.root() + "/job", "" },
							new String[] { "GET", door.root() + "/job/count", "" }, new String[] { "GET", job, "" },
							new String[] { "GET", job + "/stacktrace", "" },
							new String[] { "POST", job + "/execute", "" },
							new String[] { "PUT", job + "/retries", "{\"retries\":0}" },
							new String[] { "PUT", job + "/duedate", "{\"duedate\":\"2020-01-01T00:00:00.000+0800\"}" },
							new String[] { "PUT", job + "/priority", "{\"priority\":99}" },
							new String[] { "PUT", job + "/suspended", "{\"suspended\":true}" },
							new String[] { "GET", door.root() + "/history/job-log?jobId=" + caseless, "" },
							new String[] { "GET", door.root() + "/incident", "" },
							new String[] { "GET", door.root() + "/history/incident", "" },
							new String[] { "DELETE", job, "" });
					for (String[] attack : attacks) {
						HttpResponse<String> response = door.send(attack[0], attack[1], attack[2]);
						assertThat(response.statusCode())
							.as("%s %s %s → %s", user, attack[0], attack[1], response.body())
							.isEqualTo(403);
					}
				}
			}
			Job untouched = engine.getManagementService().createJobQuery().jobId(caseless).singleResult();
			assertThat(untouched).isNotNull();
			assertThat(untouched.getRetries()).isEqualTo(3);
			assertThat(untouched.getDuedate()).isEqualTo(nextYear);
			assertThat(untouched.getPriority()).isZero();
			assertThat(untouched.isSuspended()).isFalse();

			Door admin = doors(DemoUsers.ADMIN).get(0);
			HttpResponse<String> seen = admin.send("GET", admin.root() + "/job/" + caseless, "");
			assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
		}
		finally {
			engine.getManagementService().deleteJob(caseless);
		}
	}

	private void assertTheJobIsUntouched() {
		Job now = engine.getManagementService().createJobQuery().jobId(timer.getId()).singleResult();
		assertThat(now).as("the deadline timer still exists").isNotNull();
		assertThat(now.getRetries()).as("retries").isEqualTo(timer.getRetries());
		assertThat(now.getExceptionMessage()).as("exception").isNull();
		assertThat(now.getDuedate()).as("due date").isEqualTo(timer.getDuedate());
		assertThat(now.isSuspended()).as("suspended").isFalse();
		assertThat(engine.getManagementService()
			.createJobDefinitionQuery()
			.jobDefinitionId(timer.getJobDefinitionId())
			.singleResult()
			.isSuspended()).as("job definition suspended").isFalse();
		assertThat(engine.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(timer.getProcessInstanceId())
			.count()).as("incidents").isZero();
		assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(timer.getId()).failureLog().count())
			.as("failures in the job log")
			.isZero();
		assertThat(engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(timer.getProcessInstanceId())
			.taskDefinitionKey("Task_EnterpriseCorrection")
			.count()).as("the enterprise's correction is still open: the deadline did not fire").isEqualTo(1);
	}

	/** The same path as the servlet container also accepts it. */
	private static List<String> spellings(String root, String path) {
		String last = path.substring(path.lastIndexOf('/') + 1);
		String encoded = path.substring(0, path.lastIndexOf('/') + 1) + "%" + Integer.toHexString(last.charAt(0))
				+ last.substring(1);
		return List.of(root + path, root + path + "/", root + "/" + path, root + path + ";jsessionid=x", root + encoded,
				root + path.toUpperCase(java.util.Locale.ROOT));
	}

	private List<Door> doors(String user) {
		WebClient basic = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
		WebClient session = new WebClient(port);
		HttpResponse<String> login = session.login(user, DemoUsers.PASSWORD);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		session.get("/camunda/app/tasklist/default/");
		String xsrf = session.cookie("XSRF-TOKEN");
		assertThat(xsrf).as("Camunda's XSRF cookie").isNotNull();
		return List.of(new Door(ENGINE_REST, (r) -> basic.sendJson(r.method(), r.path(), r.body())),
				new Door(TASKLIST_API, (r) -> session.sendJson(r.method(), r.path(), r.body(), "X-XSRF-TOKEN", xsrf)));
	}

	private record Call(String method, String path, String body) {
	}

	private record Door(String root, Function<Call, HttpResponse<String>> client) {

		HttpResponse<String> send(String method, String path, String body) {
			return client.apply(new Call(method, path, body));
		}

	}

}
