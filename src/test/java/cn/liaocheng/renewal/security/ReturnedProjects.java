package cn.liaocheng.renewal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.browser.SubmittedProjects;
import cn.liaocheng.renewal.support.DemoUsers;

/**
 * A real case of ent-gx that the county returned for correction, so that it waits on the
 * correction deadline: a timer job due in ten working days whose firing would lapse the
 * application. Submitted as the portal does ({@link SubmittedProjects}), and the county's
 * task completed as Tasklist does.
 */
final class ReturnedProjects {

	static final String DEADLINE_TIMER = "BoundaryEvent_CorrectionOverdue";

	private final Applications applications;

	private final ProcessEngine engine;

	ReturnedProjects(Applications applications, ProcessEngine engine) {
		this.applications = applications;
		this.engine = engine;
	}

	/**
	 * The case's correction deadline timer, once the job executor has opened the
	 * correction.
	 */
	Job returnedProjectWaitingOnItsDeadline() {
		long id = new SubmittedProjects(applications, engine.getIdentityService()).submitProject(DemoUsers.ENTERPRISE)
			.id();
		String key = Long.toString(id);
		Task formalReview = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey("Task_CountyFormalReview")
			.singleResult();
		engine.getTaskService()
			.complete(formalReview.getId(), Map.of("decision", "RETURN", "opinion", "设备购置合同缺少盖章页，请补正后重新提交。"));
		// Task_OpenCorrection is asynchronous: the job executor of the shared context
		// opens the correction.
		Instant until = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(until)) {
			List<Job> timers = new ArrayList<>();
			for (ProcessInstance instance : engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceBusinessKey(key)
				.list()) {
				timers.addAll(engine.getManagementService()
					.createJobQuery()
					.processInstanceId(instance.getId())
					.timers()
					.activityId(DEADLINE_TIMER)
					.list());
			}
			if (timers.size() == 1) {
				return timers.get(0);
			}
			sleep();
		}
		throw new AssertionError("case " + id + " never reached its correction deadline timer");
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
