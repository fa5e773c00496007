package cn.liaocheng.renewal.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.PostgresContext;

/**
 * 本部门待办 and 即将超期 on PostgreSQL, the production database: the lead's lists (the body's
 * unclaimed tasks and what is escalated; the body's tasks near their due date) and a
 * reviewer's (unchanged), through the filters as Tasklist runs them, the or-query of
 * 本部门待办 included.
 */
@PostgresContext
class LeadsFiltersOnPostgresTest {

	private static final String LEAD = "gx-industry-lead";

	@Autowired
	Applications applications;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	FilterService filters;

	@Test
	void theLeadSeesTheBodysUnclaimedAndDueSoonTasksAndAReviewerWhatTheyAlwaysSaw() {
		CountyReviewTasks county = new CountyReviewTasks(applications, identity, tasks);
		county.ensureColleague();
		Task waiting = county.open();
		Task held = county.heldBy(CountyReviewTasks.COLLEAGUE);
		Task escalated = county.heldBy(CountyReviewTasks.COLLEAGUE);
		tasks.addCandidateGroup(escalated.getId(), GroupNames.lead(CountyReviewTasks.BODY));
		Task due = tasks.createTaskQuery().taskId(held.getId()).singleResult();
		due.setFollowUpDate(Date.from(Instant.now().minus(1, ChronoUnit.HOURS)));
		tasks.saveTask(due);

		assertThat(run(LEAD, "本部门待办")).contains(waiting.getId(), escalated.getId()).doesNotContain(held.getId());
		assertThat(run(LEAD, "即将超期")).contains(held.getId()).doesNotContain(waiting.getId());
		assertThat(run(DemoUsers.COUNTY_REVIEWER, "本部门待办")).contains(waiting.getId(), held.getId(), escalated.getId());
		assertThat(run(DemoUsers.COUNTY_REVIEWER, "即将超期")).contains(held.getId()).doesNotContain(waiting.getId());
		assertThat(run("lq-industry-lead", "本部门待办")).doesNotContain(waiting.getId(), held.getId(), escalated.getId());
	}

	/** The task ids the filter lists for the user, in the user's name. */
	private List<String> run(String userId, String filterName) {
		List<String> groups = identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		String filterId = filters.createTaskFilterQuery().filterName(filterName).singleResult().getId();
		identity.setAuthentication(userId, groups);
		try {
			List<Task> listed = filters.list(filterId);
			assertThat(filters.count(filterId)).isEqualTo(listed.size());
			return listed.stream().map(Task::getId).toList();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
