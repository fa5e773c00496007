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
import cn.liaocheng.renewal.review.history.TaskCards;
import cn.liaocheng.renewal.review.tasks.BatchClaims;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What Tasklist's list asks of the application besides Camunda's own API: what each
 * listed task's card says (the case's county, whether the step is looked at again, the
 * working days left, counted when asked on the China working-day calendar) and 批量认领. All
 * answer only about the caller's own tasks: an id of another body's task is treated as
 * unknown.
 */
@RestController
@RequestMapping("/api/review/tasks")
@Tag(name = "审核任务列表", description = "任务列表中每个任务的所在县市区、补正或退回标记、剩余工作日，以及批量认领；只涉及本人或本部门可以看到的任务")
class TaskListController {

	private final TaskDeadlines deadlines;

	private final BatchClaims claims;

	private final TaskCards cards;

	TaskListController(TaskDeadlines deadlines, BatchClaims claims, TaskCards cards) {
		this.deadlines = deadlines;
		this.claims = claims;
		this.cards = cards;
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

	@GetMapping("/cards")
	@Operation(summary = "任务卡片信息",
			description = "ids 为逗号分隔的任务 ID（最多 50 个）；逐个回答任务所属申报的所在县市区（按申报记录中的行政区划，不取流程变量）、"
					+ "labels（本环节曾退回补正、企业重新提交后再次办理的为“补正后重新提交”，由后续环节退回本环节的为“退回重办”，"
					+ "detail 说明时间、修改内容或退回原因）、剩余工作日（remaining，无截止日期的为 null）以及本人能否认领（claimable："
					+ "尚无人认领且是本人所在组的任务；负责人对本部门的任务只能查看，升级给负责人组后才能认领）。不是本人或本部门的任务不在回答中")
	List<TaskCards.Card> cards(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String ids) {
		return cards.cards(user.userId(), Arrays.asList(ids.split(",", -1)));
	}

	@PostMapping("/claim")
	@Operation(summary = "批量认领", description = "逐个认领所选任务（最多 50 个），规则与单个认领相同：须是任务办理部门（候选组）的成员，"
			+ "且任务尚未被认领。每个任务单独成败，回答逐个说明；认领记入办理记录、操作记录和审计日志")
	BatchClaims.Outcome claim(@AuthenticationPrincipal PortalUser user, @RequestBody ClaimRequest request) {
		return claims.claim(user.userId(), request == null ? null : request.taskIds());
	}

}
