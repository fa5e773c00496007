package cn.liaocheng.renewal.review.issuing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.InterestSubsidyAssessment;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.application.SubmittedBanks;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.CaseDecided;
import cn.liaocheng.renewal.review.LoanListed;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.review.subsidy.SubsidyRules;

/**
 * Ends an application: its signed decision(s) and its final stage, in one transaction, so
 * the enterprise never sees a final stage without its document. The decisions are
 * numbered, rendered and signed as that transaction commits, after the final stage, the
 * notices and the engine's own work (see {@link Decisions#issueBeforeCommit}), so that
 * the body's number counter is locked for as short a time as it can be. The deciding body
 * is the one whose step ended the case (a county bureau for a county refusal); a bank's
 * decline is told by the central-bank branch that pushed the listing; a granted loan gets
 * the listing notice (central-bank branch) and the interest-subsidy decision (finance
 * bureau, as its review of the computed subsidy decided).
 */
@Component
class DecisionIssuing {

	private static final String LEAD = "industry";

	private final ApplicationStages stages;

	private final CaseNarrative narrative;

	private final Decisions decisions;

	private final Directory directory;

	private final SubsidyRules rules;

	private final ApplicationEventPublisher events;

	private final IssuingGrounds grounds;

	DecisionIssuing(ApplicationStages stages, CaseNarrative narrative, Decisions decisions, Directory directory,
			SubsidyRules rules, ApplicationEventPublisher events, IssuingGrounds grounds) {
		this.grounds = grounds;
		this.stages = stages;
		this.narrative = narrative;
		this.decisions = decisions;
		this.directory = directory;
		this.rules = rules;
		this.events = events;
	}

	@Transactional
	void issue(long applicationId, Ending ending) {
		// First, before anything is numbered or signed: the record must support the
		// ending.
		grounds.require(applicationId, IssuingGrounds.Grounds.of(ending));
		CaseNarrative.Story story = narrative.of(applicationId);
		ReviewFacts facts = stages.facts(applicationId);
		Issue issued = switch (ending) {
			case PROJECT_REGISTERED -> issue(facts, story, LEAD, DecisionType.PROJECT_ACCEPTED, List.of(), null);
			case PROJECT_REFUSED -> refuse(facts, story, DecisionType.PROJECT_REFUSED);
			case SUBSIDY_ALLOCATED -> issue(facts, story, "finance", DecisionType.SUBSIDY_ALLOCATED, List.of(), null);
			case SUBSIDY_REFUSED -> refuse(facts, story, DecisionType.SUBSIDY_REFUSED);
			case LOAN_GRANTED -> grantLoan(facts);
			case LOAN_REFUSED -> refuse(facts, story, DecisionType.LOAN_REFUSED);
			case LAPSED -> issue(facts, story, story.lastReturn().map(DecisionIssuing::decider).orElse(LEAD),
					DecisionType.APPLICATION_LAPSED, List.of(lapse(facts.outcomes().correctionDeadline())), null);
		};
		ReviewFacts after = issued.facts() != null ? issued.facts() : facts;
		String summary = issued.summary() != null ? issued.summary() : ending.summary(after.outcomes());
		// The history names no document: banks that did not lend read it, and the
		// lender's documents are not theirs to know of. The enterprise's message does.
		stages.decide(applicationId, ending.status(), "办理结果：" + summary + "。结果文书可在申报详情中下载。");
		events.publishEvent(new CaseDecided(applicationId, summary, issued.type().title()));
	}

	/** The application a lapse names, in the words of the other decisions' openings. */
	private static final Map<ApplicationKind, String> LAPSED_APPLICATIONS = Map.of(ApplicationKind.PROJECT, "入库申请",
			ApplicationKind.SUBSIDY, "设备更新奖补资金申请", ApplicationKind.LOAN, "设备更新贷款支持申请");

	private static final DateTimeFormatter DEADLINE_SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
		.withZone(ChinaTime.ZONE);

	/**
	 * Why a case lapsed, with the deadline the case was given when it was returned (the
	 * one its timer ran to), in Beijing time.
	 */
	static String lapse(Instant deadline) {
		return deadline == null ? "申报被退回补正后，申请人未在补正期限内补正并重新提交。"
				: "申报被退回补正后，申请人未在补正期限（" + DEADLINE_SHOWN.format(deadline) + "）前补正并重新提交。";
	}

	/**
	 * What one ending issued: the document's type, the result as the enterprise is told
	 * it when it is not the ending's own, and the case's facts when issuing changed them.
	 */
	private record Issue(DecisionType type, String summary, ReviewFacts facts) {

		Issue(DecisionType type) {
			this(type, null, null);
		}

	}

	/**
	 * A refusal is the act of the body whose step refused, and says what that act was: a
	 * county department does not recommend (不予推荐), the city lead bureau at acceptance
	 * does not accept (不予受理), a later city step refuses what was applied for. A bank's
	 * decline is not an administrative refusal but a notice from the central-bank branch,
	 * which ran the listing. Returns the result as the enterprise is told it, when it is
	 * not the ending's own.
	 */
	private Issue refuse(ReviewFacts facts, CaseNarrative.Story story, DecisionType refusal) {
		Opinion decisive = story.decisive().orElse(null);
		List<String> reasons = story.refusals();
		if (reasons.isEmpty()) {
			reasons = List.of("经审核，申请不符合《聊城市推动工业领域设备更新实施方案》规定的支持条件。");
		}
		if (decisive != null && ReviewProcesses.DECLINED.equals(decisive.decision())) {
			return issue(facts, story, "pboc", DecisionType.LOAN_DECLINED, reasons, null);
		}
		String body = decisive == null ? LEAD : decider(decisive);
		if (GroupNames.isCounty(body)) {
			return new Issue(
					issue(facts, story, body, DecisionType.notRecommended(refusal.stage()), reasons, null).type(),
					DecisionType.notRecommendedResult(body), null);
		}
		if (decisive != null && ReviewProcesses.TASK_CITY_ACCEPTANCE.equals(decisive.step())) {
			return new Issue(issue(facts, story, body, DecisionType.notAccepted(refusal.stage()), reasons, null).type(),
					"不予受理", null);
		}
		// The branch lists; the lead bureau, refusing, does not push the project to it.
		DecisionType act = refusal == DecisionType.LOAN_REFUSED && !"pboc".equals(body) ? DecisionType.LOAN_NOT_PUSHED
				: refusal;
		// The result as the enterprise is told it says what the document decides: the
		// finance bureau refuses to allocate, the lead bureau not to push.
		String summary = act == DecisionType.SUBSIDY_REFUSED && "finance".equals(body) ? "不予下达奖补资金"
				: act == DecisionType.LOAN_NOT_PUSHED ? "未通过市级审查，不予推送列入贷款支持项目清单" : null;
		return new Issue(issue(facts, story, body, act, reasons, null).type(), summary, null);
	}

	/**
	 * The central-bank branch's listing notice, as soon as the enterprise has accepted a
	 * grant and the interest subsidy is computed: the listing and the bank's loan are
	 * settled then, and the enterprise need not wait for the finance bureau's review,
	 * whose decision follows on its own. The case is not ended; issuing again finds the
	 * notice issued.
	 */
	@Transactional
	void listLoan(long applicationId) {
		if (issued(applicationId, DecisionType.LOAN_LISTED)) {
			return;
		}
		grounds.require(applicationId, IssuingGrounds.Grounds.LOAN_LISTED);
		ReviewFacts facts = stages.facts(applicationId);
		Outcomes o = facts.outcomes();
		// The lender receives the notice: it states what the lender may read.
		CaseNarrative.Story story = narrative.forLender(applicationId, o.grantedBankKey())
			.without(ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW);
		LoanGrant grant = LoanGrant.of(o);
		issue(facts, story, "pboc", DecisionType.LOAN_LISTED, List.of(), loanTerms(grant, asComputed(o, grant)));
		stages.note(applicationId, "system", directory.bodyName(GroupNames.city("pboc")), "LOAN_LISTED",
				"出具《" + DecisionType.LOAN_LISTED.title() + "》（贷款银行：" + directory.bankName(o.grantedBankKey())
						+ "），可在申报详情中下载；财政贴息由市财政局核定后另行通知。");
		events.publishEvent(new LoanListed(applicationId, directory.bankName(o.grantedBankKey())));
	}

	private boolean issued(long applicationId, DecisionType type) {
		return decisions.allForApplication(applicationId).stream().anyMatch(d -> d.type() == type);
	}

	private static DecisionRequest.Loan loanTerms(LoanGrant grant, InterestSubsidyAssessment computed) {
		return new DecisionRequest.Loan(grant.grantDate(), grant.type().label(), grant.usedRelending(),
				computed.points(), computed.months(), computed.basis() == null ? "" : computed.basis(), computed.cap(),
				!computed.byTranche(), computed.grants());
	}

	/**
	 * The central-bank branch's listing notice (unless issued at acceptance, see
	 * {@link #listLoan}), and the finance bureau's interest-subsidy decision as its
	 * review decided it: granted when the computed amount is positive and the bureau
	 * agreed; refused with the computation's finding when the amount is zero, and with
	 * the computed amount and the bureau's own reasons when it refused. Without the
	 * bureau's review on record (a case on a model version without it) nothing is issued:
	 * the job fails, and the case shows as an incident until an administrator moves it to
	 * the review. Returns the decision and the facts as they stand after it.
	 */
	private Issue grantLoan(ReviewFacts facts) {
		// The lender receives these documents: they state what the lender may read.
		CaseNarrative.Story story = narrative.forLender(facts.applicationId(), facts.outcomes().grantedBankKey());
		Opinion review = story.conclusionAt(ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW)
			.orElseThrow(() -> new IllegalStateException("该贷款案件没有市财政局“核定贷款贴息”的审核意见，不能出具贴息决定："
					+ "请把案件迁移到当前版本的 loan-application，并从“市财政局核定贷款贴息”环节继续办理（见管理员指南）。"));
		Outcomes o = facts.outcomes();
		LoanGrant grant = LoanGrant.of(o);
		InterestSubsidyAssessment computed = asComputed(o, grant);
		boolean refused = ReviewProcesses.REFUSE.equals(review.decision());
		ReviewFacts decided = facts;
		if (refused && (computed.grants() || computed.byTranche())) {
			// Nothing is granted, whatever was computed or a later rule would give, and
			// the ledger accrues nothing.
			stages.withholdInterestSubsidy(facts.applicationId());
			decided = stages.facts(facts.applicationId());
		}
		DecisionRequest.Loan loan = loanTerms(grant, computed);
		if (!issued(facts.applicationId(), DecisionType.LOAN_LISTED)) {
			// A case that reached the review before the notice was issued at acceptance.
			issue(decided, story.without(ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW), "pboc",
					DecisionType.LOAN_LISTED, List.of(), loan);
		}
		if (computed.grants() && !refused) {
			issue(decided, story, "finance", DecisionType.INTEREST_SUBSIDY_GRANTED, List.of(), loan);
			return new Issue(DecisionType.INTEREST_SUBSIDY_GRANTED, null, decided);
		}
		if (computed.byTranche() && !refused) {
			// Not a refusal: the ledger accrues each tranche by its own day's rule.
			List<String> finding = computed.finding() == null ? List.of() : List.of(computed.finding());
			issue(decided, story, "finance", DecisionType.INTEREST_SUBSIDY_BY_TRANCHE, finding, loan);
			return new Issue(DecisionType.INTEREST_SUBSIDY_BY_TRANCHE, null, decided);
		}
		List<String> reasons = new ArrayList<>();
		if (computed.finding() != null) {
			// Refused outright, nothing accrues later: the finding's word of later
			// tranches no longer holds.
			reasons.add(refused ? SubsidyRules.withoutLaterAccrual(computed.finding()) : computed.finding());
		}
		if (refused && computed.grants()) {
			reasons.add("依照放款日适用的" + (computed.basis() == null ? "国家设备更新贷款财政贴息政策" : computed.basis())
					+ "测算，该笔贷款的财政贴息为人民币" + Money.yuan(computed.amount()) + "元；经本机关审核，不予贴息，理由是：" + review.opinion());
		}
		else if (refused) {
			reasons.add(review.opinion());
		}
		issue(decided, story, "finance", DecisionType.INTEREST_SUBSIDY_REFUSED, reasons, loan);
		return new Issue(DecisionType.INTEREST_SUBSIDY_REFUSED, null, decided);
	}

	/**
	 * The amount and terms as recorded when the grant was accepted; the notices and the
	 * finding too, except for a case computed before they were recorded, whose grounds
	 * are read from the table as it reads now.
	 */
	private InterestSubsidyAssessment asComputed(Outcomes o, LoanGrant grant) {
		if (o.interestSubsidyPoints() == null) {
			return rules.assess(grant, directory.isRelendingBank(o.grantedBankKey()));
		}
		String basis = o.interestSubsidyBasis();
		String finding = o.interestSubsidyFinding();
		if (basis == null && finding == null) {
			InterestSubsidyAssessment now = rules.assess(grant, directory.isRelendingBank(o.grantedBankKey()));
			basis = now.basis();
			finding = o.interestSubsidyAmount().signum() > 0 ? null : now.finding();
		}
		return new InterestSubsidyAssessment(o.interestSubsidyAmount(), o.interestSubsidyPoints(),
				o.interestSubsidyMonths(), o.interestSubsidyCap(), basis, finding, o.interestSubsidyByTranche());
	}

	private Issue issue(ReviewFacts facts, CaseNarrative.Story story, String body, DecisionType type,
			List<String> reasons, DecisionRequest.Loan loan) {
		Dossier d = facts.dossier();
		BigDecimal totalInvestment = d instanceof ProjectDossier p ? p.totalInvestment() : null;
		BigDecimal equipmentInvestment = d instanceof ProjectDossier p ? p.equipmentInvestment() : null;
		BigDecimal loanAsked = d instanceof LoanDossier l ? l.loanAmount() : null;
		Integer termAsked = d instanceof LoanDossier l ? l.loanTermMonths() : null;
		Outcomes o = facts.outcomes();
		// A refusal awards nothing: not the subsidy proposed for the notice, not an
		// interest subsidy. The interest subsidy is stated by the finance bureau's own
		// notice only, not by the central-bank branch's listing, which says it follows.
		DecisionRequest.Amounts amounts = new DecisionRequest.Amounts(totalInvestment, equipmentInvestment,
				type.adverse() ? null : o.subsidyAmount(), o.grantedAmount() != null ? o.grantedAmount() : loanAsked,
				o.grantedRate(), o.grantedTermMonths() != null ? o.grantedTermMonths() : termAsked,
				type == DecisionType.INTEREST_SUBSIDY_GRANTED ? o.interestSubsidyAmount() : null);
		DecisionRequest.Lapse lapse = type != DecisionType.APPLICATION_LAPSED ? null
				: new DecisionRequest.Lapse(LAPSED_APPLICATIONS.get(facts.kind()),
						story.lastReturn().map(r -> r.bodyName() + "在" + r.stepName() + "环节").orElse(null));
		DecisionRequest.Proceedings proceedings = new DecisionRequest.Proceedings(story.steps(), story.events(), loan,
				story.batchYear(), lapse);
		decisions.issueBeforeCommit(new DecisionRequest(facts.applicationId(), body, type, facts.enterpriseName(),
				facts.creditCode(), facts.enterpriseName(), facts.projectName(), facts.referenceNo(), amounts,
				lender(facts), story.conclusions(), reasons, LocalDate.now(ChinaTime.ZONE), proceedings));
		return new Issue(type);
	}

	/**
	 * The bank whose grant was accepted, or the banks the loan was last submitted with;
	 * none for other kinds. The dossier as it stands may name others: a correction lets
	 * the enterprise edit it, and a correction that lapses was never submitted. A loan
	 * submitted before the banks were recorded with each submission falls back on its
	 * dossier.
	 */
	private String lender(ReviewFacts facts) {
		if (facts.outcomes().grantedBankKey() != null) {
			return directory.bankName(facts.outcomes().grantedBankKey());
		}
		if (!(facts.dossier() instanceof LoanDossier loan)) {
			return null;
		}
		List<SubmittedBanks> submitted = stages.submittedBanks(facts.applicationId());
		List<String> banks = submitted.isEmpty() ? loan.bankKeys() : submitted.get(submitted.size() - 1).bankKeys();
		return banks.isEmpty() ? null : String.join("、", banks.stream().map(directory::bankName).toList());
	}

	/**
	 * Who decides for a step: a county department itself; at city level the lead bureau,
	 * except the central-bank branch and the finance bureau at their own steps (the
	 * listing; the allocation and the interest subsidy), never for their voice in the
	 * joint review, which the lead bureau runs; never a bank.
	 */
	private static String decider(Opinion step) {
		String group = step.bodyGroup();
		if (group == null) {
			return LEAD;
		}
		if (GroupNames.isCounty(group)) {
			return group;
		}
		if (group.equals(GroupNames.city("pboc")) && ReviewProcesses.TASK_PBOC_LISTING.equals(step.step())) {
			return "pboc";
		}
		if (group.equals(GroupNames.city("finance")) && (ReviewProcesses.TASK_FINANCE_ALLOCATION.equals(step.step())
				|| ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW.equals(step.step()))) {
			return "finance";
		}
		return LEAD;
	}

}
