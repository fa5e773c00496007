package cn.liaocheng.renewal.clawback.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.CasePageSection;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.clawback.NegativeListEntry;

/**
 * The clawback on the enterprise's case page: amount, deadline, repaid so far; the
 * decision is under 决定书.
 */
@Component
class ClawbackOnCasePage implements CasePageSection {

	private final Clawbacks clawbacks;

	private final PriorNotices notices;

	private final NegativeList negativeList;

	ClawbackOnCasePage(Clawbacks clawbacks, PriorNotices notices, NegativeList negativeList) {
		this.clawbacks = clawbacks;
		this.notices = notices;
		this.negativeList = negativeList;
	}

	@Override
	public Optional<Section> of(ApplicationDetail application) {
		long id = application.summary().id();
		// The current round with its repayments; the earlier rounds (all dropped) by
		// their findings alone.
		Optional<ClawbackView> latest = clawbacks.of(id);
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		ClawbackView current = latest.get();
		List<ClawbackView> rounds = clawbacks.rounds(id);
		Section section = section(current, notices.latest(id).orElse(null),
				negativeList.ofClawback(current.id()).orElse(null), ChinaTime.today());
		return Optional.of(withEarlier(section, rounds.subList(0, rounds.size() - 1)));
	}

	/**
	 * The current clawback, and before it those of the case that found nothing to recover
	 * (经核查不予追回): each ended on its own grounds, and the current one is another.
	 */
	@SuppressWarnings("unchecked")
	static Section withEarlier(Section section, List<ClawbackView> earlier) {
		if (earlier.isEmpty()) {
			return section;
		}
		List<Fact> facts = new ArrayList<>((List<Fact>) section.values().get("facts"));
		facts.add(0, new Fact("追回程序", "第 " + (earlier.size() + 1) + " 次（本次）"));
		for (ClawbackView e : earlier) {
			facts.add(new Fact("此前的追回程序",
					"第 " + e.round() + " 次：" + ChinaTime.day(e.startedAt().atZone(ChinaTime.ZONE).toLocalDate()) + "因“"
							+ e.causeLabel() + "”启动，" + e.statusLabel() + "，程序已终止"));
		}
		Map<String, Object> values = new HashMap<>(section.values());
		values.put("facts", facts);
		return new Section(section.template(), values);
	}

	/**
	 * With the latest prior notice, its full text, and the statement form while the
	 * period runs; with the listing the decision made, as it stands on {@code today}.
	 */
	static Section section(ClawbackView c, PriorNotices.View notice, NegativeListEntry listing, LocalDate today) {
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("追回事由", c.causeLabel()));
		// The facts are found by the decision: until it is issued (and when the clawback
		// is dropped) they are what the clawback was started on.
		boolean decided = c.decisionNumber() != null;
		facts.add(new Fact(decided ? "认定的事实" : "启动追回时所述情况", c.facts()));
		facts.add(new Fact("办理状态", c.statusLabel()));
		if (c.status() == ClawbackStatus.REVOKED) {
			// Revoked by the bureau that allocated it, or found revocable by the industry
			// bureau and proposed to that bureau: the decision says which.
			facts.add(new Fact("决定书", c.decisionNumber()));
			facts.add(new Fact("应予撤销的奖补资金", yuan(c.allocated()) + "（尚未拨付，已暂停拨付，无需缴回）"));
			listing(c, listing, today).ifPresent(facts::add);
		}
		else if (c.amount() != null && c.status() != ClawbackStatus.DROPPED && c.decisionId() != null) {
			facts.add(new Fact("追回决定书", c.decisionNumber()));
			facts.add(new Fact("追回金额", yuan(c.amount())));
			facts.add(new Fact("缴回期限", c.deadline() + "（含当日）"));
			facts.add(new Fact("缴款账户", c.repaymentAccount()));
			facts.add(new Fact("已缴回", yuan(c.repaid())));
			facts.add(new Fact("尚未缴回", yuan(c.outstanding())));
			// Only what a second person of the bureau has checked counts and is told.
			for (ClawbackView.Repayment r : c.repayments()) {
				if (r.state() != ClawbackView.Repayment.State.CONFIRMED) {
					continue;
				}
				facts.add(new Fact("缴款记录", r.paidOn() + " · " + yuan(r.amount()) + " · 凭证号 " + r.voucherNo()));
			}
			listing(c, listing, today).ifPresent(facts::add);
		}
		String note = switch (c.status()) {
			case DETERMINING, CONFIRMING -> "追回事项正在核定；核定后将先向您送达事先告知书，您可在规定期限内陈述、申辩。";
			case NOTIFIED -> notice != null && notice.open()
					? "市工业和信息化局已送达事先告知书（全文见下）。您可于" + notice.lastDayText()
							+ "（含当日）前提交陈述、申辩意见，或明确放弃；期限届满未提出的，视为放弃，将依告知的内容作出决定。"
					: "您的陈述、申辩已记录，市工业和信息化局复核后将作出决定；未提出的，陈述、申辩期限已届满，将依告知的内容作出决定。";
			case DECIDED, OVERDUE -> "请按追回决定书缴回资金，缴款后由所在县（市、区）财政局登记、复核到账。追回决定书可在“决定书”栏下载；如不服，可依决定书所列途径申请行政复议或提起行政诉讼。";
			case REPAID -> "追回资金已全部缴清。";
			case DROPPED -> "经核查，不予追回。";
			case REVOKED -> "已下达的奖补资金尚未拨付，经认定应予撤销，已暂停拨付，无需缴回。决定书可在“决定书”栏下载；如不服，可依决定书所列途径申请行政复议或提起行政诉讼。";
		};
		boolean repaymentDue = c.status() == ClawbackStatus.DECIDED || c.status() == ClawbackStatus.OVERDUE;
		Map<String, Object> values = new HashMap<>(
				Map.of("facts", facts, "note", note, "repaymentDue", repaymentDue, "applicationId", c.applicationId(),
						"statementOpen", notice != null && notice.open(), "maxStatement", ClawbackModel.MAX_STATEMENT));
		if (notice != null) {
			values.put("notice", notice);
		}
		return new Section("clawback/case-section", values);
	}

	/**
	 * The listing as it stands: in force, lifted early by the bureau, or over. A decision
	 * recorded without its entry (none should be) says what it ordered.
	 */
	private static Optional<Fact> listing(ClawbackView c, NegativeListEntry entry, LocalDate today) {
		if (entry == null) {
			return c.listMonths() == null ? Optional.empty()
					: Optional.of(new Fact("负面清单", "列入 " + c.listMonths() + " 个月，期间不能提交新的申报"));
		}
		String period = "列入" + (c.listMonths() == null ? "" : " " + c.listMonths() + " 个月") + "（"
				+ ChinaTime.day(entry.from()) + "至" + ChinaTime.day(entry.until()) + "）";
		String state = switch (entry.stateOn(today)) {
			case LIFTED -> "，已于" + ChinaTime.day(entry.liftedAt().atZone(ChinaTime.ZONE).toLocalDate())
					+ "由市工业和信息化局提前解除" + (entry.liftReason() == null ? "" : "（解除原因：" + entry.liftReason() + "）");
			case EXPIRED -> "，列入期限已于" + ChinaTime.day(entry.until()) + "届满";
			case ACTIVE, PENDING -> "，期间不能提交新的申报";
		};
		return Optional.of(new Fact("负面清单", period + state));
	}

	/** One line of the section: what, and its value as the enterprise reads it. */
	record Fact(String label, String value) {
	}

	private static String yuan(BigDecimal amount) {
		return Money.yuan(amount) + " 元";
	}

}
