package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.AfterAwardStep;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.review.StepRecordedMeanwhile;
import cn.liaocheng.renewal.review.StepRefused;

/**
 * The findings of the steps after the award: the county check of an acceptance
 * application, the city's on-site acceptance and the performance evaluation. A finding
 * becomes a record the enterprise sees (a note on the case and an
 * {@link AfterAwardStep}), and gives the moments the process waits for: the end of a
 * rectification deadline, or the day the performance report falls due
 * ({@code renewal.aftercare.performance-after} after a passed acceptance).
 */
@Component
class AftercareFindings {

	/**
	 * The longest rectification period the city may set; a plausibility bound against
	 * typing errors.
	 */
	static final int MAX_RECTIFICATION_DAYS = 365;

	/** What the step's form sent, as sent. */
	record Entry(String decision, String opinion, Object rectificationDeadline, Object score, Object grade) {
	}

	/**
	 * The moments the process waits for after this finding: when a rectification is
	 * overdue (the deadline day has ended in Beijing), or when the performance report
	 * falls due; {@code null} where the finding sets none.
	 */
	record Recorded(Instant rectificationDue, Instant performanceDue) {
	}

	private final AftercareRecords records;

	private final ApplicationStages stages;

	private final OrganizationCatalog bodies;

	private final Period performanceAfter;

	private final ApplicationEventPublisher events;

	private final WorkingDays workingDays;

	AftercareFindings(AftercareRecords records, ApplicationStages stages, OrganizationCatalog bodies,
			@Value("${renewal.aftercare.performance-after:P6M}") String performanceAfter,
			ApplicationEventPublisher events, WorkingDays workingDays) {
		this.records = records;
		this.stages = stages;
		this.bodies = bodies;
		this.performanceAfter = Period.parse(performanceAfter);
		this.events = events;
		this.workingDays = workingDays;
	}

	/**
	 * Records the finding of step {@code taskId}, an instance of the model's task
	 * {@code stepKey}, by the body {@code group}, done by {@code assignee} (none when the
	 * step was completed without one).
	 */
	Recorded record(long applicationId, String taskId, String stepKey, String group, String assignee, Entry entry) {
		String decision = entry.decision();
		String opinion = entry.opinion();
		String body = bodies.groupName(group);
		LocalDate today = LocalDate.now(WorkingDays.CHINA);
		Finding.Step step;
		LocalDate deadline = null;
		Integer score = null;
		Finding.Grade grade = null;
		Instant rectificationDue = null;
		Instant performanceDue = null;
		String message;
		switch (stepKey) {
			case AftercareModel.COUNTY_CHECK_TASK -> {
				step = Finding.Step.COUNTY_CHECK;
				require(decision, "APPROVE", "RETURN");
				message = "APPROVE".equals(decision) ? "验收申请材料齐全，已报市工业和信息化局组织现场验收。初核意见：" + opinion
						: "验收申请被退回补充材料，请补充后重新申请验收。退回意见：" + opinion;
			}
			case AftercareModel.CITY_ACCEPTANCE_TASK -> {
				step = Finding.Step.CITY_ACCEPTANCE;
				require(decision, "APPROVE", "RETURN", "REFUSE");
				if ("RETURN".equals(decision)) {
					if (stages.enterpriseDisabled(applicationId)) {
						// It could not submit the rectification: the deadline would
						// send the project to clawback for nothing.
						throw new StepRefused("该企业账户已被停用，企业不能提交整改材料，不能作出限期整改结论；请联系企业所在县（市、区）工业和信息化局恢复账户后再作出，或作出其他验收结论");
					}
					deadline = deadline(entry.rectificationDeadline(), today);
					workingDays.restDayProblem(deadline).ifPresent(problem -> {
						throw new StepRefused("整改期限 " + problem);
					});
					// The timer fires when the deadline day has ended in Beijing.
					rectificationDue = deadline.plusDays(1).atStartOfDay(WorkingDays.CHINA).toInstant();
					message = "现场验收结论：限期整改，请于" + ChinaTime.day(deadline) + "前（含当日）提交整改材料，逾期未整改的，转入追回程序。整改要求：" + opinion;
				}
				else if ("APPROVE".equals(decision)) {
					LocalDate due = today.plus(performanceAfter);
					performanceDue = due.atStartOfDay(WorkingDays.CHINA).toInstant();
					message = "现场验收结论：通过。请自" + ChinaTime.day(due) + "起报送项目绩效自评。验收意见：" + opinion;
				}
				else {
					message = "现场验收结论：不通过，奖补资金应予追回，由市工业和信息化局核定是否追回及追回金额。验收意见：" + opinion;
				}
			}
			case AftercareModel.PERFORMANCE_TASK -> {
				step = Finding.Step.PERFORMANCE;
				require(decision, "APPROVE", "REFUSE");
				score = score(entry.score());
				grade = grade(entry.grade(), score);
				conclusion(decision, grade);
				message = "绩效评价：得分 " + score + "，等级" + grade.label() + "，"
						+ ("APPROVE".equals(decision) ? "达到预期目标" : "未达到预期目标") + "。评价意见：" + opinion;
			}
			default -> throw new StepRefused("recordFindingListener on an unexpected task " + stepKey);
		}
		try {
			records.recordFinding(applicationId, taskId, step, decision, deadline, score, grade, opinion, group,
					assignee);
		}
		catch (DuplicateKeyException recordedMeanwhile) {
			throw new StepRecordedMeanwhile();
		}
		stages.note(applicationId, assignee == null ? AftercareCase.SYSTEM : assignee, body, "AFTERCARE_" + step.name(),
				body + "：" + message);
		events.publishEvent(new AfterAwardStep(applicationId, step.label() + "结果", "：" + body + "，" + message));
		return new Recorded(rectificationDue, performanceDue);
	}

	private static void require(String decision, String... allowed) {
		for (String a : allowed) {
			if (a.equals(decision)) {
				return;
			}
		}
		throw new StepRefused("请选择本环节可用的结论");
	}

	private static LocalDate deadline(Object value, LocalDate today) {
		if (value == null || value.toString().isBlank()) {
			throw new StepRefused("限期整改时请填写整改期限");
		}
		LocalDate deadline;
		try {
			String text = value.toString().strip();
			deadline = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException e) {
			throw new StepRefused("整改期限格式不正确，应为如 2026-03-31");
		}
		if (!deadline.isAfter(today)) {
			throw new StepRefused("整改期限应晚于今天");
		}
		if (deadline.isAfter(today.plusDays(MAX_RECTIFICATION_DAYS))) {
			throw new StepRefused("整改期限最长为一年，请核对日期");
		}
		return deadline;
	}

	private static int score(Object value) {
		try {
			BigDecimal score = new BigDecimal(String.valueOf(value).strip());
			if (score.stripTrailingZeros().scale() > 0 || score.signum() < 0
					|| score.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw new StepRefused("绩效评分应为 0–100 的整数");
			}
			return score.intValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw new StepRefused("绩效评分应为 0–100 的整数");
		}
	}

	/**
	 * The grade chosen must be the one the score falls in, so the record never says 85
	 * 分、优秀.
	 */
	private static Finding.Grade grade(Object value, int score) {
		Finding.Grade expected = Finding.Grade.of(score);
		if (!expected.name().equals(String.valueOf(value))) {
			throw new StepRefused("评分 " + score + " 对应的等级为“" + expected.label() + "”，请核对评分或等级");
		}
		return expected;
	}

	/**
	 * A failing grade cannot have reached the expected targets, so the record never says
	 * 45 分、不合格、达到预期目标. A passing grade may still conclude 未达到预期目标: the score weighs every
	 * indicator, and a project can pass overall while missing one it promised.
	 */
	private static void conclusion(String decision, Finding.Grade grade) {
		if (grade == Finding.Grade.FAIL && "APPROVE".equals(decision)) {
			throw new StepRefused("评价等级为“不合格”（60 分以下）时，评价结论不能为“达到预期目标”，请核对评价结论、绩效评分和评价等级");
		}
	}

}
