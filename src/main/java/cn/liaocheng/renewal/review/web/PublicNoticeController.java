package cn.liaocheng.renewal.review.web;

import java.time.Instant;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.review.notice.NoticeBoard.Filing;
import cn.liaocheng.renewal.review.notice.NoticeBoard.ObjectionForm;
import cn.liaocheng.renewal.review.notice.NoticeBoard;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.operations.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public notice board (公示): subsidies proposed for allocation, open to anyone without
 * login, and the form for a named, reachable objection — anonymous objections are not
 * accepted, as in the programme's practice.
 */
@Controller
@RequestMapping("/notices")
class PublicNoticeController {

	private final NoticeBoard board;

	PublicNoticeController(NoticeBoard board) {
		this.board = board;
	}

	/**
	 * The notices running now, a page at a time, those whose 申报编号, enterprise or project
	 * contains {@code q} (blank: all).
	 */
	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
		board(model, q, page);
		return "review/notices";
	}

	/**
	 * The board with the empty lookup form. The lookup itself is a POST: the receipt and
	 * the phone number are what reads the handling, and the phone is the objector's, so
	 * neither may stand in a URL (history, proxy logs, Referer). A link or bookmark of
	 * the former lookup by URL finds the empty form and a word on why, and is not looked
	 * up.
	 */
	@GetMapping("/objections")
	String lookUpForm(@RequestParam(required = false) String receipt, @RequestParam(required = false) String phone,
			Model model) {
		board(model, "", 1);
		if (receipt != null || phone != null) {
			model.addAttribute("lookupByPost", true);
		}
		return "review/notices";
	}

	/**
	 * An objector looks up their objection with its receipt number and the phone they
	 * gave.
	 */
	@PostMapping("/objections")
	String lookUp(@RequestParam(defaultValue = "") String receipt, @RequestParam(defaultValue = "") String phone,
			Model model) {
		board(model, "", 1);
		model.addAttribute("lookupReceipt", receipt);
		board.lookUp(receipt, phone)
			.ifPresentOrElse(found -> model.addAttribute("found", found),
					() -> model.addAttribute("lookupMissing", true));
		return "review/notices";
	}

	/**
	 * Files an objection. A wrong field shows the form again with its message; an
	 * objection over the daily limits shows it again with status 429, so that a script
	 * sees it is being refused; a filed or merged one redirects.
	 */
	@PostMapping("/{applicationId}/objections")
	String object(@PathVariable long applicationId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String content, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		ObjectionForm objection = new ObjectionForm(name, organisation, phone, content);
		Filing filing = board.file(applicationId, objection, request.getRemoteAddr());
		switch (filing.result()) {
			case FILED, MERGED -> {
				redirect.addFlashAttribute("notice", filing.message());
				redirect.addFlashAttribute("receipt", filing.receipt());
			}
			case NOT_OPEN -> {
				// The period ended while the objection was typed: the text comes back to
				// be kept, with the reason, as no form of that notice is shown any more.
				response.setStatus(HttpStatus.CONFLICT.value());
				board(model, "", 1);
				model.addAttribute("error", filing.message());
				model.addAttribute("unsent", objection.shown());
				return "review/notices";
			}
			case REJECTED -> {
				return again(model, applicationId, objection, filing.errors(), null);
			}
			case PHONE_LIMIT_REACHED, ADDRESS_LIMIT_REACHED -> {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				return again(model, applicationId, objection, Map.of(), filing.message());
			}
		}
		return "redirect:/notices";
	}

	private void board(Model model, String query, int page) {
		String q = NoticeBoard.query(query);
		ResultPage<PublicNotices.Notice> found = board.current(Instant.now(), q, page);
		model.addAttribute("board", found);
		model.addAttribute("notices", found.items());
		model.addAttribute("q", q);
	}

	/**
	 * The notice objected to, alone, with the form filled in again, without what the
	 * free-text rule refuses (the board's other notices are a link away).
	 */
	private String again(Model model, long applicationId, ObjectionForm objection, Map<String, String> errors,
			String error) {
		ObjectionForm shown = objection.shown();
		model.addAttribute("notices", board.running(Instant.now(), applicationId).stream().toList());
		model.addAttribute("objectedTo", true);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("failedFor", applicationId);
		model.addAttribute("name", shown.name());
		model.addAttribute("organisation", shown.organisation());
		model.addAttribute("phone", shown.phone());
		model.addAttribute("content", shown.content());
		return "review/notices";
	}

}
