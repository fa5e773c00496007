package cn.liaocheng.renewal.security.internal;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.CommandCheckers;

/**
 * Says in Chinese why a body's lead may not work a task of the body that they only read
 * ({@link StaffAuthorizationProvider}): Camunda's own checker refuses them
 * {@code TASK_WORK} (claim, complete, submit the form, write a note) in English, naming
 * user, permission and task ids. Wrapped around that checker, this keeps its decision and
 * only words its refusal of {@code checkTaskWork} for such a lead: one of the user's
 * groups is the lead group of one of the task's candidate groups. Any other refusal, and
 * every other check, is Camunda's as it was.
 */
final class LeadReadingRefusal {

	static final String LEAD_READS_ONLY = "负责人对本部门的任务只能查看（在“办理操作”中改派、收回或催办），不能认领、办理或填写备注；"
			+ "任务超期报送负责人组后方可认领办理，需要本人办理的，请在“办理操作”中改派给本人。";

	private LeadReadingRefusal() {
	}

	/** {@code checker} with its refusal of a lead's work on a read-only task reworded. */
	static CommandChecker around(CommandChecker checker) {
		return CommandCheckers.around("LeadReadingRefusal(" + checker + ")", checker,
				(method, args,
						refusal) -> refusal instanceof AuthorizationException && "checkTaskWork".equals(method)
								&& readsAsLead((TaskEntity) args[0]) ? new AuthorizationException(LEAD_READS_ONLY)
										: refusal);
	}

	/** Whether the signed-in user leads one of the bodies of the task. */
	private static boolean readsAsLead(TaskEntity task) {
		CommandContext context = Context.getCommandContext();
		Authentication authentication = context == null ? null : context.getAuthentication();
		Collection<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
				: authentication.getGroupIds();
		return AssigneeWorkChecker.candidateGroups(task.getIdentityLinks())
			.stream()
			.filter(StaffAuthorizationProvider::hasLead)
			.anyMatch(body -> groups.contains(GroupNames.lead(body)));
	}

}
