package cn.liaocheng.renewal.aftercare.internal;

import java.util.Comparator;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.review.StepRefused;

/**
 * That an allocated subsidy must be recovered, announced ({@link ClawbackDue}, where the
 * clawback starts) only on the record's facts: the city's latest acceptance finding, and
 * for a lapsed rectification the deadline that passed with no rectification submitted
 * after the finding. A step reached another way than the model's (a timer fired early, a
 * token moved by hand) is refused.
 */
@Component
class ClawbackAnnouncements {

	private final AftercareRecords records;

	private final ApplicationStages stages;

	private final ApplicationEventPublisher events;

	ClawbackAnnouncements(AftercareRecords records, ApplicationStages stages, ApplicationEventPublisher events) {
		this.records = records;
		this.stages = stages;
		this.events = events;
	}

	/**
	 * Announces that the application's subsidy must be recovered for {@code cause}, in
	 * the caller's transaction, with the facts as recorded and a note on the case.
	 */
	void announce(long applicationId, ClawbackDue.Cause cause) {
		List<Finding> findings = records.findings(applicationId);
		Finding acceptance = findings.stream()
			.filter(f -> f.step() == Finding.Step.CITY_ACCEPTANCE)
			.max(Comparator.comparing(Finding::recordedAt))
			.orElseThrow(() -> new StepRefused("No acceptance finding recorded for application " + applicationId));
		// The step may be reached another way than the model's (a timer fired early, a
		// token moved by hand): the clawback starts only on the record's facts.
		switch (cause) {
			case ACCEPTANCE_FAILED -> {
				if (!"REFUSE".equals(acceptance.result())) {
					throw new StepRefused(
							"申请" + applicationId + "的市级现场验收结论为「" + acceptance.resultLabel() + "」，不是验收不通过，不转入奖补资金追回");
				}
			}
			case RECTIFICATION_LAPSED -> {
				if (!"RETURN".equals(acceptance.result())) {
					throw new StepRefused("申请" + applicationId + "的市级现场验收结论为「" + acceptance.resultLabel()
							+ "」，未要求限期整改，不按逾期未整改转入奖补资金追回");
				}
				if (AftercareStandings.rectificationDeadlinePassed(findings).isEmpty()) {
					throw new StepRefused("申请" + applicationId + "的整改期限（" + ChinaTime.day(acceptance.deadline())
							+ "，含当日）尚未届满，不按逾期未整改转入奖补资金追回");
				}
				boolean rectified = records.submissions(applicationId)
					.stream()
					.anyMatch(s -> s.kind() == Submission.Kind.RECTIFICATION
							&& s.submittedAt().isAfter(acceptance.recordedAt()));
				if (rectified) {
					throw new StepRefused("申请" + applicationId + "已在限期整改后提交整改材料，不按逾期未整改转入奖补资金追回");
				}
			}
			case FALSE_MATERIAL -> {
			}
		}
		String facts = switch (cause) {
			case ACCEPTANCE_FAILED -> "市级现场验收不通过。验收意见：" + acceptance.opinion();
			case RECTIFICATION_LAPSED -> "市级现场验收要求限期整改，企业应于" + ChinaTime.day(acceptance.deadline())
					+ "前（含当日）提交整改材料，逾期未提交。整改要求：" + acceptance.opinion();
			case FALSE_MATERIAL -> throw new StepRefused("False material is not found by the acceptance");
		};
		// The finding as recorded; what became of it (a clawback started, or the reason
		// kept while one is open) the clawback says on the case right after.
		stages.note(applicationId, AftercareCase.SYSTEM, AftercareCase.SYSTEM_NAME, "CLAWBACK_DUE",
				cause.label() + "，应追回奖补资金。" + facts);
		events.publishEvent(new ClawbackDue(applicationId, cause, facts, acceptance.bodyGroup()));
	}

}
