package cn.liaocheng.renewal.review;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to a review task, published in the transaction that did it.
 * {@code applicationId} is null for a task outside a case; {@code assignee} null for a
 * task waiting in its groups' pool.
 */
public record ReviewTaskEvent(Kind kind, String taskId, String taskName, Long applicationId, String assignee,
		List<String> candidateGroups, Instant due, String actor, String reason) {

	public enum Kind {

		/** A new task waits for its assignee or its groups. */
		CREATED,
		/**
		 * Its assignee handed the task to {@code assignee}, a colleague, with a reason
		 * (转办).
		 */
		TRANSFERRED,
		/**
		 * Someone other than the new assignee ({@code actor}, an administrator) gave the
		 * task to {@code assignee}.
		 */
		ASSIGNED,
		/**
		 * The task went back to its groups' pool, put there by {@code actor} (放回), with a
		 * reason if one was given.
		 */
		RELEASED,
		/**
		 * The task's overdue timer fired: it is past its due date and was escalated to
		 * the lead group of its (first) candidate group.
		 */
		OVERDUE

	}

}
