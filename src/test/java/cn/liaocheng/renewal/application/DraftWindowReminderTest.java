package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.batch.UnsubmittedDrafts;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.notification.internal.DeadlineReminderPass;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An enterprise is reminded of a draft it has not submitted from two working days before
 * the window of its kind closes, once per window close; not before, not for a draft
 * submitted or deleted, and again when the bureau moves the close. The window lies in a
 * year of its own far ahead, and the reminders are run at moments in it.
 */
@WebIntegrationTest
class DraftWindowReminderTest {

	private static final int YEAR = LocalDate.now().getYear() + 60;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	@Test
	void aDraftIsRemindedOfOnceBeforeItsWindowClosesAndAgainWhenTheCloseIsMoved() throws Exception {
		WebClient bureau = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD);
		HttpResponse<String> opened = bureau.postJson("/api/batches/windows", window("03-31T17:00"));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		long window = ApplicationApi.json(opened).get("id").asLong();
		ApplicationApi enterprise = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
		long draft = enterprise.submittableProject();
		long deleted = enterprise.submittableProject();
		assertThat(enterprise.delete(deleted).statusCode()).isEqualTo(204);
		DeadlineReminderPass reminders = new DeadlineReminderPass(context);

		Instant from = remindedFrom(LocalDate.of(YEAR, 3, 31));
		reminders.runAt(from.minusSeconds(60));
		assertThat(reminded(draft)).isEmpty();

		reminders.runAt(from.plusSeconds(60));
		reminders.runAt(from.plusSeconds(3600));
		assertThat(reminded(draft)).singleElement().satisfies(note -> {
			assertThat(note).contains("申报草稿尚未提交", YEAR + "年3月31日 17:00", "项目入库申请", "截止后不能提交，须等待下一批次",
					"/enterprise/applications/" + draft);
		});
		assertThat(reminded(deleted)).isEmpty();

		// The bureau gives a month more: the new close is reminded of in its turn.
		String moved = window("04-30T17:00").replace("{", "{\"version\": 0, ");
		assertThat(bureau.putJson("/api/batches/windows/" + window, moved).statusCode()).isEqualTo(200);
		reminders.runAt(from.plusSeconds(7200));
		assertThat(reminded(draft)).hasSize(1);
		reminders.runAt(remindedFrom(LocalDate.of(YEAR, 4, 30)).plusSeconds(60));
		assertThat(reminded(draft)).hasSize(2).last().asString().contains(YEAR + "年4月30日 17:00");

		// Not once the window has closed: the draft is no longer among those to remind.
		assertThat(context.getBean(UnsubmittedDrafts.class).closingBy(at("04-30T17:01"), at("05-31T00:00")))
			.noneMatch(d -> d.applicationId() == draft);
		assertThat(context.getBean(UnsubmittedDrafts.class).closingBy(at("04-29T08:00"), at("05-31T00:00")))
			.anyMatch(d -> d.applicationId() == draft);
		enterprise.delete(draft);
	}

	private List<String> reminded(long applicationId) {
		return jdbc.sql("""
				SELECT n.title || ' ' || n.body || ' ' || n.link FROM notification n
				WHERE n.application_id = ? AND n.kind = 'DRAFT_UNSUBMITTED' AND n.recipient_id = ? ORDER BY n.id""")
			.param(applicationId)
			.param(DemoUsers.ENTERPRISE)
			.query(String.class)
			.list();
	}

	/**
	 * The start of the day two working days before {@code lastDay}, as reminders count.
	 */
	private Instant remindedFrom(LocalDate lastDay) {
		return workingDays.minusWorkingDaysAtEarliest(lastDay, ReviewProcesses.DUE_SOON_WORKING_DAYS)
			.atStartOfDay(ChinaTime.ZONE)
			.toInstant();
	}

	private static Instant at(String monthDayTime) {
		return OffsetDateTime.parse(YEAR + "-" + monthDayTime + ":00+08:00").toInstant();
	}

	private static String window(String closes) {
		return """
				{"year": %d, "kind": "PROJECT", "opensAt": "%d-03-01T09:00", "closesAt": "%d-%s",
				 "noticeTitle": "%d年度项目入库申报通知", "noticeText": "申报范围、条件和材料要求。", "documentNo": "聊工信字〔%d〕9号"}"""
			.formatted(YEAR, YEAR, YEAR, closes, YEAR, YEAR);
	}

}
