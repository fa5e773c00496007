package cn.liaocheng.renewal.clawback.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.ClawbackDue;

/**
 * Starts the clawback in the transaction that recorded why it is due (a failed
 * acceptance, a lapsed rectification), so that the finding and the clawback are saved
 * together or not at all.
 */
@Component
class ClawbackDueListener {

	private final Clawbacks clawbacks;

	ClawbackDueListener(Clawbacks clawbacks) {
		this.clawbacks = clawbacks;
	}

	/**
	 * One that found nothing to recover (不予追回) ended on the grounds it had: the new cause
	 * starts a new round. One that is open or decided goes on on its own grounds; the new
	 * cause is kept, and said so on the case ({@link Clawbacks#announced}).
	 */
	@EventListener
	void on(ClawbackDue due) {
		clawbacks.announced(due);
	}

}
