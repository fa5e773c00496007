package cn.liaocheng.renewal.batch.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.batch.ApplicationWindow;
import cn.liaocheng.renewal.batch.ApplicationWindows;
import cn.liaocheng.renewal.batch.WindowForm;
import cn.liaocheng.renewal.batch.WindowInvalidException;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The application windows over REST. Reading the published ones is open to every
 * signed-in user; listing all, opening, changing and closing are the city industry
 * bureau's and administrators' (checked by {@link ApplicationWindows}). Times are
 * answered in Beijing time with the offset.
 */
@RestController
@RequestMapping("/api/batches")
class WindowApiController {

	private final ApplicationWindows windows;

	WindowApiController(ApplicationWindows windows) {
		this.windows = windows;
	}

	/** A window as the API shows it. */
	record WindowView(long id, int year, String kind, String kindLabel, Instant opensAt, Instant closesAt, String state,
			String noticeTitle, String noticeText, String documentNo, int version) {

		static WindowView of(ApplicationWindow w) {
			return new WindowView(w.id(), w.year(), w.kind().name(), w.kind().label(), w.opensAt(), w.closesAt(),
					w.state().name(), w.noticeTitle(), w.noticeText(), w.documentNo(), w.version());
		}

	}

	/** A change: the window as it should be, and the version it was read at. */
	record WindowChange(String year, String kind, String opensAt, String closesAt, String noticeTitle,
			String noticeText, String documentNo, Integer version) {

		WindowForm form() {
			return new WindowForm(year, kind, opensAt, closesAt, noticeTitle, noticeText, documentNo);
		}

	}

	@GetMapping("/published")
	List<WindowView> published() {
		return windows.published().stream().map(WindowView::of).toList();
	}

	@GetMapping("/windows")
	List<WindowView> all(@AuthenticationPrincipal PortalUser user) {
		return windows.all(user).stream().map(WindowView::of).toList();
	}

	@GetMapping("/windows/{id}")
	WindowView one(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return WindowView.of(windows.get(user, id));
	}

	@PostMapping("/windows")
	ResponseEntity<WindowView> open(@AuthenticationPrincipal PortalUser user, @RequestBody WindowChange body) {
		ApplicationWindow opened = windows.open(user, body.form());
		return ResponseEntity.created(URI.create("/api/batches/windows/" + opened.id())).body(WindowView.of(opened));
	}

	@PutMapping("/windows/{id}")
	WindowView change(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody WindowChange body) {
		if (body.version() == null) {
			throw new WindowInvalidException(List.of(new FieldProblem("version", "请提供读取时的 version，以免覆盖他人的修改")));
		}
		return WindowView.of(windows.change(user, id, body.form(), body.version()));
	}

	@PostMapping("/windows/{id}/close")
	WindowView close(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return WindowView.of(windows.close(user, id));
	}

}
