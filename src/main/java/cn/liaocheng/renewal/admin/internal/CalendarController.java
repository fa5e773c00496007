package cn.liaocheng.renewal.admin.internal;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.liaocheng.renewal.calendar.CalendarCorrection;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.DeadlineCalendar;

/**
 * Administrators read the working-day calendar as every node will count on it (the
 * holidays and make-up working days of {@code calendar_exception}, year by year, which
 * years are covered and which are projected), and whether a correction is still to be
 * followed by the open deadlines. Only they reach /admin/**. The calendar is corrected in
 * the table itself (docs/operations.md, "Working-day calendar").
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarController {

	private final DeadlineCalendar calendar;

	CalendarController(DeadlineCalendar calendar) {
		this.calendar = calendar;
	}

	/** A year of the table: whether deadlines may be counted into it, and its days. */
	record Year(int year, boolean covered, boolean projected, long holidays, long workdays, List<Day> days) {
	}

	/** A listed day as the page shows it. */
	record Day(String date, String weekday, String kind, String name, String source, boolean holiday) {
	}

	@GetMapping
	String show(Model model) {
		DeadlineCalendar.Listed listed = calendar.listed();
		Map<Integer, List<DeadlineCalendar.ListedDay>> byYear = listed.days()
			.stream()
			.collect(Collectors.groupingBy(d -> d.date().getYear(), TreeMap::new, Collectors.toList()));
		List<Year> years = byYear.entrySet()
			.stream()
			.map(e -> new Year(e.getKey(), listed.coveredYears().contains(e.getKey()),
					e.getValue().stream().anyMatch(DeadlineCalendar.ListedDay::projected),
					e.getValue().stream().filter(DeadlineCalendar.ListedDay::holiday).count(),
					e.getValue().stream().filter(d -> !d.holiday()).count(),
					e.getValue().stream().map(CalendarController::day).toList()))
			.toList();
		model.addAttribute("years", years);
		Optional<CalendarCorrection> pending = calendar.pending();
		model.addAttribute("pending", pending.isPresent());
		model.addAttribute("changedDays",
				pending.map(c -> c.changedDays().stream().map(ChinaTime::day).collect(Collectors.joining("、")))
					.orElse(""));
		return "admin/calendar";
	}

	private static Day day(DeadlineCalendar.ListedDay d) {
		return new Day(d.date().toString(), d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA),
				d.holiday() ? "放假" : "调休上班", d.name(), d.projected() ? "推算，待核对" : "国务院办公厅通知", d.holiday());
	}

}
