package cn.liaocheng.renewal.batch.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.batch.ProjectLibrary;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * 分年度项目库 over REST, scoped like the page: city bodies every county, a county body its
 * own.
 */
@RestController
class LibraryApiController {

	private final ProjectLibrary library;

	LibraryApiController(ProjectLibrary library) {
		this.library = library;
	}

	/** One project (or application) of the year's library. */
	record LibraryItem(long id, String referenceNo, String kind, String title, String enterpriseName, String status,
			String statusLabel, String divisionCode, String divisionName, int year, Instant submittedAt) {
	}

	@GetMapping("/api/review/library")
	List<LibraryItem> library(@AuthenticationPrincipal PortalUser user, @RequestParam int year,
			@RequestParam(defaultValue = "PROJECT") ApplicationKind kind,
			@RequestParam(defaultValue = "true") boolean approvedOnly) {
		return library.list(user, year, kind, approvedOnly).stream().map(e -> {
			var s = e.listing().summary();
			return new LibraryItem(s.id(), s.referenceNo(), s.kind().name(), s.title(), e.listing().enterpriseName(),
					s.status().name(), s.status().label(), e.divisionCode(), e.divisionName(), e.year(),
					e.submittedAt());
		}).toList();
	}

}
