package cn.liaocheng.renewal.batch.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.SubmissionGate;
import cn.liaocheng.renewal.batch.ApplicationWindow;

/**
 * A first submission is accepted only while a window of its kind is open; it is then
 * counted in that window's batch (year), recorded in the submission's own transaction, so
 * a submission refused later (by another gate, by the dossier's checks) leaves no entry.
 * Outside every window the refusal names the next window's dates.
 */
@Component
@Order(100)
class WindowGate implements SubmissionGate {

	private final WindowRepository repository;

	WindowGate(WindowRepository repository) {
		this.repository = repository;
	}

	@Override
	public Optional<String> refusal(Attempt attempt) {
		Instant now = Instant.now();
		List<ApplicationWindow> windows = repository.ofKindNotClosed(attempt.kind(), now);
		Optional<ApplicationWindow> open = WindowRules.openAt(windows, now);
		if (open.isEmpty()) {
			return Optional.of(WindowRules.refusal(attempt.kind(), windows, now));
		}
		repository.recordEntry(attempt.applicationId(), open.get(), attempt.divisionCode(), now);
		return Optional.empty();
	}

}
