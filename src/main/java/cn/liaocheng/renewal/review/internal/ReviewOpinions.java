package cn.liaocheng.renewal.review.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.review.OpinionView;

/** Every opinion on an application, oldest first, for the dossier view, superseded ones marked as such. */
@Component
public class ReviewOpinions {

	private final OpinionStore store;

	ReviewOpinions(OpinionStore store) {
		this.store = store;
	}

	@Transactional(readOnly = true)
	public List<OpinionView> forApplication(long applicationId) {
		java.util.Set<String> superseded = store.supersededTasks(applicationId);
		return store.allForApplication(applicationId)
			.stream()
			.map(o -> new OpinionView(o.at(), o.stepName(), o.bodyName(), o.reviewerName(), o.decisionLabel(),
					o.decision(), o.opinion(), superseded.contains(o.taskId())))
			.toList();
	}

}
