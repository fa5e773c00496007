package cn.liaocheng.renewal.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

	/**
	 * Hundreds of overdue tasks escalated earlier stay open (most marked by the check, some escalated before marks were
	 * kept); newer overdue tasks are still every one escalated.
	 */
	@Test
	void shouldReachEveryNewOverdueTaskHoweverManyEscalatedOnesStayOpen() {
		List<String> old = standaloneTasks(230, Instant.now().minus(10, ChronoUnit.DAYS));
		overdue.escalate(Instant.now());
		List<String> escalatedBeforeMarks = standaloneTasks(20, Instant.now().minus(9, ChronoUnit.DAYS));
		escalatedBeforeMarks.forEach(id -> tasks.addCandidateGroup(id, "county-371525-industry-lead"));
		List<String> fresh = standaloneTasks(30, Instant.now().minus(1, ChronoUnit.DAYS));
		try {
			overdue.escalate(Instant.now());

			for (String id : fresh) {
				assertEscalatedOnce(id);
			}
			for (String id : old) {
				assertEscalatedOnce(id);
			}
			for (String id : escalatedBeforeMarks) {
				assertThat(tasks.getTaskComments(id)).isEmpty();
			}
		}
		finally {
			delete(old, escalatedBeforeMarks, fresh);
		}
	}

	@Test
	void shouldEscalateEachTaskOnceWhenTwoRunsStartTogether() throws Exception {
		List<String> due = standaloneTasks(60, Instant.now().minus(2, ChronoUnit.DAYS));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(nodes.submit(() -> {
					start.await();
					return overdue.escalate(Instant.now());
				}));
			}
			start.countDown();
			for (Future<Integer> run : runs) {
				run.get(2, TimeUnit.MINUTES);
			}
			for (String id : due) {
				assertEscalatedOnce(id);
			}
		}
		finally {
			nodes.shutdownNow();
			delete(due);
		}
	}

	private void assertEscalatedOnce(String taskId) {
		assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId)
			.as(taskId)
			.containsExactlyInAnyOrder("county-371525-industry", "county-371525-industry-lead");
		assertThat(tasks.getTaskComments(taskId)).as(taskId).hasSize(1);
	}

	/** Tasks of a county bureau outside any case, due at {@code due}, as quick stand-ins for open review tasks. */
	private List<String> standaloneTasks(int count, Instant due) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Task task = tasks.newTask();
			task.setName("县级形式审查");
			task.setDueDate(Date.from(due.plusSeconds(i)));
			tasks.saveTask(task);
			tasks.addCandidateGroup(task.getId(), "county-371525-industry");
			ids.add(task.getId());
		}
		return ids;
	}

	@SafeVarargs
	private void delete(List<String>... taskIds) {
		for (List<String> ids : taskIds) {
			tasks.deleteTasks(ids, true);
		}
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
