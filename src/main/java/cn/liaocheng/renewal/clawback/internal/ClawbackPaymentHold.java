package cn.liaocheng.renewal.clawback.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.PaymentHolds;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;

/**
 * No subsidy is paid while its clawback runs, so the amount the bureau determines and the
 * decision states does not go stale under it; none after a clawback was decided. A
 * clawback found to have nothing to recover lets payment go on, until a clawback started
 * again on new grounds (the case's current one, its latest round) holds it again.
 */
@Component
class ClawbackPaymentHold implements PaymentHolds {

	/** The statuses while the clawback runs, whose reason names no decision. */
	private static final Set<ClawbackStatus> RUNNING = EnumSet.of(ClawbackStatus.DETERMINING, ClawbackStatus.CONFIRMING,
			ClawbackStatus.NOTIFIED);

	private final ClawbackStore store;

	private final Decisions decisions;

	ClawbackPaymentHold(ClawbackStore store, Decisions decisions) {
		this.store = store;
		this.decisions = decisions;
	}

	/**
	 * Every status but {@code DROPPED} holds ({@link #reason}), so the cases held are
	 * those whose current clawback was not dropped.
	 */
	@Override
	public Set<Long> held(Collection<Long> applicationIds) {
		return applicationIds.isEmpty() ? Set.of() : store.notDropped(applicationIds);
	}

	@Override
	public Map<Long, String> reasons(Collection<Long> applicationIds) {
		if (applicationIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, ClawbackView> current = store.current(applicationIds);
		List<Long> decided = current.values()
			.stream()
			.filter(c -> c.status() != ClawbackStatus.DROPPED && !RUNNING.contains(c.status()))
			.map(ClawbackView::applicationId)
			.toList();
		Map<Long, List<IssuedDecision>> decisionsOf = decisions.allForApplications(decided);
		Map<Long, String> reasons = new HashMap<>();
		current.forEach((applicationId, c) -> reason(c, decisionsOf.getOrDefault(applicationId, List.of()))
			.ifPresent(reason -> reasons.put(applicationId, reason)));
		return reasons;
	}

	private static Optional<String> reason(ClawbackView c, List<IssuedDecision> decisionsOfCase) {
		String number = c.decisionNumber() == null ? "" : "（" + c.decisionNumber() + "）";
		return switch (c.status()) {
			case DROPPED -> Optional.empty();
			case DETERMINING, CONFIRMING, NOTIFIED ->
				Optional.of("该项目的奖补资金正在追回程序中（" + c.statusLabel() + "），暂停拨付；经核查不予追回的，可继续拨付。");
			case REVOKED -> Optional.of(allocator(decisionsOfCase)
				.map(body -> "该项目已下达的奖补资金经核查应予撤销，市工业和信息化局已作出处理决定" + number + "并建议" + body + "撤销，暂停拨付。")
				.orElse("该项目已下达的奖补资金已撤销" + number + "，不再拨付。"));
			case DECIDED, OVERDUE,
					REPAID ->
				Optional.of(allocator(decisionsOfCase)
					.map(body -> "该项目已作出奖补资金追回决定" + number + "，尚未拨付的奖补资金暂停拨付，已建议" + body + "撤销。")
					.orElse("该项目已作出奖补资金追回决定" + number + "，不再拨付。"));
		};
	}

	/**
	 * The body that allocated the subsidy, when it is not the bureau that decides the
	 * clawback: that bureau's decision only holds what was not paid and proposes its
	 * revocation to this body ({@link ClawbackDecision#unpaidRest}); empty when the
	 * deciding bureau allocated it itself.
	 */
	private static Optional<String> allocator(List<IssuedDecision> decisionsOfCase) {
		Optional<IssuedDecision> allocation = decisionsOfCase.stream()
			.filter(d -> d.type() == DecisionType.SUBSIDY_ALLOCATED)
			.findFirst();
		if (allocation.isPresent() && ClawbackDecision.ISSUER.equals(allocation.get().issuingBody())) {
			return Optional.empty();
		}
		return Optional.of(allocation.map(IssuedDecision::issuingBodyName).orElse("财政部门"));
	}

}
