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
 * @param sourceDecision the number of the decision that ordered it, if it came from one
 * @param basisAuthority for a listing by hand, the authority whose written finding it
 * rests on
 * @param basisDocument that finding's title and number
 * @param basisDate that finding's date
 * @param sourceDecisionTitle the title of the decision that ordered it (追回财政奖补资金决定书,
 * 撤销财政奖补资金决定书, 财政奖补资金处理决定书), if it came from one
 */
public record NegativeListEntry(long id, String creditCode, String enterpriseName, String divisionCode, String reason,
		Long sourceApplicationId, String sourceDecision, String basisAuthority, String basisDocument,
		LocalDate basisDate, LocalDate from, LocalDate until, String createdBy, Instant createdAt, String liftedBy,
		Instant liftedAt, String liftReason, String sourceDecisionTitle) {

	/**
	 * What the listing rests on, as the list, the enterprise's message and a refused
	 * submission say it: the decision that ordered it, by its title and number
	 * (《撤销财政奖补资金决定书》（…）), or the written finding recorded with a listing by hand, or that
	 * none is on record (listings by hand made before the finding was required).
	 */
	@JsonProperty
	public String basis() {
		return sourceDecision != null ? decisionBasis(sourceDecisionTitle, sourceDecision)
				: basis(basisAuthority, basisDocument, basisDate);
	}

	/**
	 * A decision as the basis of a listing; a decision whose title is not on record (none
	 * such was found when titles were first kept) by its number only.
	 */
	public static String decisionBasis(String title, String number) {
		return (title == null ? "决定书" : "《" + title + "》") + "（" + number + "）";
	}

	/**
	 * The written finding a listing by hand rests on, for a listing not yet stored too.
	 */
	public static String basis(String authority, String document, LocalDate date) {
		if (document == null) {
			return "未记录书面认定（本功能上线前的列入）";
		}
		return authority + document + "（" + ChinaTime.day(date) + "）";
	}

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
