package cn.liaocheng.renewal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.internal.ApplicationStore;
import cn.liaocheng.renewal.application.internal.AwaitingCase;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.calendar.WorkingDays;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Everything the signed-in enterprise must do now, for its 需要您处理 list: the applications'
 * own steps (a correction within its period, a bank's grant to accept) and those other
 * modules report ({@link PendingActionSource}), soonest deadline first. One query per
 * source and one for the applications, whatever the number of cases; only the
 * enterprise's own cases are listed, whatever a source answers.
 */
@Service
public class PendingActions {

	private final EnterpriseRegistry enterprises;

	private final ApplicationStore store;

	private final ObjectProvider<PendingActionSource> sources;

	private final WorkingDays workingDays;

	PendingActions(EnterpriseRegistry enterprises, ApplicationStore store, ObjectProvider<PendingActionSource> sources,
			WorkingDays workingDays) {
		this.enterprises = enterprises;
		this.store = store;
		this.sources = sources;
		this.workingDays = workingDays;
	}

	/** Empty for a user who is no enterprise's account. */
	@Transactional(readOnly = true)
	public List<PendingAction> of(PortalUser user) {
		Enterprise enterprise = enterprises.findByUser(user.userId()).orElse(null);
		if (enterprise == null) {
			return List.of();
		}
		// A disabled enterprise is asked only what it may still do.
		boolean mayAct = enterprise.status().mayAct();
		List<PendingActionSource.Step> reported = sources.orderedStream()
			.filter(source -> mayAct || source.openWhenDisabled())
			.flatMap(source -> source.of(enterprise.id()).stream())
			.toList();
		Set<Long> reportedCases = reported.stream()
			.map(PendingActionSource.Step::applicationId)
			.collect(Collectors.toSet());
		Map<Long, AwaitingCase> own = store.awaiting(enterprise, reportedCases)
			.stream()
			.collect(Collectors.toMap(AwaitingCase::id, Function.identity()));
		LocalDate today = ChinaTime.today();
		List<PendingAction> actions = new ArrayList<>();
		for (AwaitingCase c : own.values()) {
			if (mayAct) {
				applicationStep(c, Instant.now()).ifPresent(step -> actions.add(action(c, step, today)));
			}
		}
		for (PendingActionSource.Step step : reported) {
			AwaitingCase c = own.get(step.applicationId());
			if (c != null) {
				actions.add(action(c, step, today));
			}
		}
		actions.sort(Comparator.comparing(PendingAction::lastDay, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(PendingAction::applicationId)
			.thenComparing(PendingAction::step));
		return actions;
	}

	/**
	 * What the application itself asks: a correction until its deadline (after which it
	 * can no longer be made, even before the case is marked lapsed), or a grant to
	 * accept.
	 */
	private static Optional<PendingActionSource.Step> applicationStep(AwaitingCase c, Instant now) {
		String page = "/enterprise/applications/" + c.id();
		if (c.status() == ApplicationStatus.CORRECTION && !Outcomes.correctionLapsed(c.correctionDeadline(), now)) {
			LocalDate lastDay = c.correctionDeadline() == null ? null
					: LocalDate.ofInstant(c.correctionDeadline(), ChinaTime.ZONE);
			return Optional.of(new PendingActionSource.Step(c.id(), ApplicationStatus.CORRECTION.label(),
					"已退回补正，请按退回理由修改后重新提交；逾期未重新提交的，申报失效。", lastDay, page + "#action-needed", "查看退回理由并补正"));
		}
		if (c.grantToAccept()) {
			return Optional.of(new PendingActionSource.Step(c.id(), "待确认贷款", "银行已同意放贷，请选择接受哪家银行的贷款。", null,
					page + "#loan-offers", "选择接受的银行"));
		}
		return Optional.empty();
	}

	private PendingAction action(AwaitingCase c, PendingActionSource.Step step, LocalDate today) {
		return new PendingAction(c.id(), c.referenceNo(), c.title(), step.step(), step.todo(), step.lastDay(),
				step.link(), step.linkText(), workingDays.workingDaysLeft(today, step.lastDay()).orElse(null));
	}

}
