package cn.liaocheng.renewal.review.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.HeldSteps;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.ReviewTaskEvent;
import cn.liaocheng.renewal.review.directory.Directory;

/**
 * The rules of a review step's life without an engine: what an opened step gets and which
 * stage it enters, who is told of a changed assignee, and what an overdue step leads to.
 * The same rules through the engine's listeners are {@code OverdueTimerTest}'s,
 * {@code OverdueNotificationTest}'s and {@code TaskListApiTest}'s.
 */
class ReviewStepsTest {

	private static final String COUNTY = "county-371502-industry";

	private static final long CASE = 42;

	private final WorkingDays workingDays = mock(WorkingDays.class);

	private final ApplicationStages stages = mock(ApplicationStages.class);

	private final Directory directory = mock(Directory.class);

	private final HeldSteps held = mock(HeldSteps.class);

	private final List<Object> told = new ArrayList<>();

	private final ReviewSteps steps = new ReviewSteps(workingDays, stages, directory, told::add, held);

	private final Instant standardDue = Instant.parse("2026-12-11T15:59:59Z");

	@BeforeEach
	void rules() {
		when(workingDays.deadline(any(), eq(ReviewProcesses.REVIEW_DAYS), eq(ChinaTime.ZONE))).thenReturn(standardDue);
		when(workingDays.minusWorkingDaysAtEarliest(any(), anyInt()))
			.thenAnswer(call -> ((LocalDate) call.getArgument(0)).minusDays(call.<Integer>getArgument(1)));
		when(held.heldFor(anyLong(), anyString())).thenReturn(Optional.empty());
		when(directory.bodyName(COUNTY)).thenReturn("东昌府区工业和信息化局");
		when(directory.personName("zhang")).thenReturn("张三");
		when(directory.bankName("icbc")).thenReturn("中国工商银行聊城分行");
		when(directory.cityBodyNames()).thenReturn(Map.of("ecology", "聊城市生态环境局"));
	}

	@Test
	void anOpenedCountyStepGetsTheStandardDueDateAndMovesTheCaseIntoCountyReview() {
		caseIs(ApplicationStatus.COUNTY_REVIEW);

		ReviewSteps.OpenedTask task = steps
			.opened(opened(ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW, List.of(COUNTY), null, null, null));

		assertThat(task.due()).isEqualTo(standardDue);
		assertThat(task.followUp()).as("即将超期 from the start of the day two working days before")
			.isEqualTo(LocalDate.of(2026, 12, 9).atStartOfDay(ChinaTime.ZONE).toInstant());
		assertThat(task.shown()).containsExactly(Map.entry(ReviewProcesses.KIND_NAME, "项目入库"));
		verify(stages).enter(CASE, ApplicationStatus.COUNTY_REVIEW, null);
		assertThat(told).singleElement().isInstanceOfSatisfying(ReviewTaskEvent.class, event -> {
			assertThat(event.kind()).isEqualTo(ReviewTaskEvent.Kind.CREATED);
			assertThat(event.candidateGroups()).containsExactly(COUNTY);
			assertThat(event.due()).isEqualTo(standardDue);
		});
	}

	@Test
	void theModelsDatesWinAndTheStepsOwnStageWinsOverItsReviewersLevel() {
		caseIs(ApplicationStatus.CITY_REVIEW);
		Instant modelDue = Instant.parse("2027-01-20T08:00:00Z");
		Instant modelFollowUp = Instant.parse("2027-01-19T08:00:00Z");

		ReviewSteps.OpenedTask task = steps.opened(
				opened(ReviewProcesses.TASK_EXPERT_REVIEW, List.of("city-industry"), null, modelDue, modelFollowUp));

		assertThat(task.due()).isEqualTo(modelDue);
		assertThat(task.followUp()).isEqualTo(modelFollowUp);
		verify(stages).enter(CASE, ApplicationStatus.EXPERT_REVIEW, null);
	}

	@Test
	void aDecidedCaseKeepsItsOutcomeAndAHeldStepIsNeverDueSoon() {
		caseIs(ApplicationStatus.APPROVED);
		String finance = "county-371502-finance";
		when(held.heldFor(CASE, "Task_Payment")).thenReturn(Optional.of("暂停拨付"));

		ReviewSteps.OpenedTask task = steps.opened(opened("Task_Payment", List.of(finance), null, null, null));

		verify(stages, never()).enter(anyLong(), any(), any());
		assertThat(task.followUp()).isNull();
	}

	@Test
	void aParallelTaskNamesItsCityBodyOrItsBank() {
		caseIs(ApplicationStatus.CITY_REVIEW);

		assertThat(steps.opened(opened("Task_JointReview", List.of("city-ecology"), "ecology", null, null)).shown())
			.containsEntry(ReviewSteps.REVIEW_BODY_NAME, "聊城市生态环境局");
		assertThat(
				steps.opened(opened("Task_BankDecision", List.of(GroupNames.bank("icbc")), null, null, null)).shown())
			.containsEntry(ReviewSteps.BANK_NAME, "中国工商银行聊城分行");
		verify(stages).enter(CASE, ApplicationStatus.BANK_REVIEW, null);
	}

	@Test
	void aChangedAssigneeIsToldOnlyWhenSomeoneDidItForSomeoneElse() {
		LongSupplier notLookedUp = () -> {
			throw new AssertionError("the case is looked up only when someone is told");
		};
		Supplier<List<String>> groupsNotRead = () -> {
			throw new AssertionError("the candidate groups are read only when someone is told");
		};
		steps.assigneeChanged(notLookedUp, "t1", "形式审查", null, "zhang", "zhang", groupsNotRead, standardDue);
		steps.assigneeChanged(notLookedUp, "t1", "形式审查", null, "zhang", null, groupsNotRead, standardDue);
		steps.assigneeChanged(notLookedUp, "t1", "形式审查", "zhang", "zhang", "admin", groupsNotRead, standardDue);
		assertThat(told).as("a claim, the product's own hand-over, no change").isEmpty();

		steps.assigneeChanged(() -> CASE, "t1", "形式审查", null, "zhang", "admin", () -> List.of(COUNTY), standardDue);
		steps.assigneeChanged(() -> CASE, "t1", "形式审查", "zhang", null, "admin", () -> List.of(COUNTY), standardDue);

		assertThat(told).map(e -> ((ReviewTaskEvent) e).kind())
			.containsExactly(ReviewTaskEvent.Kind.ASSIGNED, ReviewTaskEvent.Kind.RELEASED);
		assertThat(told).map(e -> ((ReviewTaskEvent) e).assignee()).containsExactly("zhang", null);
	}

	@Test
	void anOverdueStepIsPressedThroughItsBodysLeadWithAReminderTheHistoryKeeps() {
		ReviewSteps.Overdue overdue = steps.overdue(overdue(List.of(COUNTY, GroupNames.lead(COUNTY)), "zhang"));

		String reminder = "「形式审查」已超过办理期限（2026年12月11日），已提醒张三尽快办理，并报送东昌府区工业和信息化局负责人督办。";
		assertThat(overdue).isEqualTo(new ReviewSteps.Escalated(GroupNames.lead(COUNTY), reminder));
		verify(stages).note(CASE, "system", "审批系统", "OVERDUE", reminder);
		assertThat(told).singleElement().isInstanceOfSatisfying(ReviewTaskEvent.class, event -> {
			assertThat(event.kind()).isEqualTo(ReviewTaskEvent.Kind.OVERDUE);
			assertThat(event.candidateGroups()).as("the body, not its lead").containsExactly(COUNTY);
		});
	}

	@Test
	void anUnclaimedOverdueStepRemindsTheWholeBody() {
		assertThat(steps.overdue(overdue(List.of(COUNTY), null))).isInstanceOfSatisfying(ReviewSteps.Escalated.class,
				e -> assertThat(e.reminder()).contains("已提醒东昌府区工业和信息化局尽快办理"));
	}

	@Test
	void aHeldOrBodilessOverdueStepPressesNobody() {
		when(held.heldFor(CASE, ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW)).thenReturn(Optional.of("暂停拨付"));
		Instant before = Instant.now();

		assertThat(steps.overdue(overdue(List.of(COUNTY), null))).isInstanceOfSatisfying(ReviewSteps.Held.class,
				h -> assertThat(h.lookAgainAt()).isBetween(before.plus(1, ChronoUnit.DAYS),
						Instant.now().plus(1, ChronoUnit.DAYS)));
		assertThat(steps.overdue(overdue(List.of(GroupNames.lead(COUNTY)), null)))
			.isInstanceOf(ReviewSteps.NobodyToPress.class);
		LongSupplier noCase = () -> {
			throw new AssertionError("no case looked up for a step nobody can be pressed for");
		};
		assertThat(steps.overdue(new ReviewSteps.OverdueStep(noCase, "t1", ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW,
				"形式审查", null, List.of(COUNTY), null)))
			.as("no due date")
			.isInstanceOf(ReviewSteps.NobodyToPress.class);
		verify(stages, never()).note(anyLong(), any(), any(), any(), any());
		assertThat(told).isEmpty();
	}

	private void caseIs(ApplicationStatus status) {
		when(stages.summaries(List.of(CASE))).thenReturn(List.of(new ApplicationSummary(CASE, "LC-2026-0042",
				ApplicationKind.PROJECT, "数控机床更新", status, Instant.now(), Instant.now(), false)));
	}

	private static ReviewSteps.OpenedStep opened(String step, List<String> groups, String reviewBody, Instant due,
			Instant followUp) {
		return new ReviewSteps.OpenedStep(CASE, "t1", step, "形式审查", null, groups, reviewBody, due, followUp);
	}

	private ReviewSteps.OverdueStep overdue(List<String> groups, String assignee) {
		return new ReviewSteps.OverdueStep(() -> CASE, "t1", ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW, "形式审查",
				assignee, groups, standardDue);
	}

}
