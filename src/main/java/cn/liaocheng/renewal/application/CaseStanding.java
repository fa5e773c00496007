package cn.liaocheng.renewal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * Where a submitted application stands, as its enterprise may see it: the stages from
 * submission to the outcome, the body handling it now and by when, each city body's
 * progress in the joint review, and, when it was returned, what the enterprise must do
 * and by when. Bodies are named; reviewers are not.
 *
 * @param timeline the stages of this kind of application in order
 * @param currentStep what is happening now (e.g. 市级联审), {@code null} once the case has
 * ended
 * @param handlingBodies who is handling it now (several in the joint review; 您单位 when it
 * is returned)
 * @param dueDate the day the current step is due, in Beijing time
 * @param workingDaysLeft working days from today to {@code dueDate}; negative when
 * overdue, {@code null} when the calendar does not hold the year
 * @param jointReview each body of the current (or last) joint review
 * @param correction set while the application waits for the enterprise's correction
 * @param urgeable a body (a bureau, a bank) holds an open task of the current step, which
 * the enterprise may urge; not during the public notice, the system's own steps or its
 * own
 */
public record CaseStanding(List<Stage> timeline, String currentStep, List<String> handlingBodies, LocalDate dueDate,
		Integer workingDaysLeft, List<BodyReview> jointReview, Correction correction, boolean urgeable) {

	public CaseStanding {
		timeline = List.copyOf(timeline);
		handlingBodies = List.copyOf(handlingBodies);
		jointReview = List.copyOf(jointReview);
	}

	/**
	 * Whether the due day has passed (Beijing time), though no working day may have
	 * passed since: due on a Friday and read on the Saturday, the step is late, not due
	 * today.
	 */
	public boolean pastDue() {
		return dueDate != null && dueDate.isBefore(LocalDate.now(ChinaTime.ZONE));
	}

	/** A case that has not been submitted has no standing in review. */
	public static CaseStanding none() {
		return new CaseStanding(List.of(), null, List.of(), null, null, List.of(), null, false);
	}

	/**
	 * How the enterprise is named as the one handling the case (a correction, accepting a
	 * bank's grant).
	 */
	public static final String ENTERPRISE = "您单位";

	/** How reviewers name the enterprise where the enterprise reads 您单位. */
	public static final String APPLICANT = "申报企业";

	/**
	 * The standing as a reviewer reads it: the enterprise named, not addressed.
	 */
	public CaseStanding forReviewers() {
		List<String> handling = handlingBodies.stream().map(h -> h.startsWith(ENTERPRISE) ? APPLICANT : h).toList();
		List<Stage> stages = timeline.stream()
			.map(s -> s.state() == State.RETURNED ? new Stage(s.name(), s.state(), s.on(), "已退回，待申报企业补正后重新提交") : s)
			.toList();
		return new CaseStanding(stages, currentStep, handling, dueDate, workingDaysLeft, jointReview, correction,
				urgeable);
	}

	/**
	 * Whether the case waits for the enterprise: a correction, or a bank's grant to
	 * accept.
	 */
	public boolean needsAction() {
		return correction != null || handlingBodies.stream().anyMatch(h -> h.startsWith(ENTERPRISE));
	}

	/**
	 * One stage: its name, how far it is, and the day it was finished (or, for the
	 * current one, started).
	 */
	public record Stage(String name, State state, LocalDate on, String note) {
	}

	public enum State {

		DONE("已完成"), CURRENT("办理中"), RETURNED("待您补正"), PENDING("未开始"), SKIPPED("未进行"), REFUSED("未通过"), ENDED("已终止");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** The label as reviewers read it, speaking of the enterprise. */
		public String reviewersLabel() {
			return this == RETURNED ? "待企业补正" : label;
		}

	}

	/**
	 * One city body in the joint review: finished (with the day) or still to give its
	 * opinion (with its due day).
	 */
	public record BodyReview(String body, boolean finished, LocalDate finishedOn, LocalDate dueDate) {
	}

	/**
	 * A return for correction: who returned it at which step, the reasons as given, and
	 * the deadline (the end of its day, Beijing time) after which the application lapses.
	 */
	public record Correction(String returnedBy, String step, String reasons, Instant deadline, LocalDate deadlineDay,
			Integer workingDaysLeft) {

		/**
		 * The deadline has passed, whether or not a working day has since (or the timer
		 * has run).
		 */
		public boolean lapsed() {
			return Outcomes.correctionLapsed(deadline, Instant.now());
		}

	}

}
