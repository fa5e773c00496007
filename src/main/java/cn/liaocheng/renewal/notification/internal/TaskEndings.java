package cn.liaocheng.renewal.notification.internal;

import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.TaskEnded;

/**
 * When a task ends, the notes that sent people to it (新的待办任务, 转交, 指派, 放回, 超期, 催办 …) are
 * done for every recipient, as a handled to-do is in the approval apps reviewers use
 * daily: no longer unread, saying who completed the task or that it ended, and no longer
 * leading to a task page that is gone; their e-mails and text messages not yet sent are
 * dropped. In the transaction that ended the task, so the marks commit with the end or
 * not at all.
 */
@Component
class TaskEndings {

	private final Inbox inbox;

	private final Recipients recipients;

	private final Outbox outbox;

	TaskEndings(Inbox inbox, Recipients recipients, Outbox outbox) {
		this.inbox = inbox;
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@EventListener
	void on(TaskEnded event) {
		Instant now = Instant.now();
		if (inbox.endTask(event.taskId(), outcome(event), now) > 0) {
			outbox.dropForEndedTask(event.taskId(), now);
		}
	}

	private String outcome(TaskEnded event) {
		if (!event.completed()) {
			return "任务已结束";
		}
		return event.completedBy() == null ? "任务已办结" : "已由" + recipients.nameOf(event.completedBy()) + "办理";
	}

}
