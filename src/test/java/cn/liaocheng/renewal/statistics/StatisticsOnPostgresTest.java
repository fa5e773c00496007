package cn.liaocheng.renewal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.liaocheng.renewal.support.AsSubmitted;
import cn.liaocheng.renewal.browser.Browser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.OwnContext;
import cn.liaocheng.renewal.support.PostgresTestDatabase;
import cn.liaocheng.renewal.support.WebClient;

/**
 * The dashboard's figures on PostgreSQL against a data set small enough to count by hand:
 * seven applications submitted in 2025 in 冠县 and 临清市, one in 2024 and a draft that must
 * not count, four review tasks with known durations and due dates, an open overdue task,
 * two loan listings and money reported through {@link MoneyFlows}. Every expected figure
 * below is computed by hand in the comments, and read back from the page's exports.
 */
@Tag(OwnContext.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "renewal.scheduling.enabled=false")
@ActiveProfiles({ "postgres", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsOnPostgresTest {

	private static final String GX = "371525";

	private static final String LQ = "371581";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.register(registry, "renewal_statistics");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	ProcessEngine engine;

	private long p1;

	private long p2;

	private long p3;

	private long s1;

	private long l1;

	@Autowired
	List<MoneyFlows> moneyFlows;

	@BeforeAll
	void seed() {
		long gx = enterprise("ent-gx");
		long lq = enterprise("ent-lq");
		// 冠县: P1 project (task 4) approved, 300 万 equipment; P2 project (task 7) refused,
		// 120 万; S1 subsidy on P1 allocated 45 万; L1 loan on P1, 200 万 asked, 180 万
		// granted, 5.4 万 interest subsidy.
		p1 = application("PROJECT", gx, GX, "APPROVED", 4, "3000000.00", null, null, "pi-p1", at(2025, 3, 10),
				at(2025, 4, 20));
		p2 = application("PROJECT", gx, GX, "REFUSED", 7, "1200000.00", null, null, "pi-p2", at(2025, 3, 15),
				at(2025, 4, 1));
		s1 = application("SUBSIDY", gx, GX, "APPROVED", null, null, p1, null, "pi-s1", at(2025, 5, 5), at(2025, 6, 10));
		jdbc.sql("UPDATE application SET subsidy_amount = 450000.00 WHERE id = ?").param(s1).update();
		l1 = application("LOAN", gx, GX, "APPROVED", null, null, p1, "2000000.00", "pi-l1", at(2025, 5, 20),
				at(2025, 7, 1));
		jdbc.sql("UPDATE application SET granted_amount = 1800000.00, interest_subsidy_amount = 54000.00 WHERE id = ?")
			.param(l1)
			.update();
		// 临清市: P3 project (task 4) in joint review, 80 万; P4 project (task 6) withdrawn,
		// 50 万; L2 loan on P3 at the banks, 100 万 asked.
		p3 = application("PROJECT", lq, LQ, "CITY_REVIEW", 4, "800000.00", null, null, "pi-p3", at(2025, 3, 28), null);
		application("PROJECT", lq, LQ, "WITHDRAWN", 6, "500000.00", null, null, "pi-p4", at(2025, 6, 2), null);
		long l2 = application("LOAN", lq, LQ, "BANK_REVIEW", null, null, p3, "1000000.00", "pi-l2", at(2025, 6, 15),
				null);
		// Outside 2025: a project of 2024 and a draft never submitted.
		application("PROJECT", gx, GX, "APPROVED", 1, "9999999.00", null, null, "pi-p5", at(2024, 11, 1),
				at(2024, 12, 1));
		application("PROJECT", gx, GX, "DRAFT", 1, "7777777.00", null, null, null, null, null);
		listed(l1);
		listed(l2);
		// Review tasks: county first review of P1 2 days (due in 5 working days: on
		// time), the city's joint review of P1 10 days (late), county review of P2 4 days
		// (on time), 临清's county review of P3 7 days (late).
		opinion(p1, "t1", "Task_CountyFormalReview", "县级初审", "county-371525-industry", "冠县工业和信息化局", at(2025, 3, 10),
				at(2025, 3, 12), at(2025, 3, 17));
		opinion(p1, "t2", "Task_JointReview", "市级联审", "city-industry", "聊城市工业和信息化局", at(2025, 3, 12), at(2025, 3, 22),
				at(2025, 3, 19));
		opinion(p2, "t3", "Task_CountyFormalReview", "县级初审", "county-371525-industry", "冠县工业和信息化局", at(2025, 3, 15),
				at(2025, 3, 19), at(2025, 3, 21));
		opinion(p3, "t4", "Task_CountyFormalReview", "县级初审", "county-371581-industry", "临清市工业和信息化局", at(2025, 3, 28),
				at(2025, 4, 4), at(2025, 4, 3));
		// P3 now waits at the city's industry bureau, past its due date: a task of no
		// process instance, which the engine makes only with standalone tasks on (the
		// product turns them off, application.yaml), so for this moment only.
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		configuration.setStandaloneTasksEnabled(true);
		try {
			Task open = tasks.newTask();
			open.setName("市级联审");
			open.setDueDate(Date.from(at(2025, 4, 10).atZone(ZoneId.systemDefault()).toInstant()));
			tasks.saveTask(open);
			tasks.addCandidateGroup(open.getId(), "city-industry");
			jdbc.sql("UPDATE ACT_HI_TASKINST SET ROOT_PROC_INST_ID_ = 'pi-p3' WHERE ID_ = ?")
				.param(open.getId())
				.update();
		}
		finally {
			configuration.setStandaloneTasksEnabled(false);
		}
	}

	@Test
	void countyViewMatchesTheHandCountedFiguresInExcelAndCsv() throws Exception {
		WebClient admin = loggedIn(DemoUsers.ADMIN);
		HttpResponse<byte[]> xlsx = admin.getBytes("/statistics/export/county.xlsx?year=2025");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
			.contains(".xlsx");
		List<List<String>> sheet = read(xlsx.body());
		assertThat(sheet.get(0)).containsExactly("按县（市、区）");
		assertThat(sheet.get(1).get(0)).startsWith("范围：全市 · 2025年");
		// 冠县: P1, P2, S1, L1 submitted; P1, S1, L1 approved; P2 refused. Equipment 300 +
		// 120 = 420 万 submitted, 300 万 approved; subsidy 45 万 assessed and allocated;
		// loans 200 万 asked, 180 万 granted.
		assertThat(row(sheet, "冠县")).containsExactly("冠县", "4", "3", "1", "0", "0", "420.00", "300.00", "45.00",
				"45.00", "200.00", "180.00");
		// 临清市: P3 and L2 under review, P4 withdrawn; 80 + 50 = 130 万 equipment; 100 万
		// loan asked.
		assertThat(row(sheet, "临清市")).containsExactly("临清市", "3", "0", "0", "2", "1", "130.00", "0.00", "0.00", "0.00",
				"100.00", "0.00");
		assertThat(row(sheet, "东昌府区")).containsExactly("东昌府区", "0", "0", "0", "0", "0", "0.00", "0.00", "0.00", "0.00",
				"0.00", "0.00");
		assertThat(row(sheet, "合计")).containsExactly("合计", "7", "3", "1", "2", "1", "550.00", "300.00", "45.00",
				"45.00", "300.00", "180.00");

		HttpResponse<byte[]> csv = admin.getBytes("/statistics/export/county.csv?year=2025");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		byte[] bytes = csv.body();
		assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
		assertThat(lines).contains("冠县,4,3,1,0,0,420.00,300.00,45.00,45.00,200.00,180.00",
				"合计,7,3,1,2,1,550.00,300.00,45.00,45.00,300.00,180.00");

		// All years: the 2024 project (999.9999 万, rounded 1000.00) counts too; the draft
		// never does.
		List<List<String>> all = read(admin.getBytes("/statistics/export/county.xlsx?year=all").body());
		assertThat(row(all, "合计").subList(0, 8)).containsExactly("合计", "8", "4", "1", "2", "1", "1550.00", "1300.00");
		// The page groups the thousands the export keeps as numbers.
		assertThat(admin.get("/statistics?year=all").body()).contains(">1,550.00<", ">1,300.00<")
			.doesNotContain(">1550.00<");
	}

	/**
	 * An amount proposed for a subsidy that was then refused was never granted: the
	 * proposed column leaves it out, and keeps the one still under review.
	 */
	@Test
	void theProposedSubsidyLeavesOutRefusedCases() throws Exception {
		long gx = enterprise("ent-gx");
		long refused = application("SUBSIDY", gx, GX, "REFUSED", null, null, p1, null, "pi-s-refused", at(2023, 5, 5),
				at(2023, 6, 1));
		long pending = application("SUBSIDY", gx, GX, "PUBLIC_NOTICE", null, null, p1, null, "pi-s-notice",
				at(2023, 5, 6), null);
		try {
			jdbc.sql("UPDATE application SET subsidy_amount = 300000.00 WHERE id IN (?, ?)")
				.params(refused, pending)
				.update();
			List<List<String>> sheet = read(
					loggedIn(DemoUsers.ADMIN).getBytes("/statistics/export/county.xlsx?year=2023").body());
			assertThat(sheet).anySatisfy(line -> assertThat(line).contains("拟补助（办理中及已下达，万元）"))
				.noneSatisfy(line -> assertThat(line).contains("核定补助（万元）"));
			assertThat(row(sheet, "冠县").subList(0, 10)).containsExactly("冠县", "2", "0", "1", "1", "0", "0.00", "0.00",
					"30.00", "0.00");
		}
		finally {
			jdbc.sql("DELETE FROM application WHERE id IN (?, ?)").params(refused, pending).update();
		}
	}

	@Test
	void taskKindAndMonthViewsGroupSubsidiesAndLoansUnderTheirProject() throws Exception {
		WebClient admin = loggedIn(DemoUsers.ADMIN);
		List<List<String>> task = read(admin.getBytes("/statistics/export/task.xlsx?year=2025").body());
		// Task 4: P1, S1, L1 (under P1), P3, L2 (under P3): 5 submitted, 3 approved, 2
		// under review.
		assertThat(row(task, "4. 加快智能装备应用（智能化）")).containsExactly("4. 加快智能装备应用（智能化）", "5", "3", "0", "2", "0", "380.00",
				"300.00", "45.00", "45.00", "300.00", "180.00");
		assertThat(row(task, "7. 加强节能降碳改造（绿色化）").subList(0, 7)).containsExactly("7. 加强节能降碳改造（绿色化）", "1", "0", "1", "0",
				"0", "120.00");
		assertThat(row(task, "6. 完善数字基础设施（智能化）").subList(0, 7)).containsExactly("6. 完善数字基础设施（智能化）", "1", "0", "0", "0",
				"1", "50.00");

		List<List<String>> kind = read(admin.getBytes("/statistics/export/kind.xlsx?year=2025").body());
		assertThat(row(kind, "项目入库申请").subList(0, 6)).containsExactly("项目入库申请", "4", "1", "1", "1", "1");
		assertThat(row(kind, "奖补资金申请").subList(0, 3)).containsExactly("奖补资金申请", "1", "1");
		assertThat(row(kind, "技术改造贷款申请").subList(0, 5)).containsExactly("技术改造贷款申请", "2", "1", "0", "1");

		List<List<String>> month = read(admin.getBytes("/statistics/export/month.xlsx?year=2025").body());
		assertThat(row(month, "2025年3月").subList(0, 2)).containsExactly("2025年3月", "3");
		assertThat(row(month, "2025年5月").subList(0, 2)).containsExactly("2025年5月", "2");
		assertThat(row(month, "2025年6月").subList(0, 2)).containsExactly("2025年6月", "2");
		assertThat(month.stream().filter(r -> r.get(0).startsWith("2025年")).count()).isEqualTo(3);
	}

	@Test
	void processingTimesShowEachStageAndTheSlowestBodiesAgainstTheFiveDayNorm() throws Exception {
		WebClient admin = loggedIn(DemoUsers.ADMIN);
		List<List<String>> stages = read(admin.getBytes("/statistics/export/stages.xlsx?year=2025").body());
		// 联审: one task of 10 days, late. 县级初审: 2, 4 and 7 days → 4.3 on average, one late
		// of three.
		assertThat(row(stages, "市级联审")).containsExactly("市级联审", "1", "10.0", "10.0", "1", "100.0");
		assertThat(row(stages, "县级初审")).containsExactly("县级初审", "3", "4.3", "7.0", "1", "33.3");

		List<List<String>> bodies = read(admin.getBytes("/statistics/export/bodies.xlsx?year=2025").body());
		int header = indexOf(bodies, "审核单位");
		// Late means finished after the task's due date, which an administrator may have
		// moved: the column says so, not "more than 5 working days".
		assertThat(bodies.get(header)).contains("超期办结").doesNotContain("超过5个工作日");
		// Slowest first: the city's industry bureau (10 days, and P3 waits there past its
		// due date), 临清 (7), 冠县 (3).
		assertThat(bodies.get(header + 1)).containsExactly("聊城市工业和信息化局", "1", "10.0", "10.0", "1", "100.0", "1", "1");
		assertThat(bodies.get(header + 2)).containsExactly("临清市工业和信息化局", "1", "7.0", "7.0", "1", "100.0", "0", "0");
		assertThat(bodies.get(header + 3)).containsExactly("冠县工业和信息化局", "2", "3.0", "4.0", "0", "0.0", "0", "0");

		// What is open is open now, whatever year its case was submitted in: P3 (2025)
		// still waits at the city's industry bureau in the view of 2026, where nothing
		// was handled; the note says which time each figure follows.
		List<List<String>> of2026 = read(admin.getBytes("/statistics/export/bodies.xlsx?year=2026").body());
		assertThat(row(of2026, "聊城市工业和信息化局")).containsExactly("聊城市工业和信息化局", "0", "", "", "0", "", "1", "1");
		assertThat(String.join("", of2026.get(2))).contains("按任务办结的时间统计", "当前尚未办结的任务，不限年度");
		// Handled in 2026: none of these tasks ended then, whenever their cases began.
		List<List<String>> stages2026 = read(admin.getBytes("/statistics/export/stages.xlsx?year=2026").body());
		assertThat(stages2026.stream().map(r -> r.isEmpty() ? "" : r.get(0))).doesNotContain("市级联审", "县级初审");
	}

	@Test
	void loansAndMoneyAfterAwardIncludeEveryMoneyFlowsImplementationWithinTheScope() throws Exception {
		WebClient admin = loggedIn(DemoUsers.ADMIN);
		List<List<String>> loans = read(admin.getBytes("/statistics/export/loans.xlsx?year=2025").body());
		// Listed at the amount the listing notice states: the grant the enterprise
		// accepted (180 万 of the 200 万 asked), as DecisionIssuing words it.
		assertThat(row(loans, "冠县")).containsExactly("冠县", "1", "200.00", "1", "180.00", "1", "180.00", "1", "5.40");
		assertThat(row(loans, "临清市")).containsExactly("临清市", "1", "100.00", "1", "100.00", "0", "0.00", "0", "0.00");
		assertThat(row(loans, "合计")).containsExactly("合计", "2", "300.00", "2", "280.00", "1", "180.00", "1", "5.40");

		List<List<String>> money = read(admin.getBytes("/statistics/export/money.xlsx?year=2025").body());
		int header = indexOf(money, "资金项目");
		// Committed by decisions (S1 in June, L1's interest subsidy in July), then the
		// test module's payments: the 2024 disbursement lies outside the year and is left
		// out.
		assertThat(money.subList(header + 1, money.size())).containsExactly(List.of("奖补资金已下达（批准）", "冠县", "1", "45.00"),
				List.of("贷款贴息已核定（批准）", "冠县", "1", "5.40"), List.of("奖补资金已拨付", "冠县", "1", "30.00"),
				List.of("奖补资金已拨付", "临清市", "2", "15.00"));

		// A county body: only its county, even when an implementation answers with more.
		WebClient county = loggedIn(DemoUsers.COUNTY_REVIEWER);
		List<List<String>> own = read(county.getBytes("/statistics/export/money.xlsx?year=2025").body());
		assertThat(own.stream().map(r -> r.size() > 1 ? r.get(1) : "")).doesNotContain("临清市");
		assertThat(row(own, "奖补资金已拨付")).containsExactly("奖补资金已拨付", "冠县", "1", "30.00");
		List<List<String>> ownCounty = read(county.getBytes("/statistics/export/county.xlsx?year=2025").body());
		assertThat(ownCounty.get(1).get(0)).startsWith("范围：冠县");
		assertThat(row(ownCounty, "合计").subList(0, 2)).containsExactly("合计", "4");
		assertThat(ownCounty.stream().map(r -> r.get(0))).doesNotContain("临清市", "东昌府区");
		assertThat(county.getBytes("/statistics/export/county.xlsx?year=2025&county=" + LQ).statusCode())
			.isEqualTo(403);
	}

	@Test
	void targetProgressComputesEquipmentInvestmentGrowthAndTakesTheTelecomOfficesReportedValue() throws Exception {
		WebClient telecom = new WebClient(port).withBasic("lc-telecom", DemoUsers.PASSWORD);
		// Who entered it is the caller: a request naming someone else is refused.
		assertThat(telecom
			.postJson("/api/statistics/targets/5g-base-stations-2025/values",
					"{\"periodEnd\":\"2025-12-31\",\"value\":12000,\"note\":\"全市累计开通\",\"enteredBy\":\"someone-else\"}")
			.statusCode()).isEqualTo(400);
		HttpResponse<String> entered = telecom.postJson("/api/statistics/targets/5g-base-stations-2025/values",
				"{\"periodEnd\":\"2025-12-31\",\"value\":12000,\"note\":\"全市累计开通\"}");
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
		assertThat(jdbc.sql("SELECT entered_by FROM plan_target_value WHERE target_key = '5g-base-stations-2025'")
			.query(String.class)
			.single()).isEqualTo("lc-telecom");

		WebClient admin = loggedIn(DemoUsers.ADMIN);
		List<List<String>> targets = read(admin.getBytes("/statistics/export/targets.xlsx?year=2025").body());
		// 12000 of 14000 → 85.7 %, 2000 to go.
		List<String> fiveG = row(targets, "5G基站");
		assertThat(fiveG.get(4)).isEqualTo("12000 个");
		assertThat(fiveG.get(5)).isEqualTo("2025-12-31");
		assertThat(fiveG.get(6)).isEqualTo("85.7");
		assertThat(fiveG.get(7)).isEqualTo("差 2000 个");
		// Equipment investment approved in 2025: P1's 300 万 = 0.03 亿元; no 2023 baseline
		// yet.
		List<String> growth = row(targets, "工业领域设备投资较2023年增长");
		assertThat(growth.get(4)).isEqualTo("0.03 亿元");
		assertThat(growth.get(7)).isEqualTo("2023年基数待录入");

		jdbc.sql(
				"UPDATE plan_target SET baseline_value = 2000000.00 / 100000000 WHERE target_key = 'equipment-investment-growth-2027'")
			.update();
		List<List<String>> after = read(admin.getBytes("/statistics/export/targets.xlsx?year=2025").body());
		// (0.03 − 0.02) / 0.02 = +50 % against a target of +30 %: 166.7 % achieved,
		// reached.
		List<String> grown = row(after, "工业领域设备投资较2023年增长");
		assertThat(grown.get(4)).isEqualTo("0.03 亿元，较2023年增长 50 %");
		assertThat(grown.get(6)).isEqualTo("166.7");
		assertThat(grown.get(7)).isEqualTo("已达到");

		// "超过75%": a rate of exactly 75 % has not met it.
		HttpResponse<String> cnc = new WebClient(port).withBasic("lc-industry", DemoUsers.PASSWORD)
			.postJson("/api/statistics/targets/cnc-key-processes-2027/values",
					"{\"periodEnd\":\"2025-12-31\",\"value\":75,\"note\":\"两化融合评估\"}");
		assertThat(cnc.statusCode()).as(cnc.body()).isEqualTo(201);
		List<String> rate = row(read(admin.getBytes("/statistics/export/targets.xlsx?year=2025").body()), "关键工序数控化率");
		assertThat(rate.get(7)).isEqualTo("持平，须超过 75 %");

		// A county reads its own part of the figure, which has no baseline of its own: no
		// growth against the city's.
		List<List<String>> county = read(
				loggedIn(DemoUsers.COUNTY_REVIEWER).getBytes("/statistics/export/targets.xlsx?year=2025").body());
		List<String> part = row(county, "工业领域设备投资较2023年增长");
		assertThat(part.get(4)).endsWith(" 亿元").doesNotContain("较2023年");
		assertThat(part.get(5)).isEqualTo("2025年（仅本辖区）");
		assertThat(part.get(6)).isEmpty();
		assertThat(part.get(7)).isEqualTo("基数为全市数据，不计算本辖区增幅");
	}

	@Test
	void dashboardPageShowsTheFiguresAndChartsInChinese() {
		WebClient admin = loggedIn(DemoUsers.ADMIN);
		HttpResponse<String> page = admin.get("/statistics?year=2025");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("设备更新统计分析", "范围：全市 · 2025年", "各县（市、区）申报与批准件数", "<svg",
				"/statistics/export/county.xlsx?year=2025", "方案目标完成情况", "各审核单位办理用时（由慢到快）");

		// Two reported values, so that the targets chart has bars of its own (green
		// factories: 40 of 55).
		jdbc.sql(
				"""
						INSERT INTO plan_target_value (target_key, period_end, reported_value, entered_by, entered_by_name, entered_at)
						VALUES ('green-factories-2025', DATE '2025-09-30', 40, 'lc-industry', '审核员', CURRENT_TIMESTAMP),
						       ('smart-factories-2025', DATE '2025-09-30', 86, 'lc-industry', '审核员', CURRENT_TIMESTAMP)""")
			.update();
		try (Browser browser = Browser.start(port)) {
			browser.logIn("lc-industry", DemoUsers.PASSWORD);
			browser.open("/");
			browser.waitFor(By.id("statistics-link")).click();
			browser.waitFor(By.id("charts"));
			new Select(browser.waitFor(By.id("year"))).selectByValue("2025");
			browser.driver().findElement(By.cssSelector("#filter button")).click();
			browser.waitUntil(d -> d.findElement(By.id("scope")).getText().contains("2025年"));
			assertThat(browser.driver().findElement(By.id("kpis")).getText()).contains("申报件数", "7", "45.00");
			List<WebElement> bars = browser.driver().findElements(By.cssSelector("#charts rect"));
			assertThat(bars).isNotEmpty();
			assertThat(bars.stream().map(b -> b.getSize().getWidth()).filter(w -> w > 0).count())
				.as("bars drawn with a length")
				.isGreaterThan(3);
			assertThat(browser.driver().findElement(By.id("charts")).getText()).contains("省级以上绿色工厂（2025）", "72.7");
			browser.screenshot("statistics-dashboard-1366");
			browser.fullPageScreenshot("statistics-dashboard-full");
			browser.open("/statistics/targets");
			assertThat(browser.waitFor(By.id("targets")).getText()).contains("差 15 家", "已达到");
			browser.screenshot("statistics-targets-1366");

			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.open("/statistics?year=2025");
			browser.waitFor(By.id("charts"));
			Long overflow = (Long) browser.driver()
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).as("sideways scrolling at 390 px").isLessThanOrEqualTo(0L);
			browser.screenshot("statistics-dashboard-390");
		}
	}

	@Test
	void theBatchViewGroupsByTheApplicationWindowOfTheFirstSubmission() throws Exception {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		long window = jdbc
			.sql("""
					INSERT INTO application_window (batch_year, kind, opens_at, closes_at, notice_title, notice_text, version,
					    created_by, created_at, updated_by, updated_at)
					VALUES (2025, 'PROJECT', TIMESTAMP '2025-03-01 00:00:00', TIMESTAMP '2025-04-01 00:00:00',
					        '2025年第一批项目入库申报', '申报通知', 0, 'lc-industry', ?, 'lc-industry', ?) RETURNING id""")
			.params(now, now)
			.query(Long.class)
			.single();
		try {
			// P1 (approved, 300 万) and P2 (refused, 120 万) were submitted in that window;
			// the other five 2025 applications predate batches.
			for (long project : new long[] { p1, p2 }) {
				jdbc.sql(
						"""
								INSERT INTO batch_entry (application_id, window_id, batch_year, kind, division_code, submitted_at)
								VALUES (?, ?, 2025, 'PROJECT', ?, ?)""")
					.params(project, window, GX, now)
					.update();
			}
			List<List<String>> batch = read(
					loggedIn(DemoUsers.ADMIN).getBytes("/statistics/export/batch.xlsx?year=2025").body());
			assertThat(row(batch, "2025年第一批项目入库申报").subList(0, 8)).containsExactly("2025年第一批项目入库申报", "2", "1", "1", "0",
					"0", "420.00", "300.00");
			assertThat(row(batch, "未记入批次（批次管理启用前提交）").subList(0, 3)).containsExactly("未记入批次（批次管理启用前提交）", "5", "2");
			assertThat(row(batch, "合计").subList(0, 3)).containsExactly("合计", "7", "3");
			// The note states the batch's year as the basis, not the first submission.
			assertThat(batch.get(2).get(0)).startsWith("按申报批次的年度统计");
			assertThat(
					read(loggedIn(DemoUsers.ADMIN).getBytes("/statistics/export/county.xlsx?year=2025").body()).get(2)
						.get(0))
				.startsWith("按首次提交申报的时间统计");

			// A batch of 2025 opened in December 2024: P5, submitted in it on 1 November
			// 2024 here, counts under that batch in 2025, as the project library lists
			// it, and no longer under 2024.
			long p5 = jdbc.sql("SELECT id FROM application WHERE process_instance_id = 'pi-p5'")
				.query(Long.class)
				.single();
			jdbc.sql("""
					INSERT INTO batch_entry (application_id, window_id, batch_year, kind, division_code, submitted_at)
					VALUES (?, ?, 2025, 'PROJECT', ?, ?)""").params(p5, window, GX, now).update();
			batch = read(loggedIn(DemoUsers.ADMIN).getBytes("/statistics/export/batch.xlsx?year=2025").body());
			assertThat(row(batch, "2025年第一批项目入库申报").subList(0, 3)).containsExactly("2025年第一批项目入库申报", "3", "2");
			assertThat(row(batch, "未记入批次（批次管理启用前提交）").subList(0, 3)).containsExactly("未记入批次（批次管理启用前提交）", "5", "2");
			List<List<String>> of2024 = read(
					loggedIn(DemoUsers.ADMIN).getBytes("/statistics/export/batch.xlsx?year=2024").body());
			assertThat(of2024.stream().map(r -> r.isEmpty() ? "" : r.get(0))).doesNotContain("2025年第一批项目入库申报",
					"未记入批次（批次管理启用前提交）");
		}
		finally {
			jdbc.sql("DELETE FROM batch_entry WHERE window_id = ?").param(window).update();
			jdbc.sql("DELETE FROM application_window WHERE id = ?").param(window).update();
		}
	}

	/**
	 * A loan decided by tranche records no interest-subsidy amount: it is counted among
	 * the decided ones at the cap of its tranche the ledger accrued (1,000,000 × 1.5% ×
	 * 24 ÷ 12 = 3 万), so that what is paid on it never exceeds what is shown decided.
	 */
	@Test
	void aLoanDecidedByTrancheCountsAmongTheDecidedAtItsTranchesCaps() throws Exception {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		long byTranche = application("LOAN", enterprise("ent-gx"), GX, "APPROVED", null, null, p1, "1000000.00",
				"pi-l3", at(2025, 6, 1), at(2025, 8, 1));
		try {
			jdbc.sql("""
					UPDATE application SET granted_amount = 1000000.00, interest_subsidy_amount = 0,
					    interest_subsidy_by_tranche = TRUE WHERE id = ?""").param(byTranche).update();
			jdbc.sql(
					"""
							INSERT INTO loan_event (application_id, bank_key, event_type, event_date, amount, recorded_by, recorded_at)
							VALUES (?, 'icbc', 'DISBURSEMENT', DATE '2025-08-01', 600000.00, 'icbc-officer', ?),
							       (?, 'icbc', 'DISBURSEMENT', DATE '2025-08-01', 400000.00, 'icbc-officer', ?)""")
				.params(byTranche, now, byTranche, now)
				.update();
			long ledger = jdbc
				.sql("""
						INSERT INTO subsidy_ledger (application_id, division_code, bank_key, period_start, period_end, period_label,
						    balance_basis, subsidy_days, points, amount, status, accrued_at, paid_on)
						VALUES (?, '371525', 'icbc', DATE '2025-08-01', DATE '2025-08-31', '2025-08', 31000000.00, 31, 1.5,
						        1291.67, 'PAID', ?, DATE '2025-09-30') RETURNING id""")
				.params(byTranche, now)
				.query(Long.class)
				.single();
			jdbc.sql(
					"""
							INSERT INTO subsidy_ledger_share (ledger_id, disbursed_on, balance_basis, subsidy_days, points, months)
							VALUES (?, DATE '2025-08-01', 31000000.00, 31, 1.5, 24)""")
				.param(ledger)
				.update();

			WebClient admin = loggedIn(DemoUsers.ADMIN);
			List<List<String>> loans = read(admin.getBytes("/statistics/export/loans.xlsx?year=2025").body());
			assertThat(row(loans, "冠县")).containsExactly("冠县", "2", "300.00", "1", "180.00", "2", "280.00", "2",
					"8.40");
			List<List<String>> money = read(admin.getBytes("/statistics/export/money.xlsx?year=2025").body());
			assertThat(row(money, "贷款贴息已核定（批准）")).containsExactly("贷款贴息已核定（批准）", "冠县", "2", "8.40");
			assertThat(money.stream().flatMap(List::stream))
				.anyMatch(cell -> cell.contains("按《贷款贴息分笔核定决定书》办理的贷款计入核定贴息笔数"));
		}
		finally {
			jdbc.sql(
					"DELETE FROM subsidy_ledger_share WHERE ledger_id IN (SELECT id FROM subsidy_ledger WHERE application_id = ?)")
				.param(byTranche)
				.update();
			jdbc.sql("DELETE FROM subsidy_ledger WHERE application_id = ?").param(byTranche).update();
			jdbc.sql("DELETE FROM loan_event WHERE application_id = ?").param(byTranche).update();
			jdbc.sql("DELETE FROM application WHERE id = ?").param(byTranche).update();
		}
	}

	/**
	 * A loan decided at 5,000,000 × 1% × 24 ÷ 12 = 10 万, whose tranche of 3,800,000 the
	 * ledger accrues under the 1.5-point rule outside that total: it counts at 10 万 less
	 * that principal's 7.6 万 at 1 point, plus its own 11.4 万, 13.8 万 in all, so that what
	 * is paid on it never exceeds what is shown decided.
	 */
	@Test
	void aLoanWithATrancheOutsideItsDecidedTotalCountsAmongTheDecidedWithThatTranchesLimit() throws Exception {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		long decided = application("LOAN", enterprise("ent-gx"), GX, "APPROVED", null, null, p1, "5000000.00", "pi-l4",
				at(2025, 6, 1), at(2025, 8, 1));
		try {
			jdbc.sql("""
					UPDATE application SET granted_amount = 5000000.00, interest_subsidy_amount = 100000.00,
					    interest_subsidy_points = 1.0, interest_subsidy_months = 24 WHERE id = ?""")
				.param(decided)
				.update();
			jdbc.sql(
					"""
							INSERT INTO loan_event (application_id, bank_key, event_type, event_date, amount, recorded_by, recorded_at)
							VALUES (?, 'icbc', 'DISBURSEMENT', DATE '2024-06-20', 1200000.00, 'icbc-officer', ?),
							       (?, 'icbc', 'DISBURSEMENT', DATE '2024-09-01', 3800000.00, 'icbc-officer', ?)""")
				.params(decided, now, decided, now)
				.update();
			long ledger = jdbc
				.sql("""
						INSERT INTO subsidy_ledger (application_id, division_code, bank_key, period_start, period_end, period_label,
						    balance_basis, subsidy_days, points, amount, status, accrued_at)
						VALUES (?, '371525', 'icbc', DATE '2024-09-01', DATE '2024-09-30', '2024-09', 150000000.00, 30, NULL,
						        5750.00, 'ACCRUED', ?) RETURNING id""")
				.params(decided, now)
				.query(Long.class)
				.single();
			jdbc.sql(
					"""
							INSERT INTO subsidy_ledger_share (ledger_id, disbursed_on, balance_basis, subsidy_days, points, months)
							VALUES (?, DATE '2024-06-20', 36000000.00, 30, 1.0, 24), (?, DATE '2024-09-01', 114000000.00, 30, 1.5, 24)""")
				.params(ledger, ledger)
				.update();

			WebClient admin = loggedIn(DemoUsers.ADMIN);
			List<List<String>> loans = read(admin.getBytes("/statistics/export/loans.xlsx?year=2025").body());
			assertThat(row(loans, "冠县")).containsExactly("冠县", "2", "700.00", "1", "180.00", "2", "680.00", "2",
					"19.20");
			List<List<String>> money = read(admin.getBytes("/statistics/export/money.xlsx?year=2025").body());
			assertThat(row(money, "贷款贴息已核定（批准）")).containsExactly("贷款贴息已核定（批准）", "冠县", "2", "19.20");
		}
		finally {
			jdbc.sql(
					"DELETE FROM subsidy_ledger_share WHERE ledger_id IN (SELECT id FROM subsidy_ledger WHERE application_id = ?)")
				.param(decided)
				.update();
			jdbc.sql("DELETE FROM subsidy_ledger WHERE application_id = ?").param(decided).update();
			jdbc.sql("DELETE FROM loan_event WHERE application_id = ?").param(decided).update();
			jdbc.sql("DELETE FROM application WHERE id = ?").param(decided).update();
		}
	}

	@Test
	void thePaymentClawbackAndLedgerModulesReportTheirOwnRecordsByCountyAndMonth() {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		// A second allocation (of a claim the other figures do not count: it stays a
		// draft for them), revoked on 20 November 2025 before anything was paid.
		long revokedClaim = application("SUBSIDY", enterprise("ent-gx"), GX, "DRAFT", null, null, p1, null, null, null,
				null);
		// A third (a draft for the other figures too): 10 万 allocated, 4 万 paid on 5
		// October, then clawed back by a decision of 1 December 2025 that orders the 4 万
		// back and withdraws the unpaid 6 万.
		long partlyPaidClaim = application("SUBSIDY", enterprise("ent-gx"), GX, "DRAFT", null, null, p1, null, null,
				null, null);
		try {
			// S1 (冠县, 45 万 allocated) paid in two instalments, 20 万 in August and 25 万 in
			// September 2025.
			jdbc.sql(
					"""
							INSERT INTO aftercare_payment (application_id, task_id, paid_on, amount, voucher_no, body_group, recorded_at)
							VALUES (?, 'flow-t1', DATE '2025-08-05', 200000.00, 'GK-1', 'county-371525-finance', ?),
							       (?, 'flow-t2', DATE '2025-09-10', 250000.00, 'GK-2', 'county-371525-finance', ?)""")
				.params(s1, now, s1, now)
				.update();
			// L1 (冠县) disbursed 180 万 in July 2025 and repaid 30 万; one period's interest
			// subsidy of 4,500.00 paid in September, another of 4,350.00 accrued and not
			// yet paid.
			jdbc.sql(
					"""
							INSERT INTO loan_event (application_id, bank_key, event_type, event_date, amount, recorded_by, recorded_at)
							VALUES (?, 'icbc', 'DISBURSEMENT', DATE '2025-07-10', 1800000.00, 'icbc-officer', ?),
							       (?, 'icbc', 'REPAYMENT', DATE '2025-08-10', 300000.00, 'icbc-officer', ?)""")
				.params(l1, now, l1, now)
				.update();
			jdbc.sql(
					"""
							INSERT INTO subsidy_ledger (application_id, division_code, bank_key, period_start, period_end, period_label,
							    balance_basis, subsidy_days, points, amount, status, accrued_at, paid_on)
							VALUES (?, '371525', 'icbc', DATE '2025-07-10', DATE '2025-07-31', '2025-07', 1, 22, 1.5, 4500.00, 'PAID', ?,
							        DATE '2025-09-30'),
							       (?, '371525', 'icbc', DATE '2025-08-01', DATE '2025-08-31', '2025-08', 1, 31, 1.5, 4350.00, 'ACCRUED', ?,
							        NULL)""")
				.params(l1, now, l1, now)
				.update();
			// S1 clawed back: 10 万 ordered by a decision of 15 October 2025, 6 万 repaid
			// on 1 November.
			long file = jdbc.sql(
					"INSERT INTO stored_file (sha256, size_bytes, media_type, created_at, content) VALUES (?, 1, 'application/pdf', ?, ?) RETURNING id")
				.params("1".repeat(64), now, new byte[] { 1 })
				.query(Long.class)
				.single();
			long decision = jdbc
				.sql("""
						INSERT INTO decision (application_id, stage, decision_type, body_key, body_name, decision_year, serial_no,
						    document_number, verification_code, decision_date, issued_at, enterprise_name, credit_code, file_id, sha256, signer)
						VALUES (?, 'CLAWBACK', 'CLAWBACK_DECIDED', 'industry', '聊城市工业和信息化局', 2025, 901, '聊工信审〔2025〕901号',
						        'VFLOW1', DATE '2025-10-15', TIMESTAMP '2025-10-15 10:00:00', '企业', '91371525MA3CB7K21F', ?, ?, 'test')
						RETURNING id""")
				.params(s1, file, "1".repeat(64))
				.query(Long.class)
				.single();
			long clawback = jdbc
				.sql("""
						INSERT INTO clawback (application_id, enterprise_id, division_code, reference_no, enterprise_name, credit_code,
						    project_name, allocated, cause, facts, started_by, started_at, status, amount, decision_id, repaid)
						VALUES (?, ?, '371525', 'BZ-2025-000001', '企业', '91371525MA3CB7K21F', '统计测试项目', 450000.00,
						        'ACCEPTANCE_FAILED', '验收不合格', 'lc-industry', ?, 'DECIDED', 100000.00, ?, 60000.00) RETURNING id""")
				.params(s1, enterprise("ent-gx"), now, decision)
				.query(Long.class)
				.single();
			jdbc.sql(
					"""
							INSERT INTO clawback_repayment (clawback_id, paid_on, amount, voucher_no, recorded_by, recorded_at, state,
							    checked_by, checked_at)
							VALUES (?, DATE '2025-11-01', 60000.00, 'JK-1', 'gx-finance', ?, 'CONFIRMED', 'gx-finance-lead', ?)""")
				.params(clawback, now, now)
				.update();
			// Recorded and not yet checked by a second person: not repaid.
			jdbc.sql(
					"""
							INSERT INTO clawback_repayment (clawback_id, paid_on, amount, voucher_no, recorded_by, recorded_at, state)
							VALUES (?, DATE '2025-11-02', 5000.00, 'JK-2', 'gx-finance', ?, 'PENDING')""")
				.params(clawback, now)
				.update();
			long revocation = jdbc
				.sql("""
						INSERT INTO decision (application_id, stage, decision_type, body_key, body_name, decision_year, serial_no,
						    document_number, verification_code, decision_date, issued_at, enterprise_name, credit_code, file_id, sha256, signer)
						VALUES (?, 'CLAWBACK', 'SUBSIDY_REVOKED', 'industry', '聊城市工业和信息化局', 2025, 902, '聊工信审〔2025〕902号',
						        'VFLOW2', DATE '2025-11-20', TIMESTAMP '2025-11-20 10:00:00', '企业', '91371525MA3CB7K21F', ?, ?, 'test')
						RETURNING id""")
				.params(revokedClaim, file, "1".repeat(64))
				.query(Long.class)
				.single();
			jdbc.sql(
					"""
							INSERT INTO clawback (application_id, enterprise_id, division_code, reference_no, enterprise_name, credit_code,
							    project_name, allocated, cause, facts, started_by, started_at, status, decision_id, repaid)
							VALUES (?, ?, '371525', 'BZ-2025-000002', '企业', '91371525MA3CB7K21F', '统计测试项目', 300000.00,
							        'RECTIFICATION_LAPSED', '整改期满未提交整改材料', 'lc-industry', ?, 'REVOKED', ?, 0)""")
				.params(revokedClaim, enterprise("ent-gx"), now, revocation)
				.update();

			jdbc.sql(
					"""
							INSERT INTO aftercare_payment (application_id, task_id, paid_on, amount, voucher_no, body_group, recorded_at)
							VALUES (?, 'flow-t3', DATE '2025-10-05', 40000.00, 'GK-3', 'county-371525-finance', ?)""")
				.params(partlyPaidClaim, now)
				.update();
			long partial = jdbc
				.sql("""
						INSERT INTO decision (application_id, stage, decision_type, body_key, body_name, decision_year, serial_no,
						    document_number, verification_code, decision_date, issued_at, enterprise_name, credit_code, file_id, sha256, signer)
						VALUES (?, 'CLAWBACK', 'CLAWBACK_DECIDED', 'industry', '聊城市工业和信息化局', 2025, 903, '聊工信审〔2025〕903号',
						        'VFLOW3', DATE '2025-12-01', TIMESTAMP '2025-12-01 10:00:00', '企业', '91371525MA3CB7K21F', ?, ?, 'test')
						RETURNING id""")
				.params(partlyPaidClaim, file, "1".repeat(64))
				.query(Long.class)
				.single();
			jdbc.sql(
					"""
							INSERT INTO clawback (application_id, enterprise_id, division_code, reference_no, enterprise_name, credit_code,
							    project_name, allocated, cause, facts, started_by, started_at, status, amount, decision_id, repaid)
							VALUES (?, ?, '371525', 'BZ-2025-000003', '企业', '91371525MA3CB7K21F', '统计测试项目', 100000.00,
							        'ACCEPTANCE_FAILED', '验收不合格', 'lc-industry', ?, 'DECIDED', 40000.00, ?, 0)""")
				.params(partlyPaidClaim, enterprise("ent-gx"), now, partial)
				.update();

			MoneyFlowQuery year2025 = new MoneyFlowQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), Set.of());
			// S1's clawback found it paid in full: nothing of it is withdrawn; the third
			// claim's decision withdraws its unpaid 6 万 beside ordering back the 4 万.
			assertThat(realFlows(year2025)).containsExactlyInAnyOrder("SUBSIDY_PAID 371525 2025-08 200000.00 1",
					"SUBSIDY_PAID 371525 2025-09 250000.00 1", "SUBSIDY_PAID 371525 2025-10 40000.00 1",
					"LOAN_DISBURSED 371525 2025-07 1800000.00 1", "INTEREST_SUBSIDY_PAID 371525 2025-09 4500.00 1",
					"CLAWBACK_ORDERED 371525 2025-10 100000.00 1", "CLAWBACK_ORDERED 371525 2025-12 40000.00 1",
					"CLAWBACK_REPAID 371525 2025-11 60000.00 1", "SUBSIDY_REVOKED 371525 2025-11 300000.00 1",
					"SUBSIDY_REVOKED 371525 2025-12 60000.00 1");
			// A county body's scope and a period that ends before September leave the
			// rest out.
			assertThat(realFlows(new MoneyFlowQuery(null, null, Set.of(LQ)))).isEmpty();
			assertThat(realFlows(new MoneyFlowQuery(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 9, 1), Set.of(GX))))
				.containsExactly("SUBSIDY_PAID 371525 2025-08 200000.00 1");
		}
		finally {
			jdbc.sql("DELETE FROM clawback_repayment WHERE voucher_no IN ('JK-1', 'JK-2')").update();
			jdbc.sql("DELETE FROM clawback WHERE application_id IN (?, ?, ?)")
				.params(s1, revokedClaim, partlyPaidClaim)
				.update();
			jdbc.sql("DELETE FROM decision WHERE verification_code IN ('VFLOW1', 'VFLOW2', 'VFLOW3')").update();
			jdbc.sql("DELETE FROM aftercare_payment WHERE application_id = ?").param(partlyPaidClaim).update();
			jdbc.sql("DELETE FROM application WHERE id IN (?, ?)").params(revokedClaim, partlyPaidClaim).update();
			jdbc.sql("DELETE FROM subsidy_ledger WHERE application_id = ?").param(l1).update();
			jdbc.sql("DELETE FROM loan_event WHERE application_id = ?").param(l1).update();
			jdbc.sql("DELETE FROM aftercare_payment WHERE task_id LIKE 'flow-t%'").update();
		}
	}

	/**
	 * What the modules' own implementations answer, one line per aggregate; the test's
	 * scope-breaking one left out.
	 */
	private List<String> realFlows(MoneyFlowQuery query) {
		return moneyFlows.stream()
			.filter(flows -> flows.getClass().getPackageName().startsWith("cn.liaocheng.renewal."))
			.filter(flows -> !flows.getClass().getName().contains("StatisticsOnPostgresTest"))
			.flatMap(flows -> flows.flows(query).stream())
			.map(f -> f.measure() + " " + f.divisionCode() + " " + f.month() + " " + f.amount().setScale(2) + " "
					+ f.count())
			.toList();
	}

	// ---- fixture

	private long enterprise(String user) {
		return jdbc.sql("SELECT id FROM enterprise WHERE user_id = ?").param(user).query(Long.class).single();
	}

	private static LocalDateTime at(int year, int month, int day) {
		return LocalDateTime.of(year, month, day, 9, 0);
	}

	private long application(String kind, long enterprise, String division, String status, Integer task,
			String equipment, Long project, String loan, String processInstance, LocalDateTime submitted,
			LocalDateTime decided) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		long id = jdbc
			.sql("""
					INSERT INTO application (kind, enterprise_id, division_code, status, creation_key, version, project_name,
					    policy_task, equipment_investment, project_id, loan_amount, process_instance_id, created_at, updated_at,
					    submitted_at, decided_at)
					VALUES (?, ?, ?, ?, ?, 0, '统计测试项目', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(kind, enterprise, division, status, "stat-" + System.nanoTime(), task,
					equipment == null ? null : new BigDecimal(equipment), project,
					loan == null ? null : new BigDecimal(loan), processInstance, now, now,
					submitted == null ? null : Timestamp.valueOf(submitted),
					decided == null ? null : Timestamp.valueOf(decided))
			.query(Long.class)
			.single();
		AsSubmitted.record(jdbc, id);
		return id;
	}

	private void listed(long loan) {
		long file = jdbc.sql(
				"INSERT INTO stored_file (sha256, size_bytes, media_type, created_at, content) VALUES (?, 1, 'application/pdf', ?, ?) RETURNING id")
			.params("0".repeat(64), Timestamp.valueOf(LocalDateTime.now()), new byte[] { 1 })
			.query(Long.class)
			.single();
		jdbc.sql(
				"""
						INSERT INTO decision (application_id, stage, decision_type, body_key, body_name, decision_year, serial_no,
						    document_number, verification_code, decision_date, issued_at, enterprise_name, credit_code, file_id, sha256, signer)
						VALUES (?, 'LOAN', 'LOAN_LISTED', 'pboc', '中国人民银行聊城市分行', 2025, ?, ?, ?, ?, ?, '企业', '91371525MA3CB7K21F', ?, ?, 'test')""")
			.params(loan, (int) loan, "聊银审〔2025〕" + loan + "号", "V" + loan, LocalDate.of(2025, 6, 20),
					Timestamp.valueOf(LocalDateTime.now()), file, "0".repeat(64))
			.update();
	}

	private void opinion(long application, String task, String step, String stepName, String group, String body,
			LocalDateTime start, LocalDateTime end, LocalDateTime due) {
		long millis = java.time.Duration.between(start, end).toMillis();
		jdbc.sql("""
				INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, NAME_, START_TIME_, END_TIME_, DURATION_, DUE_DATE_)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params("stat-" + task, step, stepName, Timestamp.valueOf(start), Timestamp.valueOf(end), millis,
					Timestamp.valueOf(due))
			.update();
		jdbc.sql("""
				INSERT INTO review_opinion (application_id, task_id, step, step_name, body_group, body_name, reviewer,
				    reviewer_name, decision, opinion, created_at)
				VALUES (?, ?, ?, ?, ?, ?, 'reviewer', '审核员', 'APPROVE', '同意', ?)""")
			.params(application, "stat-" + task, step, stepName, group, body, Timestamp.valueOf(end))
			.update();
	}

	private WebClient loggedIn(String user) {
		WebClient client = new WebClient(port);
		assertThat(client.login(user, DemoUsers.PASSWORD).statusCode()).isEqualTo(302);
		return client;
	}

	/**
	 * The sheet as text: numbers as the page shows them (two decimals for amounts, one
	 * for days and shares).
	 */
	static List<List<String>> read(byte[] xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					Cell cell = row.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getCellType() == CellType.NUMERIC) {
						String format = cell.getCellStyle().getDataFormatString();
						BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
						cells.add(format.contains("0.00")
								? value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
								: format.equals("0.0")
										? value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString()
										: Long.toString(value.longValue()));
					}
					else {
						cells.add(cell.getStringCellValue());
					}
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	static List<String> row(List<List<String>> sheet, String first) {
		return sheet.stream()
			.filter(r -> !r.isEmpty() && r.get(0).equals(first))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + first + " in " + sheet));
	}

	static int indexOf(List<List<String>> sheet, String first) {
		for (int i = 0; i < sheet.size(); i++) {
			if (!sheet.get(i).isEmpty() && sheet.get(i).get(0).equals(first)) {
				return i;
			}
		}
		throw new AssertionError("no row " + first);
	}

	/**
	 * A module that answers beyond the scope it was asked for, which the dashboard must
	 * leave out.
	 */
	@TestConfiguration
	static class Payments {

		@Bean
		MoneyFlows subsidyPayments() {
			return query -> List.of(
					new MoneyFlow(MoneyMeasure.SUBSIDY_PAID, GX, YearMonth.of(2025, 7), new BigDecimal("300000.00"), 1),
					new MoneyFlow(MoneyMeasure.SUBSIDY_PAID, LQ, YearMonth.of(2025, 8), new BigDecimal("100000.00"), 1),
					new MoneyFlow(MoneyMeasure.SUBSIDY_PAID, LQ, YearMonth.of(2025, 9), new BigDecimal("50000.00"), 1),
					new MoneyFlow(MoneyMeasure.LOAN_DISBURSED, GX, YearMonth.of(2024, 12), new BigDecimal("900000.00"),
							1));
		}

	}

}
