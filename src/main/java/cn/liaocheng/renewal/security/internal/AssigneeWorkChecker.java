package cn.liaocheng.renewal.security.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.CommandCheckers;

/**
 * Three rules for the commands that need {@code TASK_WORK}, for signed-in users, checked
 * after Camunda's own.
 * <ul>
 * <li>Only the task's assignee completes it, resolves it or submits its form: the opinion
 * of record names the assignee as the reviewer, so a colleague (or anyone holding the
 * group's permission) completing a task they have not claimed would sign in another's
 * name, or in nobody's.</li>
 * <li>A task delegated to a colleague (委派) goes back to its holder: the colleague submits
 * the form, which the engine turns into handing the task back, or resolves it. Completing
 * it outright would end the holder's step with the colleague's work as the opinion of
 * record, and the engine's complete command does not look at the delegation.</li>
 * <li>Only a member of the task's body claims, completes, resolves or submits it: a
 * person who left the body (moved to another county, to a bank) may still hold the task,
 * or the personal grant Camunda gave them when it was once theirs, and their opinion
 * would be recorded as the body's. Membership is read from the request's authentication,
 * which is the account's current groups: a membership gained or lost ends the account's
 * sessions ({@code PasswordChangeEndsSessions}), and an API call reads its groups afresh.
 * A body's lead (负责人) counts as its member.</li>
 * <li>Nobody signed in claims, completes, resolves or submits a task with no candidate
 * group: the enterprise's own correction (补正), which ends when the enterprise resubmits
 * through the portal, the product completing it after recording the resubmission.
 * Completed through the engine by its assignee it would end the correction with nothing
 * resubmitted and the case resumed on the old dossier.</li>
 * <li>No administrator claims, completes or submits the form of a body's task (one with
 * candidate groups): an administrator can make themselves a member of any body in Camunda
 * Admin, so a body's opinion given by an administrator's account would be the
 * administrator's word signed in the body's name. An administrator is a member of
 * {@code camunda-admin} by the request's authentication or by the identity store now (a
 * membership dropped in the same session still counts). The opinion listener refuses the
 * same whatever the door ({@code review.opinions.ReviewOpinions#give}), and the issuing
 * check counts no opinion of an account that is an administrator.</li>
 * <li>Nobody resolves a task outright ({@code resolve}): it hands the task to its owner
 * without the form, whatever the delegation state; a 委派 returns through the form.</li>
 * <li>Nobody ends a task by throwing a BPMN error or escalation at it: that skips the
 * form and can steer the case (an error {@code CORRECTION_LAPSED} thrown at a county
 * review would lapse the application). The models never expect one from a person.</li>
 * </ul>
 * The engine's own work and the product's operations run without an authenticated user
 * and are not affected.
 */
final class AssigneeWorkChecker {

	static final String ADMINISTRATOR_REFUSED = "系统管理员账号不能认领或办理审核任务：审核意见须由审核单位的工作人员用本人账号给出";

	static final String NO_BODY_REFUSED = "该任务不属于任何审核单位（企业补正申报材料），在企业于申报页面重新提交时由系统办结，不能认领或直接办理";

	private AssigneeWorkChecker() {
	}

	/**
	 * The rules as one more of the engine's command checkers ({@link CommandCheckers}).
	 */
	static CommandChecker asCommandChecker() {
		return CommandCheckers.of("AssigneeWorkChecker", (check, args) -> {
			if (check.equals("checkTaskWork")) {
				checkTaskWork((TaskEntity) args[0]);
			}
		});
	}

	static void checkTaskWork(TaskEntity task) {
		CommandContext context = Context.getCommandContext();
		String userId = context == null ? null : context.getAuthenticatedUserId();
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		if (userId == null || !context.isAuthorizationCheckEnabled() || invocation == null) {
			return;
		}
		Command<?> command = invocation.getCommand();
		if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
			throw new AuthorizationException("审核任务只能通过表单办理，不能以抛出 BPMN 错误或升级的方式结束");
		}
		boolean work = command instanceof ClaimTaskCmd || command instanceof CompleteTaskCmd
				|| command instanceof SubmitTaskFormCmd || command instanceof ResolveTaskCmd;
		if (work && candidateGroups(task.getIdentityLinks()).isEmpty()) {
			throw new AuthorizationException(NO_BODY_REFUSED);
		}
		if ((command instanceof ClaimTaskCmd || command instanceof CompleteTaskCmd
				|| command instanceof SubmitTaskFormCmd) && isAdministrator(context, userId)) {
			throw new AuthorizationException(ADMINISTRATOR_REFUSED);
		}
		if (work && !memberOfItsBody(task, context.getAuthentication())) {
			throw new AuthorizationException("您已不在该任务所属单位，不能认领或办理该任务");
		}
		if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
				&& !userId.equals(task.getAssignee())) {
			throw new AuthorizationException("只有任务的当前办理人才能完成该任务，请先认领");
		}
		if (command instanceof ResolveTaskCmd) {
			// The engine lets an assignee resolve any task back to its owner, skipping
			// the form and recording nothing; a 委派 returns through the form instead.
			throw new AuthorizationException("委派的任务请提交表单交还委派人，不能直接交还");
		}
		if (command instanceof CompleteTaskCmd && task.getDelegationState() == DelegationState.PENDING) {
			throw new AuthorizationException("委派给您的任务办理后须交还委派人：请提交表单交还，不能直接结束任务");
		}
	}

	/**
	 * Whether the signed-in user is an administrator: by the request's authentication
	 * (Camunda's own rule, which also knows administrators named in its configuration),
	 * or a member of {@code camunda-admin} in the identity store now.
	 */
	private static boolean isAdministrator(CommandContext context, String userId) {
		if (context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
			return true;
		}
		return context.runWithoutAuthorization(() -> context.getProcessEngineConfiguration()
			.getIdentityService()
			.createUserQuery()
			.userId(userId)
			.memberOfGroup(GroupNames.ADMINISTRATORS)
			.count() > 0);
	}

	/**
	 * Whether the signed-in user is in one of the task's candidate groups, or in the lead
	 * group of one; true for a task without candidate groups.
	 */
	static boolean memberOfItsBody(TaskEntity task, Authentication authentication) {
		return memberOfItsBody(candidateGroups(task.getIdentityLinks()),
				authentication == null || authentication.getGroupIds() == null ? List.of()
						: authentication.getGroupIds());
	}

	/**
	 * The rule itself: someone in {@code groups} may work a task of
	 * {@code candidateGroups} when in one of them or in the lead group of one; anyone may
	 * work a task without candidate groups (the enterprise's own, which keep only the
	 * assignee rule).
	 */
	static boolean memberOfItsBody(List<String> candidateGroups, Collection<String> groups) {
		return candidateGroups.isEmpty() || candidateGroups.stream().anyMatch(bodiesOf(groups)::contains);
	}

	/**
	 * The same rule as candidate groups, for a task query: the groups whose tasks someone
	 * in {@code groups} may work, their own and those they lead.
	 */
	static Set<String> bodiesOf(Collection<String> groups) {
		Set<String> bodies = new HashSet<>(groups);
		groups.stream()
			.filter(group -> group.endsWith(GroupNames.LEAD_SUFFIX))
			.map(lead -> lead.substring(0, lead.length() - GroupNames.LEAD_SUFFIX.length()))
			.forEach(bodies::add);
		return bodies;
	}

	/** The candidate groups among a task's identity links. */
	static List<String> candidateGroups(Collection<? extends IdentityLink> links) {
		return links.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

}
