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
 * one again, unless it announced a task that has ended.
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
		switch (outbox.retryNow(id, Instant.now())) {
			case REQUEUED -> {
				audit.record(user.userId(), "NOTIFICATION_RETRY", "notification-outbox:" + id, "retry requested");
				redirect.addFlashAttribute("message", "第 " + id + " 号发送任务已重新排队，将在半分钟内再次发送。");
			}
			case TASK_ENDED -> {
				audit.record(user.userId(), "NOTIFICATION_RETRY", "notification-outbox:" + id,
						"retry requested; not queued: the task it announced has ended");
				redirect.addFlashAttribute("message",
						"第 " + id + " 号发送任务未重新发送：它通知的待办任务已经结束，再发送只会误导收件人，已标记为“未发送（任务已结束）”。");
			}
			case GONE -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/admin/notifications";
	}

}
