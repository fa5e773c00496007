package cn.liaocheng.renewal.review;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;

import cn.liaocheng.renewal.organization.GroupNames;

/**
 * Who a task of the models is for, as its listeners read it: its candidate groups, and
 * among them the body whose task it is.
 */
public final class TaskCandidates {

	private TaskCandidates() {
	}

	/** The task's candidate groups, without its candidate users. */
	public static List<String> groups(DelegateTask task) {
		return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
	}

	/**
	 * The body whose task it is ({@link GroupNames#bodyOf}: not a lead group), or an
	 * empty string for a task of no body.
	 */
	public static String body(DelegateTask task) {
		return GroupNames.bodyOf(groups(task)).orElse("");
	}

}
