package cn.liaocheng.renewal.security.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Administrators see which login ids are throttled after failed logins, and lift a lock.
 * Only they reach /admin/**.
 */
@Controller
@RequestMapping("/admin/login-locks")
class LoginLockController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ChinaTime.ZONE);

	private final LoginLocks locks;

	LoginLockController(LoginLocks locks) {
		this.locks = locks;
	}

	record Row(String loginId, String key, String account, int attempts, String networks, String lockedUntil,
			boolean lockedNow, String state) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("locks", locks.current(Instant.now()).stream().map(LoginLockController::row).toList());
		model.addAttribute("shown", LoginLocks.SHOWN);
		return "admin/login-locks";
	}

	private static Row row(LoginLocks.Entry e) {
		List<String> networks = e.networks();
		String shown = String.join("、", networks.subList(0, Math.min(3, networks.size())))
				+ (networks.size() > 3 ? " 等 " + networks.size() + " 处" : "");
		String state;
		if (e.sprayed()) {
			state = "多处失败过多：用过的账户仅限以前成功登录过的网络登录";
		}
		else if (!e.lockedNetworks().isEmpty()) {
			state = "锁定中（" + String.join("、", e.lockedNetworks()) + "）";
		}
		else {
			state = "可登录（同一网络再次失败将等待更久）";
		}
		return new Row(e.shownId(), e.key(), e.account() ? e.name() : "（无此账户）", e.attempts(), shown,
				TIME.format(e.lockedUntil()), e.lockedNow(), state);
	}

	@PostMapping("/lift")
	String lift(@RequestParam String loginId, @AuthenticationPrincipal PortalUser administrator,
			RedirectAttributes redirect) {
		Optional<LoginLocks.Entry> lifted = locks.lift(administrator, loginId);
		redirect
			.addFlashAttribute("message",
					lifted.isPresent() ? "已解除“" + lifted.get().shownId() + "”的登录锁定，清除了来自 "
							+ lifted.get().networks().size() + " 处网络的 " + lifted.get().attempts() + " 次失败记录。"
							: "该用户名没有需要解除的登录锁定。");
		return "redirect:/admin/login-locks";
	}

}
