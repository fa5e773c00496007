package cn.liaocheng.renewal.review.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An overdue task is reported to whoever handles it and to the lead of its body, once,
 * and to nobody else.
 */
@WebIntegrationTest
class OverdueNotificationTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	CountyReviewTasks countyTasks;

	OverdueTimers timers;

	@BeforeEach
	void fixture() {
		timers = new OverdueTimers(engine);
		countyTasks = new CountyReviewTasks(applications, identity, tasks);
		countyTasks.ensureColleague();
	}

	@AfterEach
	void resumeJobExecutor() {
		timers.close();
	}

	@Test
	void shouldNotifyTheAssigneeAndTheBodysLeadOfAnOverdueTask() {
		Task task = countyTasks.heldBy(DemoUsers.COUNTY_REVIEWER);
		timers.makeOverdue(task);

		timers.fire(task);

		assertThat(recipients(task)).containsExactlyInAnyOrder(DemoUsers.COUNTY_REVIEWER, "gx-industry-lead");
		String body = jdbc
			.sql("SELECT body FROM notification WHERE kind = 'TASK_OVERDUE' AND recipient_id = ? AND link = ?")
			.params("gx-industry-lead", link(task))
			.query(String.class)
			.single();
		assertThat(body).contains("已超过办理期限", "县级形式审查", "负责人");

		assertThat(timers.of(task)).as("fired once, gone").isEmpty();
		assertThat(recipients(task)).hasSize(2);
	}

	@Test
	void shouldNotifyTheWholeBodyAndItsLeadOfAnOverdueUnclaimedTask() {
		Task task = countyTasks.open();
		timers.makeOverdue(task);

		timers.fire(task);

		List<String> body = identity.createUserQuery()
			.memberOfGroup(CountyReviewTasks.BODY)
			.list()
			.stream()
			.map(User::getId)
			.toList();
		List<String> leads = identity.createUserQuery()
			.memberOfGroup(CountyReviewTasks.BODY + "-lead")
			.list()
			.stream()
			.map(User::getId)
			.toList();
		assertThat(leads).contains("gx-industry-lead");
		assertThat(recipients(task)).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream.concat(body.stream(), leads.stream()).distinct().toList());
		assertThat(recipients(task)).doesNotContain("gx-finance", "gx-finance-lead", "lc-industry-lead",
				DemoUsers.ENTERPRISE);
	}

	private static String link(Task task) {
		return "/camunda/app/tasklist/default/#/?task=" + task.getId();
	}

	private List<String> recipients(Task task) {
		return jdbc
			.sql("SELECT recipient_id FROM notification WHERE kind = 'TASK_OVERDUE' AND link = ? ORDER BY recipient_id")
			.param(link(task))
			.query(String.class)
			.list();
	}

}
