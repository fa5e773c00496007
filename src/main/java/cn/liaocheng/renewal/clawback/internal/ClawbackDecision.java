package cn.liaocheng.renewal.clawback.internal;

import cn.liaocheng.renewal.document.Sentences;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.liaocheng.renewal.aftercare.ClawbackDue;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.decision.AllocationTerms;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;

/**
 * What a clawback decision (追回财政奖补资金决定书) says, from the clawback's record only: the
 * finding as recorded, the ground in the terms the record holds, the amount, the
 * deadline, where to pay, the listing, and what follows non-payment. The decision module
 * adds the remedies (行政复议, 行政诉讼) as for every adverse decision. What it cites of the
 * allocation notice and of the enterprise's integrity declaration is what was recorded of
 * them, in their recorded wording.
 */
final class ClawbackDecision {

	static final String POLICY = "《聊城市推动工业领域设备更新实施方案》（聊工信发〔2024〕37号）";

	/**
	 * The city industry bureau decides: in {@code bpmn/clawback.bpmn} it holds the
	 * determination (Task_DetermineClawback), and the county finance bureau only checks
	 * the payment record. It did not issue the allocation (the city finance bureau did),
	 * so it does not revoke it: it proposes the revocation to the body that did.
	 */
	static final String ISSUER = "industry";

	private ClawbackDecision() {
	}

	/**
	 * The allocation notice the clawback is about, as issued: who issued it, its number,
	 * and the after-award terms in the words of its recorded version
	 * ({@link AllocationTerms#of}), {@code null} when it carried none.
	 */
	record Allocation(String bodyKey, String bodyName, String number, AllocationTerms.Wording terms) {
	}

	/**
	 * What the record holds besides the clawback's row: the allocation notice
	 * ({@code null} when none is recorded) and the integrity declaration confirmed at the
	 * claim's submission ({@code null} when none is recorded).
	 */
	record Record(Allocation allocation, IntegrityDeclaration declaration) {

		static final Record NONE = new Record(null, null);

		/**
		 * The declaration's clause on false material, in its recorded version's words.
		 */
		Optional<String> commitment() {
			return declaration == null ? Optional.empty() : declaration.falseMaterialClause();
		}

		/**
		 * The recorded commitment to accept the loss of the right to apply (取消申报资格), the
		 * only basis on which a clawback lists the enterprise.
		 */
		boolean acceptsListing() {
			return consent().isPresent();
		}

		/** The words of the commitment that accept it, e.g. 接受取消申报资格、记入信用记录等处理. */
		Optional<String> consent() {
			return commitment()
				.flatMap(c -> Arrays.stream(c.split("，")).filter(part -> part.contains(LISTING_CONSENT)).findFirst());
		}

		private boolean allocatedBy(String body) {
			return allocation != null && body.equals(allocation.bodyKey());
		}

	}

	/** The words of the declaration a listing rests on. */
	static final String LISTING_CONSENT = "取消申报资格";

	/**
	 * @param paid the sum of the payments the county finance bureau recorded; when some
	 * but not all of the allocation was paid, the decision says the rest is not paid
	 * @param nothingPaid nothing of the allocation reached the enterprise: the decision
	 * revokes the allocation, or proposes its revocation to the body that issued it,
	 * instead of ordering a repayment
	 */
	static DecisionRequest of(ClawbackStore.Row row, Record record, String countyFinance, String determiner,
			String confirmer, LocalDate today, LocalDate listedUntil, BigDecimal paid, boolean nothingPaid) {
		return of(row, record, countyFinance, determiner, confirmer, today, listedUntil, paid, nothingPaid, null);
	}

	/**
	 * @param hearing what the record shows of the prior notice and the enterprise's
	 * answer to it ({@link PriorNoticeText#hearing}), {@code null} for a clawback started
	 * before notices were given: the decision then says nothing of a notice
	 */
	static DecisionRequest of(ClawbackStore.Row row, Record record, String countyFinance, String determiner,
			String confirmer, LocalDate today, LocalDate listedUntil, BigDecimal paid, boolean nothingPaid,
			String hearing) {
		ClawbackView c = row.view();
		boolean revokesOwn = revokesOwn(record);
		List<String> reasons = new ArrayList<>();
		reasons.add("经查明：" + Sentences.ended(c.facts())
				+ (row.determination() == null ? "" : "市工业和信息化局核定意见：" + Sentences.ended(row.determination())));
		reasons.add(ground(c.cause(), nothingPaid, record, c.amount(), paid));
		if (hearing != null) {
			reasons.add(hearing);
		}
		if (nothingPaid && revokesOwn) {
			reasons.add("撤销本机关已下达你单位该项目的设备更新奖补资金人民币" + Money.yuan(c.allocated()) + "元" + numbered(record.allocation())
					+ "。经" + countyFinance + "核对拨付记录，该资金尚未拨付，不再拨付，你单位无需缴回。");
		}
		else if (nothingPaid) {
			reasons.add("你单位该项目的设备更新奖补资金人民币" + Money.yuan(c.allocated()) + "元，由" + allocator(record) + "下达。本机关依据上述认定，建议"
					+ allocatorName(record) + "撤销该奖补资金的下达。经" + countyFinance + "核对拨付记录，该资金尚未拨付；追回程序启动后已暂停拨付，你单位无需缴回。");
		}
		else {
			reasons.add("追回你单位该项目设备更新奖补资金人民币" + Money.yuan(c.amount()) + "元（已下达奖补资金人民币" + Money.yuan(c.allocated())
					+ "元）。请于" + day(c.deadline()) + "前（含当日）将上述资金全额缴回至：" + Sentences.ended(c.repaymentAccount())
					+ "缴款时请注明申报编号" + c.referenceNo() + "，并将缴款凭证报送" + countyFinance + "。缴回情况以" + countyFinance
					+ "登记的到账记录为准。" + unpaidRest(c, record, paid, "建议").orElse(""));
		}
		if (c.listMonths() != null && listedUntil != null) {
			reasons.add(listing(c, record, today, listedUntil));
		}
		if (!nothingPaid) {
			reasons.add("逾期未缴清的，本机关将依照《中华人民共和国行政强制法》催告你单位履行；经催告仍不履行，且在法定期限内不申请行政复议或者提起行政诉讼的，" + "本机关将依法申请人民法院强制执行。");
		}
		List<String> steps = List.of(determiner + "核定追回事项",
				confirmer + (nothingPaid ? "核对拨付记录，确认该奖补资金尚未拨付" : "核对追回金额和缴款账户"));
		List<String> events = List.of(day(c.startedAt().atZone(Clawbacks.CHINA).toLocalDate()) + "，因“" + c.causeLabel()
				+ "”，该项目已下达的奖补资金进入追回程序。");
		DecisionType type = !nothingPaid ? DecisionType.CLAWBACK_DECIDED
				: revokesOwn ? DecisionType.SUBSIDY_REVOKED : DecisionType.SUBSIDY_REVOCATION_PROPOSED;
		return new DecisionRequest(c.applicationId(), ISSUER, type, c.enterpriseName(), row.creditCode(),
				c.enterpriseName(), c.projectName(), c.referenceNo(),
				new DecisionRequest.Amounts(null, null, c.allocated(), null, null, null, null), null, List.of(),
				reasons, today, new DecisionRequest.Proceedings(steps, events, null));
	}

	/**
	 * What becomes of the part of the allocation not paid when only some of it was: not
	 * paid any more where the deciding bureau issued the allocation itself, otherwise
	 * held and its revocation proposed to the body that issued it ({@code propose}: 建议 in
	 * the decision, 拟建议 in the prior notice that announces it). Empty when nothing or all
	 * of it was paid.
	 * @param paid the sum of the payments the county finance bureau recorded
	 */
	static Optional<String> unpaidRest(ClawbackView c, Record record, BigDecimal paid, String propose) {
		if (paid == null || paid.signum() <= 0 || paid.compareTo(c.allocated()) >= 0) {
			return Optional.empty();
		}
		String unpaid = "已下达尚未拨付的奖补资金人民币" + Money.yuan(c.allocated().subtract(paid)) + "元";
		return Optional.of(record.allocatedBy(ISSUER) ? unpaid + "不再拨付。"
				: unpaid + "，追回程序启动后已暂停拨付，本机关" + propose + allocatorName(record) + "撤销该部分奖补资金的下达。");
	}

	/**
	 * The body the decision proposes to revoke what it allocated and was not paid: the
	 * allocating body, when the deciding bureau did not allocate the subsidy itself and
	 * some of it is unpaid (all of it, {@code nothingPaid}; or the rest
	 * {@link #unpaidRest} holds). Empty when the deciding bureau allocated it, or all of
	 * it was paid: nothing is held and nothing proposed.
	 */
	static Optional<String> revocationProposedTo(ClawbackView c, Record record, BigDecimal paid, boolean nothingPaid) {
		if (revokesOwn(record)) {
			return Optional.empty();
		}
		return nothingPaid || unpaidRest(c, record, paid, "建议").isPresent() ? Optional.of(allocatorName(record))
				: Optional.empty();
	}

	/**
	 * Whether a listing rests on what the record holds: a clawback for false material of
	 * a claim whose recorded commitment accepts the loss of the right to apply. The
	 * determination refuses a listing without it; one determined before that was required
	 * is neither announced by the prior notice nor made by the decision.
	 */
	static boolean listingHasBasis(ClawbackDue.Cause cause, Record record) {
		return cause == ClawbackDue.Cause.FALSE_MATERIAL && record.acceptsListing();
	}

	/**
	 * The listing, on the enterprise's recorded consent to the loss of its right to apply
	 * for fraud: the determination refuses a listing without it.
	 */
	private static String listing(ClawbackView c, Record record, LocalDate today, LocalDate listedUntil) {
		if (!listingHasBasis(c.cause(), record)) {
			throw new IllegalStateException("a listing without a recorded basis for clawback " + c.id());
		}
		return "依据你单位在上述诚信承诺中“" + record.consent().orElseThrow() + "”的承诺，将你单位列入聊城市工业领域设备更新负面清单，期限" + c.listMonths()
				+ "个月（" + day(today) + "至" + day(listedUntil) + "）。列入期间，不受理你单位新的设备更新项目入库、奖补资金和贷款支持申报。";
	}

	private static String allocator(Record record) {
		Allocation a = record.allocation();
		return a == null ? "财政部门" : a.bodyName() + "以《奖补资金下达通知书》（" + a.number() + "）";
	}

	/**
	 * Whether the deciding bureau issued the allocation itself, and so revokes it rather
	 * than proposing its revocation.
	 */
	static boolean revokesOwn(Record record) {
		return record.allocatedBy(ISSUER);
	}

	static String allocatorName(Record record) {
		return record.allocation() == null ? "财政部门" : record.allocation().bodyName();
	}

	private static String numbered(Allocation a) {
		return a == null ? "" : "（" + a.number() + "）";
	}

	private static final String FUNDING = "该奖补资金系依据" + POLICY + "三（二）“优化设备更新奖补政策”安排。";

	/**
	 * Money obtained by false material: the 《财政违法行为处罚处分条例》 is the finance department's
	 * and the audit office's to apply (its article 2), with the sanctions it provides, so
	 * the industry bureau does not decide under it; it refers the facts.
	 */
	static final String REFERRAL = "对你单位以虚假申报材料获得财政资金的行为，本机关将有关事实移送财政部门，由财政部门依照《财政违法行为处罚处分条例》等规定依法处理。";

	/**
	 * The rule the finding breaks, as recorded, and what follows for money paid (追回) or
	 * allocated and not paid (撤销), in words the deciding bureau may say. A failed
	 * acceptance or a missed rectification breaks the allocation notice's after-award
	 * terms only where the notice stated them, quoted in its recorded version's words;
	 * for an earlier notice the decision states the finding and the plan's article the
	 * money was arranged under, which provides no recovery, and gives the conclusion as
	 * the bureau's own on that finding. False material breaks the integrity declaration
	 * only when one is recorded, quoted in its recorded version's words; money obtained
	 * by it is recovered on that commitment, or else on the finding, and the facts are
	 * referred to the finance department ({@link #REFERRAL}). Less recovered than was
	 * paid ({@code amount} below {@code paid}, the sum the county finance bureau
	 * recorded) is said as that part: the ground does not claim all of it.
	 */
	static String ground(ClawbackDue.Cause cause, boolean nothingPaid, Record record, BigDecimal amount,
			BigDecimal paid) {
		boolean part = !nothingPaid && amount != null && paid != null && paid.signum() > 0
				&& amount.compareTo(paid) < 0;
		String follows = nothingPaid ? "已下达的奖补资金应予撤销。" : part
				? "你单位已获得的奖补资金人民币" + Money.yuan(paid) + "元中，人民币" + Money.yuan(amount) + "元应予追回。" : "你单位已获得的奖补资金应予追回。";
		Allocation a = record.allocation();
		String terms = a != null && a.terms() != null
				? a.bodyName() + "下达该奖补资金的《奖补资金下达通知书》（" + a.number() + "）载明“" + a.terms().acceptance() + "。"
						+ a.terms().recovery() + "”。" + "依照该通知书，" + (nothingPaid ? "尚未拨付的奖补资金不再拨付，" : "") + follows
				: null;
		String commitment = record.commitment()
			.map(clause -> "，违反了你单位申报时作出的诚信承诺（" + record.declaration().version() + "版，于"
					+ day(record.declaration().at().atZone(Clawbacks.CHINA).toLocalDate()) + "提交申报时确认）：“" + clause
					+ "”")
			.orElse("");
		return switch (cause) {
			// What failed is the acceptance's finding, stated above as recorded; the
			// ground asserts no more than the failure itself.
			case ACCEPTANCE_FAILED -> "该项目未通过项目验收。" + (terms != null ? terms : FUNDING + "本机关依据上述验收结论认为，" + follows);
			case RECTIFICATION_LAPSED ->
				"该项目验收时被要求限期整改，你单位未在整改期限内提交整改材料。" + (terms != null ? terms : FUNDING + "本机关依据上述整改情况认为，" + follows);
			// Nothing was obtained yet: the act is the false application, not defrauded
			// money (骗取), and what follows is that the allocation it won is revoked.
			case FALSE_MATERIAL ->
				nothingPaid ? "你单位提供虚假申报材料申请财政奖补资金并获下达" + commitment + "。本机关依据上述查明的事实认为，以虚报手段申请取得的奖补资金下达应予撤销。"
						: "你单位提供虚假申报材料获得财政奖补资金" + commitment + "。"
								+ (commitment.isEmpty() ? FUNDING + "本机关依据上述查明的事实认为，" : "依据你单位的上述承诺，") + follows
								+ REFERRAL;
		};
	}

	static String day(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

}
