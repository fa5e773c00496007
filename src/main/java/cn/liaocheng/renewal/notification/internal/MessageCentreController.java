package cn.liaocheng.renewal.notification.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.security.PortalUser;

/** 消息中心: every logged-in user's own notifications, for enterprises and staff alike. */
@Controller
@RequestMapping("/messages")
class MessageCentreController {

	static final int PAGE_SIZE = 20;

	private final Inbox inbox;

	MessageCentreController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "1") int page, Model model) {
		int total = Math.toIntExact(inbox.count(user.userId(), unread));
		int pages = ResultPage.pages(total, PAGE_SIZE);
		int current = ResultPage.number(page, total, PAGE_SIZE);
		model.addAttribute("messages",
				inbox.list(user.userId(), unread, ResultPage.offset(current, PAGE_SIZE), PAGE_SIZE));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("unreadCount", inbox.unreadCount(user.userId()));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		return "notification/messages";
	}

	/**
	 * 标为已读: back to the same page of the same list (past the last page, as the list shows
	 * it, the last).
	 */
	@PostMapping("/{id}/read")
	String markRead(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "1") int page) {
		if (!inbox.markRead(user.userId(), id, Instant.now())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:" + listPath(unread, page);
	}

	/**
	 * 查看: marks the user's own notification read and goes where it links, a path of this
	 * site only; a notification that links nowhere (or anywhere else) leads back to the
	 * list. Someone else's notification is as absent as an unknown one.
	 */
	@PostMapping("/{id}/open")
	RedirectView open(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		String link = inbox.linkOf(user.userId(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		inbox.markRead(user.userId(), id, Instant.now());
		RedirectView redirect = new RedirectView(isPathOnThisSite(link) ? link : "/messages", true);
		redirect.setExpandUriTemplateVariables(false);
		redirect.setPropagateQueryParams(false);
		return redirect;
	}

	/**
	 * Whether a link is a path of this site: it starts with one slash, names no other
	 * host (no scheme, no "//", no backslash a browser would read as a slash) and holds
	 * no control characters.
	 */
	static boolean isPathOnThisSite(String link) {
		if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")
				|| link.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			return false;
		}
		try {
			URI uri = new URI(link);
			return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
					&& uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//");
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static String listPath(boolean unread, int page) {
		List<String> query = new ArrayList<>();
		if (unread) {
			query.add("unread=true");
		}
		if (page > 1) {
			query.add("page=" + page);
		}
		return "/messages" + (query.isEmpty() ? "" : "?" + String.join("&", query));
	}

	@PostMapping("/read-all")
	String markAllRead(@AuthenticationPrincipal PortalUser user) {
		inbox.markAllRead(user.userId(), Instant.now());
		return "redirect:/messages";
	}

}
