package cn.liaocheng.renewal.review.process;

import static cn.liaocheng.renewal.review.process.TasklistSubmission.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.notification.internal.DeadlineReminderPass;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.support.BodyTable;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * While a clawback holds a subsidy's payment, the county finance bureau may not record an
 * instalment; its open payment step is then not pressed on: not escalated when its due
 * date passes, not urged by the enterprise, not reminded as due soon, not counted as
 * overdue. Once the clawback is dropped the step is an ordinary step again.
 */
@WebIntegrationTest
class HeldPaymentStepTest extends ReviewProcessTest {

	private static final String URGE = "{\"reason\":\"拨付进度较慢，请尽快拨付\"}";

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dashboard dashboard;

	@Autowired
	WorkingDays workingDays;

	private final DeadlineReminderPass reminders;

	@Autowired
	HeldPaymentStepTest(ApplicationContext context) {
		super(context);
		this.reminders = new DeadlineReminderPass(context);
	}

	@Test
	void aPaymentHeldByAClawbackIsNotPressedOnAndIsAnOrdinaryStepOnceTheClawbackIsDropped() {
		Case claim = review.allocatedSubsidy();
		Task payment = review.task(claim, "Task_RecordPayment");
		long overdueBefore = BodyTable.overdueTasks(dashboard, "冠县财政局");
		review.acceptanceFailed(claim, "验收组认定两台设备型号与申报不符，验收不合格。");
		assertThat(followUp(payment)).as("held: no follow-up date, which 即将超期 lists from").isNull();

		// Due within the hour: not reminded as due soon, not in Tasklist's 即将超期.
		tasks.setDueDate(payment.getId(), Date.from(Instant.now().plus(1, ChronoUnit.HOURS)));
		reminders.runAt(Instant.now());
		assertThat(reminders(payment)).as("no 即将超期 for a held payment").isEmpty();
		assertThat(followUp(payment)).as("a due date moved while held gives none either").isNull();
		assertThat(dueSoon(payment)).as("the finance bureau's 即将超期").doesNotContain(payment.getId());

		// The enterprise is told why there is nothing to urge.
		HttpResponse<String> urged = as(DemoUsers.ENTERPRISE).postJson(urgePath(claim), URGE);
		assertThat(urged.statusCode()).as(urged.body()).isEqualTo(409);
		assertThat(urged.body()).contains("正在追回程序中", "暂停拨付", "无需催办");

		// Past its due date: not counted as overdue, and its timer escalates nothing.
		tasks.setDueDate(payment.getId(), Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
		assertThat(BodyTable.overdueTasks(dashboard, "冠县财政局")).as("not overdue while held").isEqualTo(overdueBefore);
		management.executeJob(overdueTimer(payment).getId());
		assertThat(groups(payment)).as("no lead added (督办)").noneMatch(g -> g.endsWith(GroupNames.LEAD_SUFFIX));
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'TASK_OVERDUE' AND link LIKE ?")
			.param("%" + payment.getId())
			.query(Long.class)
			.single()).as("nobody told it is overdue").isZero();
		assertThat(overdueTimer(payment).getDuedate()).as("looked at again later").isAfter(new Date());

		// Dropped: the step is pressed on again.
		assertThat(submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "REFUSE", "opinion", "经复核，型号差异系厂家更名所致，设备与申报一致，不予追回。"))
			.statusCode()).isIn(200, 204);
		// The bureau could not pay while it was held: its working days count again from
		// now, and its overdue timer moves with them.
		Date resumed = tasks.createTaskQuery().taskId(payment.getId()).singleResult().getDueDate();
		assertThat(resumed).as("due again some working days ahead")
			.isAfter(Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
		assertThat(overdueTimer(payment).getDuedate()).isEqualTo(resumed);
		assertThat(followUp(payment)).as("in 即将超期 again before it is due").isNotNull().isBefore(resumed);
		assertThat(BodyTable.overdueTasks(dashboard, "冠县财政局")).as("not overdue on the day it resumes")
			.isEqualTo(overdueBefore);
		assertThat(jdbc
			.sql("SELECT count(*) FROM application_event WHERE application_id = ? AND action = 'PAYMENT_STEP_RESUMED'")
			.param(claim.id())
			.query(Long.class)
			.single()).isOne();
		tasks.setDueDate(payment.getId(), Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
		assertThat(BodyTable.overdueTasks(dashboard, "冠县财政局")).isEqualTo(overdueBefore + 1);
		tasks.setDueDate(payment.getId(), Date.from(Instant.now().plus(1, ChronoUnit.HOURS)));
		reminders.runAt(Instant.now());
		assertThat(reminders(payment)).as("reminded as due soon again").isNotEmpty();
		assertThat(dueSoon(payment)).as("the finance bureau's 即将超期").contains(payment.getId());
		HttpResponse<String> again = as(DemoUsers.ENTERPRISE).postJson(urgePath(claim), URGE);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
	}

	@Test
	void aHeldStepWhoseDueDateStaysComesBackToDueSoonWhenTheClawbackIsDropped() {
		Case claim = review.allocatedSubsidy();
		Task payment = review.task(claim, "Task_RecordPayment");
		review.acceptanceFailed(claim, "验收组认定一台设备未安装到位，验收不合格。");
		Date later = Date.from(Instant.now().plus(60, ChronoUnit.DAYS));
		tasks.setDueDate(payment.getId(), later);
		assertThat(followUp(payment)).isNull();

		assertThat(submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "REFUSE", "opinion", "经复核，该设备已安装到位，验收结论有误，不予追回。"))
			.statusCode()).isIn(200, 204);

		Task resumed = tasks.createTaskQuery().taskId(payment.getId()).singleResult();
		assertThat(resumed.getDueDate()).as("a due date later than the working days kept").isEqualTo(later);
		assertThat(resumed.getFollowUpDate()).as("due soon again from two working days before it")
			.isNotNull()
			.isBefore(later);
		// The start of the day two working days before the due day, on the calendar:
		// across the Spring Festival that is up to twelve days before it.
		LocalDate dueDay = LocalDate.ofInstant(later.toInstant(), ChinaTime.ZONE);
		assertThat(resumed.getFollowUpDate().toInstant())
			.isEqualTo(workingDays.minusWorkingDays(dueDay, ReviewProcesses.DUE_SOON_WORKING_DAYS)
				.atStartOfDay(ChinaTime.ZONE)
				.toInstant());
	}

	/**
	 * Tasklist's card (and the working days asked alone) says 暂停办理 with the reason for a
	 * held payment, not 已超期, whatever its recorded due date; once the clawback is dropped
	 * the card counts working days again. (Its due date is put in the past only while it
	 * is held, when its overdue timer escalates nothing.)
	 */
	@Test
	void aHeldPaymentsCardSaysWhyItIsHeldInsteadOfOverdue() throws Exception {
		Case claim = review.allocatedSubsidy();
		Task payment = review.task(claim, "Task_RecordPayment");
		String member = memberOf(payment);
		JsonNode before = remaining(member, "cards", payment);
		assertThat(before.path("text").asText()).as(before.toString()).startsWith("剩余");
		assertThat(before.hasNonNull("held")).isFalse();

		review.acceptanceFailed(claim, "验收组认定三台设备未安装，验收不合格。");
		tasks.setDueDate(payment.getId(), Date.from(Instant.now().minus(3, ChronoUnit.DAYS)));

		for (String door : List.of("cards", "remaining-days")) {
			JsonNode held = remaining(member, door, payment);
			assertThat(held.path("overdue").asBoolean()).as(door).isFalse();
			assertThat(held.path("workingDays").asInt()).as(door).isZero();
			assertThat(held.path("text").asText()).as(door).isEqualTo("暂停办理");
			assertThat(held.path("held").asText()).as(door).contains("正在追回程序中", "暂停拨付");
		}

		assertThat(submit(as("lc-industry"), claim, "Task_DetermineClawback",
				Map.of("decision", "REFUSE", "opinion", "经复核，三台设备已安装到位，不予追回。"))
			.statusCode()).isIn(200, 204);
		// Resumed: counted again from now, some working days ahead.
		JsonNode after = remaining(member, "cards", payment);
		assertThat(after.hasNonNull("held")).as(after.toString()).isFalse();
		assertThat(after.path("overdue").asBoolean()).isFalse();
		assertThat(after.path("text").asText()).startsWith("剩余");
	}

	/** A member of the task's body, who sees it in 本部门待办. */
	private String memberOf(Task task) {
		String body = groups(task).stream().filter(g -> !g.endsWith(GroupNames.LEAD_SUFFIX)).findFirst().orElseThrow();
		return identity.createUserQuery().memberOfGroup(body).list().get(0).getId();
	}

	/**
	 * What Tasklist's list is told of the task's working days, through one of its doors.
	 */
	private JsonNode remaining(String user, String door, Task task) throws Exception {
		HttpResponse<String> answer = as(user).get("/api/review/tasks/" + door + "?ids=" + task.getId());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode list = new ObjectMapper().readTree(answer.body());
		assertThat(list).as(answer.body()).hasSize(1);
		return door.equals("cards") ? list.get(0).path("remaining") : list.get(0);
	}

	private Date followUp(Task task) {
		return tasks.createTaskQuery().taskId(task.getId()).singleResult().getFollowUpDate();
	}

	/** The tasks Tasklist's 即将超期 lists for a member of the task's body. */
	private List<String> dueSoon(Task task) {
		String body = groups(task).stream().filter(g -> !g.endsWith(GroupNames.LEAD_SUFFIX)).findFirst().orElseThrow();
		String member = identity.createUserQuery().memberOfGroup(body).list().get(0).getId();
		List<String> memberOf = identity.createGroupQuery()
			.groupMember(member)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		String filterId = filters.createTaskFilterQuery().filterName("即将超期").singleResult().getId();
		identity.setAuthentication(member, memberOf);
		try {
			List<Task> listed = filters.list(filterId);
			return listed.stream().map(Task::getId).toList();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private Job overdueTimer(Task task) {
		List<Job> timers = management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId(task.getTaskDefinitionKey())
			.timers()
			.list();
		assertThat(timers).as("the overdue timer").hasSize(1);
		return timers.get(0);
	}

	private List<String> groups(Task task) {
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter(g -> g != null)
			.toList();
	}

	private List<String> reminders(Task task) {
		return jdbc.sql("SELECT recipient_id FROM notification WHERE kind = 'TASK_DUE_SOON' AND link = ?")
			.param("/camunda/app/tasklist/default/#/?task=" + task.getId())
			.query(String.class)
			.list();
	}

	private static String urgePath(Case claim) {
		return "/api/applications/" + claim.id() + "/urge";
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

}
