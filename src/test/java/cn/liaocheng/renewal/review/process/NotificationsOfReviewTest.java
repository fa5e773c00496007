package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.review.ReviewTaskEvent;
import cn.liaocheng.renewal.review.access.CaseCopies;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.tasks.TaskHandOvers;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.support.CountyReviewTasks;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The review's events reach the right people and nobody else: the enterprise hears of a
 * return (with the reasons and the deadline) and of the decision; a new task reaches the
 * members of its body; a transferred task its new assignee only; an urged task its
 * assignee, a delegated task the delegate, a copied case the person it was copied to.
 */
@WebIntegrationTest
class NotificationsOfReviewTest extends ReviewProcessTest {

	private final JdbcClient jdbc;

	private final IdentityService identity;

	private final TaskService tasks;

	private final TaskHandOvers handOvers;

	private final Applications applications;

	private final TaskOperations operations;

	private final CaseCopies copies;

	private final ApplicationContext events;

	@Autowired
	NotificationsOfReviewTest(ApplicationContext context, JdbcClient jdbc, IdentityService identity, TaskService tasks,
			TaskHandOvers handOvers, Applications applications, TaskOperations operations, CaseCopies copies) {
		super(context);
		this.events = context;
		this.operations = operations;
		this.copies = copies;
		this.jdbc = jdbc;
		this.identity = identity;
		this.tasks = tasks;
		this.handOvers = handOvers;
		this.applications = applications;
	}

	@Test
	void shouldTellOnlyTheEnterpriseWhyAndByWhenItsCaseWasReturned() {
		Case project = review.submitProject(7);

		review.decide(project, "Task_CountyFormalReview", "RETURN");

		List<Row> returned = rows(project, "CASE_RETURNED");
		assertThat(returned).extracting(Row::recipient).containsExactly(DemoUsers.ENTERPRISE);
		Instant deadline = review.outcomes(project).correctionDeadline();
		String shownDeadline = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
			.withZone(java.time.ZoneId.of("Asia/Shanghai"))
			.format(deadline);
		assertThat(returned.get(0).title()).contains("退回补正");
		assertThat(returned.get(0).body()).contains(ReviewFixture.opinionFor("RETURN"), shownDeadline, "重新提交");
		assertThat(returned.get(0).link()).isEqualTo("/enterprise/applications/" + project.id());
	}

	@Test
	void shouldTellTheEnterpriseTheOutcomeOnceTheDecisionIsIssued() {
		Case project = review.submitProject(7);
		assertThat(rows(project, "CASE_DECIDED")).isEmpty();

		review.passCountyReview(project);
		review.passCityReview(project);

		List<Row> decided = rows(project, "CASE_DECIDED");
		assertThat(decided).extracting(Row::recipient).containsExactly(DemoUsers.ENTERPRISE);
		assertThat(decided.get(0).body()).contains("办理结果", "《项目入库通知书》已签发");
		assertThat(rows(project, "CASE_RETURNED")).isEmpty();
	}

	@Test
	void shouldTellEveryMemberOfTheCountyBodyAndNobodyElseOfANewTask() {
		Case project = review.submitProject(7);

		List<Row> created = rows(project, "TASK_CREATED");
		List<String> members = identity.createUserQuery()
			.memberOfGroup(ReviewFixture.COUNTY_INDUSTRY)
			.list()
			.stream()
			.map(User::getId)
			.sorted()
			.toList();
		assertThat(members).contains(DemoUsers.COUNTY_REVIEWER);
		assertThat(created).extracting(Row::recipient).containsExactlyInAnyOrderElementsOf(members);
		assertThat(created).extracting(Row::recipient)
			.doesNotContain(DemoUsers.ENTERPRISE, "gx-finance", "gx-industry-lead", "lq-industry", "lc-industry");
		assertThat(created.get(0).body()).contains("县级形式审查", "冠县演示轴承制造有限公司", "请在 Tasklist 的“本部门待办”中认领办理");
		assertThat(created.get(0).link()).startsWith("/camunda/app/tasklist/default/#/?task=");

		review.passCountyReview(project);
		// The city's acceptance reaches the city industry bureau, not the county.
		assertThat(rows(project, "TASK_CREATED")).extracting(Row::recipient).contains("lc-industry");
	}

	/**
	 * A step a model gives to a person straight away (an administrator's edited model may
	 * name an assignee) is theirs: nobody is asked to claim it.
	 */
	@Test
	void shouldTellTheHolderOfANewTaskGivenToThemThatItIsTheirs() {
		Case project = review.submitProject(7);
		String taskId = "assigned-on-creation-" + System.nanoTime();
		events.publishEvent(new ReviewTaskEvent(ReviewTaskEvent.Kind.CREATED, taskId, "县级形式审查", project.id(),
				DemoUsers.COUNTY_REVIEWER, List.of(ReviewFixture.COUNTY_INDUSTRY), Instant.now().plusSeconds(86_400),
				null, null));

		assertThat(jdbc.sql("SELECT recipient_id, body FROM notification WHERE task_id = ?")
			.param(taskId)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
			.list())
			.singleElement()
			.satisfies(row -> assertThat(row).startsWith(DemoUsers.COUNTY_REVIEWER + "|")
				.contains("由您办理，见 Tasklist“我的待办”")
				.doesNotContain("认领"));
		// The task was only announced: its note leaves no to-do in the shared message
		// centre.
		jdbc.sql("DELETE FROM notification WHERE task_id = ?").param(taskId).update();
	}

	@Test
	void shouldNameTheCaseByItsReferenceNumberInTheMessageOfItsFirstTask() {
		Case project = review.submitProject(7);

		String referenceNo = review.referenceNo(project);
		assertThat(referenceNo).startsWith("XM-");
		List<Row> created = rows(project, "TASK_CREATED");
		assertThat(created).isNotEmpty()
			.allSatisfy(row -> assertThat(row.body()).startsWith("申报编号 " + referenceNo + "（").doesNotContain("null"));
	}

	@Test
	void shouldTellOnlyTheNewAssigneeOfATransferredTask() {
		new CountyReviewTasks(applications, identity, tasks).ensureColleague();
		Case project = review.submitProject(7);
		Task task = review.task(project, "Task_CountyFormalReview");
		tasks.claim(task.getId(), DemoUsers.COUNTY_REVIEWER);

		handOvers.transfer(DemoUsers.COUNTY_REVIEWER, task.getId(), CountyReviewTasks.COLLEAGUE, "本人出差，转同事办理");

		List<Row> transferred = rows(project, "TASK_TRANSFERRED");
		assertThat(transferred).extracting(Row::recipient).containsExactly(CountyReviewTasks.COLLEAGUE);
		assertThat(transferred.get(0).body()).contains("本人出差，转同事办理", "冠县工业和信息化局审核员");
	}

	@Test
	void shouldTellTheAssigneeOfAnUrgedTaskWhoUrgedItAndWhy() {
		Case project = review.submitProject(7);
		Task task = review.task(project, "Task_CountyFormalReview");
		tasks.claim(task.getId(), DemoUsers.COUNTY_REVIEWER);

		operations.urgeAsLead("gx-industry-lead", task.getId(), "企业反映已等待多日，请今日办结");

		List<Row> urged = rows(project, "TASK_URGED");
		assertThat(urged).extracting(Row::recipient).containsExactly(DemoUsers.COUNTY_REVIEWER);
		assertThat(urged.get(0).body()).contains("冠县工业和信息化局", "企业反映已等待多日，请今日办结", "县级形式审查");
	}

	@Test
	void shouldTellOnlyTheDelegateOfADelegatedTask() {
		new CountyReviewTasks(applications, identity, tasks).ensureColleague();
		Case project = review.submitProject(7);
		Task task = review.task(project, "Task_CountyFormalReview");
		tasks.claim(task.getId(), DemoUsers.COUNTY_REVIEWER);

		handOvers.delegate(DemoUsers.COUNTY_REVIEWER, task.getId(), CountyReviewTasks.COLLEAGUE, "请核对发票金额");

		List<Row> delegated = rows(project, "TASK_DELEGATED");
		assertThat(delegated).extracting(Row::recipient).containsExactly(CountyReviewTasks.COLLEAGUE);
		assertThat(delegated.get(0).body()).contains("请核对发票金额", "交还委派人");
	}

	@Test
	void shouldTellThePersonACaseWasCopiedToAndNotTheSender() {
		Case project = review.submitProject(7);
		Task task = review.task(project, "Task_CountyFormalReview");
		tasks.claim(task.getId(), DemoUsers.COUNTY_REVIEWER);

		copies.copy(DemoUsers.COUNTY_REVIEWER, task.getId(), null, "gx-finance", "涉及财政资金，请知悉");

		List<Row> copied = rows(project, "CASE_COPIED");
		assertThat(copied).extracting(Row::recipient).containsExactly("gx-finance");
		assertThat(copied.get(0).body()).contains("涉及财政资金，请知悉", "只读");
		assertThat(copied.get(0).link()).isEqualTo("/review/applications/" + project.id());
	}

	private List<Row> rows(Case c, String kind) {
		return jdbc.sql(
				"SELECT recipient_id, title, body, link FROM notification WHERE application_id = ? AND kind = ? ORDER BY id")
			.params(c.id(), kind)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	record Row(String recipient, String title, String body, String link) {
	}

}
