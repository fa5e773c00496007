package cn.liaocheng.renewal.notification.internal;

import java.time.Instant;

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

	@PostMapping("/{id}/read")
	String markRead(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean unread) {
		if (!inbox.markRead(user.userId(), id, Instant.now())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/messages" + (unread ? "?unread=true" : "");
	}

	@PostMapping("/read-all")
	String markAllRead(@AuthenticationPrincipal PortalUser user) {
		inbox.markAllRead(user.userId(), Instant.now());
		return "redirect:/messages";
	}

}
