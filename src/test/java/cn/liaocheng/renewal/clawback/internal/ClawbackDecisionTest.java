package cn.liaocheng.renewal.clawback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.decision.AllocationTerms;
import cn.liaocheng.renewal.clawback.NegativeListEntry;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;

/**
 * What a clawback decision states follows from the clawback's record, and when a listing
 * is in force.
 */
class ClawbackDecisionTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void shouldStateTheFindingTheAmountTheDeadlineAndTheAccountFromTheRecord() {
		DecisionRequest r = ClawbackDecision.of(row(ClawbackDue.Cause.ACCEPTANCE_FAILED, null), WITH_TERMS, "冠县财政局",
				"聊城市工业和信息化局", "冠县财政局", TODAY, null, new BigDecimal("30000"), false);

		assertThat(r.type()).isEqualTo(DecisionType.CLAWBACK_DECIDED);
		assertThat(r.issuingBody()).isEqualTo("industry");
		assertThat(r.amounts().subsidy()).isEqualByComparingTo("37000");
		assertThat(String.join("", r.reasons()))
			.contains("经查明：两台数控磨床未安装投产。", "项目验收", "人民币30,000.00元", "2026年12月31日前（含当日）", "工商银行冠县支行", "冠县财政局",
					"申请人民法院强制执行")
			// The finance bureau allocated it: the industry bureau does not revoke the
			// unpaid rest, it proposes that.
			.contains("已下达尚未拨付的奖补资金人民币7,000.00元，追回程序启动后已暂停拨付，本机关建议聊城市财政局撤销该部分奖补资金的下达", "该项目未通过项目验收。")
			.doesNotContain("7,000.00元不再拨付")
			.doesNotContain("未按申报内容实施") // a finding the acceptance may not have made
			.doesNotContain("负面清单", "财政违法行为处罚处分条例");
		// The notice stated the acceptance terms: they are cited from it, by number.
		assertThat(String.join("", r.reasons()))
			.contains("聊城市财政局下达该奖补资金的《奖补资金下达通知书》（聊财审〔2026〕5号）载明“奖补资金全额拨付后，请你单位按规定申请项目验收",
					"项目未通过验收，或者未在规定期限内提交整改材料的，已拨付的奖补资金予以追回", "依照该通知书，你单位已获得的奖补资金应予追回")
			.doesNotContain("专款专用");
		assertThat(r.proceedings().steps()).containsExactly("聊城市工业和信息化局核定追回事项", "冠县财政局核对追回金额和缴款账户");
	}

	@Test
	void shouldKeepTheDeterminedDeadlineUnlessTooFewDaysOfItAreLeftWhenTheDecisionIsIssued() {
		LocalDate determinedOn = LocalDate.of(2026, 11, 2);
		// Issued the same day or while 15 days are left: as determined.
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(20), determinedOn, determinedOn, WORKING_DAY))
			.isEqualTo(determinedOn.plusDays(20));
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(20), determinedOn, determinedOn.plusDays(5),
				WORKING_DAY))
			.isEqualTo(determinedOn.plusDays(20));
		// Ten days later: the 20 days given, from the decision (Wednesday 2 December).
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(20), determinedOn, determinedOn.plusDays(10),
				WORKING_DAY))
			.isEqualTo(LocalDate.of(2026, 12, 2));
		// After the deadline itself: never a date already passed, never fewer than 15
		// days; 55 days after the determination is Sunday 27 December, so the Monday.
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(15), determinedOn, determinedOn.plusDays(40),
				WORKING_DAY))
			.isEqualTo(LocalDate.of(2026, 12, 28));
	}

	/**
	 * A period whose last day is a statutory holiday ends on the first working day after
	 * it: 15 days from 18 September 2026 is 3 October, in the National Day holiday.
	 */
	@Test
	void shouldMoveARecomputedDeadlineOffAHolidayToTheNextWorkingDay() {
		LocalDate determinedOn = LocalDate.of(2026, 9, 1);
		assertThat(ClawbackModel.deadlineOnIssue(determinedOn.plusDays(15), determinedOn, LocalDate.of(2026, 9, 18),
				WORKING_DAY))
			.isEqualTo(LocalDate.of(2026, 10, 8));
	}

	/**
	 * Working days for these tests: Monday to Friday, except the National Day holiday of
	 * 1 to 7 October 2026.
	 */
	private static final UnaryOperator<LocalDate> WORKING_DAY = day -> {
		LocalDate d = day;
		while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
				|| !d.isBefore(LocalDate.of(2026, 10, 1)) && !d.isAfter(LocalDate.of(2026, 10, 7))) {
			d = d.plusDays(1);
		}
		return d;
	};

	/**
	 * The 《财政违法行为处罚处分条例》 is for the finance department and the audit office to apply (its
	 * article 2): the industry bureau recovers on the enterprise's recorded commitment
	 * and refers the facts, and does not say it applies the regulation.
	 */
	@Test
	void shouldRecoverOnTheCommitmentAndReferTheFactsToFinanceForFalseMaterial() {
		DecisionRequest r = ClawbackDecision.of(row(ClawbackDue.Cause.FALSE_MATERIAL, 36), WITH_TERMS, "冠县财政局",
				"聊城市工业和信息化局", "冠县财政局", TODAY, TODAY.plusMonths(36).minusDays(1), new BigDecimal("37000"), false);

		String text = String.join("", r.reasons());
		assertThat(text).as("paid in full: nothing left unpaid").doesNotContain("不再拨付", "暂停拨付");
		// The commitment in the words of the version confirmed, and the listing on it,
		// not on a severity nobody recorded.
		assertThat(text).contains(
				"违反了你单位申报时作出的诚信承诺（2026-1版，于2026年3月2日提交申报时确认）：“如有弄虚作假、骗取或套取财政资金等行为，本单位同意退回已获得的全部资金，接受取消申报资格、记入信用记录等处理，并依法承担相应责任”",
				"依据你单位在上述诚信承诺中“接受取消申报资格、记入信用记录等处理”的承诺，将你单位列入聊城市工业领域设备更新负面清单，期限36个月（2026年12月1日至2029年11月30日）")
			.doesNotContain("情节严重");
		// 30,000 of the 37,000 paid is recovered: the ground says that part, not all.
		assertThat(text)
			.contains("”。依据你单位的上述承诺，你单位已获得的奖补资金人民币37,000.00元中，人民币30,000.00元应予追回。"
					+ "对你单位以虚假申报材料获得财政资金的行为，本机关将有关事实移送财政部门，由财政部门依照《财政违法行为处罚处分条例》等规定依法处理。")
			.doesNotContain("第十四条", "依照该条规定", "属于《财政违法行为处罚处分条例》", "追回骗取的资金");
	}

	@Test
	void shouldRevokeAnAllocationNeverPaidInsteadOfOrderingItsRepayment() {
		ClawbackStore.Row row = row(ClawbackDue.Cause.FALSE_MATERIAL, 24, null, null, null);
		DecisionRequest r = ClawbackDecision.of(row, WITH_TERMS, "冠县财政局", "聊城市工业和信息化局", "冠县财政局", TODAY,
				TODAY.plusMonths(24).minusDays(1), BigDecimal.ZERO, true);

		// The city finance bureau allocated it; the industry bureau, which decides the
		// clawback, finds it revocable and proposes the revocation, but does not revoke
		// another body's act.
		assertThat(r.issuingBody()).isEqualTo("industry");
		assertThat(r.type()).isEqualTo(DecisionType.SUBSIDY_REVOCATION_PROPOSED);
		assertThat(r.type().title()).isEqualTo("财政奖补资金处理决定书");
		assertThat(r.type().challengeable()).isTrue();
		String text = String.join("", r.reasons());
		assertThat(text)
			.contains("经查明：两台数控磨床未安装投产。",
					"你单位该项目的设备更新奖补资金人民币37,000.00元，由聊城市财政局以《奖补资金下达通知书》（聊财审〔2026〕5号）下达。本机关依据上述认定，建议聊城市财政局撤销该奖补资金的下达",
					"经冠县财政局核对拨付记录，该资金尚未拨付；追回程序启动后已暂停拨付，你单位无需缴回", "申请财政奖补资金并获下达", "诚信承诺", "以虚报手段申请取得的奖补资金下达应予撤销",
					"负面清单，期限24个月（2026年12月1日至2028年11月30日）")
			.doesNotContain("撤销已下达", "不再拨付")
			// nothing was received, so nothing is owed, recovered, enforced or defrauded
			// (the commitment quoted names 骗取 among what it forbids)
			.doesNotContain("追回你单位", "缴回至", "缴款凭证", "前（含当日）", "强制执行", "获得财政奖补资金", "骗取财政资金的行为", "追回骗取");
		assertThat(r.proceedings().steps()).containsExactly("聊城市工业和信息化局核定追回事项", "冠县财政局核对拨付记录，确认该奖补资金尚未拨付");
	}

	@Test
	void shouldSayTheAcceptanceGroundsRevokeWhatWasNeverPaid() {
		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.ACCEPTANCE_FAILED, true, WITH_TERMS, null, null))
			.endsWith("尚未拨付的奖补资金不再拨付，已下达的奖补资金应予撤销。")
			.doesNotContain("应予追回");
		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.ACCEPTANCE_FAILED, false, WITH_TERMS, null, null))
			.endsWith("已获得的奖补资金应予追回。");
	}

	/**
	 * Recovering part of what was paid (the equipment that failed the acceptance), the
	 * ground names that part, not all the money obtained.
	 */
	@Test
	void shouldSayWhichPartOfWhatWasPaidIsRecovered() {
		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.ACCEPTANCE_FAILED, false, WITH_TERMS,
				new BigDecimal("12000.00"), new BigDecimal("37000.00")))
			.endsWith("你单位已获得的奖补资金人民币37,000.00元中，人民币12,000.00元应予追回。");
		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.ACCEPTANCE_FAILED, false, WITH_TERMS,
				new BigDecimal("37000.00"), new BigDecimal("37000.00")))
			.endsWith("你单位已获得的奖补资金应予追回。");
	}

	@Test
	void shouldCiteNoAcceptanceTermAnAllocationNoticeDidNotCarry() {
		// Allocated before the notice stated the after-award terms: the finding and the
		// plan's article the money was arranged under, nothing the notice did not say.
		ClawbackDecision.Record earlier = new ClawbackDecision.Record(
				new ClawbackDecision.Allocation("finance", "聊城市财政局", "聊财审〔2025〕9号", null), DECLARED);
		for (ClawbackDue.Cause cause : List.of(ClawbackDue.Cause.ACCEPTANCE_FAILED,
				ClawbackDue.Cause.RECTIFICATION_LAPSED)) {
			assertThat(ClawbackDecision.ground(cause, false, earlier, null, null))
				.contains("该奖补资金系依据《聊城市推动工业领域设备更新实施方案》（聊工信发〔2024〕37号）三（二）“优化设备更新奖补政策”安排。")
				// That article provides no recovery: the conclusion is the bureau's own,
				// on the finding, not one drawn from the plan.
				.contains("安排。本机关依据上述")
				.endsWith("认为，你单位已获得的奖补资金应予追回。")
				.doesNotContain("下达通知", "载明", "专款专用", "监督检查", "绩效评价");
		}
	}

	/**
	 * A notice already signed is quoted as it was signed: in the words its recorded
	 * version holds, not in whatever the terms say today.
	 */
	@Test
	void shouldQuoteTheAllocationNoticeInTheWordsOfItsRecordedVersion() {
		AllocationTerms.Wording signed = new AllocationTerms.Wording("请你单位于项目竣工后三个月内申请验收", "验收不合格的，已拨付的奖补资金予以收回");
		ClawbackDecision.Record record = new ClawbackDecision.Record(
				new ClawbackDecision.Allocation("finance", "聊城市财政局", "聊财审〔2025〕9号", signed), DECLARED);

		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.ACCEPTANCE_FAILED, false, record, null, null))
			.contains("《奖补资金下达通知书》（聊财审〔2025〕9号）载明“请你单位于项目竣工后三个月内申请验收。验收不合格的，已拨付的奖补资金予以收回”")
			.doesNotContain(AllocationTerms.ACCEPTANCE, AllocationTerms.RECOVERY);
	}

	/**
	 * The words of aftercare-1 as notices were signed in them: changing the terms takes a
	 * new version, and this one keeps its words.
	 */
	@Test
	void shouldKeepTheWordsOfEachAllocationTermsVersionAsSigned() {
		assertThat(AllocationTerms.of("aftercare-1"))
			.contains(new AllocationTerms.Wording("奖补资金全额拨付后，请你单位按规定申请项目验收；验收要求限期整改的，请在规定期限内完成整改并提交整改材料",
					"项目未通过验收，或者未在规定期限内提交整改材料的，已拨付的奖补资金予以追回，尚未拨付的不再拨付"));
		assertThat(AllocationTerms.of(AllocationTerms.VERSION))
			.contains(new AllocationTerms.Wording(AllocationTerms.ACCEPTANCE, AllocationTerms.RECOVERY));
		// Issued before the terms (nothing recorded), or a wording this system does not
		// know: nothing to quote.
		assertThat(AllocationTerms.of(null)).isEmpty();
		assertThat(AllocationTerms.of("aftercare-0")).isEmpty();
	}

	@Test
	void shouldQuoteNoCommitmentAndListNothingWithoutARecordedDeclaration() {
		// A claim submitted before the declaration was asked for.
		ClawbackDecision.Record undeclared = new ClawbackDecision.Record(WITH_TERMS.allocation(), null);
		String paid = ClawbackDecision.ground(ClawbackDue.Cause.FALSE_MATERIAL, false, undeclared, null, null);
		assertThat(paid).isEqualTo("你单位提供虚假申报材料获得财政奖补资金。"
				+ "该奖补资金系依据《聊城市推动工业领域设备更新实施方案》（聊工信发〔2024〕37号）三（二）“优化设备更新奖补政策”安排。" + "本机关依据上述查明的事实认为，你单位已获得的奖补资金应予追回。"
				+ "对你单位以虚假申报材料获得财政资金的行为，本机关将有关事实移送财政部门，由财政部门依照《财政违法行为处罚处分条例》等规定依法处理。");
		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.FALSE_MATERIAL, true, undeclared, null, null))
			.doesNotContain("诚信承诺", "弄虚作假");
		assertThat(undeclared.acceptsListing()).isFalse();
		// A version whose wording this system does not know is not quoted either.
		ClawbackDecision.Record unknown = new ClawbackDecision.Record(WITH_TERMS.allocation(),
				new IntegrityDeclaration("ent", "企业经办人", Instant.parse("2026-03-02T01:00:00Z"), "2025-0"));
		assertThat(ClawbackDecision.ground(ClawbackDue.Cause.FALSE_MATERIAL, false, unknown, null, null))
			.isEqualTo(paid);
		assertThat(unknown.acceptsListing()).isFalse();
		assertThat(WITH_TERMS.acceptsListing()).isTrue();
	}

	@Test
	void shouldRevokeAnAllocationItIssuedItself() {
		ClawbackDecision.Record own = new ClawbackDecision.Record(new ClawbackDecision.Allocation("industry",
				"聊城市工业和信息化局", "聊工信审〔2026〕3号", AllocationTerms.of(AllocationTerms.VERSION).orElseThrow()), DECLARED);
		DecisionRequest r = ClawbackDecision.of(row(ClawbackDue.Cause.FALSE_MATERIAL, null, null, null, null), own,
				"冠县财政局", "聊城市工业和信息化局", "冠县财政局", TODAY, null, BigDecimal.ZERO, true);

		assertThat(r.type()).isEqualTo(DecisionType.SUBSIDY_REVOKED);
		assertThat(String.join("", r.reasons()))
			.contains("撤销本机关已下达你单位该项目的设备更新奖补资金人民币37,000.00元（聊工信审〔2026〕3号）", "该资金尚未拨付，不再拨付，你单位无需缴回")
			.doesNotContain("建议");
	}

	@Test
	void shouldBeInForceFromItsFirstToItsLastDayUnlessLifted() {
		NegativeListEntry entry = new NegativeListEntry(1, "91371525MA3CB7K21F", "企业", "371525", "原因", null, null, null,
				null, null, TODAY, TODAY.plusMonths(12).minusDays(1), "lc-industry", Instant.now(), null, null, null,
				null);

		assertThat(entry.stateOn(TODAY.minusDays(1))).isEqualTo(NegativeListEntry.State.PENDING);
		assertThat(entry.stateOn(TODAY)).isEqualTo(NegativeListEntry.State.ACTIVE);
		assertThat(entry.stateOn(TODAY.plusMonths(12).minusDays(1))).isEqualTo(NegativeListEntry.State.ACTIVE);
		assertThat(entry.stateOn(TODAY.plusMonths(12))).isEqualTo(NegativeListEntry.State.EXPIRED);
		NegativeListEntry lifted = new NegativeListEntry(1, "91371525MA3CB7K21F", "企业", "371525", "原因", null, null,
				null, null, null, TODAY, TODAY.plusMonths(12), "lc-industry", Instant.now(), "lc-industry",
				Instant.now(), "复议撤销", null);
		assertThat(lifted.stateOn(TODAY)).isEqualTo(NegativeListEntry.State.LIFTED);
	}

	@Test
	void shouldSayWhatAListingRestsOn() {
		assertThat(NegativeListEntry.decisionBasis("追回财政奖补资金决定书", "聊工信追〔2026〕2号"))
			.isEqualTo("《追回财政奖补资金决定书》（聊工信追〔2026〕2号）");
		assertThat(NegativeListEntry.decisionBasis("撤销财政奖补资金决定书", "聊财撤〔2026〕1号"))
			.isEqualTo("《撤销财政奖补资金决定书》（聊财撤〔2026〕1号）");
		// An entry whose decision was not found when titles were first kept.
		assertThat(NegativeListEntry.decisionBasis(null, "聊工信追〔2026〕2号")).isEqualTo("决定书（聊工信追〔2026〕2号）");
		assertThat(NegativeListEntry.basis("聊城市财政局", "《处理决定》（聊财监〔2026〕3号）", LocalDate.of(2026, 11, 20)))
			.isEqualTo("聊城市财政局《处理决定》（聊财监〔2026〕3号）（2026年11月20日）");
		// A listing by hand from before the finding was required says it has none.
		assertThat(NegativeListEntry.basis(null, null, null)).isEqualTo("未记录书面认定（本功能上线前的列入）");
	}

	private static final IntegrityDeclaration DECLARED = new IntegrityDeclaration("ent", "企业经办人",
			Instant.parse("2026-03-02T01:00:00Z"), IntegrityDeclaration.VERSION);

	/**
	 * An allocation notice of the city finance bureau that stated the after-award terms.
	 */
	private static final ClawbackDecision.Record WITH_TERMS = new ClawbackDecision.Record(
			new ClawbackDecision.Allocation("finance", "聊城市财政局", "聊财审〔2026〕5号",
					AllocationTerms.of(AllocationTerms.VERSION).orElseThrow()),
			DECLARED);

	private static ClawbackStore.Row row(ClawbackDue.Cause cause, Integer months) {
		return row(cause, months, new BigDecimal("30000.00"), LocalDate.of(2026, 12, 31),
				"冠县财政局国库存款账户，开户银行：中国工商银行冠县支行，账号：1610");
	}

	private static ClawbackStore.Row row(ClawbackDue.Cause cause, Integer months, BigDecimal amount, LocalDate deadline,
			String account) {
		ClawbackView view = new ClawbackView(7, 42, "BJ-2026-371525-0007", "冠县演示轴承制造有限公司", "冠县轴承节能降碳改造项目", "371525",
				cause, "两台数控磨床未安装投产", Instant.parse("2026-11-30T02:00:00Z"), ClawbackStatus.CONFIRMING,
				new BigDecimal("37000.00"), amount, deadline, months, account, null, null, BigDecimal.ZERO, List.of());
		return new ClawbackStore.Row(view, 3, "91371525MA3CB7K21F", null, null);
	}

}
