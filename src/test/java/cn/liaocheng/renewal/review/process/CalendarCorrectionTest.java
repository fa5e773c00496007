package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.deadlines.CalendarCorrections;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An administrator corrects the working-day calendar in {@code calendar_exception} while
 * cases are open: the deadlines counted on the superseded days follow the corrected ones
 * once the correction has been seen for a while, review steps either way, the
 * enterprise's correction period only later (it was told the date), each change on the
 * case's record; deadlines set by hand stay.
 */
@WebIntegrationTest
class CalendarCorrectionTest extends ReviewProcessTest {

	private static final Duration FOLLOW_AFTER = Duration.ofMinutes(2);

	private final WorkingDays workingDays;

	private final CalendarCorrections corrections;

	private final JdbcClient jdbc;

	private final TaskService tasks;

	private final ManagementService management;

	@Autowired
	CalendarCorrectionTest(ApplicationContext context, WorkingDays workingDays, CalendarCorrections corrections,
			JdbcClient jdbc, TaskService tasks, ManagementService management) {
		super(context);
		this.workingDays = workingDays;
		this.corrections = corrections;
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.management = management;
	}

	@Test
	void aWorkingDayMadeAHolidayMovesReviewStepsAndExtendsCorrectionsButNotDatesSetByHand() {
		Case reviewed = review.submitProject(7);
		Case returned = review.submitProject(7);
		review.decide(returned, "Task_CountyFormalReview", "RETURN");
		Case setByHand = review.submitProject(7);
		Task step = review.task(reviewed, "Task_CountyFormalReview");
		Task handSet = review.task(setByHand, "Task_CountyFormalReview");
		Instant byHand = step.getDueDate().toInstant().plus(Duration.ofDays(3)).minusSeconds(3600);
		handSet.setDueDate(Date.from(byHand));
		tasks.saveTask(handSet);
		Instant correctionDue = review.outcomes(returned).correctionDeadline();
		Instant stepDue = step.getDueDate().toInstant();
		// A plain weekday between today and both deadlines, not yet in the table.
		LocalDate made = unlistedDay(workingDays.plusWorkingDays(ChinaTime.today(), 2), false);
		Instant stepMoved = endOf(workingDays.plusWorkingDays(day(stepDue), 1));
		Instant correctionMoved = endOf(workingDays.plusWorkingDays(day(correctionDue), 1));
		assertThat(made).isBefore(day(stepDue));

		insert(made, "HOLIDAY");
		try {
			Instant now = Instant.now();
			assertThat(corrections.follow(now)).as("seen just now: nodes may still count on the old days").isEmpty();
			assertThat(review.task(reviewed, "Task_CountyFormalReview").getDueDate().toInstant()).isEqualTo(stepDue);

			CalendarCorrections.Moved moved = corrections.follow(now.plus(FOLLOW_AFTER)).orElseThrow();

			assertThat(moved.reviewSteps()).isGreaterThanOrEqualTo(1);
			assertThat(moved.corrections()).isGreaterThanOrEqualTo(1);
			Task movedStep = review.task(reviewed, "Task_CountyFormalReview");
			assertThat(movedStep.getDueDate().toInstant()).isEqualTo(stepMoved);
			assertThat(timerOf(movedStep).getDuedate().toInstant()).as("overdue timer").isEqualTo(stepMoved);
			assertThat(movedStep.getFollowUpDate().toInstant()).as("即将超期 from two working days before")
				.isEqualTo(workingDays.minusWorkingDays(day(stepMoved), 2).atStartOfDay(ChinaTime.ZONE).toInstant());
			assertThat(review.task(setByHand, "Task_CountyFormalReview").getDueDate().toInstant()).as("set by hand")
				.isEqualTo(byHand);

			ProcessInstance correction = review.called(returned, "correction");
			assertThat(review.outcomes(returned).correctionDeadline()).isEqualTo(correctionMoved);
			assertThat(Instant.parse((String) review.variable(correction, "correctionDeadline")))
				.isEqualTo(correctionMoved);
			assertThat(management.createJobQuery()
				.processInstanceId(correction.getId())
				.timers()
				.singleResult()
				.getDuedate()
				.toInstant()).as("the timer that lapses the application").isEqualTo(correctionMoved);
			assertThat(review.history(returned)).anySatisfy(line -> assertThat(line).contains("补正期限按 10 个工作日重新计算",
					ChinaTime.minute(correctionDue), ChinaTime.minute(correctionMoved)));
			assertThat(jdbc.sql("SELECT body FROM notification WHERE application_id = ? AND title = ?")
				.params(returned.id(), "补正期限顺延：" + review.referenceNo(returned))
				.query(String.class)
				.list()).as("the enterprise is told").singleElement().asString().contains("请在新期限前修改并重新提交");
			assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'CALENDAR_CORRECTION_FOLLOWED'")
				.query(String.class)
				.list()).anySatisfy(details -> assertThat(details).contains(made.toString()));
			assertThat(corrections.follow(now.plus(FOLLOW_AFTER).plusSeconds(60))).as("followed once").isEmpty();
		}
		finally {
			restore(made);
		}
		assertThat(corrections.follow(Instant.now().plus(FOLLOW_AFTER.multipliedBy(2)))).as("nothing left to follow")
			.isEmpty();
		assertThat(review.task(reviewed, "Task_CountyFormalReview").getDueDate().toInstant())
			.as("back on the days as they were")
			.isEqualTo(stepDue);
	}

	/**
	 * A step of an instance that is not its case's process of record (a payment step
	 * whose after-award record names another instance, as when one is started by hand; a
	 * county review called with another case's key) is refused by its listeners whatever
	 * changes it; the correction leaves such steps as they are and moves every other,
	 * instead of failing for every case.
	 */
	@Test
	void aStepOfAnInstanceNotOfRecordKeepsItsDateAndTheRestAreMoved() {
		Case reviewed = review.submitProject(7);
		Case stray = review.allocatedSubsidy();
		Task payment = review.task(stray, "Task_RecordPayment");
		Instant paymentDue = payment.getDueDate().toInstant();
		Task step = review.task(reviewed, "Task_CountyFormalReview");
		Instant stepDue = step.getDueDate().toInstant();
		Case rekeyed = review.submitProject(7);
		Task rekeyedStep = review.task(rekeyed, "Task_CountyFormalReview");
		ProcessInstance countyReview = review.called(rekeyed, "county-review");
		LocalDate made = unlistedDay(workingDays.plusWorkingDays(ChinaTime.today(), 2), false);
		assertThat(made).isBefore(day(stepDue)).isBefore(day(paymentDue));
		String recorded = jdbc
			.sql("SELECT process_instance_id FROM after_award_process WHERE application_id = ? AND process_key = ?")
			.params(stray.id(), "subsidy-aftercare")
			.query(String.class)
			.single();
		jdbc.sql("UPDATE after_award_process SET process_instance_id = ? WHERE application_id = ? AND process_key = ?")
			.params("another-instance-" + stray.id(), stray.id(), "subsidy-aftercare")
			.update();
		// The county review's key names another case, whose process of record is not its
		// root.
		rekey(countyReview, reviewed.key());
		insert(made, "HOLIDAY");
		try {
			CalendarCorrections.Moved moved = followOnceSeen().orElseThrow();

			assertThat(moved.reviewSteps()).isGreaterThanOrEqualTo(1);
			assertThat(tasks.createTaskQuery().taskId(step.getId()).singleResult().getDueDate().toInstant())
				.isEqualTo(endOf(workingDays.plusWorkingDays(day(stepDue), 1)));
			assertThat(review.task(stray, "Task_RecordPayment").getDueDate().toInstant()).as("not of record: as it was")
				.isEqualTo(paymentDue);
			assertThat(tasks.createTaskQuery().taskId(rekeyedStep.getId()).singleResult().getDueDate())
				.as("another case's key: as it was")
				.isEqualTo(rekeyedStep.getDueDate());
		}
		finally {
			rekey(countyReview, rekeyed.key());
			jdbc.sql(
					"UPDATE after_award_process SET process_instance_id = ? WHERE application_id = ? AND process_key = ?")
				.params(recorded, stray.id(), "subsidy-aftercare")
				.update();
			restore(made);
		}
		assertThat(corrections.follow(Instant.now().plus(FOLLOW_AFTER.multipliedBy(2)))).as("nothing left to follow")
			.isEmpty();
	}

	@Test
	void aRestDayMadeAWorkingDayBringsReviewStepsForwardButKeepsTheCorrectionPeriodAsTold() {
		Case reviewed = review.submitProject(7);
		Case returned = review.submitProject(7);
		review.decide(returned, "Task_CountyFormalReview", "RETURN");
		Task step = review.task(reviewed, "Task_CountyFormalReview");
		Instant stepDue = step.getDueDate().toInstant();
		Instant correctionDue = review.outcomes(returned).correctionDeadline();
		// A weekend rest day after today and before the end of the correction
		// period, made a make-up working day (调休上班): one with no row, or where
		// none is left (around the Spring Festival, whose make-up days and holiday
		// weekends are listed) a holiday's weekend day, its row corrected to a
		// working day. It lies before the step's due date unless that is counted
		// from a Friday or a weekend. The step then ends one working day sooner on
		// the corrected calendar: on the working day before its due date, or on the
		// made day itself when that comes later (a step due on the Monday after it).
		LocalDate made = weekendRestDay(ChinaTime.today().plusDays(1), day(correctionDue));
		Optional<String> listed = listedKind(made);
		assertThat(made).isBefore(day(correctionDue));
		assertThat(workingDays.isWorkingDay(made)).as("a rest day").isFalse();
		LocalDate dayBefore = workingDays.minusWorkingDays(day(stepDue), 1);
		Instant stepMoved = made.isBefore(day(stepDue)) ? endOf(made.isAfter(dayBefore) ? made : dayBefore) : stepDue;

		if (listed.isPresent()) {
			setKind(made, "WORKDAY");
		}
		else {
			insert(made, "WORKDAY");
		}
		try {
			CalendarCorrections.Moved moved = followOnceSeen().orElseThrow();

			assertThat(moved.keptAsTold()).isGreaterThanOrEqualTo(1);
			assertThat(review.task(reviewed, "Task_CountyFormalReview").getDueDate().toInstant()).isEqualTo(stepMoved);
			assertThat(review.outcomes(returned).correctionDeadline()).as("as told to the enterprise")
				.isEqualTo(correctionDue);
			assertThat(review.history(returned)).anySatisfy(line -> assertThat(line).contains("已告知的期限不缩短"));
		}
		finally {
			restore(made, listed);
		}
	}

	@Test
	void aRunningPublicNoticeIsExtendedToFiveWorkingDaysOfTheCorrectedCalendar() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		Instant ends = noticeEnd(claim);
		LocalDate made = unlistedDay(workingDays.plusWorkingDays(ChinaTime.today(), 2), false);
		Instant extended = endOf(workingDays.plusWorkingDays(day(ends), 1));
		assertThat(made).isBefore(day(ends));

		insert(made, "HOLIDAY");
		try {
			CalendarCorrections.Moved moved = followOnceSeen().orElseThrow();

			assertThat(moved.notices()).isGreaterThanOrEqualTo(1);
			assertThat(noticeEnd(claim)).isEqualTo(extended);
			assertThat(review.timer(claim, ReviewProcesses.NOTICE_PERIOD_ENDS).getDuedate().toInstant())
				.as("the notice's end in the process")
				.isEqualTo(extended);
			assertThat(Instant.parse((String) review.variable(claim.process(), ReviewProcesses.NOTICE_ENDS)))
				.isEqualTo(extended);
			assertThat(review.history(claim)).anySatisfy(line -> assertThat(line).contains("公示期按 5 个工作日重新计算",
					ChinaTime.day(day(ends)), ChinaTime.day(day(extended))));
		}
		finally {
			restore(made);
		}
		assertThat(noticeEnd(claim)).as("a notice is never shortened, not even back").isEqualTo(extended);
		assertThat(review.history(claim))
			.anySatisfy(line -> assertThat(line).contains("公示期按 5 个工作日计算应至 " + ChinaTime.minute(ends),
					"早于已公布的 " + ChinaTime.minute(extended), "已公布的公示期不缩短"));
	}

	private Instant noticeEnd(Case c) {
		return jdbc.sql("SELECT ends_at FROM public_notice WHERE application_id = ?")
			.param(c.id())
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	/**
	 * Gives a process instance another business key in the engine's table, as an edited
	 * model or an insider could.
	 */
	private void rekey(ProcessInstance instance, String key) {
		assertThat(jdbc.sql("UPDATE ACT_RU_EXECUTION SET BUSINESS_KEY_ = ? WHERE ID_ = ?")
			.params(key, instance.getId())
			.update()).isOne();
	}

	/** The first day from {@code from} on that is a weekend day or not, with no row. */
	private LocalDate unlistedDay(LocalDate from, boolean weekend) {
		LocalDate day = from;
		while ((day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) != weekend
				|| jdbc.sql("SELECT COUNT(*) FROM calendar_exception WHERE calendar_date = ?")
					.param(day)
					.query(Integer.class)
					.single() > 0) {
			day = day.plusDays(1);
		}
		return day;
	}

	/**
	 * The first weekend day in [{@code from}, {@code until}) with no row, or where there
	 * is none, the first listed as a holiday: a rest day either way.
	 */
	private LocalDate weekendRestDay(LocalDate from, LocalDate until) {
		LocalDate holiday = null;
		for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				continue;
			}
			Optional<String> kind = listedKind(day);
			if (kind.isEmpty()) {
				return day;
			}
			if (holiday == null && kind.get().equals("HOLIDAY")) {
				holiday = day;
			}
		}
		assertThat(holiday).as("a weekend rest day from %s before %s", from, until).isNotNull();
		return holiday;
	}

	/** The kind of {@code day}'s row, if it has one. */
	private Optional<String> listedKind(LocalDate day) {
		return jdbc.sql("SELECT kind FROM calendar_exception WHERE calendar_date = ?")
			.param(day)
			.query(String.class)
			.optional();
	}

	private void setKind(LocalDate day, String kind) {
		jdbc.sql("UPDATE calendar_exception SET kind = ? WHERE calendar_date = ?").params(kind, day).update();
	}

	private void insert(LocalDate day, String kind) {
		jdbc.sql(
				"INSERT INTO calendar_exception (calendar_date, kind, holiday_name, source) VALUES (?, ?, '测试更正', 'official')")
			.params(day, kind)
			.update();
	}

	/** Takes the row out again and lets the deadlines follow back. */
	private void restore(LocalDate day) {
		restore(day, Optional.empty());
	}

	/**
	 * Puts {@code day}'s row back as it was ({@code kind}; none: no row) and lets the
	 * deadlines follow back.
	 */
	private void restore(LocalDate day, Optional<String> kind) {
		if (kind.isPresent()) {
			setKind(day, kind.get());
		}
		else {
			jdbc.sql("DELETE FROM calendar_exception WHERE calendar_date = ?").param(day).update();
		}
		followOnceSeen();
	}

	/**
	 * Lets the nodes see the table's difference now, then follows it once it has been
	 * seen for {@link #FOLLOW_AFTER}.
	 */
	private Optional<CalendarCorrections.Moved> followOnceSeen() {
		Instant now = Instant.now();
		corrections.follow(now);
		return corrections.follow(now.plus(FOLLOW_AFTER));
	}

	private Job timerOf(Task task) {
		List<Job> timers = management.createJobQuery().executionId(task.getExecutionId()).timers().list();
		assertThat(timers).hasSize(1);
		return timers.get(0);
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ChinaTime.ZONE);
	}

	private static Instant endOf(LocalDate day) {
		return day.atTime(LocalTime.of(23, 59, 59)).atZone(ChinaTime.ZONE).toInstant();
	}

}
