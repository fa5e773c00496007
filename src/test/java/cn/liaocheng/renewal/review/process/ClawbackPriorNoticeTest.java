package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.notification.internal.DeadlineReminderPass;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OpenTransaction;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Before a clawback decision the enterprise is told the intended decision, its facts and
 * grounds, and its right to state and defend within five working days (事先告知); the
 * decision follows the period's end, an express waiver, or the city industry bureau's
 * ruling on the statement, says which as the record shows it, and is not signed when the
 * record holds none of them. An adopted statement returns the case to a determination
 * that may not be heavier than the notice.
 */
@WebIntegrationTest
class ClawbackPriorNoticeTest extends ReviewProcessTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	private static final String STATEMENT = "我单位已于2026年10月将两台数控磨床安装到位，因电力增容延误未能在验收时投产，现已投产运行，附电力增容批复和设备运行记录。";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	WorkingDays workingDays;

	private final ApplicationContext context;

	@Autowired
	ClawbackPriorNoticeTest(ApplicationContext context) {
		super(context);
		this.context = context;
	}

	@Test
	void shouldIssueTheDecisionOnlyAfterTheStatementPeriodEndsWithNoStatement() {
		Case claim = confirmedClawback("37000");

		// The notice is given, not the decision: the enterprise reads it in full with
		// the last day of its period, five working days on, and is told.
		assertThat(status(claim)).isEqualTo("NOTIFIED");
		assertThat(review.allDecisions(claim)).doesNotContain(DecisionType.CLAWBACK_DECIDED);
		JsonNode notice = json(enterprise().get("/api/applications/" + claim.id() + "/clawback/notice").body());
		LocalDate lastDay = workingDays.plusWorkingDays(TODAY, 5);
		String lastDayText = lastDay.getYear() + "年" + lastDay.getMonthValue() + "月" + lastDay.getDayOfMonth() + "日";
		assertThat(notice.get("lastDay").asText()).isEqualTo(lastDay.toString());
		assertThat(notice.get("open").asBoolean()).isTrue();
		assertThat(notice.get("body").asText())
			.contains("奖补资金追回事项事先告知书", "经查明：经审计发现，该项目发票号", "本机关拟作出如下决定", "追回你单位该项目设备更新奖补资金人民币37,000.00元", "有权进行陈述和申辩",
					lastDayText + "（含当日）前", "不因你单位陈述、申辩而作出更重的决定")
			.doesNotContain("负面清单");
		assertThat(notified(claim)).anySatisfy(n -> assertThat(n).startsWith("追回事先告知：").contains(lastDayText));
		assertThat(enterprise().get("/enterprise/applications/" + claim.id()).body()).contains("事先告知书",
				"id=\"clawback-statement\"", "id=\"clawback-waiver\"", lastDayText);
		assertThat(
				as(DemoUsers.OTHER_ENTERPRISE).get("/api/applications/" + claim.id() + "/clawback/notice").statusCode())
			.isEqualTo(404);

		// The period ended, the timer not yet fired: too late all the same.
		jdbc.sql(
				"UPDATE clawback_notice SET ends_at = ? WHERE clawback_id = (SELECT id FROM clawback WHERE application_id = ?)")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), claim.id())
			.update();
		HttpResponse<String> late = enterprise().postJson("/api/applications/" + claim.id() + "/clawback/statement",
				statement(STATEMENT));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("陈述、申辩期限已于", "届满，不能再提交");
		assertThat(review.tasks(claim, "Task_ReviewStatement")).isEmpty();

		review.fireTimer(claim, ReviewFixture.STATEMENT_PERIOD_OVER);
		String text = review.issued(claim, DecisionType.CLAWBACK_DECIDED).text();
		assertThat(text).contains("奖补资金追回事项事先告知书", notice.get("number").asText(), "你单位在规定期限内未提出陈述、申辩")
			.doesNotContain("放弃陈述", "经复核");
	}

	/**
	 * Facts of nearly the 4,000 characters allowed make a notice longer than the engine
	 * keeps in a text variable: the notice is issued all the same, whole on its page and
	 * to the enterprise, and the review form shows its beginning and where to read it.
	 */
	@Test
	void shouldIssueANoticeLongerThanTheEngineKeepsInAVariable() {
		String facts = "经审计发现，" + "该项目设备购置合同与发票记载不一致，".repeat(216) + "设备实际未购置。";
		assertThat(facts.length()).isLessThanOrEqualTo(4000);
		Case claim = determinedClawback("37000", facts);
		confirm(claim);
		review.runJobs(claim);

		assertThat(status(claim)).isEqualTo("NOTIFIED");
		String body = json(enterprise().get("/api/applications/" + claim.id() + "/clawback/notice").body()).get("body")
			.asText();
		assertThat(body).hasSizeGreaterThan(4000).contains(facts, "本机关拟作出如下决定");
		assertThat(as("lc-industry").get("/clawbacks/" + claim.id()).body()).contains(facts);
		assertThat(runtime.createVariableInstanceQuery().variableName("priorNoticeText").list())
			.filteredOn(v -> String.valueOf(v.getValue()).contains("/clawbacks/" + claim.id() + " "))
			.singleElement()
			.satisfies(v -> assertThat(String.valueOf(v.getValue())).hasSizeLessThanOrEqualTo(3000)
				.startsWith(body.substring(0, 100))
				.endsWith("（告知书全文较长，请在追回页面 /clawbacks/" + claim.id() + " 查看全文）"));
	}

	/**
	 * The enterprise is reminded of its statement period two working days before its last
	 * day, once, and not once it has answered.
	 */
	@Test
	void shouldRemindTheEnterpriseOfItsStatementPeriodUntilItAnswers() {
		Case claim = confirmedClawback("37000");
		LocalDate lastDay = jdbc.sql(
				"SELECT n.last_day FROM clawback_notice n JOIN clawback c ON c.id = n.clawback_id WHERE c.application_id = ?")
			.param(claim.id())
			.query(LocalDate.class)
			.single();
		DeadlineReminderPass reminders = new DeadlineReminderPass(context);
		Instant onTheLastDay = lastDay.atStartOfDay(ChinaTime.ZONE).toInstant();

		reminders.runAt(onTheLastDay);
		reminders.runAt(onTheLastDay.plusSeconds(60));

		assertThat(statementReminders(claim)).singleElement()
			.asString()
			.startsWith("陈述、申辩期限即将届满：" + review.referenceNo(claim))
			.contains("奖补资金追回事先告知书", "（含当日）", "“奖补资金追回”一栏", "期满未提交的，将依告知的内容作出决定");

		Case answered = confirmedClawback("37000");
		assertThat(enterprise().postJson("/api/applications/" + answered.id() + "/clawback/waiver", "{}").statusCode())
			.isEqualTo(200);
		reminders.runAt(onTheLastDay.plusSeconds(120));
		assertThat(statementReminders(answered)).as("answered: nothing to remind of").isEmpty();
	}

	/**
	 * A statement period answered while the reminders are being written is not reminded
	 * of: the reminder waits for the answer (both hold the clawback's row, as the
	 * enterprise's answer does) and finds the period answered.
	 */
	@Test
	void shouldNotRemindOfAStatementPeriodAnsweredWhileTheRemindersAreWritten() throws Exception {
		Case claim = confirmedClawback("37000");
		LocalDate lastDay = jdbc.sql(
				"SELECT n.last_day FROM clawback_notice n JOIN clawback c ON c.id = n.clawback_id WHERE c.application_id = ?")
			.param(claim.id())
			.query(LocalDate.class)
			.single();

		whileAnotherTransactionHoldsTheClawback(claim,
				() -> jdbc.sql("""
						UPDATE clawback_notice SET answer = 'WAIVED', answered_by = ?, answered_at = ?
						WHERE clawback_id = (SELECT id FROM clawback WHERE application_id = ?)""")
					.params(DemoUsers.ENTERPRISE, Timestamp.from(Instant.now()), claim.id())
					.update(),
				lastDay.atStartOfDay(ChinaTime.ZONE).toInstant());

		assertThat(statementReminders(claim)).as("answered meanwhile: nothing to remind of").isEmpty();
	}

	/**
	 * The reminder of a repayment states what is still owed as it stands when the
	 * reminder is written: a clawback settled meanwhile is not reminded of, and one whose
	 * repayment was recorded meanwhile is reminded in the next run, naming it.
	 */
	@Test
	void shouldRemindOfARepaymentAsItStandsWhenTheReminderIsWritten() throws Exception {
		LocalDate deadline = TODAY.plusDays(10);
		Instant remindFrom = workingDays.minusWorkingDays(deadline, ReviewProcesses.DUE_SOON_WORKING_DAYS)
			.atStartOfDay(ChinaTime.ZONE)
			.toInstant();
		Case settled = decidedClawback(deadline);
		whileAnotherTransactionHoldsTheClawback(settled,
				() -> jdbc.sql("UPDATE clawback SET repaid = amount WHERE application_id = ?")
					.param(settled.id())
					.update(),
				remindFrom.plusSeconds(60));
		assertThat(repaymentReminders(settled)).as("settled meanwhile: nothing to remind of").isEmpty();

		Case recorded = decidedClawback(deadline);
		whileAnotherTransactionHoldsTheClawback(recorded,
				() -> jdbc
					.sql("""
							INSERT INTO clawback_repayment (clawback_id, paid_on, amount, voucher_no, recorded_by, recorded_at, state)
							SELECT id, CURRENT_DATE, 40000.00, 'JK-RACE', 'gx-finance', CURRENT_TIMESTAMP, 'PENDING'
							FROM clawback WHERE application_id = ?""")
					.param(recorded.id())
					.update(),
				remindFrom.plusSeconds(120));
		assertThat(repaymentReminders(recorded)).as("the amounts read before the repayment are not sent").isEmpty();
		new DeadlineReminderPass(context).runAt(remindFrom.plusSeconds(180));
		assertThat(repaymentReminders(recorded)).singleElement()
			.asString()
			.contains("尚有 100,000.00 元", "其中已登记缴款 40,000.00 元，正待县级财政部门复核");
	}

	/**
	 * Runs {@code change} in another transaction that holds the clawback's row, as every
	 * change of a clawback does, and writes the reminders due at {@code at} while it is
	 * open; asserts that they wait for it, then commits it.
	 */
	private void whileAnotherTransactionHoldsTheClawback(Case claim, Runnable change, Instant at) throws Exception {
		DeadlineReminderPass reminders = new DeadlineReminderPass(context);
		try (OpenTransaction<Void> changing = OpenTransaction.begin(context.getBean(PlatformTransactionManager.class),
				() -> {
					jdbc.sql("SELECT id FROM clawback WHERE application_id = ? FOR UPDATE")
						.param(claim.id())
						.query()
						.listOfRows();
					change.run();
				})) {
			Future<Integer> reminding = changing.meanwhile(() -> reminders.runAt(at));
			assertThat(changing.stillWaiting(reminding)).as("the reminder waits for the change").isTrue();
			changing.commit();
			OpenTransaction.outcome(reminding);
		}
	}

	/**
	 * A clawback of 100,000 yuan decided on a submitted project, due on {@code deadline},
	 * nothing repaid.
	 */
	private Case decidedClawback(LocalDate deadline) {
		Case claim = review.submitProject(7);
		jdbc.sql(
				"""
						INSERT INTO clawback (application_id, enterprise_id, division_code, reference_no, enterprise_name, credit_code,
						    project_name, allocated, cause, facts, started_by, started_at, status, amount, deadline, decision_number, repaid)
						SELECT a.id, a.enterprise_id, a.division_code, a.reference_no, '企业', '91371525MA3CB7K21F', '提醒测试项目',
						       450000.00, 'ACCEPTANCE_FAILED', '验收不合格', 'lc-industry', ?, 'DECIDED', 100000.00, ?,
						       '聊工信审〔2026〕991号', 0
						FROM application a WHERE a.id = ?""")
			.params(Timestamp.from(Instant.now()), java.sql.Date.valueOf(deadline), claim.id())
			.update();
		return claim;
	}

	private List<String> repaymentReminders(Case claim) {
		return jdbc.sql("SELECT body FROM notification WHERE application_id = ? AND kind = 'REPAYMENT_DUE'")
			.param(claim.id())
			.query(String.class)
			.list();
	}

	private List<String> statementReminders(Case claim) {
		return jdbc
			.sql("SELECT title || ' ' || body FROM notification WHERE application_id = ? AND kind = 'STATEMENT_DUE'")
			.param(claim.id())
			.query(String.class)
			.list();
	}

	@Test
	void shouldIssueTheDecisionOnAnExpressWaiverAndSayWhen() {
		Case claim = confirmedClawback("37000");
		String waiver = "/api/applications/" + claim.id() + "/clawback/waiver";

		assertThat(enterprise().postJson(waiver, "{\"reason\":\"无异议\"}").body()).contains("不允许的字段", "reason");
		assertThat(as(DemoUsers.OTHER_ENTERPRISE).postJson(waiver, "{}").statusCode()).isEqualTo(404);
		assertThat(as("lc-industry").postJson(waiver, "{}").statusCode()).isIn(403, 404);
		assertThat(status(claim)).isEqualTo("NOTIFIED");

		HttpResponse<String> waived = enterprise().postJson(waiver, "{}");
		assertThat(waived.statusCode()).as(waived.body()).isEqualTo(200);
		assertThat(json(waived.body()).get("answer").asText()).isEqualTo("已放弃陈述、申辩");
		HttpResponse<String> again = enterprise().postJson(waiver, "{}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("表示放弃陈述、申辩，不能重复提交");
		HttpResponse<String> stateAfter = enterprise()
			.postJson("/api/applications/" + claim.id() + "/clawback/statement", statement(STATEMENT));
		assertThat(stateAfter.statusCode()).isEqualTo(409);

		review.runJobs(claim);
		assertThat(review.issued(claim, DecisionType.CLAWBACK_DECIDED).text())
			.contains("你单位于" + TODAY.getYear() + "年" + TODAY.getMonthValue() + "月" + TODAY.getDayOfMonth()
					+ "日明确表示放弃陈述、申辩")
			.doesNotContain("未提出陈述、申辩");
	}

	@Test
	void shouldStateTheStatementAndTheReasonsForNotAdoptingItInTheDecision() {
		Case claim = confirmedClawback("37000");
		String path = "/api/applications/" + claim.id() + "/clawback/statement";

		assertThat(enterprise().postJson(path, "{\"statement\":\"" + STATEMENT + "\",\"ruling\":\"ADOPTED\"}").body())
			.contains("不允许的字段", "ruling");
		assertThat(enterprise().postJson(path, statement("不服。")).body()).contains("10 至 2000 字");
		assertThat(enterprise().postJson(path, statement("很".repeat(2001))).statusCode()).isEqualTo(400);
		assertThat(as(DemoUsers.OTHER_ENTERPRISE).postJson(path, statement(STATEMENT)).statusCode()).isEqualTo(404);
		assertThat(review.tasks(claim, "Task_ReviewStatement")).isEmpty();

		// Through the portal's form, with its CSRF token; a post without it is refused.
		WebClient portal = new WebClient(port);
		portal.login(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		String page = portal.get("/enterprise/applications/" + claim.id()).body();
		assertThat(portal
			.postForm("/enterprise/applications/" + claim.id() + "/clawback/statement", "statement=" + enc(STATEMENT))
			.statusCode()).isEqualTo(403);
		// The form warns that it is sent once; a refused statement comes back in the
		// clawback section, in the form, as typed.
		assertThat(page).contains("onsubmit=\"return confirm('陈述、申辩意见只能提交一次，提交后不能修改或补充。确定提交吗？');\"");
		String tooShort = "不服，\n证据另附。";
		assertThat(portal
			.postForm("/enterprise/applications/" + claim.id() + "/clawback/statement",
					"statement=" + enc(tooShort) + "&_csrf=" + enc(WebClient.csrfTokenOf(page)))
			.statusCode()).isEqualTo(302);
		page = portal.get("/enterprise/applications/" + claim.id()).body();
		String section = page.substring(page.indexOf("id=\"clawback\""));
		assertThat(section.substring(0, section.indexOf("id=\"clawback-statement\""))).contains("id=\"clawback-error\"",
				"10 至 2000 字", "您填写的意见已保留在下方");
		assertThat(section).contains(">" + tooShort + "</textarea>");
		assertThat(page.substring(0, page.indexOf("id=\"clawback\""))).doesNotContain("10 至 2000 字");
		HttpResponse<String> stated = portal.postForm("/enterprise/applications/" + claim.id() + "/clawback/statement",
				"statement=" + enc(STATEMENT) + "&_csrf=" + enc(WebClient.csrfTokenOf(page)));
		assertThat(stated.statusCode()).isEqualTo(302);
		assertThat(status(claim)).isEqualTo("NOTIFIED");
		HttpResponse<String> twice = enterprise().postJson(path, statement(STATEMENT + "补充。"));
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("提出陈述、申辩，不能重复提交");

		// The bodies read the notice and the statement on the clawback's page.
		assertThat(as("gx-finance").get("/clawbacks/" + claim.id()).body()).contains("id=\"prior-notice\"", "已提出陈述、申辩",
				"现已投产运行");

		// Only the city industry bureau rules on it.
		assertThat(openTasks(as("gx-finance"), claim, "Task_ReviewStatement")).isEmpty();
		assertThat(openTasks(as("lq-industry"), claim, "Task_ReviewStatement")).isEmpty();
		JsonNode open = openTasks(as("lc-industry"), claim, "Task_ReviewStatement");
		assertThat(open).hasSize(1);
		String taskId = open.get(0).get("id").asText();
		assertThat(as("gx-finance")
			.postJson("/engine-rest/task/" + taskId + "/submit-form",
					"{\"variables\":{\"decision\":{\"value\":\"REFUSE\"},\"opinion\":{\"value\":\"理由不成立，不予采纳。\"}}}")
			.statusCode()).isNotIn(200, 204);
		assertThat(
				submit(as("lc-industry"), claim, "Task_ReviewStatement", Map.of("decision", "REFUSE", "opinion", "太短。"))
					.body())
			.contains("请写明复核的理由");
		HttpResponse<String> ruled = submit(as("lc-industry"), claim, "Task_ReviewStatement",
				Map.of("decision", "REFUSE", "opinion", "验收时两台设备未投产属实，验收后投产不改变验收不合格的结论，所附运行记录晚于验收日期"));
		assertThat(ruled.statusCode()).as(ruled.body()).isIn(200, 204);
		review.runJobs(claim);

		String text = review.issued(claim, DecisionType.CLAWBACK_DECIDED).text();
		assertThat(text).contains("提出陈述、申辩，称：“" + STATEMENT + "”", "经复核，验收时两台设备未投产属实", "所附运行记录晚于验收日期。",
				"本机关对你单位的陈述、申辩意见不予采纳", "追回你单位该项目设备更新奖补资金人民币37,000.00元");
	}

	@Test
	void shouldReturnAnAdoptedStatementToADeterminationNoHeavierThanTheNotice() {
		Case claim = confirmedClawback("30000");
		assertThat(
				enterprise().postJson("/api/applications/" + claim.id() + "/clawback/statement", statement(STATEMENT))
					.statusCode())
			.isEqualTo(200);
		assertThat(submit(as("lc-industry"), claim, "Task_ReviewStatement",
				Map.of("decision", "APPROVE", "opinion", "企业所述电力增容延误属实，部分采纳，按一台设备重新核定。"))
			.statusCode()).isIn(200, 204);
		assertThat(status(claim)).isEqualTo("DETERMINING");
		assertThat(review.tasks(claim, "Task_DetermineClawback")).hasSize(1);

		// Heavier than the notice: refused, server-side, whatever the form allowed.
		assertThat(determine(claim, 30000.01, TODAY.plusDays(30), false, null).body())
			.contains("重新核定的追回金额不得高于已告知的 30,000.00 元");
		assertThat(determine(claim, 20000, TODAY.plusDays(30), true, 12).body()).contains("重新核定不得列入");
		assertThat(determine(claim, 20000, TODAY.plusDays(20), false, null).body()).contains("缴回期限不得短于已告知的自核定之日起 30 日");
		HttpResponse<String> lighter = determine(claim, 15000, TODAY.plusDays(30), false, null);
		assertThat(lighter.statusCode()).as(lighter.body()).isIn(200, 204);
		confirm(claim);
		review.runJobs(claim);

		// A new notice of the new determination, with a period of its own.
		JsonNode second = json(enterprise().get("/api/applications/" + claim.id() + "/clawback/notice").body());
		assertThat(second.get("number").asText()).endsWith("-2号");
		assertThat(second.get("open").asBoolean()).isTrue();
		assertThat(second.get("body").asText()).contains("人民币15,000.00元").doesNotContain("30,000.00");
		assertThat(enterprise().postJson("/api/applications/" + claim.id() + "/clawback/waiver", "{}").statusCode())
			.isEqualTo(200);
		review.runJobs(claim);
		String text = review.issued(claim, DecisionType.CLAWBACK_DECIDED).text();
		assertThat(text).contains("追回你单位该项目设备更新奖补资金人民币15,000.00元", second.get("number").asText(), "明确表示放弃陈述、申辩");
		// The whole hearing, not only its last round: the first notice, the statement,
		// and the ruling that adopted it, before the notice in force.
		String first = second.get("number").asText().replace("-2号", "-1号");
		assertThat(text).contains("（" + first + "），拟追回人民币30,000.00元；你单位于", "提出陈述、申辩，称：“" + STATEMENT + "”",
				"经复核，企业所述电力增容延误属实，部分采纳，按一台设备重新核定。本机关据此重新核定了追回事项。本机关于");
		assertThat(text.indexOf(first)).isLessThan(text.indexOf(second.get("number").asText()));
	}

	@Test
	void shouldSignNothingWhenTheTokenIsMovedPastTheNoticeOrBeforeThePeriodEnds() {
		Case unnotified = confirmedClawbackAwaitingNotice();
		String instance = clawbackInstance(unnotified);
		runtime.createProcessInstanceModification(instance)
			.cancelAllForActivity("Task_IssuePriorNotice")
			.startBeforeActivity("Task_IssueClawbackDecision")
			.execute();
		assertThatThrownBy(() -> review.runJobs(unnotified)).hasMessageContaining("审核记录不支持")
			.hasMessageContaining("没有就现行核定的追回事项向企业送达事先告知书");
		assertThat(review.allDecisions(unnotified)).doesNotContain(DecisionType.CLAWBACK_DECIDED);

		Case waiting = confirmedClawback("37000");
		runtime.createProcessInstanceModification(clawbackInstance(waiting))
			.cancelAllForActivity("Gateway_StatementOrPeriod")
			.startBeforeActivity("Task_IssueClawbackDecision")
			.execute();
		assertThatThrownBy(() -> review.runJobs(waiting)).hasMessageContaining("陈述、申辩期限尚未届满");
		assertThat(review.allDecisions(waiting)).doesNotContain(DecisionType.CLAWBACK_DECIDED);

		// A statement ruled on by nobody: moved from the review task to the issuer.
		Case stated = confirmedClawback("37000");
		assertThat(
				enterprise().postJson("/api/applications/" + stated.id() + "/clawback/statement", statement(STATEMENT))
					.statusCode())
			.isEqualTo(200);
		runtime.createProcessInstanceModification(clawbackInstance(stated))
			.cancelAllForActivity("Task_ReviewStatement")
			.startBeforeActivity("Task_IssueClawbackDecision")
			.execute();
		assertThatThrownBy(() -> review.runJobs(stated)).hasMessageContaining("没有聊城市工业和信息化局“复核陈述申辩”的意见");
		assertThat(review.allDecisions(stated)).doesNotContain(DecisionType.CLAWBACK_DECIDED);
	}

	@Test
	void shouldCompleteAClawbackStartedBeforeNoticesWithoutOneAndSayNothingOfIt() {
		Case legacy = confirmedClawbackAwaitingNotice();
		// As a clawback started before this was kept, on a model with no notice step.
		jdbc.sql("UPDATE clawback SET prior_notice_required = FALSE WHERE application_id = ?")
			.param(legacy.id())
			.update();
		runtime.createProcessInstanceModification(clawbackInstance(legacy))
			.cancelAllForActivity("Task_IssuePriorNotice")
			.startBeforeActivity("Task_IssueClawbackDecision")
			.execute();
		review.runJobs(legacy);
		assertThat(review.issued(legacy, DecisionType.CLAWBACK_DECIDED).text()).doesNotContain("事先告知", "陈述、申辩");
	}

	// --- helpers

	/**
	 * A paid subsidy (37 000 yuan) of ent-gx whose clawback for false material the city
	 * industry bureau determined at {@code amount} and 冠县's finance bureau confirmed,
	 * with the notice's job run.
	 */
	private Case confirmedClawback(String amount) {
		Case claim = determinedClawback(amount);
		confirm(claim);
		review.runJobs(claim);
		return claim;
	}

	/** The same, confirmed, the notice's job not yet run. */
	private Case confirmedClawbackAwaitingNotice() {
		Case claim = determinedClawback("37000");
		confirm(claim);
		return claim;
	}

	private Case determinedClawback(String amount) {
		return determinedClawback(amount, "经审计发现，该项目发票号12345678的增值税发票系虚开，设备实际未购置。");
	}

	private Case determinedClawback(String amount, String facts) {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");
		review.runJobs(claim);
		review.complete(review.task(claim, "Task_RecordPayment"), Map.of("decision", "APPROVE", "opinion", "按预算指标拨付。",
				"paymentDate", TODAY.toString(), "paidAmount", 37000.0, "voucherNo", "GK-PN-" + claim.id()));
		review.runJobs(claim);
		HttpResponse<String> started = as("lc-industry").postJson("/api/clawbacks",
				"{\"applicationId\":" + claim.id() + ",\"facts\":\"" + facts + "\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		HttpResponse<String> determined = determine(claim, new BigDecimal(amount), TODAY.plusDays(30), false, null);
		assertThat(determined.statusCode()).as(determined.body()).isIn(200, 204);
		return claim;
	}

	private HttpResponse<String> determine(Case claim, Object amount, LocalDate deadline, boolean list,
			Integer months) {
		Map<String, Object> values = months == null
				? Map.of("decision", "APPROVE", "opinion", "发票系虚开，追回奖补资金。", "clawbackAmount", amount,
						"repaymentDeadline", review.workingDay(deadline).toString(), "listNegative", list)
				: Map.of("decision", "APPROVE", "opinion", "发票系虚开，追回奖补资金。", "clawbackAmount", amount,
						"repaymentDeadline", review.workingDay(deadline).toString(), "listNegative", list, "listMonths",
						months);
		return submit(as("lc-industry"), claim, "Task_DetermineClawback", values);
	}

	private void confirm(Case claim) {
		HttpResponse<String> confirmed = submit(as("gx-finance"), claim, "Task_ConfirmClawback",
				Map.of("decision", "APPROVE", "opinion", "与拨付记录核对一致。"));
		assertThat(confirmed.statusCode()).as(confirmed.body()).isIn(200, 204);
	}

	private String status(Case claim) {
		return jdbc.sql("SELECT status FROM clawback WHERE application_id = ?")
			.param(claim.id())
			.query(String.class)
			.single();
	}

	private String clawbackInstance(Case claim) {
		return jdbc.sql(
				"SELECT process_instance_id FROM after_award_process WHERE application_id = ? AND process_key = 'clawback'")
			.param(claim.id())
			.query(String.class)
			.single();
	}

	private List<String> notified(Case claim) {
		return jdbc.sql("SELECT title || ' ' || body FROM notification WHERE application_id = ? AND recipient_id = ?")
			.params(claim.id(), DemoUsers.ENTERPRISE)
			.query(String.class)
			.list();
	}

	private static String statement(String text) {
		ObjectNode body = JSON.createObjectNode();
		body.put("statement", text);
		return body.toString();
	}

	private WebClient enterprise() {
		return as(DemoUsers.ENTERPRISE);
	}

	private WebClient as(String user) {
		return new WebClient(port).withBasic(user, DemoUsers.PASSWORD);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static JsonNode openTasks(WebClient user, Case claim, String taskKey) {
		return json(
				user.get("/engine-rest/task?processInstanceBusinessKey=" + claim.id() + "&taskDefinitionKey=" + taskKey)
					.body());
	}

	/** Claims the task and submits its form as Tasklist does. */
	private static HttpResponse<String> submit(WebClient user, Case claim, String taskKey, Map<String, Object> values) {
		JsonNode open = openTasks(user, claim, taskKey);
		assertThat(open).as("%s at %s", taskKey, claim.id()).hasSize(1);
		String id = open.get(0).get("id").asText();
		String userId = json(user.get("/api/me").body()).get("userId").asText();
		user.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + userId + "\"}");
		ObjectNode variables = JSON.createObjectNode();
		values.forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
		ObjectNode body = JSON.createObjectNode();
		body.set("variables", variables);
		return user.postJson("/engine-rest/task/" + id + "/submit-form", body.toString());
	}

}
