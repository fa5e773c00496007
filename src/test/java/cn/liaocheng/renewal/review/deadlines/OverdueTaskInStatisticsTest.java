package cn.liaocheng.renewal.review.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.statistics.internal.StatisticsScope;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An overdue task gains its body's lead group as a second candidate (督办); the dashboard's
 * table of review bodies still counts it once, as the body's open and overdue task, not
 * again as a task of a body called "…（负责人）".
 */
@WebIntegrationTest
class OverdueTaskInStatisticsTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	Dashboard dashboard;

	OverdueTimers timers;

	CountyReviewTasks countyTasks;

	@BeforeEach
	void fixture() {
		timers = new OverdueTimers(engine);
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
	}

	@AfterEach
	void resumeJobExecutor() {
		timers.close();
	}

	@Test
	void anEscalatedTaskIsCountedOnceUnderItsBody() {
		StatisticsScope guanxian = new StatisticsScope(Set.of("371525"), LocalDate.now(ChinaTime.ZONE).getYear(),
				false);
		Task task = countyTasks.open();
		long openBefore = openOf(guanxian, "冠县工业和信息化局");
		timers.makeOverdue(task);

		timers.fire(task);

		List<List<Object>> rows = dashboard.table("bodies", guanxian).orElseThrow().rows();
		assertThat(rows).as("no row for the lead group the overdue task was escalated to")
			.noneMatch(row -> ((String) row.get(0)).endsWith("（负责人）"));
		assertThat(openOf(guanxian, "冠县工业和信息化局")).as("still the body's open task").isEqualTo(openBefore);
	}

	private long openOf(StatisticsScope scope, String body) {
		return dashboard.table("bodies", scope)
			.orElseThrow()
			.rows()
			.stream()
			.filter(row -> body.equals(row.get(0)))
			.mapToLong(row -> (Long) row.get(6))
			.sum();
	}

}
