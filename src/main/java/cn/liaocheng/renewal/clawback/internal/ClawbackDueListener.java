package cn.liaocheng.renewal.clawback.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.clawback.ClawbackStatus;

/**
 * Starts the clawback in the transaction that recorded why it is due (a failed
 * acceptance, a lapsed rectification), so that the finding and the clawback are saved
 * together or not at all. A second announcement for the same application finds the
 * clawback already started.
 */
@Component
class ClawbackDueListener {

	private final Clawbacks clawbacks;

	ClawbackDueListener(Clawbacks clawbacks) {
		this.clawbacks = clawbacks;
	}

	/**
	 * A clawback that exists and runs (or was decided) covers the new cause. One found to
	 * have nothing to recover (不予追回) cannot be started again, as a case has one clawback:
	 * the step stops as an incident rather than tell the enterprise and the case record
	 * that the subsidy went into a clawback nobody will determine.
	 */
	@EventListener
	void on(ClawbackDue due) {
		if (clawbacks.start(due.applicationId(), due.cause(), due.facts(), due.recordedBy()).isPresent()) {
			return;
		}
		clawbacks.of(due.applicationId()).filter(c -> c.status() == ClawbackStatus.DROPPED).ifPresent(dropped -> {
			throw new IllegalStateException("申报编号" + dropped.referenceNo() + "此前的奖补资金追回程序已经核查不予追回，系统不支持对同一项目再次启动追回程序，"
					+ "“" + due.cause().label() + "”转入追回未能办理：请市工业和信息化局依法另行处理，并告知管理员处理本事件（流程停在转入追回环节）。");
		});
	}

}
