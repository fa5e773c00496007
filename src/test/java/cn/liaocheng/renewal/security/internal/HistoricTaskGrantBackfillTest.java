package cn.liaocheng.renewal.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An open task from before historic instance permissions has grants on the task but none
 * on its history, so its reviewers cannot find it in the history (and Camunda's comment
 * door refuses them). The start-up backfill gives who holds a grant on the task READ on
 * its history, and adds nothing the second time.
 */
@WebIntegrationTest
class HistoricTaskGrantBackfillTest {

	@Autowired
	HistoricTaskGrantBackfill backfill;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	IdentityService identity;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	Applications applications;

	@Test
	void givesTheHoldersOfAnOldTaskReadOnItsHistoryOnce() {
		Task task = new CountyReviewTasks(applications, identity, tasks).heldBy(DemoUsers.COUNTY_REVIEWER);
		historyGrantsOf(task).forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
		assertThat(visibleInHistoryTo(task)).as("before the backfill").isZero();

		assertThat(backfill.backfill()).isPositive();

		assertThat(historyGrantsOf(task)).extracting(g -> g.getGroupId() != null ? g.getGroupId() : g.getUserId())
			.contains(CountyReviewTasks.BODY, DemoUsers.COUNTY_REVIEWER);
		assertThat(visibleInHistoryTo(task)).as("after the backfill").isEqualTo(1);
		int grants = historyGrantsOf(task).size();
		backfill.backfill();
		assertThat(historyGrantsOf(task)).hasSize(grants);
	}

	private List<Authorization> historyGrantsOf(Task task) {
		return authorizations.createAuthorizationQuery()
			.resourceType(Resources.HISTORIC_TASK)
			.resourceId(task.getId())
			.list();
	}

	private long visibleInHistoryTo(Task task) {
		identity.setAuthentication(DemoUsers.COUNTY_REVIEWER, List.of(CountyReviewTasks.BODY));
		try {
			return history.createHistoricTaskInstanceQuery().taskId(task.getId()).count();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
