package cn.liaocheng.renewal.review.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liaocheng.renewal.review.routing.JointReviewAdditions;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.review.access.ReviewAccess;
import cn.liaocheng.renewal.review.tasks.HandOver;
import cn.liaocheng.renewal.review.tasks.JointReviewUrges;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The reviewers' approval operations besides hand-overs: 撤回, 退回上一环节 and 催办. Who may do
 * what is decided by {@link TaskOperations} on the organisation chart, whatever path
 * reached it.
 */
@RestController
@RequestMapping("/api/review")
@Tag(name = "审核办理操作", description = "撤回、退回上一环节、催办；均须说明原因，记入办理记录、操作记录和审计日志")
class TaskOperationController {

	private final TaskOperations operations;

	private final JointReviewAdditions additions;

	private final JointReviewUrges urges;

	private final ReviewAccess access;

	TaskOperationController(TaskOperations operations, JointReviewAdditions additions, JointReviewUrges urges,
			ReviewAccess access) {
		this.operations = operations;
		this.additions = additions;
		this.urges = urges;
		this.access = access;
	}

	record ReasonRequest(String reason) {
	}

	record AdditionRequest(String body, String reason) {
	}

	record BodyUrgeRequest(String body, String reason) {
	}

	/**
	 * Tasklist's panel reads the token here: its pages are Camunda's, which carry no
	 * token of this application.
	 */
	@GetMapping("/csrf")
	@Operation(summary = "CSRF 令牌", description = "会话调用本 API 的写操作时，须在请求头中携带此令牌")
	Map<String, String> csrf(CsrfToken token) {
		return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
	}

	@GetMapping("/tasks/{taskId}/operations")
	@Operation(summary = "可办理的操作",
			description = "本人对该任务可以尝试的操作：transfer、delegate、release、copy、returnToPrevious、urge、reassign、addReviewer，以及 claim（任务尚未认领且引擎允许本人认领）")
	Set<String> available(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId) {
		return operations.available(user.userId(), taskId);
	}

	@GetMapping("/withdrawable")
	@Operation(summary = "可撤回的环节", description = "本人近 30 天同意（通过）的环节中，仍是案件最新环节且下一环节尚未认领的")
	List<TaskOperations.Withdrawable> withdrawable(@AuthenticationPrincipal PortalUser user) {
		return operations.withdrawable(user.userId());
	}

	@PostMapping("/completed-tasks/{taskId}/withdraw")
	@Operation(summary = "撤回", description = "办理该环节的本人撤回，下一环节尚未认领时才可撤回；撤回后该环节回到本人名下重新办理，原审核意见不再作为结论")
	HandOver withdraw(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody ReasonRequest request) {
		return operations.withdraw(user.userId(), taskId, request.reason());
	}

	@PostMapping("/tasks/{taskId}/return-to-previous")
	@Operation(summary = "退回上一环节", description = "任务当前办理人将案件退回上一审核环节（不是退回企业补正）；上一环节的审核意见不再作为结论")
	HandOver returnToPrevious(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody ReasonRequest request) {
		return operations.returnToPrevious(user.userId(), taskId, request.reason());
	}

	@GetMapping("/tasks/{taskId}/addable-bodies")
	@Operation(summary = "可加签的市级单位", description = "市工业和信息化局的人员，对进行中的市级联审任务：尚未参加本轮联审的市级单位")
	List<JointReviewAdditions.Body> addableBodies(@AuthenticationPrincipal PortalUser user,
			@PathVariable String taskId) {
		return additions.addable(user.userId(), taskId);
	}

	@PostMapping("/tasks/{taskId}/add-reviewer")
	@Operation(summary = "加签", description = "市工业和信息化局在进行中的市级联审中增加一个市级单位（body 为单位代码，如 finance）；本轮联审等待该单位的意见")
	HandOver addReviewer(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody AdditionRequest request) {
		return additions.add(user.userId(), taskId, request.body(), request.reason());
	}

	@GetMapping("/applications/{id}/joint-review-urges")
	@Operation(summary = "可催办的联审单位", description = "市工业和信息化局（含其负责人组）的人员：该案件尚未提出联审意见的其他市级单位，及今天是否已催办；其他人得到空列表")
	List<JointReviewUrges.Outstanding> outstandingJointReview(@AuthenticationPrincipal PortalUser user,
			@PathVariable long id) {
		requireReadable(user, id);
		return urges.outstanding(user.userId(), id);
	}

	@PostMapping("/applications/{id}/joint-review-urges")
	@Operation(summary = "催办联审单位",
			description = "市工业和信息化局（含其负责人组）的人员催办尚未提出联审意见的市级单位（body 为单位组，如 city-finance）；每个单位每天一次")
	JointReviewUrges.Urged urgeJointReviewBody(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody BodyUrgeRequest request) {
		requireReadable(user, id);
		return urges.urge(user.userId(), id, request.body(), request.reason());
	}

	/** A case the caller may not read answers as one that does not exist. */
	private void requireReadable(PortalUser user, long id) {
		if (!access.canRead(user, id)) {
			throw new ApplicationNotFoundException();
		}
	}

	@PostMapping("/tasks/{taskId}/urge")
	@Operation(summary = "催办", description = "办理部门负责人组（如 city-industry-lead）的成员催办本部门的在办任务")
	HandOver urge(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody ReasonRequest request) {
		return operations.urgeAsLead(user.userId(), taskId, request.reason());
	}

}
