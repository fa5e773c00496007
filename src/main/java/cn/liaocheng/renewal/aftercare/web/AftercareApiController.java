package cn.liaocheng.renewal.aftercare.web;

import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liaocheng.renewal.aftercare.internal.AftercareView;
import cn.liaocheng.renewal.aftercare.internal.EnterpriseSteps;
import cn.liaocheng.renewal.aftercare.internal.PerformanceReport;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.AttachmentDownloads;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.operations.Problems;
import cn.liaocheng.renewal.operations.UploadMemory;
import cn.liaocheng.renewal.security.PortalUser;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The same steps after the award as the case page offers, for enterprises' own systems.
 */
@RestController
@RequestMapping("/api/applications/{id}/aftercare")
@Tag(name = "项目后续管理", description = "奖补资金下达后：拨付记录、项目验收申请与整改、绩效自评及评价结果")
class AftercareApiController {

	private final EnterpriseSteps steps;

	private final UploadMemory uploadMemory;

	AftercareApiController(EnterpriseSteps steps, UploadMemory uploadMemory) {
		this.steps = steps;
		this.uploadMemory = uploadMemory;
	}

	/**
	 * Runs a submission whose files are read only once the case is known to be the
	 * caller's, and with room for them on this node ({@link UploadMemory}).
	 */
	private void withFiles(PortalUser user, long id, HttpServletRequest request, Runnable submission) {
		steps.requireOwnCase(user, id);
		try (UploadMemory.Held held = uploadMemory.hold(request)) {
			submission.run();
		}
	}

	@GetMapping
	@Operation(summary = "拨付记录、验收申请及材料、县级初核和市级现场验收意见、整改期限、绩效自评与评价结果、当前环节和可办理事项")
	AftercareView view(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return steps.view(user, id);
	}

	@PostMapping(path = "/acceptance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "申请项目验收",
			description = "multipart/form-data：statement（情况说明），commissioning（设备安装调试及试运行记录）、photos（设备现场照片）、finalAccounts（项目竣工决算或专项审计报告）各至少一个文件，other 可选；PDF、JPEG 或 PNG，单个不超过 10 MB")
	ResponseEntity<AftercareView> applyForAcceptance(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(required = false) String statement, HttpServletRequest request) {
		withFiles(user, id, request, () -> steps.applyForAcceptance(user, id, statement,
				Uploads.of(request, Set.of("statement"), Set.of("commissioning", "photos", "finalAccounts", "other"))));
		return ResponseEntity.accepted().body(steps.view(user, id));
	}

	@PostMapping(path = "/rectification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "在整改期限内提交整改材料",
			description = "multipart/form-data：statement，rectification（整改情况说明及佐证材料，至少一个），other 可选")
	ResponseEntity<AftercareView> submitRectification(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(required = false) String statement, HttpServletRequest request) {
		withFiles(user, id, request, () -> steps.submitRectification(user, id, statement,
				Uploads.of(request, Set.of("statement"), Set.of("rectification", "other"))));
		return ResponseEntity.accepted().body(steps.view(user, id));
	}

	@PostMapping(path = "/performance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "报送绩效自评",
			description = "multipart/form-data：outputValue（实际年产值总额，元，必填；不是新增额，与 promised.outputIncrease 预计年新增产值口径不同）、energySaving（年节能量，吨标准煤）、efficiencyGrade（主要设备能效等级 1–5）、digitalIndicators（数字化指标完成情况）、statement（必填），other 文件可选")
	ResponseEntity<AftercareView> reportPerformance(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(required = false) String outputValue, @RequestParam(required = false) String energySaving,
			@RequestParam(required = false) String efficiencyGrade,
			@RequestParam(required = false) String digitalIndicators, @RequestParam(required = false) String statement,
			HttpServletRequest request) {
		withFiles(user, id, request, () -> steps.reportPerformance(user, id,
				new PerformanceReport(outputValue, energySaving, efficiencyGrade, digitalIndicators, statement),
				Uploads.of(request,
						Set.of("outputValue", "energySaving", "efficiencyGrade", "digitalIndicators", "statement"),
						Set.of("other"))));
		return ResponseEntity.accepted().body(steps.view(user, id));
	}

	@GetMapping("/evidence/{evidenceId}")
	@Operation(summary = "下载本单位提交的验收、整改或绩效材料")
	ResponseEntity<byte[]> evidence(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long evidenceId) {
		return AttachmentDownloads.of(steps.evidence(user, id, evidenceId));
	}

	/** RFC 7807 answers in Chinese, naming each field that is wrong. */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@RestControllerAdvice(assignableTypes = AftercareApiController.class)
	static class AftercareProblems {

		@ExceptionHandler(DossierInvalidException.class)
		ProblemDetail invalid(DossierInvalidException e) {
			return Problems.invalid("invalid-submission", "提交内容未通过校验", "提交内容有 " + e.problems().size() + " 处需要修改",
					e.problems());
		}

		@ExceptionHandler(ApplicationNotFoundException.class)
		ProblemDetail notFound(ApplicationNotFoundException e) {
			return Problems.of(HttpStatus.NOT_FOUND, "申报不存在", e.getMessage());
		}

		@ExceptionHandler(ApplicationStateException.class)
		ProblemDetail conflict(ApplicationStateException e) {
			return Problems.of(HttpStatus.CONFLICT, "当前状态不允许该操作", e.getMessage());
		}

	}

}
