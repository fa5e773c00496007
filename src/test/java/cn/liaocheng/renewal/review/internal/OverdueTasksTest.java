package cn.liaocheng.renewal.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.support.WebIntegrationTest;

@WebIntegrationTest
class OverdueTasksTest {

	@Autowired
	OverdueTasks overdue;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	Deployment deployment;

	@BeforeEach
	void deployATaskForACountyBureau() {
		deployment = repository.createDeployment()
			.addModelInstance("overdue-probe.bpmn", Bpmn.createExecutableProcess("overdue-probe")
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.userTask("Task_Probe").name("县级形式审查").camundaCandidateGroups("county-371525-industry")
				.endEvent()
				.done())
			.deploy();
	}

	@AfterEach
	void removeIt() {
		repository.deleteDeployment(deployment.getId(), true);
	}

	@Test
	void shouldEscalateAnOverdueTaskToTheLeadGroupOnceWithAReminder() {
		runtime.startProcessInstanceByKey("overdue-probe");
		Task task = tasks.createTaskQuery().processDefinitionKey("overdue-probe").singleResult();
		task.setDueDate(Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
		tasks.saveTask(task);

		overdue.escalate(Instant.now());

		assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.contains("county-371525-industry", "county-371525-industry-lead");
		assertThat(tasks.getTaskComments(task.getId())).singleElement()
			.satisfies(c -> assertThat(c.getFullMessage()).contains("已超过办理期限", "冠县工业和信息化局负责人"));

		overdue.escalate(Instant.now());
		assertThat(tasks.getTaskComments(task.getId())).hasSize(1);
	}

	@Test
	void shouldLeaveTasksThatAreNotYetDueAlone() {
		runtime.startProcessInstanceByKey("overdue-probe");
		Task task = tasks.createTaskQuery().processDefinitionKey("overdue-probe").singleResult();
		task.setDueDate(Date.from(Instant.now().plus(2, ChronoUnit.DAYS)));
		tasks.saveTask(task);

		overdue.escalate(Instant.now());

		assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
			.containsExactly("county-371525-industry");
		assertThat(tasks.getTaskComments(task.getId())).isEmpty();
	}

}
