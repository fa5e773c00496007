package cn.liaocheng.renewal.review.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.review.tasks.HandOver;
import cn.liaocheng.renewal.review.tasks.TaskHandOvers;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The reviewers' door for handing a task over within their body. Camunda's own assignment
 * calls are closed to reviewers (they hold {@code TASK_WORK} only), so reassignment
 * happens here, checked and recorded with a reason.
 */
@RestController
@RequestMapping("/api/review/tasks")
@Tag(name = "审核任务转交", description = "任务办理人将任务转交本部门同事，或放回本部门待办；本部门负责人改派或收回任务；须说明原因，记入办理记录和审计日志")
class TaskHandOverController {

	private final TaskHandOvers handOvers;

	TaskHandOverController(TaskHandOvers handOvers) {
		this.handOvers = handOvers;
	}

	record TransferRequest(String to, String reason) {
	}

	record ReleaseRequest(String reason) {
	}

	@PostMapping("/{taskId}/transfer")
	@Operation(summary = "转交本部门同事", description = "只有任务的当前办理人可以转交；接收人须是同一办理部门（候选组）的在册人员")
	HandOver transfer(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody TransferRequest request) {
		return handOvers.transfer(user.userId(), taskId, request.to(), request.reason());
	}

	@PostMapping("/{taskId}/delegate")
	@Operation(summary = "委派本部门同事", description = "只有任务的当前办理人可以委派；被委派人在 Tasklist 中填写意见后点击“完成”，任务回到委派人名下，由委派人完成")
	HandOver delegate(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody TransferRequest request) {
		return handOvers.delegate(user.userId(), taskId, request.to(), request.reason());
	}

	@GetMapping("/{taskId}/colleagues")
	@Operation(summary = "可转交的同事", description = "任务当前办理人所在办理部门（候选组）的其他在册人员")
	List<TaskHandOvers.Person> colleagues(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId) {
		return handOvers.colleagues(user.userId(), taskId);
	}

	@PostMapping("/{taskId}/reassign")
	@Operation(summary = "负责人改派或收回",
			description = "本部门负责人将本部门的任务（无论是否已被认领）改派给本部门人员或本人；to 为空时收回本部门待办。须说明原因，原办理人和接收人会收到通知；正在委派中的任务不能改派")
	HandOver reassign(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody TransferRequest request) {
		return handOvers.reassignAsLead(user.userId(), taskId, request.to(), request.reason());
	}

	@GetMapping("/{taskId}/reassignees")
	@Operation(summary = "可改派的人员", description = "负责人所负责的办理部门的在册人员及负责人本人（不含当前办理人）")
	List<TaskHandOvers.Person> reassignees(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId) {
		return handOvers.reassignees(user.userId(), taskId);
	}

	@PostMapping("/{taskId}/release")
	@Operation(summary = "放回本部门待办", description = "只有任务的当前办理人可以放回；放回后本部门任何人可认领")
	HandOver release(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody ReleaseRequest request) {
		return handOvers.release(user.userId(), taskId, request.reason());
	}

}
