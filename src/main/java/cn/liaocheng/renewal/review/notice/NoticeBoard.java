package cn.liaocheng.renewal.review.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.operations.ResultPage;
import cn.liaocheng.renewal.security.DailyQuota;
import cn.liaocheng.renewal.security.PlainText;

/** The public side of notices: what is on notice now, and objections filed against it. */
@Component
public class NoticeBoard {

	private final PublicNotices notices;

	private final DailyQuota quota;

	private final ObjectionFiling filing;

	NoticeBoard(PublicNotices notices, DailyQuota quota, ObjectionFiling filing) {
		this.notices = notices;
		this.quota = quota;
		this.filing = filing;
	}

	/** Notices listed on a page of the board. */
	public static final int PAGE_SIZE = 20;

	/**
	 * The notices running now whose 申报编号, enterprise or project contains {@code query}
	 * (blank: all), newest first: page {@code page} (from 1; past the last, the last).
	 */
	@Transactional(readOnly = true)
	public ResultPage<PublicNotices.Notice> current(Instant now, String query, int page) {
		int total = notices.countCurrent(now, query, null);
		int number = ResultPage.number(page, total, PAGE_SIZE);
		return new ResultPage<>(
				shown(notices.current(now, query, null, ResultPage.offset(number, PAGE_SIZE), PAGE_SIZE)), total,
				number, PAGE_SIZE);
	}

	/** The case's notice, when one runs now. */
	@Transactional(readOnly = true)
	public Optional<PublicNotices.Notice> running(Instant now, long applicationId) {
		return shown(notices.current(now, null, applicationId, 0, 1)).stream().findFirst();
	}

	/**
	 * The notices' text as it may be shown to anyone: names stored before the free-text
	 * rule held could carry a bidi override that makes the board say something else, so
	 * what the rule refuses is left out.
	 */
	private static List<PublicNotices.Notice> shown(List<PublicNotices.Notice> found) {
		return found.stream()
			.map(n -> new PublicNotices.Notice(n.applicationId(), shown(n.referenceNo()), shown(n.enterpriseName()),
					shown(n.projectName()), n.amount(), n.startsAt(), n.endsAt()))
			.toList();
	}

	/**
	 * Files a named objection while the notice runs, within the daily limits (per phone
	 * line and notice, per client network) and once: the same text again from the same
	 * phone line against the same notice is merged with the first. {@code clientAddress}
	 * is the request's remote address as the forwarded-header configuration resolves it.
	 * Deliberately not transactional: the day's counters are created first, each in a
	 * short transaction of its own, and the filing then locks them in one transaction, so
	 * a request never holds two connections at once.
	 */
	public Filing file(long applicationId, ObjectionForm objection, String clientAddress) {
		// Whether the notice runs first: an ended notice has no form to correct a field
		// in.
		if (notices.runningSince(applicationId, Instant.now(), false).isEmpty()) {
			return Filing.NOT_OPEN;
		}
		Map<String, String> errors = ObjectionRules.check(objection);
		if (!errors.isEmpty()) {
			return new Filing(Result.REJECTED, "异议未提交：请根据提示修改后重新提交。", errors);
		}
		LocalDate day = LocalDate.now(ChinaTime.ZONE);
		// The objections sent from one client network, and those against this notice
		// under one phone line.
		String address = "address:" + DailyQuota.network(clientAddress);
		String phone = "phone:" + applicationId + ":" + ObjectionRules.phoneLine(objection.phone());
		quota.prepare(day, address, phone);
		return filing.file(applicationId, objection, day, address, phone);
	}

	/**
	 * An objection's handling for its objector: found only with both its receipt number
	 * and the phone number it was filed with, so that a receipt seen over someone's
	 * shoulder is not enough.
	 */
	public Optional<PublicNotices.Receipt> lookUp(String receipt, String phone) {
		String digits = digitsOf(phone);
		if (digits.isEmpty()) {
			return Optional.empty();
		}
		return notices.byReceipt(ObjectionReceipts.normalised(receipt)).filter(r -> digitsOf(r.phone()).equals(digits));
	}

	/**
	 * Digits only: people type phone numbers with spaces, hyphens or brackets between the
	 * groups.
	 */
	private static String digitsOf(String phone) {
		return phone == null ? "" : phone.replaceAll("\\D", "");
	}

	/**
	 * A search of the public board as it is run and shown back: at most 64 characters,
	 * without the characters the free-text rule refuses (a link could otherwise make the
	 * government's page say something else).
	 */
	public static String query(String text) {
		String q = shown(text == null ? "" : text.strip());
		return q.length() > 64 ? q.substring(0, 64) : q;
	}

	/** {@code text} without the characters {@link PlainText} refuses. */
	static String shown(String text) {
		return shown(text, false);
	}

	private static String shown(String text, boolean multiLine) {
		if (text == null) {
			return null;
		}
		return text.codePoints()
			.filter(c -> PlainText.isClean(Character.toString(c), multiLine))
			.mapToObj(Character::toString)
			.collect(Collectors.joining());
	}

	/** An objection as typed on the notice board. */
	public record ObjectionForm(String name, String organisation, String phone, String content) {

		/**
		 * The same objection with the characters the free-text rule refuses left out, to
		 * show it again safely.
		 */
		public ObjectionForm shown() {
			return new ObjectionForm(NoticeBoard.shown(name), NoticeBoard.shown(organisation), NoticeBoard.shown(phone),
					NoticeBoard.shown(content, true));
		}

	}

	/** What became of an objection. */
	public enum Result {

		FILED, MERGED, NOT_OPEN, PHONE_LIMIT_REACHED, ADDRESS_LIMIT_REACHED, REJECTED

	}

	/**
	 * The result, the Chinese message to show, and for {@link Result#REJECTED} each wrong
	 * field's message.
	 */
	public record Filing(Result result, String message, Map<String, String> errors, String receipt) {

		static final Filing NOT_OPEN = new Filing(Result.NOT_OPEN, "该项目不在公示期内，不能提交异议。", Map.of(), null);

		Filing(Result result, String message, Map<String, String> errors) {
			this(result, message, errors, null);
		}

		static Filing of(Result result, String message) {
			return new Filing(result, message, Map.of(), null);
		}

		static Filing of(Result result, String message, String receipt) {
			return new Filing(result, message, Map.of(), receipt);
		}

	}

}
