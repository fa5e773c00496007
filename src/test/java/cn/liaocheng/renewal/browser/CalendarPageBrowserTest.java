package cn.liaocheng.renewal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * 节假日安排 in a real Chromium: an administrator reads the calendar the deadlines are counted
 * on, year by year, with the projected year marked, and sees a correction of the table
 * that the open deadlines have not followed yet. Nobody else reaches the page, by any
 * spelling.
 *
 * <p>
 * Screenshots: target/screenshots/admin-calendar*.
 */
@WebIntegrationTest
class CalendarPageBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorReadsTheCalendarAndSeesACorrectionStillToBeFollowed() {
		try (Browser browser = Browser.start(port)) {
			browser.logIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
			browser.open("/admin/calendar");
			assertThat(browser.waitFor(By.id("years")).getText()).contains("2025", "2026", "2027",
					"含推算数据，待按国务院办公厅通知核对");
			assertThat(browser.driver().findElement(By.cssSelector("tr.year[data-year='2026'] .covered")).getText())
				.isEqualTo("是");
			assertThat(browser.driver().findElement(By.id("year-2026")).getText()).contains("春节", "调休上班", "放假");
			assertThat(browser.driver().findElement(By.id("year-2027")).getText()).contains("本年数据为推算");
			assertThat(browser.driver().findElement(By.id("followed")).getText()).contains("更正均已处理");
			browser.fullPageScreenshot("admin-calendar");

			LocalDate day = unlistedWeekday(LocalDate.of(2027, 6, 14));
			jdbc.sql("INSERT INTO calendar_exception (calendar_date, kind, holiday_name, source)"
					+ " VALUES (?, 'HOLIDAY', '更正', 'official')")
				.params(day)
				.update();
			try {
				browser.open("/admin/calendar");
				assertThat(browser.waitFor(By.id("pending")).getText())
					.contains(day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日", "只顺延、不缩短");
				browser.screenshot("admin-calendar-pending");
			}
			finally {
				jdbc.sql("DELETE FROM calendar_exception WHERE calendar_date = ?").params(day).update();
			}
		}
	}

	@Test
	void nobodyElseReachesThePage() {
		for (String user : List.of(DemoUsers.COUNTY_REVIEWER, "lc-industry", DemoUsers.ENTERPRISE)) {
			WebClient client = new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
			for (String path : List.of("/admin/calendar", "/admin/calendar/", "/ADMIN/calendar", "/admin//calendar",
					"/admin/./calendar", "/admin/calendar;x=1", "/admin/%63alendar")) {
				assertThat(client.get(path).statusCode()).as("%s %s", user, path).isIn(400, 403, 404);
			}
		}
		assertThat(new WebClient(port).get("/admin/calendar").statusCode()).as("anonymous").isIn(302, 401);
		assertThat(new WebClient(port).withBasic(DemoUsers.ADMIN, DemoUsers.PASSWORD).get("/admin/calendar").body())
			.contains("节假日安排", "calendar_exception");
	}

	private LocalDate unlistedWeekday(LocalDate from) {
		LocalDate day = from;
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
				|| jdbc.sql("SELECT COUNT(*) FROM calendar_exception WHERE calendar_date = ?")
					.params(day)
					.query(Integer.class)
					.single() > 0) {
			day = day.plusDays(1);
		}
		return day;
	}

}
