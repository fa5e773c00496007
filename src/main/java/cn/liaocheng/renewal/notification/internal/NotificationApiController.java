package cn.liaocheng.renewal.notification.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.notification.internal.Inbox.Message;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The message centre for scripts and Tasklist: the caller's own notifications only.
 * Browsers send the CSRF token (the portal pages carry it in {@code <meta name="_csrf">})
 * with every POST.
 */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "消息中心", description = "当前登录用户本人的消息：未读数、消息列表、标记已读")
class NotificationApiController {

	static final int MAX_LIMIT = 100;

	private final Inbox inbox;

	NotificationApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	record Messages(long unreadCount, List<Message> items) {
	}

	record UnreadCount(long unreadCount) {
	}

	record Marked(int marked) {
	}

	@GetMapping
	@Operation(summary = "我的消息", description = "最新的在前；unread=true 只列未读；limit 最多 100")
	Messages list(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "20") int limit) {
		int size = Math.min(Math.max(1, limit), MAX_LIMIT);
		return new Messages(inbox.unreadCount(user.userId()), inbox.list(user.userId(), unread, 0, size));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "未读消息数")
	UnreadCount unreadCount(@AuthenticationPrincipal PortalUser user) {
		return new UnreadCount(inbox.unreadCount(user.userId()));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "标记一条消息已读", description = "只能标记本人的消息；他人的或不存在的消息一律 404")
	ResponseEntity<?> markRead(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		if (!inbox.markRead(user.userId(), id, Instant.now())) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "消息不存在");
			problem.setTitle("消息不存在");
			problem.setType(URI.create("urn:renewal:problem:notification-not-found"));
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	@Operation(summary = "全部标记已读")
	Marked markAllRead(@AuthenticationPrincipal PortalUser user) {
		return new Marked(inbox.markAllRead(user.userId(), Instant.now()));
	}

}
