package cn.liaocheng.renewal.review;

import java.time.Instant;
import java.util.List;

/**
 * Open review tasks by due date: what the reminders of a step about to become overdue
 * (即将超期) are sent from. A task counts when it waits for a review body (it has a candidate
 * group); the enterprise's own correction step does not, its reminder is the
 * correction's.
 */
public interface DueReviewTasks {

	/**
	 * The active review tasks due after {@code after} and at the latest {@code until},
	 * soonest first.
	 */
	List<DueTask> dueBetween(Instant after, Instant until);

	/**
	 * A review task with its due date.
	 *
	 * @param applicationId its case, from the process's business key; null for a task of
	 * no case
	 * @param assignee who holds it; null while it waits in its groups' pool
	 * @param candidateGroups the bodies it waits for
	 */
	record DueTask(String taskId, String taskName, Instant due, Long applicationId, String assignee,
			List<String> candidateGroups) {
	}

}
