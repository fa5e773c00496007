package cn.liaocheng.renewal.review.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.audit.AuditTrail;

/** The public side of notices: what is on notice now, and objections filed against it. */
@Component
public class NoticeBoard {

	private final PublicNotices notices;

	private final AuditTrail audit;

	NoticeBoard(PublicNotices notices, AuditTrail audit) {
		this.notices = notices;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<PublicNotices.Notice> current(Instant now) {
		return notices.current(now);
	}

	@Transactional
	public boolean file(long applicationId, String name, String organisation, String phone, String content) {
		boolean filed = notices.file(applicationId,
				new PublicNotices.Objection(name, organisation.isEmpty() ? null : organisation, phone, content), Instant.now());
		if (filed) {
			audit.record("public", "OBJECTION_FILED", "application:" + applicationId, name);
		}
		return filed;
	}

}
