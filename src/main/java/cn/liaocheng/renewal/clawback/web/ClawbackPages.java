package cn.liaocheng.renewal.clawback.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.clawback.internal.ClawbackAccess;
import cn.liaocheng.renewal.clawback.internal.ClawbackCollection;
import cn.liaocheng.renewal.clawback.internal.ClawbackReaders;
import cn.liaocheng.renewal.clawback.internal.ClawbackRefused;
import cn.liaocheng.renewal.clawback.internal.Clawbacks;
import cn.liaocheng.renewal.clawback.internal.NegativeList;
import cn.liaocheng.renewal.clawback.internal.PriorNotices;
import cn.liaocheng.renewal.engine.People;
import cn.liaocheng.renewal.security.PortalUser;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The bodies' pages: clawbacks (the city's, or a county's) with the county finance
 * bureau's repayment form, the city industry bureau's start for false material; and the
 * negative list with adding and lifting. Every action is checked again by the services; a
 * refusal comes back as the page's message, and nothing is half-saved.
 */
@Controller
class ClawbackPages {

	private final Clawbacks clawbacks;

	private final ClawbackCollection collection;

	private final NegativeList negativeList;

	private final PriorNotices notices;

	private final ApplicationStages stages;

	private final People people;

	private final ClawbackReaders readers;

	ClawbackPages(Clawbacks clawbacks, ClawbackCollection collection, NegativeList negativeList, PriorNotices notices,
			ApplicationStages stages, People people, ClawbackReaders readers) {
		this.readers = readers;
		this.people = people;
		this.stages = stages;
		this.notices = notices;
		this.clawbacks = clawbacks;
		this.collection = collection;
		this.negativeList = negativeList;
	}

	@GetMapping("/clawbacks")
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("clawbacks", readers.list(user));
		model.addAttribute("decides", ClawbackAccess.decides(user));
		return "clawback/list";
	}

	@GetMapping("/clawbacks/{applicationId}")
	String one(@AuthenticationPrincipal PortalUser user, @PathVariable long applicationId, Model model) {
		ClawbackView c = readable(user, applicationId);
		model.addAttribute("c", c);
		boolean collects = c.status().collecting() && ClawbackAccess.collects(user, c);
		model.addAttribute("collects", collects);
		// The pending repayments this person may check: not the ones they recorded.
		model.addAttribute("checks",
				collects ? c.repayments()
					.stream()
					.filter(r -> r.checkableBy(user.userId()))
					.map(ClawbackView.Repayment::id)
					.toList() : List.of());
		model.addAttribute("today", LocalDate.now(ChinaTime.ZONE));
		model.addAttribute("priorNotice", notices.latest(applicationId).orElse(null));
		// Who recorded and who checked each repayment, by name as the system shows people
		// (冠县财政局审核员), not by login id: once each.
		Map<String, String> names = new HashMap<>();
		c.repayments()
			.stream()
			.flatMap(r -> Stream.of(r.recordedBy(), r.checkedBy()))
			.filter(Objects::nonNull)
			.distinct()
			.forEach(id -> names.put(id, people.name(id)));
		model.addAttribute("names", names);
		return "clawback/detail";
	}

	@PostMapping("/clawbacks")
	String start(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String applicationId,
			@RequestParam(defaultValue = "") String facts, RedirectAttributes redirect) {
		try {
			if (!ClawbackAccess.decides(user)) {
				throw new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "只有市工业和信息化局可以因弄虚作假启动追回");
			}
			long id = applicationOf(applicationId);
			if (clawbacks.start(id, ClawbackDue.Cause.FALSE_MATERIAL, facts, user.userId()).isEmpty()) {
				throw clawbacks.notStarted(id);
			}
			redirect.addFlashAttribute("notice", "已启动追回，请在 Tasklist 中办理“核定追回事项”。");
			return "redirect:/clawbacks/" + id;
		}
		catch (ClawbackRefused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			redirect.addFlashAttribute("facts", facts);
			redirect.addFlashAttribute("applicationId", applicationId);
			return "redirect:/clawbacks";
		}
	}

	@PostMapping("/clawbacks/{applicationId}/repayments")
	String repay(@AuthenticationPrincipal PortalUser user, @PathVariable long applicationId,
			@RequestParam(defaultValue = "") String paidOn, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String voucherNo, RedirectAttributes redirect) {
		try {
			collection.recordRepayment(user, applicationId, date(paidOn), money(amount), voucherNo);
			redirect.addFlashAttribute("notice", "缴款已登记，待本局另一名工作人员或负责人复核后计入已缴回。");
		}
		catch (ClawbackRefused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			redirect.addFlashAttribute("paidOn", paidOn);
			redirect.addFlashAttribute("amount", amount);
			redirect.addFlashAttribute("voucherNo", voucherNo);
		}
		return "redirect:/clawbacks/" + applicationId;
	}

	@PostMapping("/clawbacks/{applicationId}/repayments/{repaymentId}/check")
	String check(@AuthenticationPrincipal PortalUser user, @PathVariable long applicationId,
			@PathVariable long repaymentId, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String paidOn, RedirectAttributes redirect) {
		try {
			if (!outcome.equals("CONFIRM") && !outcome.equals("RETURN")) {
				throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请选择确认或退回");
			}
			ClawbackView c = collection.checkRepayment(user, applicationId, repaymentId, outcome.equals("CONFIRM"),
					note, money(amount), date(paidOn));
			redirect.addFlashAttribute("notice", outcome.equals("RETURN") ? "已退回该笔缴款，不计入已缴回。"
					: c.status() == ClawbackStatus.REPAID ? "已确认，追回资金已全部缴清。" : "已确认，计入已缴回。");
		}
		catch (ClawbackRefused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/clawbacks/" + applicationId;
	}

	@GetMapping("/negative-list")
	String negativeList(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("entries", negativeList.visibleTo(user));
		model.addAttribute("decides", ClawbackAccess.decides(user));
		model.addAttribute("today", LocalDate.now(ChinaTime.ZONE));
		return "clawback/negative-list";
	}

	@PostMapping("/negative-list")
	String add(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String creditCode,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String basisAuthority,
			@RequestParam(defaultValue = "") String basisDocument, @RequestParam(defaultValue = "") String basisDate,
			@RequestParam(defaultValue = "") String months, RedirectAttributes redirect) {
		try {
			negativeList.add(user, creditCode, reason,
					new NegativeList.Finding(basisAuthority, basisDocument, findingDate(basisDate)),
					parseMonths(months), null);
			redirect.addFlashAttribute("notice", "已列入负面清单。");
		}
		catch (ClawbackRefused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			redirect.addFlashAttribute("creditCode", creditCode);
			redirect.addFlashAttribute("reason", reason);
			redirect.addFlashAttribute("basisAuthority", basisAuthority);
			redirect.addFlashAttribute("basisDocument", basisDocument);
			redirect.addFlashAttribute("basisDate", basisDate);
			redirect.addFlashAttribute("months", months);
		}
		return "redirect:/negative-list";
	}

	@PostMapping("/negative-list/{id}/lift")
	String lift(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		try {
			negativeList.lift(user, id, reason);
			redirect.addFlashAttribute("notice", "已解除。");
		}
		catch (ClawbackRefused e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/negative-list";
	}

	@ExceptionHandler(ClawbackRefused.class)
	void refused(ClawbackRefused e, HttpServletResponse response) throws IOException {
		response.sendError(e.reason() == ClawbackRefused.Reason.FORBIDDEN ? 403 : 404);
	}

	private ClawbackView readable(PortalUser user, long applicationId) {
		return readers.of(user, applicationId)
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.NOT_FOUND, "追回记录不存在"));
	}

	/**
	 * The application named by its 申报编号 as reviewers read it (BZ-2026-000012), or by its
	 * number in the case page's address.
	 */
	private long applicationOf(String text) {
		String given = text.strip();
		if (given.isEmpty()) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写申报编号（如 BZ-2026-000012）");
		}
		if (given.chars().allMatch(Character::isDigit) && given.length() <= 18) {
			return Long.parseLong(given);
		}
		return stages.idOfReference(given.toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new ClawbackRefused(ClawbackRefused.Reason.INVALID, "没有申报编号为“" + given + "”的申报，请核对"));
	}

	private static Integer parseMonths(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "列入期限应为 1 至 60 的整月数");
		}
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写缴款日期");
		}
	}

	/** The finding's date, or none when missing or unreadable (the service says so). */
	private static LocalDate findingDate(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static BigDecimal money(String text) {
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new ClawbackRefused(ClawbackRefused.Reason.INVALID, "请填写缴款金额（元，最多两位小数）");
		}
	}

}
