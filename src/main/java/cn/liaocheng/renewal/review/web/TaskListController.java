package cn.liaocheng.renewal.review.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.review.deadlines.TaskDeadlines;
import cn.liaocheng.renewal.review.tasks.BatchClaims;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What Tasklist's list asks of the application besides Camunda's own API: the working
 * days left on the listed tasks (counted when asked, on the China working-day calendar)
 * and 批量认领. Both answer only about the caller's own tasks: an id of another body's task
 * is treated as unknown.
 */
@RestController
@RequestMapping("/api/review/tasks")
@Tag(name = "审核任务列表", description = "任务列表中的剩余工作日和批量认领；只涉及本人或本部门可以看到的任务")
class TaskListController {

	private final TaskDeadlines deadlines;

	private final BatchClaims claims;

	TaskListController(TaskDeadlines deadlines, BatchClaims claims) {
		this.deadlines = deadlines;
		this.claims = claims;
	}

	record ClaimRequest(List<String> taskIds) {
	}

	@GetMapping("/remaining-days")
	@Operation(summary = "剩余工作日",
			description = "ids 为逗号分隔的任务 ID（最多 50 个）；按中国法定工作日计算到截止日期的剩余工作日，" + "已超期的 workingDays 为负数。不是本人或本部门的任务不在回答中")
	List<TaskDeadlines.Remaining> remainingDays(@AuthenticationPrincipal PortalUser user,
			@RequestParam(defaultValue = "") String ids) {
		return deadlines.remaining(user.userId(), Arrays.asList(ids.split(",", -1)));
	}

	@PostMapping("/claim")
	@Operation(summary = "批量认领", description = "逐个认领所选任务（最多 50 个），规则与单个认领相同：须是任务办理部门（候选组）的成员，"
			+ "且任务尚未被认领。每个任务单独成败，回答逐个说明；认领记入办理记录、操作记录和审计日志")
	BatchClaims.Outcome claim(@AuthenticationPrincipal PortalUser user, @RequestBody ClaimRequest request) {
		return claims.claim(user.userId(), request == null ? null : request.taskIds());
	}

}
