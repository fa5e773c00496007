package cn.liaocheng.renewal.clawback.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.aftercare.PaymentHolds;
import cn.liaocheng.renewal.clawback.ClawbackStatus;
import cn.liaocheng.renewal.clawback.ClawbackView;

/**
 * No subsidy is paid while its clawback runs, so the amount the bureau determines and the
 * decision states does not go stale under it; none after a clawback was decided. A
 * clawback found to have nothing to recover lets payment go on.
 */
@Component
class ClawbackPaymentHold implements PaymentHolds {

	private final ClawbackStore store;

	ClawbackPaymentHold(ClawbackStore store) {
		this.store = store;
	}

	@Override
	public Optional<String> heldFor(long applicationId) {
		return store.byApplication(applicationId).map(ClawbackStore.Row::view).flatMap(ClawbackPaymentHold::reason);
	}

	private static Optional<String> reason(ClawbackView c) {
		return switch (c.status()) {
			case DROPPED -> Optional.empty();
			case DETERMINING, CONFIRMING, NOTIFIED ->
				Optional.of("该项目的奖补资金正在追回程序中（" + c.statusLabel() + "），暂停拨付；经核查不予追回的，可继续拨付。");
			case REVOKED -> Optional.of("该项目已下达的奖补资金经核查应予撤销"
					+ (c.decisionNumber() == null ? "" : "（" + c.decisionNumber() + "）") + "，不再拨付。");
			case DECIDED, OVERDUE, REPAID -> Optional
				.of("该项目已作出奖补资金追回决定" + (c.decisionNumber() == null ? "" : "（" + c.decisionNumber() + "）") + "，不再拨付。");
		};
	}

}
