package cn.liaocheng.renewal.review.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.review.internal.HandOver;
import cn.liaocheng.renewal.review.internal.HandOverException;
import cn.liaocheng.renewal.review.internal.TaskHandOvers;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The reviewers' door for handing a task over within their body. Camunda's own assignment calls are closed to
 * reviewers (they hold {@code TASK_WORK} only), so reassignment happens here, checked and recorded with a reason.
 */
@RestController
@RequestMapping("/api/review/tasks")
@Tag(name = "审核任务转交", description = "任务办理人将任务转交本部门同事，或放回本部门待办；须说明原因，记入办理记录和审计日志")
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

	@PostMapping("/{taskId}/release")
	@Operation(summary = "放回本部门待办", description = "只有任务的当前办理人可以放回；放回后本部门任何人可认领")
	HandOver release(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody ReleaseRequest request) {
		return handOvers.release(user.userId(), taskId, request.reason());
	}

	@ExceptionHandler(HandOverException.class)
	ProblemDetail refused(HandOverException e) {
		HttpStatus status = switch (e.reason()) {
			case UNKNOWN_TASK -> HttpStatus.NOT_FOUND;
			case NOT_HOLDER -> HttpStatus.FORBIDDEN;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CHANGED -> HttpStatus.CONFLICT;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
		problem.setTitle(switch (e.reason()) {
			case UNKNOWN_TASK -> "任务不存在";
			case NOT_HOLDER -> "无权转交该任务";
			case INVALID -> "请求内容有误";
			case CHANGED -> "任务已变化";
		});
		problem.setType(URI.create("urn:renewal:problem:task-hand-over"));
		problem.setProperty("errors",
				e.field() == null ? List.of() : List.of(Map.of("field", e.field(), "message", e.getMessage())));
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求内容不是有效的 JSON 或字段类型不正确");
		problem.setTitle("请求格式错误");
		problem.setProperty("errors", List.of());
		return problem;
	}

}
