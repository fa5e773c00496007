package cn.liaocheng.renewal.review.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.notice.NoticeBoard.Filing;
import cn.liaocheng.renewal.review.notice.NoticeBoard.ObjectionForm;
import cn.liaocheng.renewal.review.notice.NoticeBoard.Result;
import cn.liaocheng.renewal.security.DailyQuota;

/**
 * Files one checked objection in one transaction: the notice row and both counters are
 * locked first (always in this order, so filings cannot deadlock), then the objection is
 * merged, refused over a limit, or stored and counted. What is stored is exactly what
 * Task_CheckObjections gathers for the lead body at the end of the period.
 */
@Component
class ObjectionFiling {

	private static final Logger LOG = LoggerFactory.getLogger(ObjectionFiling.class);

	/**
	 * The catch event the subsidy process waits at while the notice runs
	 * (bpmn/subsidy-application.bpmn).
	 */
	static final String NOTICE_PERIOD = ReviewProcesses.NOTICE_PERIOD_ENDS;

	private final PublicNotices notices;

	private final DailyQuota quota;

	private final ObjectionLimits limits;

	private final AuditTrail audit;

	private final RuntimeService runtime;

	ObjectionFiling(PublicNotices notices, DailyQuota quota, ObjectionLimits limits, AuditTrail audit,
			RuntimeService runtime) {
		this.notices = notices;
		this.quota = quota;
		this.limits = limits;
		this.audit = audit;
		this.runtime = runtime;
	}

	/**
	 * Files the objection while the notice runs: within its dates and while the case
	 * still waits for the period to end, so that no objection arrives after the
	 * objections have been gathered for the lead body. The counters of {@code day} must
	 * have been prepared.
	 */
	@Transactional
	Filing file(long applicationId, ObjectionForm objection, LocalDate day, String addressKey, String phoneKey) {
		Instant now = Instant.now();
		Optional<Instant> noticeStarted = notices.runningSince(applicationId, now, true);
		if (noticeStarted.isEmpty() || runtime.createExecutionQuery()
			.processInstanceBusinessKey(Long.toString(applicationId))
			.activityId(NOTICE_PERIOD)
			.count() == 0) {
			return Filing.NOT_OPEN;
		}
		int fromAddress = quota.lock(addressKey, day);
		int fromPhone = quota.lock(phoneKey, day);
		String phone = ObjectionRules.phoneLine(objection.phone());
		String content = ObjectionRules.comparable(objection.content());
		Optional<PublicNotices.Objection> received = notices.filedSince(applicationId, noticeStarted.get())
			.stream()
			.filter(o -> ObjectionRules.phoneLine(o.phone()).equals(phone)
					&& ObjectionRules.comparable(o.content()).equals(content))
			.findFirst();
		if (received.isPresent()) {
			String receipt = received.get().receipt();
			return Filing.of(Result.MERGED, "该异议此前已经收到（同一联系电话、相同内容），无需重复提交。"
					+ (receipt == null ? "" : "回执号 " + receipt + "。") + "市工业和信息化局将在公示期满后核查处理。", receipt);
		}
		if (fromPhone >= limits.perPhonePerNotice()) {
			LOG.info("Objection against application {} refused: {} reached {} a day", applicationId, "phone",
					limits.perPhonePerNotice());
			return Filing.of(Result.PHONE_LIMIT_REACHED,
					"同一联系电话对同一项目每天最多提交 " + limits.perPhonePerNotice() + " 条异议，今天已达上限，请明天再提交；如情况紧急，请直接致电聊城市工业和信息化局。");
		}
		if (fromAddress >= limits.perAddress()) {
			LOG.info("Objection against application {} refused: {} reached {} a day", applicationId, addressKey,
					limits.perAddress());
			return Filing.of(Result.ADDRESS_LIMIT_REACHED,
					"您所在的网络今天已提交 " + limits.perAddress() + " 条异议，达到每日上限，请明天再提交；如情况紧急，请直接致电聊城市工业和信息化局。");
		}
		String organisation = ObjectionRules.strip(objection.organisation());
		String receipt = ObjectionReceipts.next();
		notices.add(applicationId,
				new PublicNotices.Objection(ObjectionRules.strip(objection.name()),
						organisation.isEmpty() ? null : organisation, ObjectionRules.strip(objection.phone()),
						ObjectionRules.strip(objection.content()), receipt),
				now);
		quota.use(addressKey, day);
		quota.use(phoneKey, day);
		audit.record("public", "OBJECTION_FILED", "application:" + applicationId,
				ObjectionRules.strip(objection.name()));
		return Filing.of(Result.FILED,
				"异议已提交，回执号 " + receipt + "（请记下，凭回执号和联系电话可查询处理情况）。" + "市工业和信息化局将在公示期满后核查处理，并通过您留下的电话联系您。", receipt);
	}

}
