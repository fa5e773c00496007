package cn.liaocheng.renewal.clawback.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.clawback.internal.ClawbackAccess;
import cn.liaocheng.renewal.clawback.internal.ClawbackCollection;
import cn.liaocheng.renewal.clawback.internal.ClawbackReaders;
import cn.liaocheng.renewal.clawback.internal.ClawbackRefused;
import cn.liaocheng.renewal.clawback.internal.Clawbacks;
import cn.liaocheng.renewal.clawback.internal.PriorNotices;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The clawback REST API. Bodies: the city industry bureau starts one for false material;
 * the county finance bureau of the enterprise's county records repayments; city bodies
 * read all, county bodies their county's. Enterprises read their own under their
 * applications ({@code /api/applications/{id}/clawback}, reachable with API tokens).
 */
@RestController
class ClawbackApiController {

	private final Clawbacks clawbacks;

	private final ClawbackCollection collection;

	private final Applications applications;

	private final PriorNotices notices;

	private final ClawbackReaders readers;

	ClawbackApiController(Clawbacks clawbacks, ClawbackCollection collection, Applications applications,
			PriorNotices notices, ClawbackReaders readers) {
		this.readers = readers;
		this.notices = notices;
		this.clawbacks = clawbacks;
		this.collection = collection;
		this.applications = applications;
	}

	@GetMapping("/api/clawbacks")
	List<ClawbackView> list(@AuthenticationPrincipal PortalUser user) {
		return readers.list(user);
	}

	@GetMapping("/api/clawbacks/{applicationId}")
	ClawbackView one(@AuthenticationPrincipal PortalUser user, @PathVariable long applicationId) {
		return readers.of(user, applicationId)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "追回记录不存在"));
	}

	/**
	 * False material found after the award: the city industry bureau starts the clawback
	 * with its finding.
	 */
	@PostMapping("/api/clawbacks")
	@ResponseStatus(HttpStatus.CREATED)
	ClawbackView start(@AuthenticationPrincipal PortalUser user, @RequestBody Map<String, Object> body) {
		Requests.only(body, Set.of("applicationId", "facts"));
		if (!ClawbackAccess.decides(user)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "只有市工业和信息化局可以因弄虚作假启动追回");
		}
		long applicationId = Requests.id(body, "applicationId");
		if (clawbacks
			.start(applicationId, ClawbackDue.Cause.FALSE_MATERIAL, Requests.text(body, "facts"), user.userId())
			.isEmpty()) {
			throw clawbacks.notStarted(applicationId);
		}
		return clawbacks.of(applicationId).orElseThrow();
	}

	@PostMapping("/api/clawbacks/{applicationId}/repayments")
	ClawbackView repay(@AuthenticationPrincipal PortalUser user, @PathVariable long applicationId,
			@RequestBody Map<String, Object> body) {
		Requests.only(body, Set.of("paidOn", "amount", "voucherNo"));
		LocalDate paidOn = Requests.date(body, "paidOn");
		BigDecimal amount = Requests.decimal(body, "amount");
		return collection.recordRepayment(user, applicationId, paidOn, amount, Requests.text(body, "voucherNo"));
	}

	/**
	 * The check of a recorded repayment by a second person of the county finance bureau:
	 * {@code {"outcome": "CONFIRM", "amount": …, "paidOn": "…"}} or {@code {"outcome":
	 * "RETURN", "note": "…", "amount": …, "paidOn": "…"}}, where amount and date are
	 * those of the entry the checker compared with the treasury's receipt.
	 */
	@PostMapping("/api/clawbacks/{applicationId}/repayments/{repaymentId}/check")
	ClawbackView check(@AuthenticationPrincipal PortalUser user, @PathVariable long applicationId,
			@PathVariable long repaymentId, @RequestBody Map<String, Object> body) {
		Requests.only(body, Set.of("outcome", "note", "amount", "paidOn"));
		String outcome = Requests.text(body, "outcome");
		if (!"CONFIRM".equals(outcome) && !"RETURN".equals(outcome)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "outcome 应为 CONFIRM（确认）或 RETURN（退回）");
		}
		return collection.checkRepayment(user, applicationId, repaymentId, outcome.equals("CONFIRM"),
				Requests.text(body, "note"), Requests.decimal(body, "amount"), Requests.date(body, "paidOn"));
	}

	/**
	 * The enterprise's own clawback; another enterprise's application id answers 404 like
	 * everything there.
	 */
	@GetMapping("/api/applications/{id}/clawback")
	ClawbackView own(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		applications.detail(user, id);
		return clawbacks.of(id)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "该申报没有追回记录"))
			.asToldToEnterprise();
	}

	/** The latest prior notice of the enterprise's own clawback, with its full text. */
	@GetMapping("/api/applications/{id}/clawback/notice")
	PriorNotices.View notice(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		applications.detail(user, id);
		return notices.latest(id)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "该申报没有事先告知书"));
	}

	/**
	 * The enterprise's statement and defence on its own clawback's notice,
	 * {@code {"statement": "…"}}: within the period, once.
	 */
	@PostMapping("/api/applications/{id}/clawback/statement")
	PriorNotices.View state(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody Map<String, Object> body) {
		Requests.only(body, Set.of("statement"));
		ownCase(user, id);
		return notices.state(id, user, Requests.text(body, "statement"));
	}

	/**
	 * The enterprise expressly waives its statement, {@code {}}: within the period, once.
	 */
	@PostMapping("/api/applications/{id}/clawback/waiver")
	PriorNotices.View waive(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody(required = false) Map<String, Object> body) {
		Requests.only(body == null ? Map.of() : body, Set.of());
		ownCase(user, id);
		return notices.waive(id, user);
	}

	/**
	 * The enterprise's own application: another enterprise's id answers 404, a body's
	 * account 403.
	 */
	private void ownCase(PortalUser user, long id) {
		if (!user.isIn(GroupType.ENTERPRISE)) {
			throw new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "只有申报企业本身可以陈述、申辩或放弃陈述、申辩");
		}
		applications.detail(user, id);
	}

}
