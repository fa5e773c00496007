package cn.liaocheng.renewal.clawback;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * One entry of the negative list (负面清单): the enterprise may not submit new applications
 * from {@code from} to {@code until} (inclusive) unless the entry was lifted.
 *
 * @param sourceApplicationId the case that led to it (the clawed-back application), if
 * any
 * @param sourceDecision the clawback decision that ordered it, if it came from one
 */
public record NegativeListEntry(long id, String creditCode, String enterpriseName, String divisionCode, String reason,
		Long sourceApplicationId, String sourceDecision, LocalDate from, LocalDate until, String createdBy,
		Instant createdAt, String liftedBy, Instant liftedAt, String liftReason) {

	public enum State {

		ACTIVE("生效中"), LIFTED("已解除"), EXPIRED("已到期"), PENDING("未开始");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** Its state today (Beijing time), as the API reports it. */
	@JsonProperty
	public State state() {
		return stateOn(LocalDate.now(ChinaTime.ZONE));
	}

	@JsonProperty
	public String stateLabel() {
		return state().label();
	}

	public State stateOn(LocalDate day) {
		if (liftedAt != null) {
			return State.LIFTED;
		}
		if (day.isAfter(until)) {
			return State.EXPIRED;
		}
		return day.isBefore(from) ? State.PENDING : State.ACTIVE;
	}

}
