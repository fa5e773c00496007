package cn.liaocheng.renewal.review.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Ends an application: its signed decision(s) and its final stage, in one transaction, so the enterprise never sees
 * a final stage without its document. A granted loan gets two documents: the listing (central-bank branch) and the
 * interest subsidy (finance bureau).
 */
@Component
class DecisionIssuing {

	private final ApplicationStages stages;

	private final OpinionStore opinions;

	private final Decisions decisions;

	DecisionIssuing(ApplicationStages stages, OpinionStore opinions, Decisions decisions) {
		this.stages = stages;
		this.opinions = opinions;
		this.decisions = decisions;
	}

	@Transactional
	void issue(long applicationId, Ending ending) {
		ReviewFacts facts = stages.facts(applicationId);
		List<Opinion> all = opinions.forApplication(applicationId);
		switch (ending) {
			case PROJECT_REGISTERED -> issue(facts, all, "industry", DecisionType.PROJECT_ACCEPTED, List.of());
			case PROJECT_REFUSED -> issue(facts, all, "industry", DecisionType.PROJECT_REFUSED, refusals(all));
			case SUBSIDY_ALLOCATED -> issue(facts, all, "finance", DecisionType.SUBSIDY_ALLOCATED, List.of());
			case SUBSIDY_REFUSED -> issue(facts, all, "industry", DecisionType.SUBSIDY_REFUSED, refusals(all));
			case LOAN_GRANTED -> {
				issue(facts, all, "pboc", DecisionType.LOAN_LISTED, List.of());
				BigDecimal interest = facts.outcomes().interestSubsidyAmount();
				if (interest != null && interest.signum() > 0) {
					issue(facts, all, "finance", DecisionType.INTEREST_SUBSIDY_GRANTED, List.of());
				}
				else {
					issue(facts, all, "finance", DecisionType.INTEREST_SUBSIDY_REFUSED,
							List.of("该笔贷款未使用再贷款资金，不符合财政贴息条件。"));
				}
			}
			case LOAN_REFUSED -> issue(facts, all, "pboc", DecisionType.LOAN_REFUSED, refusals(all));
			case LAPSED -> issue(facts, all, "industry", DecisionType.APPLICATION_LAPSED,
					List.of("申报被退回补正后，申请人未在规定的 " + ReviewProcesses.CORRECTION_DAYS + " 个工作日内补正并重新提交。"));
		}
		stages.decide(applicationId, ending.status(), "办理结果：" + ending.summary() + "。决定书可在申报详情中下载。");
	}

	private void issue(ReviewFacts facts, List<Opinion> all, String body, DecisionType type, List<String> reasons) {
		Dossier d = facts.dossier();
		Outcomes o = facts.outcomes();
		DecisionRequest.Amounts amounts = new DecisionRequest.Amounts(d.totalInvestment(), d.equipmentInvestment(),
				o.subsidyAmount(), o.grantedAmount() != null ? o.grantedAmount() : d.loanAmount(), o.grantedRate(),
				o.grantedTermMonths() != null ? o.grantedTermMonths() : d.loanTermMonths(), o.interestSubsidyAmount());
		List<DecisionRequest.Opinion> summary = new ArrayList<>();
		for (Opinion op : all) {
			summary.add(new DecisionRequest.Opinion(op.bodyName(), op.reviewerName(),
					op.at().atZone(ReviewClock.CHINA).toLocalDate(), op.decisionLabel(), op.opinion()));
		}
		decisions.issue(new DecisionRequest(facts.applicationId(), body, type, facts.enterpriseName(),
				facts.creditCode(), facts.enterpriseName(), facts.projectName(), facts.referenceNo(), amounts,
				d.bankKey() == null ? null : d.bankKey(), summary, reasons, LocalDate.now(ReviewClock.CHINA)));
	}

	/** The reasons an adverse decision states: every refusing body's opinion. */
	private static List<String> refusals(List<Opinion> all) {
		List<String> reasons = all.stream()
			.filter(o -> ReviewProcesses.REFUSE.equals(o.decision()) || ReviewProcesses.DECLINED.equals(o.decision()))
			.map(o -> o.bodyName() + "：" + o.opinion())
			.toList();
		return reasons.isEmpty() ? List.of("经审核，申请不符合《聊城市推动工业领域设备更新实施方案》规定的支持条件。") : reasons;
	}

}
