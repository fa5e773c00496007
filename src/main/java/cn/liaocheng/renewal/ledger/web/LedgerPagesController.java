package cn.liaocheng.renewal.ledger.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.decision.DecisionDownloads;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.ledger.internal.LedgerException;
import cn.liaocheng.renewal.ledger.internal.LedgerPayments;
import cn.liaocheng.renewal.ledger.internal.LoanBook;
import cn.liaocheng.renewal.ledger.internal.LoanEventType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The pages of the ledger for bank officers (record disbursements and repayments) and the
 * finance bureau (approve and pay periods). Forms carry Spring's CSRF token; a refusal
 * comes back to the page with its Chinese reason and the input kept.
 */
@Controller
class LedgerPagesController {

	private final LoanBook book;

	private final LedgerPayments payments;

	LedgerPagesController(LoanBook book, LedgerPayments payments) {
		this.book = book;
		this.payments = payments;
	}

	@GetMapping("/ledger")
	String loans(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "false") boolean waiting, @RequestParam(defaultValue = "") String q,
			Model model, HttpServletResponse response) {
		if (!book.seesLoans(user)) {
			// Not "no loans": the page says whose it is.
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("outsider", true);
			return "ledger/loans";
		}
		model.addAttribute("outsider", false);
		// A search is a few words (a reference number, a name, a credit code), not a
		// text.
		String text = q.strip().length() > 64 ? q.strip().substring(0, 64) : q.strip();
		LoanBook.LoanPage shown = book.page(user, page, waiting, text);
		model.addAttribute("shown", shown);
		model.addAttribute("waiting", waiting);
		model.addAttribute("q", text);
		model.addAttribute("loans", shown.loans());
		model.addAttribute("page", shown.page());
		model.addAttribute("pages", shown.pages());
		model.addAttribute("total", shown.total());
		return "ledger/loans";
	}

	@GetMapping("/ledger/loans/{id}")
	String loan(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		model.addAttribute("view", book.view(user, id));
		model.addAttribute("types", LoanEventType.values());
		model.addAttribute("me", user.userId());
		model.addAttribute("recordKey", UUID.randomUUID().toString());
		return "ledger/loan";
	}

	@PostMapping("/ledger/loans/{id}/events")
	String record(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam String type,
			@RequestParam String date, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String contractNo, @RequestParam(defaultValue = "") String note,
			@RequestParam(required = false) String recordKey, RedirectAttributes redirect) {
		try {
			LoanEventType t = StrictBody.eventType(type, "type");
			book.record(user, id, new LoanBook.Recording(t, date(date, "date"), amount(amount), contractNo, note),
					recordKey);
			redirect.addFlashAttribute("notice", "已登记" + t.label() + "。");
		}
		catch (LedgerException e) {
			refuse(e, redirect);
			redirect.addFlashAttribute("input", new Input(type, date, amount, contractNo, note));
		}
		return "redirect:/ledger/loans/" + id;
	}

	@PostMapping("/ledger/loans/{id}/ledger/{rowId}/approve")
	String approve(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long rowId,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("notice", payments.approve(user, id, rowId).periodLabel() + "期贴息已审核。");
		}
		catch (LedgerException e) {
			refuse(e, redirect);
		}
		return "redirect:/ledger/loans/" + id;
	}

	@PostMapping("/ledger/loans/{id}/ledger/{rowId}/payment")
	String pay(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long rowId,
			@RequestParam String paidOn, @RequestParam String voucherNo, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("notice",
					payments.pay(user, id, rowId, date(paidOn, "paidOn"), voucherNo).periodLabel()
							+ "期贴息已拨付，拨付通知书已签发。");
		}
		catch (LedgerException e) {
			refuse(e, redirect);
			redirect.addFlashAttribute("payment", new Payment(rowId, paidOn, voucherNo));
		}
		return "redirect:/ledger/loans/" + id;
	}

	@GetMapping("/ledger/loans/{id}/ledger/{rowId}/notice.pdf")
	ResponseEntity<byte[]> notice(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long rowId) {
		IssuedDecision notice = payments.noticeFor(user, id, rowId).orElseThrow(LedgerException::notFoundNotice);
		return DecisionDownloads.of(notice, payments.pdf(notice));
	}

	/**
	 * A loan one may not see is "not found", as a page like any other; an operation one
	 * may not do, 403.
	 */
	@ExceptionHandler(LedgerException.class)
	ModelAndView refused(LedgerException e) {
		boolean forbidden = e.reason() == LedgerException.Reason.FORBIDDEN;
		ModelAndView page = new ModelAndView(forbidden ? "error/403" : "error/404");
		page.setStatus(forbidden ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND);
		return page;
	}

	/**
	 * What the officer typed, shown again after a refusal; kept in the (database-stored)
	 * session as a flash attribute.
	 */
	record Input(String type, String date, String amount, String contractNo, String note) implements Serializable {
	}

	/**
	 * The payment typed for one period's row, shown again in that row's form after a
	 * refusal.
	 */
	record Payment(long row, String paidOn, String voucherNo) implements Serializable {
	}

	private static void refuse(LedgerException e, RedirectAttributes redirect) {
		if (e.reason() == LedgerException.Reason.NOT_FOUND) {
			throw e;
		}
		redirect.addFlashAttribute("error", e.getMessage());
	}

	private static LocalDate date(String text, String field) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new StrictBody.LedgerInputException(field, "日期格式应为 yyyy-MM-dd，例如 2026-03-16");
		}
	}

	private static BigDecimal amount(String text) {
		try {
			return text.isBlank() ? null : new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new StrictBody.LedgerInputException("amount", "金额应为数字（元），例如 3000000.00");
		}
	}

}
