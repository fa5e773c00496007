package cn.liaocheng.renewal.review.notice;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.CaseDecided;

/**
 * Closes the objections still open when a case's decision is issued, in the decision's
 * transaction ({@link PublicNotices#closeWithCase}); a withdrawal closes them where the
 * review is cancelled.
 */
@Component
class ObjectionsClosedWithTheCase {

	private final PublicNotices notices;

	ObjectionsClosedWithTheCase(PublicNotices notices) {
		this.notices = notices;
	}

	@EventListener
	void on(CaseDecided decided) {
		notices.closeWithCase(decided.applicationId(), "已出具《" + decided.document() + "》");
	}

}
