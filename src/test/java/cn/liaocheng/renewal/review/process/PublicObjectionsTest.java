package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.review.notice.NoticeBoard;
import cn.liaocheng.renewal.review.notice.NoticeBoard.Filing;
import cn.liaocheng.renewal.review.notice.NoticeBoard.ObjectionForm;
import cn.liaocheng.renewal.review.notice.NoticeBoard.Result;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.security.DailyQuota;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The public notice board's objection form under attack, through real HTTP from addresses
 * of the attackers' own: floods stop at the daily limits with nothing more stored,
 * repeats are merged, hidden characters are refused, and the board never shows a bidi
 * control. What is stored still reaches the lead body's objection task.
 */
@WebIntegrationTest
class PublicObjectionsTest extends ReviewProcessTest {

	private static final String BIDI = "\u202E";

	@LocalServerPort
	int port;

	private final JdbcClient jdbc;

	private final NoticeBoard board;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ManagementService management;

	@Autowired
	DailyQuota quota;

	@Autowired
	ApplicationContext context;

	@Autowired
	PublicObjectionsTest(ApplicationContext context, JdbcClient jdbc, NoticeBoard board) {
		super(context);
		this.jdbc = jdbc;
		this.board = board;
	}

	@Test
	void onePhoneNumberFilesAtMostThreeObjectionsAgainstANoticeADay() {
		Case claim = onNotice();
		Citizen citizen = Citizen.atAFreshAddress(port);
		for (int i = 1; i <= 3; i++) {
			assertThat(citizen.object(claim.id(), "实名异议人", "", "0635-8123456", "第 " + i + " 条：该企业所购设备系翻新旧设备。")
				.redirectsToTheBoard()).isTrue();
		}

		Citizen.Response fourth = citizen.object(claim.id(), "实名异议人", "", "06358123456", "第 4 条：发票金额明显高于市场价。");
		Citizen.Response elsewhere = Citizen.atAFreshAddress(port)
			.object(claim.id(), "实名异议人", "", "0635-8123456", "换个网络提交的第 5 条：设备投用日期不实。");

		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.body()).contains("同一联系电话对同一项目每天最多提交 3 条异议，今天已达上限");
		assertThat(elsewhere.status()).as("the same phone from another address").isEqualTo(429);
		assertThat(objectionsAgainst(claim)).isEqualTo(3);
		assertThat(citizen.object(claim.id(), "另一位异议人", "", "13800000001", "另一联系电话的异议：设备并未投入使用。").redirectsToTheBoard())
			.as("another phone from the same address")
			.isTrue();
		assertThat(objectionsAgainst(claim)).isEqualTo(4);
	}

	@Test
	void objectionsSentAtTheSameMomentStillStopAtTheLimit() throws Exception {
		Case claim = onNotice();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Citizen.Response>> sent = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String content = "同时提交的第 " + i + " 条异议：设备系翻新旧设备。";
				Citizen citizen = Citizen.atAFreshAddress(port);
				sent.add(pool.submit(() -> citizen.object(claim.id(), "并发异议人", "", "13700000000", content)));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Citizen.Response> response : sent) {
				statuses.add(response.get(120, TimeUnit.SECONDS).status());
			}

			assertThat(statuses).containsExactlyInAnyOrder(302, 302, 302, 429, 429, 429, 429, 429);
			assertThat(objectionsAgainst(claim)).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void oneClientAddressFilesAtMostTwentyObjectionsADay() {
		Case claim = onNotice();
		Citizen flood = Citizen.atAFreshAddress(port);
		for (int i = 0; i < 20; i++) {
			Citizen.Response filed = flood.object(claim.id(), "异议人" + i, "", "139000000" + String.format("%02d", i),
					"批量提交的第 " + i + " 条异议，内容各不相同。");
			assertThat(filed.redirectsToTheBoard()).as("objection %d: %s", i, filed.status()).isTrue();
		}

		Citizen.Response refused = flood.object(claim.id(), "异议人20", "", "13900000020", "批量提交的第 20 条异议，内容各不相同。");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.body()).contains("您所在的网络今天已提交 20 条异议，达到每日上限");
		assertThat(objectionsAgainst(claim)).isEqualTo(20);
		assertThat(Citizen.atAFreshAddress(port)
			.object(claim.id(), "异议人20", "", "13900000020", "批量提交的第 20 条异议，内容各不相同。")
			.redirectsToTheBoard()).as("the same objection from another address").isTrue();
	}

	@Test
	void oneIpv6NetworkFilesAtMostTwentyObjectionsADayWhicheverOfItsAddressesItUses() {
		// A household or a cloud machine is given a whole /64; the test host has none, so
		// the board is called with the address the servlet container would pass.
		Case claim = onNotice();
		for (int i = 1; i <= 20; i++) {
			Filing filed = board.file(claim.id(), new ObjectionForm("异议人" + i, "",
					"137000000" + String.format("%02d", i), "同一网段提交的第 " + i + " 条异议，内容各不相同。"), "2001:db8::" + i);
			assertThat(filed.result()).as("objection %d: %s", i, filed.message()).isEqualTo(Result.FILED);
		}

		Filing refused = board.file(claim.id(),
				new ObjectionForm("异议人21", "", "13700000021", "同一网段提交的第 21 条异议，内容各不相同。"), "2001:db8:0:0:0:0:0:21");

		assertThat(refused.result()).isEqualTo(Result.ADDRESS_LIMIT_REACHED);
		assertThat(refused.message()).contains("您所在的网络今天已提交 20 条异议，达到每日上限");
		assertThat(objectionsAgainst(claim)).isEqualTo(20);
		assertThat(board
			.file(claim.id(), new ObjectionForm("异议人21", "", "13700000021", "同一网段提交的第 21 条异议，内容各不相同。"),
					"2001:db8:0:1::1")
			.result()).as("the same objection from another /64").isEqualTo(Result.FILED);
	}

	@Test
	void aLandlineCountsAsOneNumberWhateverItsExtensionOrSpelling() {
		Case claim = onNotice();
		Citizen citizen = Citizen.atAFreshAddress(port);
		List<String> spellings = List.of("0635-8123456-1", "0635-8123456-2", "06358123456");
		for (int i = 0; i < spellings.size(); i++) {
			assertThat(citizen.object(claim.id(), "实名异议人", "", spellings.get(i), "分机提交的第 " + i + " 条：该企业所购设备系翻新旧设备。")
				.redirectsToTheBoard()).isTrue();
		}

		Citizen.Response fourth = citizen.object(claim.id(), "实名异议人", "", "0635-8123456-801",
				"分机提交的第 4 条：发票金额明显高于市场价。");

		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.body()).contains("同一联系电话对同一项目每天最多提交 3 条异议，今天已达上限");
		assertThat(objectionsAgainst(claim)).isEqualTo(3);
		assertThat(jdbc.sql("SELECT contact_phone FROM public_objection WHERE application_id = ?")
			.param(claim.id())
			.query(String.class)
			.list()).as("the numbers as typed, for the lead body to call")
			.containsExactlyInAnyOrderElementsOf(spellings);
		assertThat(
				citizen.object(claim.id(), "另一位异议人", "", "0635-8123457-1", "另一固定电话的异议：设备并未投入使用。").redirectsToTheBoard())
			.as("another landline")
			.isTrue();
	}

	@Test
	void theSameObjectionAgainIsMergedWithTheFirstAndSaidToBeReceived() {
		Case claim = onNotice();
		Citizen citizen = Citizen.atAFreshAddress(port);
		String objection = "该企业所购数控磨床系二手设备翻新，\n不应享受设备更新奖补，请核查。";
		assertThat(citizen.object(claim.id(), "实名异议人", "", "13800138000", objection).redirectsToTheBoard()).isTrue();

		Citizen.Response again = citizen.object(claim.id(), "实名异议人", "", "13800138000",
				"  该企业所购数控磨床系二手设备翻新，\u3000 不应享受设备更新奖补，请核查。\r\n");

		assertThat(again.redirectsToTheBoard()).isTrue();
		assertThat(citizen.get("/notices").body()).contains("该异议此前已经收到（同一联系电话、相同内容），无需重复提交");
		assertThat(objectionsAgainst(claim)).isEqualTo(1);
		for (int i = 0; i < 3; i++) {
			citizen.object(claim.id(), "实名异议人", "", "13800138000", objection);
		}
		assertThat(objectionsAgainst(claim)).as("merged repeats use no allowance").isEqualTo(1);
		assertThat(citizen.object(claim.id(), "实名异议人", "", "13800138000", "补充：该企业发票金额明显高于市场价。").redirectsToTheBoard())
			.isTrue();
		assertThat(objectionsAgainst(claim)).isEqualTo(2);

		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");

		assertThat((String) review.taskVariables(review.task(claim, "Task_ResolveObjections")).get("objectionSummary"))
			.contains("二手设备翻新", "发票金额明显高于市场价")
			.doesNotContain(BIDI);
		assertThat(review.task(claim, "Task_ResolveObjections")).isNotNull();
	}

	/**
	 * An objection filed in the period's last moment, still being stored when the period
	 * ends: gathering the objections waits for it, so the case goes to the lead body's
	 * objection task. Before, the gathering read without it, the case went on as if
	 * nobody had objected, and its decision could not be issued ("公示异议尚有1件未经核查办结"). The
	 * filing is held open before its commit while the timer fires and the gathering runs.
	 */
	@Test
	void anObjectionStillBeingFiledWhenThePeriodEndsIsGathered() throws Exception {
		Case claim = onNotice();
		// What NoticeBoard.file does, with the filing's transaction (ObjectionFiling)
		// held open after it stored the objection.
		LocalDate day = LocalDate.now(ChinaTime.ZONE);
		String address = "address:198.51.100.77";
		String phone = "phone:" + claim.id() + ":13812345678";
		quota.prepare(day, address, phone);
		Class<?> type = Class.forName("cn.liaocheng.renewal.review.notice.ObjectionFiling");
		Object filings = context.getBean(type);
		Method file = type.getDeclaredMethod("file", long.class, ObjectionForm.class, LocalDate.class, String.class,
				String.class);
		file.setAccessible(true);
		ObjectionForm objection = new ObjectionForm("最后一刻异议人", "", "13812345678", "该企业申报的设备在公示前已停用。");
		CountDownLatch stored = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Filing> filing = pool.submit(() -> transaction.execute(status -> {
				Filing filed = invoke(file, filings, claim.id(), objection, day, address, phone);
				stored.countDown();
				await(commit);
				return filed;
			}));
			assertThat(stored.await(60, TimeUnit.SECONDS)).isTrue();

			// The period ends: its timer fires and the gathering step runs.
			management.executeJob(review.timer(claim, "TimerEvent_NoticePeriodEnds").getId());
			Future<?> gathering = pool.submit(() -> review.runJobs(claim));
			Thread.sleep(500);
			commit.countDown();

			assertThat(filing.get(60, TimeUnit.SECONDS).result()).isEqualTo(Result.FILED);
			gathering.get(60, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}

		assertThat((String) review.taskVariables(review.task(claim, "Task_ResolveObjections")).get("objectionSummary"))
			.contains("公示前已停用");
	}

	private static Filing invoke(Method method, Object target, Object... arguments) {
		try {
			return (Filing) method.invoke(target, arguments);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void refusesHiddenCharactersInEveryFieldAndShowsTheFormAgainWithoutThem() {
		Case claim = onNotice();
		Citizen citizen = Citizen.atAFreshAddress(port);

		Citizen.Response refused = citizen.object(claim.id(), "异议" + BIDI + "人", "聊城市\u0007某机床厂", "13800138000",
				"拟奖补金额" + BIDI + "元00.000,05，请核查\uFEFF。");

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body())
			.contains("姓名含有改变文字方向的控制字符，请删除后重新输入", "单位名称含有不可见的控制字符，请删除后重新输入", "异议事实和理由含有改变文字方向的控制字符，请删除后重新输入")
			.contains("value=\"异议人\"")
			.doesNotContain(BIDI, "\u0007", "\uFEFF");
		for (String field : new String[] { "name", "organisation", "phone", "content" }) {
			String id = "objection-" + claim.id() + "-" + field;
			assertThat(refused.body()).as("the %s field is named by its label", field)
				.contains("<label for=\"" + id + "\">", "id=\"" + id + "\" name=\"" + field + "\"");
		}
		assertThat(objectionsAgainst(claim)).isZero();
	}

	@Test
	void theBoardLeavesOutBidiControlsOfNamesStoredBeforeTheRule() {
		String reference = "XM-LEGACY-" + UUID.randomUUID().toString().substring(0, 8);
		try (StoredNotices stored = new StoredNotices(jdbc)) {
			stored.add(reference, "冠县" + BIDI + "司公限有械机\u2066某", "轴承生产线" + BIDI + "造改\u200F项\uD800目",
					Instant.now().minus(1, ChronoUnit.HOURS));

			String board = search(Citizen.atAFreshAddress(port), reference);

			assertThat(board).contains(reference, "冠县司公限有械机某", "轴承生产线造改项目").doesNotContain(BIDI, "\u2066", "\u200F");
		}
	}

	@Test
	void theBoardIsShownTwentyAtATimeNewestFirstAndSearchedByNumberEnterpriseOrProject() {
		String marker = "公示翻页" + UUID.randomUUID().toString().substring(0, 6);
		Instant now = Instant.now();
		try (StoredNotices stored = new StoredNotices(jdbc)) {
			for (int i = 1; i <= 23; i++) {
				stored.add(marker + "-" + i, "聊城市" + marker + "机械有限公司", "第" + i + "号生产线改造",
						now.minus(30 - i, ChronoUnit.MINUTES));
			}
			Citizen citizen = Citizen.atAFreshAddress(port);

			String first = search(citizen, marker);
			assertThat(first).contains("查到正在公示的 23 个项目，第 1 / 2 页，每页 20 个", "id=\"notice-pager\"", "下一页")
				.contains(marker + "-23", marker + "-4")
				.doesNotContain(marker + "-3<", "上一页");
			assertThat(first.indexOf(marker + "-23<")).as("newest first").isLessThan(first.indexOf(marker + "-22<"));
			String second = search(citizen, marker, 2);
			assertThat(second).contains(marker + "-3<", marker + "-2<", marker + "-1<", "上一页")
				.doesNotContain(marker + "-4<", "下一页");
			assertThat(search(citizen, marker, 99)).as("past the last page: the last")
				.contains("第 2 / 2 页", marker + "-1<");
			// by number alone, by the enterprise's name, by the project's
			assertThat(search(citizen, marker + "-17")).contains("查到正在公示的 1 个项目")
				.contains("第17号生产线改造")
				.doesNotContain("id=\"notice-pager\"");
			assertThat(search(citizen, "聊城市" + marker)).contains("查到正在公示的 23 个项目");
			assertThat(search(citizen, "第17号生产线改造")).contains(marker + "-17<");
			// the search's own % is a character, not a wildcard
			assertThat(search(citizen, marker + "%")).contains("没有找到包含“" + marker + "%”的正在公示项目。")
				.doesNotContain(marker + "-1<");
		}
	}

	@Test
	void aRefusedObjectionShowsItsNoticeAloneWithTheFormFilledInAgain() {
		Case claim = onNotice();
		Citizen citizen = Citizen.atAFreshAddress(port);

		Citizen.Response refused = citizen.object(claim.id(), "张", "", "12", "太短");

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"notice-" + claim.id() + "\"", "<details open", "查看全部正在公示的项目")
			.doesNotContain("id=\"notice-search\"", "id=\"notice-pager\"");
		assertThat(refused.body().split("class=\"card\" id=\"notice-", -1)).as("one notice").hasSize(2);
		assertThat(objectionsAgainst(claim)).isZero();
	}

	private static String search(Citizen citizen, String query) {
		return search(citizen, query, 1);
	}

	private static String search(Citizen citizen, String query, int page) {
		return citizen.get("/notices?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=" + page).body();
	}

	@Test
	void anObjectionSentAfterItsNoticeEndedIsShownBackToBeKept() {
		String reference = "XM-ENDED-" + UUID.randomUUID().toString().substring(0, 8);
		try (StoredNotices stored = new StoredNotices(jdbc)) {
			long id = stored.add(reference, "聊城市某机床有限公司", "数控机床更新项目", Instant.now().minus(2, ChronoUnit.DAYS));
			Citizen citizen = Citizen.atAFreshAddress(port);
			jdbc.sql("UPDATE public_notice SET ends_at = ? WHERE application_id = ?")
				.params(Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), id)
				.update();

			Citizen.Response late = citizen.object(id, "李四", "", "13800138001", "该项目设备发票与合同金额不一致，请核查。\n第二行说明。");

			assertThat(late.status()).isEqualTo(409);
			assertThat(late.body()).contains("该项目不在公示期内，不能提交异议。", "未能提交的异议", "李四", "13800138001",
					"该项目设备发票与合同金额不一致，请核查。\n第二行说明。");
			// with a field to correct as well: still shown back, not a form that is gone
			Citizen.Response wrong = citizen.object(id, "李四", "", "", "电话漏填的异议内容。");
			assertThat(wrong.status()).isEqualTo(409);
			assertThat(wrong.body()).contains("该项目不在公示期内，不能提交异议。", "电话漏填的异议内容。");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM public_objection WHERE application_id = ?")
				.param(id)
				.query(Integer.class)
				.single()).isZero();
		}
	}

	@Test
	void aSearchIsShownBackShortAndWithoutHiddenCharacters() {
		String page = search(Citizen.atAFreshAddress(port), "冠县" + BIDI + "某" + "某".repeat(98));

		assertThat(page).doesNotContain(BIDI)
			.contains("没有找到包含“冠县" + "某".repeat(62) + "”的正在公示项目。")
			.doesNotContain("某".repeat(63));
	}

	private Case onNotice() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		return claim;
	}

	private long objectionsAgainst(Case claim) {
		return jdbc.sql("SELECT COUNT(*) FROM public_objection WHERE application_id = ?")
			.param(claim.id())
			.query(Long.class)
			.single();
	}

}
