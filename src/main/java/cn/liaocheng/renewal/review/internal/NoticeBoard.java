package cn.liaocheng.renewal.review.internal;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.audit.AuditTrail;

/** The public side of notices: what is on notice now, and objections filed against it. */
@Component
public class NoticeBoard {

	/** The catch event the subsidy process waits at while the notice runs (bpmn/subsidy-application.bpmn). */
	static final String NOTICE_PERIOD = "TimerEvent_NoticePeriodEnds";

	private final PublicNotices notices;

	private final AuditTrail audit;

	private final RuntimeService runtime;

	NoticeBoard(PublicNotices notices, AuditTrail audit, RuntimeService runtime) {
		this.notices = notices;
		this.audit = audit;
		this.runtime = runtime;
	}

	@Transactional(readOnly = true)
	public List<PublicNotices.Notice> current(Instant now) {
		return notices.current(now);
	}

	/**
	 * Files an objection while the notice runs: within its dates and while the case still waits for the period to end,
	 * so that no objection arrives after the objections have been gathered for the lead body.
	 */
	@Transactional
	public boolean file(long applicationId, String name, String organisation, String phone, String content) {
		if (runtime.createExecutionQuery().processInstanceBusinessKey(Long.toString(applicationId))
			.activityId(NOTICE_PERIOD).count() == 0) {
			return false;
		}
		boolean filed = notices.file(applicationId,
				new PublicNotices.Objection(name, organisation.isEmpty() ? null : organisation, phone, content), Instant.now());
		if (filed) {
			audit.record("public", "OBJECTION_FILED", "application:" + applicationId, name);
		}
		return filed;
	}

}
