package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseStanding;
import cn.liaocheng.renewal.application.InterestSubsidyAssessment;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.review.notice.NoticeBoard;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.review.process.ReviewFixture.Issued;
import cn.liaocheng.renewal.review.tasks.TaskOperations;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * For every way a case can end, the signed PDF is read back and what it says is checked
 * against what happened to the case: who reviewed, what was returned and corrected,
 * whether objections were filed, which bank, who decided, and which amounts.
 */
@WebIntegrationTest
class DecisionTextTest extends ReviewProcessTest {

	private static final BigDecimal CLAIM = new BigDecimal("370000.00");

	private static final String CITY_INDUSTRY = "聊城市工业和信息化局";

	private static final String COUNTY_INDUSTRY = "冠县工业和信息化局";

	private static final String REMEDIES = "申请行政复议";

	private static final String UPHELD = "经核查，所购设备确为翻新旧设备，异议成立。";

	@LocalServerPort
	int port;

	private final NoticeBoard noticeBoard;

	private final TaskService tasks;

	private final ApplicationStages stages;

	private final TaskOperations operations;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	DecisionTextTest(ApplicationContext context, NoticeBoard noticeBoard) {
		super(context);
		this.noticeBoard = noticeBoard;
		this.tasks = context.getBean(TaskService.class);
		this.stages = context.getBean(ApplicationStages.class);
		this.operations = context.getBean(TaskOperations.class);
		this.jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
	}

	@Test
	void aProjectRegisteredAfterACorrectionSaysWhoReviewedAndWhatWasReturned() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.resubmit(project);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE", "同意。");
		review.decideEach(project, "Task_JointReview", group -> "APPROVE");
		review.decide(project, "Task_IndustryDecision", "APPROVE");

		Issued notice = review.issued(project, DecisionType.PROJECT_ACCEPTED);

		assertThat(notice.decision().issuingBodyName()).isEqualTo(CITY_INDUSTRY);
		assertThat(notice.text())
			.contains("经" + COUNTY_INDUSTRY + "形式审查，" + COUNTY_INDUSTRY + "推荐审查，" + CITY_INDUSTRY + "受理审查，")
			.contains("聊城市发展和改革委员会")
			.contains("聊城市生态环境局")
			.contains("联合审查")
			.contains(COUNTY_INDUSTRY + "在县级形式审查环节退回补正；你单位于")
			.contains("补正后重新提交")
			.contains("受理审查")
			.doesNotContain("同意。同意。")
			.doesNotContain(ReviewFixture.opinionFor("RETURN"))
			.doesNotContain(REMEDIES);
		// Neither the plan nor the system asks for progress reports: the notice asks for
		// none.
		assertThat(notice.text()).contains("请你单位按照申报内容抓紧组织实施；可按规定申请设备更新贷款支持").doesNotContain("项目进展");
	}

	@Test
	void overdueStepsAreRecordedAndDecidedByTheirBodiesNotTheLeadGroupsTheyWereEscalatedTo() {
		Case project = review.submitProject(7);
		review.escalate(review.task(project, "Task_CountyFormalReview"), "county-371525-industry");
		review.decide(project, "Task_CountyFormalReview", "APPROVE");
		review.escalate(review.task(project, "Task_CountyRecommendation"), "county-371525-industry");
		review.decide(project, "Task_CountyRecommendation", "REFUSE");

		assertThat(review.opinionBodies(project)).containsExactly("Task_CountyFormalReview:county-371525-industry",
				"Task_CountyRecommendation:county-371525-industry");
		Issued refusal = review.issued(project, DecisionType.PROJECT_NOT_RECOMMENDED);
		assertThat(refusal.decision().issuingBodyName()).isEqualTo(COUNTY_INDUSTRY);
		assertThat(refusal.text()).doesNotContain("负责人");
		// The county does not decide the library: it does not recommend.
		assertThat(refusal.text()).contains("该项目未通过县级审查，不予推荐，本次申请不能纳入").doesNotContain("该项目不予纳入");
	}

	/**
	 * The city lead bureau refused at acceptance: the act is 不予受理, in its own decision,
	 * and the document and the history state the conclusion in the words the reviewer
	 * picked on the form, not a paraphrase of its value (不同意).
	 */
	@Test
	void aRefusalAtCityAcceptanceIsADecisionNotToAcceptInTheWordsTheReviewerPicked() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.passCountyReview(claim);

		review.decide(claim, "Task_CityAcceptance", "REFUSE");

		Issued refusal = review.issued(claim, DecisionType.SUBSIDY_NOT_ACCEPTED);
		assertThat(refusal.decision().issuingBodyName()).isEqualTo(CITY_INDUSTRY);
		assertThat(refusal.decision().type().title()).isEqualTo("不予受理决定书");
		assertThat(refusal.text()).contains("号不予受理决定书")
			.contains("设备更新奖补资金申请收悉")
			.contains("该项目设备更新奖补资金申请不符合受理条件，本机关决定不予受理。理由如下：")
			.contains("：不予受理。" + ReviewFixture.opinionFor("REFUSE"))
			.contains("：同意推荐至市级。")
			.contains(REMEDIES)
			.doesNotContain("不同意", "不予拨付", "不予奖补决定书");
		assertThat(review.history(claim)).anyMatch(line -> line.contains("「市工业和信息化局受理」：不予受理。意见："))
			.anyMatch(line -> line.contains("办理结果：不予受理。"));
		// The timeline ends at the step that refused, in its words, and the steps after
		// it did not happen.
		assertThat(review.standing(claim).timeline()).filteredOn(stage -> stage.state() == CaseStanding.State.REFUSED)
			.extracting(CaseStanding.Stage::note)
			.containsExactly("不予受理", "不予受理");
		// The badge beside the note names no act the body did not do (不予批准).
		assertThat(CaseStanding.State.REFUSED.label()).isEqualTo("未通过");
		assertThat(new WebClient(port).withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD)
			.get("/enterprise/applications/" + claim.id())
			.body()).contains("未通过").doesNotContain("不予批准");
		assertThat(review.standing(claim).timeline()).filteredOn(stage -> stage.state() == CaseStanding.State.DONE)
			.extracting(CaseStanding.Stage::name)
			.doesNotContain("市工业和信息化局审定", "市级受理");
	}

	@Test
	void aCountysRefusalIsADecisionNotToRecommendAndNothingElse() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.decide(loan, "Task_CountyFormalReview", "APPROVE");

		review.decide(loan, "Task_CountyRecommendation", "REFUSE");

		Issued refusal = review.issued(loan, DecisionType.LOAN_NOT_RECOMMENDED);
		assertThat(refusal.decision().issuingBodyName()).isEqualTo(COUNTY_INDUSTRY);
		assertThat(refusal.text()).contains("号不予推荐决定书")
			.contains("设备更新贷款支持申请收悉")
			.contains("该项目未通过县级审查，不予推荐，本次申请不能列入设备更新和技术改造贷款支持项目清单。")
			.contains("：通过。", "：不予推荐。" + ReviewFixture.opinionFor("REFUSE"))
			.contains("意向银行")
			.doesNotContain("不予列入贷款支持项目清单决定书", "不同意");
		assertThat(review.history(loan)).anyMatch(line -> line.contains("办理结果：未通过县级审查，不予推荐。"));
	}

	/**
	 * The county finance bureau checks the invoices, not the claim as a whole: its
	 * decision not to recommend, the history and the timeline say what it found.
	 */
	@Test
	void aCountyFinanceRefusalSaysTheInvoicesFailedItsCheck() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.decide(claim, "Task_CountyFormalReview", "APPROVE");

		review.decide(claim, "Task_CountyInvoiceCheck", "REFUSE");

		Issued refusal = review.issued(claim, DecisionType.SUBSIDY_NOT_RECOMMENDED);
		assertThat(refusal.decision().issuingBodyName()).isEqualTo("冠县财政局");
		assertThat(refusal.text()).contains("号不予推荐决定书")
			.contains("经核验，该项目设备更新奖补资金申请所附发票未通过县级财政部门核验，本次申请不予推荐至市级，不能获得奖补资金。理由如下：")
			.doesNotContain("未通过县级审查");
		assertThat(review.history(claim)).anyMatch(line -> line.contains("办理结果：发票未通过县级财政部门核验，不予推荐至市级。"))
			.noneMatch(line -> line.contains("未通过县级审查"));
		assertThat(review.standing(claim).timeline()).extracting(CaseStanding.Stage::note)
			.contains("发票未通过县级财政部门核验，不予推荐至市级")
			.doesNotContain("未通过县级审查，不予推荐");
	}

	/**
	 * A co-reviewer refused in the joint review; the lead returned the case for
	 * correction and, after it, refused on its own finding. Only that refusal, made of
	 * the corrected dossier, is a reason of the decision; the earlier one stays in the
	 * record of opinions.
	 */
	@Test
	void aRefusalAfterTheLeadReturnedTheCaseRestsOnTheCorrectedDossierOnly() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		String refuser = review.candidateGroups(project, "Task_JointReview")
			.stream()
			.filter(g -> !g.equals("city-industry"))
			.sorted()
			.findFirst()
			.orElseThrow();
		for (Task task : review.tasks(project, "Task_JointReview")) {
			review.complete(task,
					review.groupOf(task).equals(refuser) ? Map.of("decision", "REFUSE", "opinion", "环评批复载明的产能与申报产能不符。")
							: Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE")));
		}
		review.runJobs(project);
		review.decide(project, "Task_IndustryDecision", "RETURN", "请补充覆盖新增产能的环评批复。");
		review.resubmit(project);
		review.decide(project, "Task_IndustryDecision", "REFUSE", "补正后的环评批复仍未覆盖新增产能，不予入库。");

		String text = review.issued(project, DecisionType.PROJECT_REFUSED).text();
		String reasons = text.substring(text.indexOf("决定及理由"));
		assertThat(reasons).contains("补正后的环评批复仍未覆盖新增产能").doesNotContain("环评批复载明的产能与申报产能不符");
		assertThat(text.substring(0, text.indexOf("决定及理由"))).as("still of record among the opinions")
			.contains("环评批复载明的产能与申报产能不符");
	}

	/**
	 * A co-reviewer refused in the joint review while another returned the case; after
	 * the correction only the returning body reviewed again, and the lead then refused on
	 * its own finding. The first refusal was of the dossier before the correction: it
	 * stays among the opinions, not among the reasons.
	 */
	@Test
	void aCoReviewersRefusalBeforeAJointReviewCorrectionIsNotAReasonOfTheLeadsLaterRefusal() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");
		List<String> others = review.candidateGroups(project, "Task_JointReview")
			.stream()
			.filter(g -> !g.equals("city-industry"))
			.sorted()
			.toList();
		assertThat(others).hasSizeGreaterThanOrEqualTo(2);
		String refuser = others.get(0);
		String returner = others.get(1);
		for (Task task : review.tasks(project, "Task_JointReview")) {
			String group = review.groupOf(task);
			review.complete(task,
					group.equals(refuser) ? Map.of("decision", "REFUSE", "opinion", "环评批复载明的产能与申报产能不符。")
							: group.equals(returner) ? Map.of("decision", "RETURN", "opinion", "请补充能源消费量测算依据。")
									: Map.of("decision", "APPROVE", "opinion", ReviewFixture.opinionFor("APPROVE")));
		}
		review.runJobs(project);
		review.resubmit(project);
		review.decideEach(project, "Task_JointReview", group -> "APPROVE");
		review.decide(project, "Task_IndustryDecision", "REFUSE", "项目建设内容与重点任务不符，不予入库。");

		String text = review.issued(project, DecisionType.PROJECT_REFUSED).text();
		String reasons = text.substring(text.indexOf("决定及理由"));
		assertThat(reasons).contains("项目建设内容与重点任务不符").doesNotContain("环评批复载明的产能与申报产能不符");
		assertThat(text.substring(0, text.indexOf("决定及理由"))).as("still of record among the opinions")
			.contains("环评批复载明的产能与申报产能不符");
	}

	/**
	 * An amount changed and changed back, an attachment uploaded and deleted: the dossier
	 * resubmitted is the one returned, and nothing says otherwise.
	 */
	@Test
	void aCorrectionThatWasUndoneChangedNothing() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		String[] location = new String[1];
		review.correct(project, form -> {
			location[0] = form.getLocation();
			form.setLocation("冠县经济开发区振兴路 18 号 3 号地块");
		});
		review.correct(project, form -> form.setLocation(location[0]));
		review.attachAndRemove(project);

		review.resubmit(project);

		assertThat(review.history(project)).contains("修改申报材料：建设地点", "补正后重新提交申报，申报材料未作修改")
			.noneSatisfy(line -> assertThat(line).startsWith("补正后重新提交申报，修改了"));
	}

	/**
	 * An attachment the reviewers saw, removed during a correction, leaves the dossier
	 * but not the record: the history names it, and the reviewers can still open it.
	 */
	@Test
	void anAttachmentRemovedDuringACorrectionStaysOnRecord() throws Exception {
		Case project = review.submitProject(7);
		cn.liaocheng.renewal.support.WebClient enterprise = new cn.liaocheng.renewal.support.WebClient(port)
			.withBasic(DemoUsers.ENTERPRISE, DemoUsers.PASSWORD);
		com.fasterxml.jackson.databind.JsonNode before = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(enterprise.get("/api/applications/" + project.id()).body());
		long licence = before.at("/attachments/0/id").asLong();
		String sha256 = before.at("/attachments/0/sha256").asText();
		review.decide(project, "Task_CountyFormalReview", "RETURN");

		assertThat(enterprise.send("DELETE", "/api/applications/" + project.id() + "/attachments/" + licence, null)
			.statusCode()).isIn(200, 204);

		assertThat(enterprise.get("/api/applications/" + project.id()).body())
			.doesNotContain("\"id\":" + licence + ",");
		assertThat(review.history(project)).anySatisfy(line -> assertThat(line).startsWith("删除附件：营业执照《"));
		java.net.http.HttpResponse<String> opened = new cn.liaocheng.renewal.support.WebClient(port)
			.withBasic("gx-industry", DemoUsers.PASSWORD)
			.get("/review/applications/" + project.id() + "/attachments/" + licence);
		assertThat(opened.statusCode()).as("the reviewers still open what they saw").isEqualTo(200);
		assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'ATTACHMENT_REMOVED' AND subject = ?")
			.param("application:" + project.id())
			.query(String.class)
			.list()).singleElement().asString().contains(sha256);
	}

	@Test
	void aCorrectionsChangesAreNamedInTheHistoryAndTheDecision() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.resubmit(project); // nothing changed the first time
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		review.correct(project, form -> form.setLocation("冠县经济开发区振兴路 18 号 3 号地块"));
		review.correct(project, form -> form.getEquipment().get(0).setModel("CK6150B"));
		review.correct(project, form -> form.setLocation("冠县经济开发区振兴路 18 号 3 号地块")); // again,
																					// unchanged
		review.resubmit(project);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE", "同意。");
		review.decideEach(project, "Task_JointReview", group -> "APPROVE");
		review.decide(project, "Task_IndustryDecision", "APPROVE");

		assertThat(review.history(project)).contains("补正后重新提交申报，申报材料未作修改", "修改申报材料：建设地点", "修改申报材料：设备明细及发票",
				"保存申报材料，内容未变", "补正后重新提交申报，修改了建设地点、设备明细及发票");
		String text = review.issued(project, DecisionType.PROJECT_ACCEPTED).text();
		assertThat(text).contains("补正后重新提交，申报材料未作修改。").contains("补正后重新提交，修改了建设地点、设备明细及发票。");
	}

	@Test
	void aProjectRefusedAtCountyFormalReviewIsTheCountyBureausDecisionAndNamesOnlyTheCounty() {
		Case project = review.submitProject(7);

		review.decide(project, "Task_CountyFormalReview", "REFUSE");

		Issued refusal = review.issued(project, DecisionType.PROJECT_NOT_RECOMMENDED);
		assertThat(refusal.decision().issuingBodyName()).isEqualTo(COUNTY_INDUSTRY);
		assertThat(refusal.decision().number()).startsWith("冠工信审〔");
		assertThat(refusal.text()).contains("经" + COUNTY_INDUSTRY + "形式审查，现决定如下")
			.contains(ReviewFixture.opinionFor("REFUSE"))
			.contains("向冠县人民政府申请行政复议")
			.doesNotContain("联合审查")
			.doesNotContain(CITY_INDUSTRY);
	}

	@Test
	void aSubsidyWhoseNoticeDrewAnUnfoundedObjectionSaysSo() {
		Case claim = approvedClaim();
		assertThat(noticeBoard
			.file(claim.id(), new NoticeBoard.ObjectionForm("测试异议人", "", "13900000001", "该企业所购设备为翻新旧设备。"), "192.0.2.7")
			.result()).isEqualTo(NoticeBoard.Result.FILED);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_ResolveObjections", "APPROVE");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");

		Issued notice = review.issued(claim, DecisionType.SUBSIDY_ALLOCATED);

		assertThat(notice.decision().issuingBodyName()).isEqualTo("聊城市财政局");
		assertThat(notice.text()).contains("公示期内收到实名异议1件，经" + CITY_INDUSTRY + "核查，认定异议不成立")
			.doesNotContain("无异议")
			.doesNotContain("未收到异议")
			.contains("人民币37,000.00元（大写：叁万柒仟元整）");
	}

	@Test
	void aSubsidyWithoutObjectionsSaysTheNoticeDrewNone() {
		Case claim = approvedClaim();
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");

		assertThat(review.issued(claim, DecisionType.SUBSIDY_ALLOCATED).text()).contains("公示期内未收到异议")
			.contains("冠县财政局发票核验");
	}

	@Test
	void aGrantedLoanNamesTheBankFromTheDirectoryAndStatesTheInterestSubsidyByTheTerm() {
		Case loan = listedLoan();

		review.grant(loan, "10000000.00", true);

		Issued listing = review.issued(loan, DecisionType.LOAN_LISTED);
		assertThat(listing.decision().issuingBodyName()).isEqualTo("中国人民银行聊城市分行");
		assertThat(listing.text()).contains("推送至你单位选择的银行")
			.contains("中国工商银行聊城分行经依法自主审贷，批准发放固定资产贷款人民币10,000,000.00元")
			.contains("首笔放款日为2026年3月16日")
			// Every body that reviewed it jointly is named; the co-reviewers' opinions
			// are the government's own and not stated to the bank.
			.contains("聊城市工业和信息化局、聊城市发展和改革委员会、聊城市生态环境局、中国人民银行聊城市分行、国家金融监督管理总局聊城监管分局联合审查")
			.doesNotContain("聊城市发展和改革委员会（市级联审，")
			.doesNotContain("已于2026年3月16日发放")
			.contains("贷款金额：人民币10,000,000.00元")
			.doesNotContain("申请贷款金额")
			.contains("该项目推送银行后，中国工商银行聊城分行同意放贷；你单位于")
			.doesNotContain("icbc")
			.doesNotContain("可申请财政贴息")
			.doesNotContain(REMEDIES);
		Issued interest = review.issued(loan, DecisionType.INTEREST_SUBSIDY_GRANTED);
		assertThat(interest.decision().issuingBodyName()).isEqualTo("聊城市财政局");
		assertThat(interest.text()).doesNotContain("申请收悉")
			.contains("已由中国工商银行聊城分行于2026年3月16日发放")
			.contains("关于优化实施设备更新贷款财政贴息政策的通知")
			.contains("每年1.5个百分点、贴息期限24个月")
			.contains("人民币300,000.00元（大写：叁拾万元整）")
			// The total is a ceiling, under the facts too: early repayment pays less.
			.contains("财政贴息：不超过人民币300,000.00元")
			.doesNotContain("上限")
			.doesNotContain("实施方案》（聊工信发〔2024〕37号）三（三）");
		// The finance bureau's review is the act behind its decision, not behind the
		// listing, which was decided before it.
		assertThat(interest.text()).contains("同意按测算结果办理");
		assertThat(listing.text()).doesNotContain("同意按测算结果办理").doesNotContain("核定贷款贴息");
	}

	/**
	 * A refusal states the conditions the subsidy was computed on when the grant was
	 * accepted, as recorded then: not the table or the bank directory as they read when
	 * the finance bureau decides, days later.
	 */
	@Test
	void aRefusalStatesTheGroundsRecordedWhenTheSubsidyWasComputed() {
		Case loan = listedLoan();
		review.grantOnly(loan, "icbc", "2000000.00", false, "WORKING_CAPITAL");
		review.acceptOnly(loan, "icbc");
		Outcomes computed = review.outcomes(loan);
		assertThat(computed.interestSubsidyFinding()).contains("贷款品种为流动资金贷款").contains("该笔贷款不符合贴息条件");
		String recorded = "该笔贷款于2026年3月16日发放，贷款品种为流动资金贷款。依照当时适用的贴息规则（测试记录），该笔贷款不符合贴息条件。";
		stages.recordInterestSubsidy(loan.id(),
				new InterestSubsidyAssessment(computed.interestSubsidyAmount(), computed.interestSubsidyPoints(),
						computed.interestSubsidyMonths(), computed.interestSubsidyCap(),
						computed.interestSubsidyBasis(), recorded));

		review.decide(loan, "Task_FinanceInterestReview", "APPROVE", "经核对，同意测算结论，不予贴息。");

		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_REFUSED).text()).contains(recorded)
			.doesNotContain("享受财政贴息的贷款须为固定资产贷款");
	}

	/**
	 * The national notices set no cap per loan, so a large loan's subsidy is what the
	 * rule computes, and no cap is cited in their name.
	 */
	@Test
	void aLargeLoansInterestSubsidyIsNotCutByACapTheNoticesDoNotSet() {
		Case loan = listedLoan(review.newRegisteredProject(7, "150000000.00"));

		review.grant(loan, "100000000.00", true); // 1.5 points over 24 months: 3,000,000

		assertThat(review.issued(loan, DecisionType.INTEREST_SUBSIDY_GRANTED).text())
			.contains("每年1.5个百分点、贴息期限24个月", "计算，核定该笔贷款按上述比例和期限计算的财政贴息总额不超过人民币3,000,000.00元", "逾期或违约的，自逾期或违约之日起停止贴息")
			.doesNotContain("上限");
		assertThat(review.outcomes(loan).interestSubsidyCap()).isNull();
	}

	@Test
	void aWorkingCapitalLoanOf2026IsRefusedTheInterestSubsidyWithTheRuleItMissed() {
		Case loan = listedLoan();

		review.grant(loan, "2000000.00", false, "WORKING_CAPITAL");

		Issued refusal = review.issued(loan, DecisionType.INTEREST_SUBSIDY_REFUSED);
		// The rule itself gives nothing: it is the ground, and named as such.
		assertThat(refusal.text()).contains("经本机关审核，根据放款日适用的国家设备更新贷款财政贴息政策，现决定如下：")
			.contains("贷款品种为流动资金贷款")
			.contains("依照放款日适用的《关于优化实施设备更新贷款财政贴息政策的通知》（2026年1月）")
			.contains("享受财政贴息的贷款须为固定资产贷款，或由再贷款发放机构使用再贷款资金发放的科技创新贷款，该笔贷款不符合贴息条件")
			.doesNotContain("2024年3月7日")
			.contains(REMEDIES);
		// The case's result says the interest subsidy was refused, not that it was
		// determined.
		assertThat(review.history(loan)).anySatisfy(line -> assertThat(line).contains("银行已放贷；不予财政贴息"))
			.noneSatisfy(line -> assertThat(line).contains("贴息已核定"));
	}

	@Test
	void aBanksDeclineIsANoticeFromTheCentralBankBranchWithoutAdministrativeRemedies() {
		Case loan = listedLoan();

		review.decide(loan, "Task_BankDecision", "DECLINED");

		Issued notice = review.issued(loan, DecisionType.LOAN_DECLINED);
		assertThat(notice.decision().issuingBodyName()).isEqualTo("中国人民银行聊城市分行");
		assertThat(notice.text()).contains("贷款审批结果告知书")
			.contains("中国工商银行聊城分行")
			.contains(ReviewFixture.opinionFor("DECLINED"))
			.contains("可以选择其他银行重新提出设备更新贷款申请")
			.contains("特此告知")
			.doesNotContain(REMEDIES)
			.doesNotContain("行政诉讼");
		// The enterprise is told which document it got: a notice, not a decision.
		assertThat(review.toldToEnterprise(loan)).anySatisfy(note -> assertThat(note).startsWith("CASE_DECIDED")
			.contains("《贷款审批结果告知书》已签发")
			.doesNotContain("决定书已签发"));
		assertThat(review.history(loan)).anyMatch(line -> line.contains("结果文书可在申报详情中下载"))
			.noneMatch(line -> line.contains("决定书可在申报详情中下载"));
		// Nor does the case page call it an administrative refusal.
		assertThat(review.standing(loan).timeline()).last().satisfies(stage -> {
			assertThat(stage.state()).isNotEqualTo(CaseStanding.State.REFUSED);
			assertThat(stage.note()).isEqualTo("各意向银行均不予放贷");
		});
	}

	@Test
	void aLapseIsDecidedByTheBodyThatReturnedTheCase() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");

		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");

		Issued lapse = review.issued(project, DecisionType.APPLICATION_LAPSED);
		assertThat(lapse.decision().issuingBodyName()).isEqualTo(COUNTY_INDUSTRY);
		assertThat(lapse.text()).contains(COUNTY_INDUSTRY + "在县级形式审查环节退回补正；你单位未在补正期限内重新提交").contains("向冠县人民政府申请行政复议");
		assertThat(lapse.text()).contains("符合条件的，你单位可在材料齐全后于申报期内重新提出申请");
		assertThat(lapse.text()).contains("入库申请，" + COUNTY_INDUSTRY + "在县级形式审查环节要求补正材料，已告知你单位补正的内容和期限");
	}

	/**
	 * The lapse gives the deadline the case was given when it was returned, in Beijing
	 * time, not the rule's number of days.
	 */
	@Test
	void aLapseGivesTheCorrectionDeadlineTheCaseWasGiven() {
		Case project = review.submitProject(7);
		review.decide(project, "Task_CountyFormalReview", "RETURN");
		Instant deadline = review.outcomes(project).correctionDeadline();
		LocalDateTime shown = LocalDateTime.ofInstant(deadline, ChinaTime.ZONE);

		review.fireTimer(project, "BoundaryEvent_CorrectionOverdue");
		// Firing the timer early, the fixture moves the recorded deadline to now (the
		// lapse needs a deadline that has passed): the decision gives the one recorded.
		LocalDateTime recorded = LocalDateTime.ofInstant(review.outcomes(project).correctionDeadline(), ChinaTime.ZONE);

		assertThat(shown.toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
		assertThat(review.issued(project, DecisionType.APPLICATION_LAPSED).text())
			// The text as a PDF tool reads it, without spaces.
			.contains("申报被退回补正后，申请人未在补正期限（" + ChinaTime.day(recorded.toLocalDate())
					+ recorded.format(DateTimeFormatter.ofPattern("HH:mm")) + "）前补正并重新提交。")
			.doesNotContain("个工作日内补正");
	}

	@Test
	void aProjectEntersTheLibraryOfTheBatchItWasSubmittedInNotOfTheYearItWasDecidedIn() {
		Case project = review.submitProject(7);
		int batchYear = LocalDate.now(ChinaTime.ZONE).getYear() + 1;
		review.inBatchOf(project, batchYear);
		review.passCountyReview(project);
		review.passCityReview(project);

		assertThat(review.issued(project, DecisionType.PROJECT_ACCEPTED).text())
			.contains("同意将该项目纳入" + batchYear + "年度聊城市工业领域设备更新和技术改造项目库")
			.contains("关于“分年度建立工业领域设备更新和技术改造项目库”的规定")
			// Each opinion says at which step it was given: one body speaks at several.
			.contains(COUNTY_INDUSTRY + "（县级形式审查，审查人：", COUNTY_INDUSTRY + "（县级推荐，审查人：")
			.doesNotContain("纳入" + (batchYear - 1) + "年度", "规定的条件");
	}

	@Test
	void aClaimRefusedOnAnUpheldObjectionGivesThatReasonNotTheCoReviewersRefusalTheLeadOverruled() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.passCountyReview(claim);
		review.decide(claim, "Task_CityAcceptance", "APPROVE");
		review.decideEach(claim, "Task_JointReview", group -> "REFUSE");
		review.decide(claim, "Task_IndustryDecision", "APPROVE");
		assertThat(noticeBoard
			.file(claim.id(), new NoticeBoard.ObjectionForm("测试异议人", "", "13900000001", "该企业所购设备为翻新旧设备。"), "192.0.2.7")
			.result()).isEqualTo(NoticeBoard.Result.FILED);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_ResolveObjections", "REFUSE", UPHELD);

		String text = review.issued(claim, DecisionType.SUBSIDY_REFUSED).text();
		assertThat(text).contains("公示期内收到实名异议1件，经" + CITY_INDUSTRY + "核查，认定异议成立")
			.contains(ReviewFixture.opinionFor("REFUSE")) // the joint review's opinions
															// stay on record
			.doesNotContain("奖补资金：") // the amount proposed for the notice was never
										// awarded
			.doesNotContain("人民币37,000.00元");
		assertThat(text.substring(text.indexOf("、决定及理由"))).contains("（一）" + UPHELD)
			.doesNotContain(ReviewFixture.opinionFor("REFUSE"))
			.doesNotContain("（二）");
	}

	@Test
	void aBanksDeclineGivesTheBanksReasonsNotTheCoReviewersRefusalTheListingOverruled() {
		Case loan = review.submitLoan(review.registeredProject(7));
		review.passCountyReview(loan);
		review.decide(loan, "Task_CityAcceptance", "APPROVE");
		review.decideEach(loan, "Task_JointReview", group -> "REFUSE");
		review.decide(loan, "Task_IndustryDecision", "APPROVE");
		review.decide(loan, "Task_PbocListing", "APPROVE");
		review.decide(loan, "Task_BankDecision", "DECLINED");

		String text = review.issued(loan, DecisionType.LOAN_DECLINED).text();
		assertThat(text).contains("申请贷款金额：人民币").contains("申请贷款期限：");
		assertThat(text.substring(text.indexOf("、审贷结果"))).contains(ReviewFixture.opinionFor("DECLINED"))
			.doesNotContain(ReviewFixture.opinionFor("REFUSE"));
	}

	/**
	 * An objection to the first run of the notice is still open when the case goes back
	 * to the expert review; the notice runs again without new objections, and the open
	 * one is checked then. The decision tells it as an earlier objection, not as a notice
	 * that drew none.
	 */
	@Test
	void anObjectionCarriedIntoANoticeRunAgainIsToldAsSuch() {
		Case claim = objectionCheckSentBackToTheExperts("13900000001", "该企业所购设备为翻新旧设备。", "192.0.2.8");
		review.decide(claim, "Task_ExpertReview", "APPROVE");
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_ResolveObjections", "APPROVE");
		review.decide(claim, "Task_FinanceAllocation", "APPROVE");

		assertThat(review.issued(claim, DecisionType.SUBSIDY_ALLOCATED).text())
			.contains("公示期内未收到新的异议；此前公示期间收到、尚未办结的实名异议1件一并核查，经" + CITY_INDUSTRY + "核查，认定异议不成立")
			.doesNotContain("公示期内未收到异议。");
	}

	/**
	 * An objection's check sends the case back to the expert review, which refuses: the
	 * refusal says the objection was never ruled on (not that it is being checked, which
	 * nobody will do after the case ends), and the objection is closed with the case, so
	 * that the objector's lookup no longer says it waits for its check.
	 */
	@Test
	void anObjectionNeverRuledOnBeforeARefusalIsToldAsSuchAndClosedWithTheCase() {
		Case claim = objectionCheckSentBackToTheExperts("13900000002", "该企业所购设备为二手设备。", "192.0.2.9");
		review.decide(claim, "Task_ExpertReview", "REFUSE");

		assertThat(review.issued(claim, DecisionType.SUBSIDY_REFUSED).text()).contains("公示期内收到实名异议1件，未作出核查结论。")
			.doesNotContain("正在核查");
		assertThat(
				jdbc.sql("SELECT resolution FROM public_objection WHERE application_id = ? AND resolved_at IS NOT NULL")
					.param(claim.id())
					.query(String.class)
					.list())
			.containsExactly("该申报的审查已终结（已出具《不予奖补决定书》），本异议未单独作出核查结论。");
	}

	/**
	 * A claim large enough for the expert review, approved there, put on notice, objected
	 * to, and sent back to the experts by the objection check.
	 */
	private Case objectionCheckSentBackToTheExperts(String phone, String objection, String address) {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("20000000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		review.decide(claim, "Task_ExpertReview", "APPROVE");
		assertThat(noticeBoard.file(claim.id(), new NoticeBoard.ObjectionForm("测试异议人", "", phone, objection), address)
			.result()).isEqualTo(NoticeBoard.Result.FILED);
		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		Task resolve = review.task(claim, "Task_ResolveObjections");
		tasks.claim(resolve.getId(), "lc-industry");
		operations.returnToPrevious("lc-industry", resolve.getId(), "异议涉及设备来源，请专家组复核。");
		return claim;
	}

	private Case approvedClaim() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.passCountyReview(claim);
		review.passCityReview(claim);
		return claim;
	}

	private Case listedLoan() {
		return listedLoan(review.registeredProject(7));
	}

	private Case listedLoan(long project) {
		Case loan = review.submitLoan(project);
		review.passCountyReview(loan);
		review.passCityReview(loan);
		review.decide(loan, "Task_PbocListing", "APPROVE");
		return loan;
	}

}
