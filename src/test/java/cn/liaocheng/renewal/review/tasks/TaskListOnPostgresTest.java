package cn.liaocheng.renewal.review.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.deadlines.TaskDeadlines;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.PostgresContext;

/**
 * Tasklist's list on PostgreSQL: the kind as a task variable, sorting and searching by
 * the case's task variables, the working days left and 批量认领 with a record per claimed
 * task.
 */
@PostgresContext
class TaskListOnPostgresTest {

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	BatchClaims claims;

	@Autowired
	TaskDeadlines deadlines;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListsTaskVariablesSortSearchCountAndClaimOnPostgres() {
		CountyReviewTasks county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
		Task first = county.open();
		Task second = county.open();
		Task colleagues = county.heldBy(CountyReviewTasks.COLLEAGUE);

		assertThat(tasks.getVariableLocal(first.getId(), ReviewProcesses.KIND_NAME)).isEqualTo("项目入库");
		List<String> sorted = tasks.createTaskQuery()
			.taskCandidateGroup(CountyReviewTasks.BODY)
			.includeAssignedTasks()
			.orderByTaskVariable("referenceNo", ValueType.STRING)
			.desc()
			.list()
			.stream()
			.map(t -> (String) tasks.getVariableLocal(t.getId(), "referenceNo"))
			.toList();
		assertThat(sorted).hasSizeGreaterThanOrEqualTo(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		String reference = (String) tasks.getVariableLocal(second.getId(), "referenceNo");
		assertThat(tasks.createTaskQuery().taskVariableValueLike("referenceNo", "%" + reference.substring(3)).list())
			.extracting(Task::getId)
			.containsExactly(second.getId());

		assertThat(
				deadlines.remaining(DemoUsers.COUNTY_REVIEWER, List.of(first.getId(), colleagues.getId(), "nothing")))
			.extracting(TaskDeadlines.Remaining::taskId, TaskDeadlines.Remaining::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(first.getId(), "剩余 5 个工作日"),
					org.assertj.core.groups.Tuple.tuple(colleagues.getId(), "剩余 5 个工作日"));

		BatchClaims.Outcome outcome = claims.claim(DemoUsers.COUNTY_REVIEWER,
				List.of(first.getId(), second.getId(), colleagues.getId()));
		assertThat(outcome.claimed()).isEqualTo(2);
		assertThat(outcome.results().get(2).message()).startsWith("该任务已由");
		assertThat(tasks.createTaskQuery().taskAssignee(DemoUsers.COUNTY_REVIEWER).list()).extracting(Task::getId)
			.contains(first.getId(), second.getId());
		assertThat(jdbc.sql("SELECT count(*) FROM review_operation WHERE operation = 'CLAIM' AND task_id IN (?, ?)")
			.params(first.getId(), second.getId())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}
