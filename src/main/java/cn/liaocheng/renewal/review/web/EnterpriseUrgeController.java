package cn.liaocheng.renewal.review.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The enterprise urges its own case (催办), once a working day; the review module decides
 * which tasks that reaches.
 */
@RestController
@Tag(name = "企业申报", description = "项目入库、奖补资金、技术改造贷款申请：草稿、附件、提交、撤回、进度")
class EnterpriseUrgeController {

	private final Applications applications;

	private final TaskOperations operations;

	EnterpriseUrgeController(Applications applications, TaskOperations operations) {
		this.applications = applications;
		this.operations = operations;
	}

	record UrgeRequest(String reason) {
	}

	/**
	 * A step the enterprise urged, as it may know it: the step and the body, not who in
	 * the body holds it.
	 */
	record Urged(String taskName, String bodyName, boolean claimed) {
	}

	@PostMapping("/api/applications/{id}/urge")
	@Operation(summary = "催办",
			description = "企业催办本单位正在审核中的申请，每件申请每个工作日一次（周末、节假日计入下一个工作日）；须说明事由。" + "返回被催办的环节和部门（不含审核人员）")
	List<Urged> urge(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody UrgeRequest request) {
		applications.detail(user, id); // 404 unless the case is the enterprise's own
		return operations.urgeAsEnterprise(user.userId(), user.displayName(), id, request.reason())
			.stream()
			.map(h -> new Urged(h.taskName(), h.bodyName(), h.assignee() != null))
			.toList();
	}

}
