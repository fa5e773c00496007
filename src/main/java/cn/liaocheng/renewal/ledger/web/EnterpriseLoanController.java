package cn.liaocheng.renewal.ledger.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.ledger.internal.LoanBook;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The enterprise's view of its granted loan: what the bank recorded, the balance and the
 * subsidy ledger. Another enterprise's id is not found, as everywhere in the portal; the
 * payment notices download from the case page's decision list.
 */
@Controller
class EnterpriseLoanController {

	private final Applications applications;

	private final LoanBook book;

	EnterpriseLoanController(Applications applications, LoanBook book) {
		this.applications = applications;
		this.book = book;
	}

	@GetMapping("/enterprise/applications/{id}/loan")
	String loan(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		ApplicationDetail detail = applications.detail(user, id);
		model.addAttribute("app", detail);
		model.addAttribute("view",
				book.viewOwn(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "该申报没有已发放的贷款")));
		return "ledger/enterprise-loan";
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
