package cn.liaocheng.renewal.clawback.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.ClawbackDue;

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
	 * A clawback that runs (or was decided) covers the new cause. One that found nothing
	 * to recover (不予追回) ended on the grounds it had: the new cause starts a new round
	 * ({@link Clawbacks#start}).
	 */
	@EventListener
	void on(ClawbackDue due) {
		clawbacks.start(due.applicationId(), due.cause(), due.facts(), due.recordedBy());
	}

}
