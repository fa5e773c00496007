package cn.liaocheng.renewal.batch.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.batch.ApplicationWindow;
import cn.liaocheng.renewal.batch.ProjectLibrary;
import cn.liaocheng.renewal.security.PortalUser;

/** The reviewers' page of the per-year project library (分年度项目库). */
@Controller
class LibraryPageController {

	private final ProjectLibrary library;

	LibraryPageController(ProjectLibrary library) {
		this.library = library;
	}

	@GetMapping("/review/library")
	String library(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "PROJECT") ApplicationKind kind,
			@RequestParam(defaultValue = "true") boolean approvedOnly, Model model) {
		List<Integer> years = new ArrayList<>(library.years(user));
		int shown = year != null ? year
				: years.isEmpty() ? LocalDate.now(ApplicationWindow.BEIJING).getYear() : thisOrLatest(years);
		if (!years.contains(shown)) {
			years.add(shown);
			years.sort(Comparator.reverseOrder());
		}
		var entries = library.list(user, shown, kind, approvedOnly);
		model.addAttribute("years", years);
		model.addAttribute("year", shown);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", ApplicationKind.values());
		model.addAttribute("approvedOnly", approvedOnly);
		model.addAttribute("entries", entries);
		model.addAttribute("truncated", entries.size() >= ProjectLibrary.LIMIT);
		model.addAttribute("countyOnly", library.scope(user) != null);
		return "batch/library";
	}

	/** This year when it has a window or entries, else the latest year that has. */
	private static int thisOrLatest(List<Integer> years) {
		int now = LocalDate.now(ApplicationWindow.BEIJING).getYear();
		return years.contains(now) ? now : years.get(0);
	}

}
