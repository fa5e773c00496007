package cn.liaocheng.renewal.tasklist;

import java.util.List;

/**
 * How many tasks wait for a reviewer in each ready-made Tasklist filter (我的待办, 本部门待办,
 * 即将超期), counted by the filters themselves in the reviewer's name, so the start page
 * shows the numbers Tasklist would show.
 */
public interface WaitingTasks {

	/**
	 * The reviewer's filters in Tasklist's order; empty when the user reads none of them
	 * (an enterprise, or an administrator outside every review group).
	 */
	List<FilterCount> of(String userId, List<String> groupIds);

	/**
	 * One filter: its name in Tasklist, its id (for a link) and how many tasks it holds.
	 */
	record FilterCount(String name, String filterId, long count) {
	}

}
