package cn.liaocheng.renewal.clawback.internal;

import cn.liaocheng.renewal.document.Sentences;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.clawback.ClawbackView;

/**
 * What a prior notice (事先告知书) says, from the clawback's record only, and what the
 * decision then says of it: the notice states the recorded facts, the ground in the
 * decision's own words, the intended decision as determined and confirmed, and the right
 * to state and defend within the period; the decision states the enterprise's answer as
 * recorded, and nothing else.
 */
final class PriorNoticeText {

	static final String TITLE = "奖补资金追回事项事先告知书";

	static final String ISSUER = "聊城市工业和信息化局";

	private PriorNoticeText() {
	}

	static String of(ClawbackStore.Row row, ClawbackDecision.Record record, String countyFinance, String number,
			LocalDate today, LocalDate lastDay, Integer daysToPay) {
		return of(row, record, countyFinance, number, today, lastDay, daysToPay, null);
	}

	/**
	 * @param paid the sum of the payments the county finance bureau recorded: when some
	 * but not all of the allocation was paid, the notice announces what the decision will
	 * do with the rest ({@link ClawbackDecision#unpaidRest}), as the decision states it
	 */
	static String of(ClawbackStore.Row row, ClawbackDecision.Record record, String countyFinance, String number,
			LocalDate today, LocalDate lastDay, Integer daysToPay, BigDecimal paid) {
		ClawbackView c = row.view();
		boolean revoke = c.amount() == null;
		StringBuilder t = new StringBuilder();
		t.append(TITLE).append("\n").append(number).append("\n\n");
		t.append(c.enterpriseName()).append("：\n");
		t.append("　　")
			.append(ClawbackDecision.day(c.startedAt().atZone(Clawbacks.CHINA).toLocalDate()))
			.append("，因“")
			.append(c.causeLabel())
			.append("”，你单位“")
			.append(c.projectName())
			.append("”项目（申报编号")
			.append(c.referenceNo())
			.append("）已下达的设备更新奖补资金进入追回程序。经查明：")
			.append(Sentences.ended(c.facts()));
		if (row.determination() != null) {
			t.append("本机关核定意见：").append(Sentences.ended(row.determination()));
		}
		t.append("\n　　").append(ClawbackDecision.ground(c.cause(), revoke, record, c.amount(), paid)).append("\n");
		t.append("　　本机关拟作出如下决定：\n");
		if (!revoke) {
			t.append("　　一、追回你单位该项目设备更新奖补资金人民币")
				.append(Money.yuan(c.amount()))
				.append("元（已下达奖补资金人民币")
				.append(Money.yuan(c.allocated()))
				.append("元），缴回至")
				.append(countyFinance)
				.append("登记的追回资金缴款账户（账户以决定书载明的为准）。缴回期限拟定为")
				.append(ClawbackDecision.day(c.deadline()))
				.append("（含当日）；决定作出时距该日已不足")
				.append(ClawbackModel.MIN_DAYS_TO_PAY)
				.append("日的，自决定作出之日起给予")
				.append(Math.max(ClawbackModel.MIN_DAYS_TO_PAY, daysToPay == null ? 0 : daysToPay))
				.append("日。")
				.append(ClawbackDecision.unpaidRest(c, record, paid, "拟建议").orElse(""))
				.append("\n");
		}
		else if (ClawbackDecision.revokesOwn(record)) {
			t.append("　　一、撤销本机关已下达你单位该项目、尚未拨付的设备更新奖补资金人民币")
				.append(Money.yuan(c.allocated()))
				.append("元，不再拨付。你单位无需缴回。\n");
		}
		else {
			// The bureau does not revoke another body's act: as the decision will, it
			// proposes the revocation to the body the record names.
			t.append("　　一、你单位该项目已下达、尚未拨付的设备更新奖补资金人民币")
				.append(Money.yuan(c.allocated()))
				.append("元应予撤销，本机关拟建议")
				.append(ClawbackDecision.allocatorName(record))
				.append("撤销该奖补资金的下达；追回程序启动后已暂停拨付。你单位无需缴回。\n");
		}
		if (listMonths(row, record) != null) {
			t.append("　　二、依据你单位申报时所作诚信承诺，将你单位列入聊城市工业领域设备更新负面清单，期限")
				.append(c.listMonths())
				.append("个月，自决定作出之日起计算；列入期间不受理你单位新的设备更新项目入库、奖补资金和贷款支持申报。\n");
		}
		t.append("　　依照《山东省行政程序规定》，参照《中华人民共和国行政处罚法》第四十四条、第四十五条，你单位有权进行陈述和申辩。请于")
			.append(ClawbackDecision.day(lastDay))
			.append("（含当日）前，登录聊城市工业领域设备更新审批系统，在该申报详情页“奖补资金追回”栏提交书面陈述、申辩意见（写明事实、理由及证据）；")
			.append("也可在该栏明确表示放弃陈述、申辩。期限届满未提出的，视为放弃陈述、申辩的权利。\n");
		t.append("　　本机关将对你单位提出的事实、理由和证据进行复核；成立的，予以采纳。本机关不因你单位陈述、申辩而作出更重的决定。\n\n");
		t.append(ISSUER).append("\n").append(ClawbackDecision.day(today));
		return t.toString();
	}

	/**
	 * The months of the listing the notice announces: the determined ones where the
	 * decision could list ({@link ClawbackDecision#listingHasBasis}), else none.
	 */
	static Integer listMonths(ClawbackStore.Row row, ClawbackDecision.Record record) {
		ClawbackView c = row.view();
		return c.listMonths() != null && ClawbackDecision.listingHasBasis(c.cause(), record) ? c.listMonths() : null;
	}

	/**
	 * What the decision says of the notice of the determination in force, from the
	 * record: empty when the clawback has none and needs none (started before notices
	 * were given); refused when the record does not hold an answer the decision could
	 * state.
	 */
	static Optional<String> hearing(NoticeStore notices, ClawbackStore.Row row, Instant now) {
		List<NoticeStore.Notice> all = notices.all(row.view().id());
		Optional<NoticeStore.Notice> latest = all.isEmpty() ? Optional.empty()
				: Optional.of(all.get(all.size() - 1)).filter(n -> n.determinedAt().equals(row.determinedAt()));
		if (latest.isEmpty()) {
			if (notices.required(row.view().id())) {
				throw new IllegalStateException(
						"no prior notice of the determination in force, clawback " + row.view().id());
			}
			return Optional.empty();
		}
		NoticeStore.Notice n = latest.get();
		String told = earlier(all, n) + "本机关于"
				+ ClawbackDecision.day(LocalDate.ofInstant(n.issuedAt(), Clawbacks.CHINA)) + "作出《" + TITLE + "》（"
				+ n.number() + "），告知你单位拟作出的决定及其事实、理由、依据，以及你单位依法享有的陈述、申辩权利。";
		if (n.answer() == NoticeStore.Answer.WAIVED) {
			return Optional.of(told + "你单位于"
					+ ClawbackDecision.day(LocalDate.ofInstant(n.answeredAt(), Clawbacks.CHINA)) + "明确表示放弃陈述、申辩。");
		}
		if (n.answer() == null && !now.isBefore(n.endsAt())) {
			return Optional.of(told + "你单位在规定期限内未提出陈述、申辩。");
		}
		if (n.answer() == NoticeStore.Answer.STATEMENT && n.ruling() == NoticeStore.Ruling.NOT_ADOPTED) {
			return Optional.of(told + "你单位于"
					+ ClawbackDecision.day(LocalDate.ofInstant(n.answeredAt(), Clawbacks.CHINA)) + "提出陈述、申辩，称：“"
					+ excerpt(n.statement()) + "”。经复核，" + Sentences.ended(n.rulingReasons()) + "本机关对你单位的陈述、申辩意见不予采纳。");
		}
		throw new IllegalStateException("notice " + n.number() + " is neither waived, ruled out nor past its period");
	}

	/**
	 * The notices before the one in force, each answered by a statement the bureau
	 * adopted and followed by a new determination: the decision tells the whole hearing,
	 * not only its last round.
	 */
	private static String earlier(List<NoticeStore.Notice> notices, NoticeStore.Notice inForce) {
		StringBuilder t = new StringBuilder();
		for (NoticeStore.Notice e : notices) {
			if (e.seq() >= inForce.seq() || e.answer() != NoticeStore.Answer.STATEMENT
					|| e.ruling() != NoticeStore.Ruling.ADOPTED) {
				continue;
			}
			t.append("本机关于")
				.append(ClawbackDecision.day(LocalDate.ofInstant(e.issuedAt(), Clawbacks.CHINA)))
				.append("作出《")
				.append(TITLE)
				.append("》（")
				.append(e.number())
				.append("）");
			if (e.amount() != null) {
				t.append("，拟追回人民币").append(Money.yuan(e.amount())).append("元");
			}
			t.append("；你单位于")
				.append(ClawbackDecision.day(LocalDate.ofInstant(e.answeredAt(), Clawbacks.CHINA)))
				.append("提出陈述、申辩，称：“")
				.append(excerpt(e.statement()))
				.append("”。经复核，")
				.append(e.rulingReasons() == null ? "" : Sentences.ended(e.rulingReasons()))
				.append("本机关据此重新核定了追回事项。");
		}
		return t.toString();
	}

	/** Quoted from the beginning; a long statement is marked as shortened. */
	static String excerpt(String statement) {
		String s = statement.strip().replaceAll("\\s+", " ");
		return s.length() <= 300 ? s : s.substring(0, 300) + "……（全文附卷）";
	}

}
