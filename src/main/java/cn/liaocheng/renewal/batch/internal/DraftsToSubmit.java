package cn.liaocheng.renewal.batch.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.PendingActionSource;
import cn.liaocheng.renewal.batch.ApplicationWindow;

/**
 * A draft not yet submitted while a window of its kind is open, for the enterprise's
 * 需要您处理 list: submitted after the window closes it waits for the next batch, so its last
 * day is the window's. A draft of a kind with no open window is not listed (nothing can
 * be done about it now); neither are the drafts of an account not yet activated, which
 * may save drafts but not submit them ({@link ApplicationStages#drafts}), nor those of
 * one that may no longer act.
 */
@Component
class DraftsToSubmit implements PendingActionSource {

	private final ApplicationStages stages;

	private final WindowRepository windows;

	DraftsToSubmit(ApplicationStages stages, WindowRepository windows) {
		this.stages = stages;
		this.windows = windows;
	}

	@Override
	public List<Step> of(long enterpriseId) {
		List<ApplicationSummary> drafts = stages.drafts(enterpriseId);
		if (drafts.isEmpty()) {
			return List.of();
		}
		Instant now = Instant.now();
		List<ApplicationWindow> notClosed = windows.notClosed(now);
		List<Step> steps = new ArrayList<>();
		for (ApplicationSummary draft : drafts) {
			Optional<ApplicationWindow> open = WindowRules
				.openAt(notClosed.stream().filter(w -> w.kind() == draft.kind()).toList(), now);
			open.ifPresent(w -> steps.add(new Step(draft.id(), "待提交",
					"草稿尚未提交。本批次" + draft.kind().label() + "的申报期至" + w.closesText() + "（北京时间）截止，截止后不能提交，须等待下一批次。",
					w.lastDay(), "/enterprise/applications/" + draft.id(), "检查并提交")));
		}
		return steps;
	}

}
