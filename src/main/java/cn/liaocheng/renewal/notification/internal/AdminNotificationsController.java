package cn.liaocheng.renewal.notification.internal;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Administrators follow the deliveries that have not gone out (pending, failed) and send
 * one again.
 */
@Controller
@RequestMapping("/admin/notifications")
class AdminNotificationsController {

	static final int SHOWN = 200;

	private final Outbox outbox;

	private final AuditTrail audit;

	AdminNotificationsController(Outbox outbox, AuditTrail audit) {
		this.outbox = outbox;
		this.audit = audit;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("deliveries", outbox.unsent(SHOWN));
		model.addAttribute("failed", outbox.count(Outbox.FAILED));
		model.addAttribute("pending", outbox.count(Outbox.PENDING));
		model.addAttribute("shown", SHOWN);
		return "notification/admin";
	}

	@PostMapping("/{id}/retry")
	@Transactional
	String retry(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (!outbox.retryNow(id, Instant.now())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		audit.record(user.userId(), "NOTIFICATION_RETRY", "notification-outbox:" + id, "retry requested");
		redirect.addFlashAttribute("message", "第 " + id + " 号发送任务已重新排队，将在半分钟内再次发送。");
		return "redirect:/admin/notifications";
	}

}
