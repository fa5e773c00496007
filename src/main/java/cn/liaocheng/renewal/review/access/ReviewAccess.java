package cn.liaocheng.renewal.review.access;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.security.PortalUser;

/**
 * Who may read a dossier outside the enterprise that owns it: administrators, and
 * reviewers whose group has (or had) a task on the case, by their current groups (not by
 * having once held one of its tasks). A county reviewer therefore sees its own county's
 * cases only, a city body the cases routed to it, a bank the loans pushed to it; and
 * bodies or people a case was copied to (抄送). The one rule for every door to a case's
 * records, other modules' too (the after-award record reads it), hence exposed as the
 * module's interface "access".
 */
@Component
@NamedInterface("access")
public class ReviewAccess {

	private final TaskService tasks;

	private final HistoryService history;

	private final CaseCopies copies;

	ReviewAccess(TaskService tasks, HistoryService history, CaseCopies copies) {
		this.tasks = tasks;
		this.history = history;
		this.copies = copies;
	}

	public boolean canRead(PortalUser user, long applicationId) {
		if (user.isAdministrator()) {
			return true;
		}
		String key = Long.toString(applicationId);
		List<String> groups = user.groupIds();
		if (!groups.isEmpty() && tasks.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskCandidateGroupIn(groups)
			.includeAssignedTasks()
			.count() > 0) {
			return true;
		}
		// Having held one of its tasks is not enough: someone who left the body (moved
		// to another county, to a bank) no longer reads the cases they handled there.
		// 抄送: a body or person the case was copied to reads it too.
		return anyHadCandidateGroup(key, groups) || copies.copiedTo(user, applicationId);
	}

	/** Users belong to one or two groups, so one query per group is cheap. */
	private boolean anyHadCandidateGroup(String key, List<String> groups) {
		for (String group : groups) {
			if (history.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKey(key)
				.taskHadCandidateGroup(group)
				.count() > 0) {
				return true;
			}
		}
		return false;
	}

}
