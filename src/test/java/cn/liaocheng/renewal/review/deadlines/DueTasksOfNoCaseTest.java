package cn.liaocheng.renewal.review.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.DueReviewTasks;
import cn.liaocheng.renewal.review.DueReviewTasks.DueTask;
import cn.liaocheng.renewal.support.TrustedDeployment;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A task of no case (one made in Tasklist or through the engine's API, outside any
 * process) is listed by its due date with no case, and does not stop the reminders of the
 * review tasks due beside it: the question which steps are held is asked of cases only.
 */
@WebIntegrationTest
class DueTasksOfNoCaseTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	DueReviewTasks due;

	private Deployment deployment;

	@AfterEach
	void removeTheProbe() {
		if (deployment != null) {
			engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
		}
	}

	@Test
	void tasksOfNoCaseAreListedWithoutACase() {
		Instant dueAt = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		// An ordinary step, and one with the id of a step that may be held (the payment).
		deployment = TrustedDeployment.deploy(engine.getRepositoryService()
			.createDeployment()
			.name("due-probe")
			.addModelInstance("due-probe.bpmn",
					Bpmn.createExecutableProcess("due-probe")
						.startEvent()
						.parallelGateway("fork")
						.userTask("probe")
						.name("无案件的任务")
						.camundaCandidateGroups("county-371525-industry")
						.camundaDueDate("${due}")
						.endEvent()
						.moveToNode("fork")
						.userTask(AfterAwardProcesses.TASK_RECORD_PAYMENT)
						.name("无案件的拨付任务")
						.camundaCandidateGroups("county-371525-finance")
						.camundaDueDate("${due}")
						.endEvent()
						.done()));
		String instance = engine.getRuntimeService()
			.startProcessInstanceByKey("due-probe", "due-probe-1", Map.of("due", Date.from(dueAt)))
			.getId();

		List<DueTask> listed = due.dueBetween(dueAt.minusSeconds(60), dueAt.plusSeconds(60));

		List<Task> probes = engine.getTaskService().createTaskQuery().processInstanceId(instance).list();
		assertThat(probes).hasSize(2);
		assertThat(listed).filteredOn(t -> probes.stream().anyMatch(p -> p.getId().equals(t.taskId())))
			.extracting(DueTask::taskName, DueTask::applicationId, t -> t.candidateGroups())
			.containsExactlyInAnyOrder(tuple("无案件的任务", null, List.of("county-371525-industry")),
					tuple("无案件的拨付任务", null, List.of("county-371525-finance")));
	}

}
