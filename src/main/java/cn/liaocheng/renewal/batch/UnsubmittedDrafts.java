package cn.liaocheng.renewal.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.OwnedDraft;
import cn.liaocheng.renewal.batch.internal.WindowStore;

/**
 * Drafts not yet submitted while the window of their kind is open and about to close:
 * submitted after the close, a draft waits for the next batch, so its enterprise is
 * reminded before. The same drafts as the enterprise's 需要您处理 list shows, for every
 * enterprise at once.
 */
@Service
public class UnsubmittedDrafts {

	private final WindowStore windows;

	private final ApplicationStages stages;

	UnsubmittedDrafts(WindowStore windows, ApplicationStages stages) {
		this.windows = windows;
		this.stages = stages;
	}

	/**
	 * The drafts of the windows open at {@code now} that close at the latest at
	 * {@code until}; the drafts of each kind read once.
	 */
	@Transactional(readOnly = true)
	public List<UnsubmittedDraft> closingBy(Instant now, Instant until) {
		List<UnsubmittedDraft> drafts = new ArrayList<>();
		for (ApplicationWindow window : windows.notClosed(now)) {
			if (!window.openAt(now) || window.closesAt().isAfter(until)) {
				continue;
			}
			for (OwnedDraft d : stages.submittableDrafts(window.kind())) {
				drafts.add(new UnsubmittedDraft(d.draft().id(), d.draft().title(), d.enterpriseUser(), window));
			}
		}
		return drafts;
	}

	/**
	 * Whether the draft is still unsubmitted and its window still closes when it was
	 * read, the draft's row held until the caller's transaction ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean stillUnsubmitted(UnsubmittedDraft draft) {
		ApplicationWindow now = windows.find(draft.window().id());
		return now.closesAt().equals(draft.window().closesAt()) && stages.stillDraft(draft.applicationId());
	}

	/** A draft not yet submitted, and the window in which it still can be. */
	public record UnsubmittedDraft(long applicationId, String title, String enterpriseUser, ApplicationWindow window) {
	}

}
