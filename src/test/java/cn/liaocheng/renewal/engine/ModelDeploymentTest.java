package cn.liaocheng.renewal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;
import cn.liaocheng.renewal.support.TrustedDeployment;

/**
 * The administrators' sources in forms/ and bpmn/ reach the engine, and a user task finds
 * its form by id.
 */
@WebIntegrationTest
class ModelDeploymentTest {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Test
	void formsFromTheFormsFolderAreDeployedAtStart() {
		List<String> deployed = repository.createDeploymentQuery()
			.list()
			.stream()
			.flatMap(d -> repository.getDeploymentResources(d.getId()).stream())
			.map(Resource::getName)
			.toList();
		assertThat(deployed).anyMatch(name -> name.endsWith("forms/county-formal-review.form"));
	}

	@Test
	void aUserTaskReferencesADeployedFormWithFormRefAndTasklistGetsItsChineseLabels() {
		Deployment probe = TrustedDeployment.deploy(repository.createDeployment()
			.name("form-reference-probe")
			.addClasspathResource("models/form-reference-probe.bpmn"));
		try {
			runtime.startProcessInstanceByKey("form-reference-probe", "probe-1");
			Task task = tasks.createTaskQuery().processInstanceBusinessKey("probe-1").singleResult();

			WebClient admin = new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD);
			HttpResponse<String> form = admin.get("/engine-rest/task/" + task.getId() + "/deployed-form");

			assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
			assertThat(form.body()).contains("\"id\": \"county-formal-review\"", "审查结论", "退回补正", "审查意见");
		}
		finally {
			repository.deleteDeployment(probe.getId(), true);
		}
	}

}
