package cn.liaocheng.renewal.batch.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.batch.ApplicationWindow;
import cn.liaocheng.renewal.batch.WindowForm;
import cn.liaocheng.renewal.batch.WindowInvalidException;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.security.PlainText;

/**
 * What a window must be, and what the gate answers outside every window: rules with no
 * database and no clock.
 */
final class WindowRules {

	static final int FIRST_YEAR = 2024;

	static final int LAST_YEAR = 2100;

	private WindowRules() {
	}

	/** A window as it is saved. */
	record Window(int year, ApplicationKind kind, Instant opensAt, Instant closesAt, String noticeTitle,
			String noticeText, String documentNo) {
	}

	/** Reads what the bureau typed; every field's problem at once, or the window. */
	static Window parse(WindowForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		Integer year = year(form.year(), problems);
		ApplicationKind kind = kind(form.kind(), problems);
		Instant opens = time("opensAt", "开始时间", form.opensAt(), problems);
		Instant closes = time("closesAt", "截止时间", form.closesAt(), problems);
		if (opens != null && closes != null && !closes.isAfter(opens)) {
			problems.add(new FieldProblem("closesAt", "截止时间须晚于开始时间"));
		}
		if (year != null && opens != null) {
			int opensYear = opens.atZone(ApplicationWindow.BEIJING).getYear();
			if (opensYear != year && opensYear != year - 1) {
				problems.add(new FieldProblem("opensAt", "开始时间须在" + (year - 1) + "年或" + year + "年内（" + year + "年度批次）"));
			}
		}
		String title = text("noticeTitle", "通知标题", form.noticeTitle(), 200, true, false, problems);
		String body = text("noticeText", "通知正文", form.noticeText(), 4000, true, true, problems);
		String documentNo = text("documentNo", "文号", form.documentNo(), 100, false, false, problems);
		if (!problems.isEmpty()) {
			throw new WindowInvalidException(problems);
		}
		return new Window(year, kind, opens, closes, title, body, documentNo);
	}

	/**
	 * The window of the same kind that {@code candidate} would overlap, other than the
	 * one being changed.
	 */
	static Optional<ApplicationWindow> overlapping(Window candidate, List<ApplicationWindow> sameKind, Long changedId) {
		return sameKind.stream()
			.filter(w -> changedId == null || w.id() != changedId)
			.filter(w -> candidate.opensAt().isBefore(w.closesAt()) && w.opensAt().isBefore(candidate.closesAt()))
			.findFirst();
	}

	static FieldProblem overlapProblem(ApplicationWindow other) {
		return new FieldProblem("opensAt", "与已有的申报批次“" + other.noticeTitle() + "”（" + other.batchName() + "，"
				+ other.period() + "）时间重叠：同一类申请同一时间只能有一个申报批次，请调整开始或截止时间");
	}

	/** The window of {@code kind} open at {@code now}, if any. */
	static Optional<ApplicationWindow> openAt(List<ApplicationWindow> sameKind, Instant now) {
		return sameKind.stream().filter(w -> w.openAt(now)).findFirst();
	}

	/**
	 * The refusal of a first submission at {@code now}, when no window of its kind is
	 * open.
	 */
	static String refusal(ApplicationKind kind, List<ApplicationWindow> sameKind, Instant now) {
		String refused = "当前不在" + kind.label() + "的申报期内，暂不能提交（草稿已保存，可以继续修改）。";
		return sameKind.stream()
			.filter(w -> w.opensAt().isAfter(now))
			.min(Comparator.comparing(ApplicationWindow::opensAt))
			.map(next -> refused + "下一批次：" + next.batchName() + "“" + next.noticeTitle() + "”，申报时间 " + next.period()
					+ "，请在此期间提交。")
			.orElse(refused + "市工业和信息化局尚未公布下一批次的申报时间，请关注首页的申报通知。");
	}

	private static Integer year(String text, List<FieldProblem> problems) {
		try {
			int year = Integer.parseInt(text == null ? "" : text.strip());
			if (year >= FIRST_YEAR && year <= LAST_YEAR) {
				return year;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		problems.add(new FieldProblem("year", "请填写批次年度（" + FIRST_YEAR + "–" + LAST_YEAR + " 之间的四位数字）"));
		return null;
	}

	private static ApplicationKind kind(String text, List<FieldProblem> problems) {
		for (ApplicationKind kind : ApplicationKind.values()) {
			if (kind.name().equals(text == null ? null : text.strip())) {
				return kind;
			}
		}
		problems.add(new FieldProblem("kind", "请选择申报类别：项目入库、奖补资金或设备更新贷款"));
		return null;
	}

	/**
	 * Beijing time as typed ({@code 2027-03-01T09:00}, seconds optional, a space instead
	 * of T), or with an offset.
	 */
	private static Instant time(String field, String label, String text, List<FieldProblem> problems) {
		String value = text == null ? "" : text.strip().replace(' ', 'T');
		if (value.isEmpty()) {
			problems.add(new FieldProblem(field, "请填写" + label));
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(value).atZone(ChinaTime.ZONE).toInstant();
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem(field, label + "格式不正确，应为“2027-03-01T09:00”（北京时间）"));
				return null;
			}
		}
	}

	private static String text(String field, String label, String text, int max, boolean required, boolean multiLine,
			List<FieldProblem> problems) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			if (required) {
				problems.add(new FieldProblem(field, "请填写" + label));
			}
			return null;
		}
		if (value.length() > max) {
			problems.add(new FieldProblem(field, label + "不能超过 " + max + " 个字"));
			return null;
		}
		Optional<String> problem = PlainText.problem(value, multiLine);
		if (problem.isPresent()) {
			problems.add(new FieldProblem(field, label + problem.get()));
			return null;
		}
		return value;
	}

}
