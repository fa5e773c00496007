package cn.liaocheng.renewal.application;

import java.time.LocalDate;
import java.util.List;

/**
 * What another module asks an enterprise to do now about its cases (after the award:
 * applying for acceptance, a rectification, a performance report; in a clawback: the
 * statement on a prior notice, a repayment), for the enterprise's 需要您处理 list. Each source
 * answers for all of one enterprise's cases in one query, never one per case. A step that
 * is done, or whose time has passed with nothing left to do, is not listed. Only the
 * enterprise's own cases count: {@link PendingActions} drops any other.
 */
public interface PendingActionSource {

	/** What the enterprise must do now, in no particular order. */
	List<Step> of(long enterpriseId);

	/**
	 * Whether these steps stay open to an enterprise that may no longer act
	 * ({@link cn.liaocheng.renewal.enterprise.EnterpriseStatus#mayAct}): a clawback's
	 * statement and repayment do, the after-award steps do not.
	 */
	default boolean openWhenDisabled() {
		return false;
	}

	/**
	 * One step of one case: what it is called, what to do, the last day (inclusive,
	 * Beijing time; {@code null} when there is none) and where it is done.
	 */
	record Step(long applicationId, String step, String todo, LocalDate lastDay, String link, String linkText) {
	}

}
