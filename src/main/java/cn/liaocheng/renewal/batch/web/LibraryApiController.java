package cn.liaocheng.renewal.batch.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.liaocheng.renewal.batch.ProjectLibrary;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 分年度项目库 over REST, scoped like the page: city bodies every county, a county body its
 * own.
 */
@RestController
@Tag(name = "分年度项目库", description = "按申报批次（年度）归集的申报；市级部门可查全市，县级部门仅本县（市、区）")
class LibraryApiController {

	/** The answer's header that holds how many entries match in all. */
	static final String TOTAL = "X-Total-Count";

	private final ProjectLibrary library;

	LibraryApiController(ProjectLibrary library) {
		this.library = library;
	}

	/** One project (or application) of the year's library. */
	record LibraryItem(long id, String referenceNo, String kind, String title, String enterpriseName, String creditCode,
			Integer policyTask, String status, String statusLabel, String divisionCode, String divisionName, int year,
			Instant submittedAt, Instant decidedAt) {
	}

	@GetMapping("/api/review/library")
	@Operation(summary = "查询项目库",
			description = "year 必填；kind 为 PROJECT（默认）、SUBSIDY 或 LOAN；division 为县（市、区）代码，县级部门只能查本县；"
					+ "task 为政策任务编号 1–15；status 为申报状态（默认 APPROVED 已批准，ALL 为全部；approvedOnly=false 同 ALL）；"
					+ "q 匹配申报编号、企业名称、统一社会信用代码或项目名称；按提交时间从新到旧，offset 起取 limit 项（最多 2000），"
					+ "符合条件的总数在响应头 X-Total-Count 中")
	ResponseEntity<List<LibraryItem>> library(@AuthenticationPrincipal PortalUser user, LibraryRequest request,
			@RequestParam(defaultValue = "true") boolean approvedOnly, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "" + ProjectLibrary.LIMIT) int limit) {
		if (request.year() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请给出年度 year");
		}
		if (offset < 0 || limit < 1 || limit > ProjectLibrary.LIMIT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"offset 不能为负，limit 应在 1 至 " + ProjectLibrary.LIMIT + " 之间");
		}
		ProjectLibrary.Page found = request.search(library, user, request.year(), approvedOnly, offset, limit);
		List<LibraryItem> items = found.entries().stream().map(e -> {
			var s = e.listing().summary();
			return new LibraryItem(s.id(), s.referenceNo(), s.kind().name(), s.title(), e.listing().enterpriseName(),
					e.creditCode(), e.task() == null ? null : e.task().number(), s.status().name(), s.status().label(),
					e.divisionCode(), e.divisionName(), e.year(), e.submittedAt(), e.decidedAt());
		}).toList();
		return ResponseEntity.ok().header(TOTAL, Integer.toString(found.total())).body(items);
	}

}
