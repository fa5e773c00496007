package cn.liaocheng.renewal.review.issuing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.application.Money;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.application.Resubmission;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.application.SubmittedBanks;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.AfterAwardProcesses;
import cn.liaocheng.renewal.review.ClawbackHearings;
import cn.liaocheng.renewal.review.DecisionGrounds;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.review.opinions.OpinionOfRecord;
import cn.liaocheng.renewal.review.opinions.OpinionStore;
import cn.liaocheng.renewal.review.opinions.ReviewOpinions;
import cn.liaocheng.renewal.review.process.RefusalAudit;
import cn.liaocheng.renewal.review.routing.ReviewRouting;
import cn.liaocheng.renewal.review.subsidy.SubsidyRules;
import cn.liaocheng.renewal.review.tables.CaseTables;

/**
 * What the record must hold before the system signs a decision: an edited model, a
 * process variable, a form submission or a moved token cannot make the system sign a
 * decision the record does not support. Which ending a process reaches ({@code
 * decisionType}) is the model's to say; whether the case may end so is read here from the
 * recorded history only: the standing (not superseded) opinions of record, the
 * application's own record (its county, kind, the banks of each submission, accepted
 * grant, correction deadline, resubmissions) and the public notice with its objections.
 * The case is the business key's application, pinned to its review process
 * ({@code ReviewedApplication}).
 * <p>
 * An opinion counts only when it was given by a person who was, when giving it, a member
 * of the body it is recorded for or of that body's lead group (a task escalated to the
 * lead, reassigned or handed over to a colleague of the body still counts), in the case's
 * own review process; an opinion recorded before this was kept counts unless nobody was
 * named as its reviewer ({@code ReviewOpinions.NO_REVIEWER}). No opinion counts whose
 * reviewer is an administrator ({@code camunda-admin}) when the document is issued. The
 * steps must follow each other in the order of the shipped models.
 * <p>
 * The clawback's decisions (追回, 撤销, 处理决定) are in the table too ({@link DecisionGrounds}):
 * they rest on the clawback's own steps, given in the clawback process the product
 * started for the case, and, for a clawback the acceptance announced, on the on-site
 * acceptance's finding, given in the case's after-award process. The after-award process
 * itself signs no document.
 * <p>
 * When the record does not hold what an ending needs, nothing is numbered, signed or
 * sent: the issuing job fails, an audit entry says why, and after its retries the job is
 * an incident an administrator sees in Cockpit (and is told of).
 */
@Component
class IssuingGrounds implements DecisionGrounds {

	private static final String FORMAL = ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW;

	private static final String INVOICE = ReviewProcesses.TASK_COUNTY_INVOICE_CHECK;

	private static final String RECOMMENDATION = ReviewProcesses.TASK_COUNTY_RECOMMENDATION;

	private static final String ACCEPTANCE = ReviewProcesses.TASK_CITY_ACCEPTANCE;

	private static final String JOINT = ReviewProcesses.TASK_JOINT_REVIEW;

	private static final String DECISION = ReviewProcesses.TASK_INDUSTRY_DECISION;

	private static final String EXPERT = ReviewProcesses.TASK_EXPERT_REVIEW;

	private static final String OBJECTIONS = ReviewProcesses.TASK_RESOLVE_OBJECTIONS;

	private static final String ALLOCATION = ReviewProcesses.TASK_FINANCE_ALLOCATION;

	private static final String LISTING = ReviewProcesses.TASK_PBOC_LISTING;

	private static final String BANK = ReviewProcesses.TASK_BANK_DECISION;

	private static final String INTEREST = ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW;

	/**
	 * Steps of the after-award processes (bpmn/subsidy-aftercare.bpmn,
	 * bpmn/clawback.bpmn) whose opinions of record a clawback's decision rests on.
	 */
	private static final String ONSITE_ACCEPTANCE = AfterAwardProcesses.TASK_ONSITE_ACCEPTANCE;

	private static final String DETERMINE_CLAWBACK = AfterAwardProcesses.TASK_DETERMINE_CLAWBACK;

	private static final String CONFIRM_CLAWBACK = AfterAwardProcesses.TASK_CONFIRM_CLAWBACK;

	private static final String REVIEW_STATEMENT = AfterAwardProcesses.TASK_REVIEW_STATEMENT;

	private static final Set<String> APPROVED = Set.of(ReviewProcesses.APPROVE);

	/** What the shipped models call each step, for the messages. */
	private static final Map<String, String> STEP_NAMES = Map.ofEntries(Map.entry(FORMAL, "县级形式审查"),
			Map.entry(INVOICE, "县级财政发票核验"), Map.entry(RECOMMENDATION, "县级推荐"), Map.entry(ACCEPTANCE, "受理"),
			Map.entry(JOINT, "市级联审"), Map.entry(DECISION, "审定"), Map.entry(EXPERT, "组织专家评审"),
			Map.entry(OBJECTIONS, "处理公示异议"), Map.entry(ALLOCATION, "资金下达"), Map.entry(LISTING, "列入贷款支持项目清单"),
			Map.entry(BANK, "自主审贷"), Map.entry(INTEREST, "核定贷款贴息"), Map.entry(ONSITE_ACCEPTANCE, "市工信局组织现场验收"),
			Map.entry(DETERMINE_CLAWBACK, "核定追回事项"), Map.entry(CONFIRM_CLAWBACK, "县级财政核对追回金额"));

	private static final Map<String, String> CONCLUSIONS = Map.of(ReviewProcesses.APPROVE, "同意", ReviewProcesses.REFUSE,
			"不同意", ReviewProcesses.GRANTED, "同意放贷", ReviewProcesses.DECLINED, "不予放贷", ReviewProcesses.RETURN,
			"退回（限期整改）");

	/**
	 * The table: for each document the system signs, the standing opinions (and facts) it
	 * rests on, in the order the shipped models take them. "County" is the county of the
	 * application record, not of any variable.
	 */
	enum Grounds {

		/**
		 * 准予入库: the county recommended, the city accepted, reviewed jointly and decided.
		 */
		PROJECT_REGISTERED(ApplicationKind.PROJECT, county(FORMAL, "industry"), county(RECOMMENDATION, "industry"),
				city(ACCEPTANCE, "industry"), jointReview(true), city(DECISION, "industry")),

		/**
		 * 奖补资金下达: as a registration, with the county finance bureau's invoice check, the
		 * computed amount, the expert review when one was held, the public notice with
		 * its recorded period ended and its objections settled, and the city finance
		 * bureau's allocation.
		 */
		SUBSIDY_ALLOCATED(ApplicationKind.SUBSIDY, county(FORMAL, "industry"), county(INVOICE, "finance"),
				county(RECOMMENDATION, "industry"), city(ACCEPTANCE, "industry"), jointReview(true),
				city(DECISION, "industry"), subsidyComputed(), expertReviewIfHeldOrRequired(), noticeHeld(),
				objectionsSettled(), city(ALLOCATION, "finance"), allocatedAfterTheNoticeBegan()),

		/**
		 * 列入设备更新贷款支持项目清单 (the central-bank branch's listing notice): as a registration,
		 * with the branch's listing and the grant of the bank whose offer the enterprise
		 * accepted.
		 */
		LOAN_LISTED(ApplicationKind.LOAN, county(FORMAL, "industry"), county(RECOMMENDATION, "industry"),
				city(ACCEPTANCE, "industry"), jointReview(true), city(DECISION, "industry"), city(LISTING, "pboc"),
				acceptedBankGranted()),

		/**
		 * The interest-subsidy decision of a granted loan: the listing's grounds and the
		 * city finance bureau's review of the computed subsidy (agreeing or refusing).
		 */
		LOAN_GRANTED(ApplicationKind.LOAN, county(FORMAL, "industry"), county(RECOMMENDATION, "industry"),
				city(ACCEPTANCE, "industry"), jointReview(false), city(DECISION, "industry"), city(LISTING, "pboc"),
				acceptedBankGranted(),
				step(INTEREST, f -> GroupNames.city("finance"),
						Set.of(ReviewProcesses.APPROVE, ReviewProcesses.REFUSE)),
				reviewedAfterTheInterestSubsidyWasComputed()),

		/** 不予推荐 / 不予受理 / 不予入库: a standing decisive refusal by the body that signs. */
		PROJECT_REFUSED(ApplicationKind.PROJECT, decisiveRefusal()),

		/** 不予奖补, at whichever step of the subsidy's review refused. */
		SUBSIDY_REFUSED(ApplicationKind.SUBSIDY, decisiveRefusal()),

		/**
		 * 不予支持 / 不予推送 / the banks' declines: a standing decisive refusal, or the decline
		 * of every bank the listing pushed the loan to.
		 */
		LOAN_REFUSED(ApplicationKind.LOAN, decisiveRefusal()),

		/**
		 * 申报失效: a standing return for correction whose recorded deadline has passed with
		 * no resubmission after it.
		 */
		LAPSED(null, lapse()),

		/**
		 * 追回 / 撤销 / 处理决定 of a clawback the on-site acceptance announced when it failed:
		 * the city industry bureau's standing finding at the on-site acceptance is 不通过,
		 * in the after-award process the product started for the case; the clawback
		 * process the product started for the case holds the bureau's determination to
		 * recover and then the county finance bureau's confirmation.
		 */
		CLAWBACK_ACCEPTANCE_FAILED(ApplicationKind.SUBSIDY, subsidyComputed(),
				afterAward(AfterAwardProcesses.AFTERCARE, ONSITE_ACCEPTANCE, r -> GroupNames.city("industry"),
						Set.of(ReviewProcesses.REFUSE)),
				clawbackDetermined(), clawbackConfirmed(), clawbackHeard()),

		/**
		 * The same for a rectification the on-site acceptance ordered (限期整改, its standing
		 * finding) and the enterprise let lapse.
		 */
		CLAWBACK_RECTIFICATION_LAPSED(ApplicationKind.SUBSIDY, subsidyComputed(),
				afterAward(AfterAwardProcesses.AFTERCARE, ONSITE_ACCEPTANCE, r -> GroupNames.city("industry"),
						Set.of(ReviewProcesses.RETURN)),
				clawbackDetermined(), clawbackConfirmed(), clawbackHeard()),

		/**
		 * The same for false material the city industry bureau found and started the
		 * clawback for (its facts are the clawback's record).
		 */
		CLAWBACK_FALSE_MATERIAL(ApplicationKind.SUBSIDY, subsidyComputed(), clawbackDetermined(), clawbackConfirmed(),
				clawbackHeard());

		private final ApplicationKind kind;

		private final List<Requirement> requirements;

		Grounds(ApplicationKind kind, Requirement... requirements) {
			this.kind = kind;
			this.requirements = List.of(requirements);
		}

		static Grounds of(Ending ending) {
			return valueOf(ending.name());
		}

	}

	private final OpinionStore opinions;

	private final ApplicationStages stages;

	private final PublicNotices notices;

	private final Directory directory;

	private final RefusalAudit audit;

	private final ClawbackHearings hearings;

	private final ReviewRouting routing;

	private final SubsidyRules rules;

	private final CaseTables tables;

	private final Decisions decisions;

	IssuingGrounds(OpinionStore opinions, ApplicationStages stages, PublicNotices notices, Directory directory,
			RefusalAudit audit, ClawbackHearings hearings, ReviewRouting routing, SubsidyRules rules, CaseTables tables,
			Decisions decisions) {
		this.tables = tables;
		this.decisions = decisions;
		this.hearings = hearings;
		this.routing = routing;
		this.rules = rules;
		this.opinions = opinions;
		this.stages = stages;
		this.notices = notices;
		this.directory = directory;
		this.audit = audit;
	}

	@Override
	public void requireClawbackDecision(long applicationId, String cause) {
		Grounds grounds;
		try {
			grounds = Grounds.valueOf("CLAWBACK_" + cause);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			audit.record("DECISION_NOT_SUPPORTED", applicationId, "clawback cause " + cause);
			throw new ProcessEngineException("追回事由“" + cause + "”不在出具文书的依据表中，未编号、未签章、未送达。");
		}
		require(applicationId, grounds);
	}

	/**
	 * Refuses (throws, after an audit entry of its own) unless the record supports the
	 * document.
	 */
	void require(long applicationId, Grounds grounds) {
		List<String> missing = missing(applicationId, grounds);
		if (missing.isEmpty()) {
			return;
		}
		audit.record("DECISION_NOT_SUPPORTED", applicationId, grounds.name() + ": " + String.join("; ", missing));
		throw new ProcessEngineException("审核记录不支持出具该结论的文书（" + grounds.name() + "），未编号、未签章、未送达："
				+ String.join("；", missing) + "。请管理员在 Cockpit 中查看该案件的流程事件（incident），核对模型与审核记录（见管理员指南）。");
	}

	/** What the record lacks for the document; empty when it holds all of it. */
	List<String> missing(long applicationId, Grounds grounds) {
		Record record = new Record(stages.facts(applicationId), opinions.standingOfRecord(applicationId),
				stages.reviewProcess(applicationId).orElse(null),
				stages.afterAwardProcess(applicationId, AfterAwardProcesses.AFTERCARE).orElse(null),
				stages.afterAwardProcess(applicationId, AfterAwardProcesses.CLAWBACK).orElse(null), Instant.now());
		List<String> missing = new ArrayList<>();
		if (grounds.kind != null && grounds.kind != record.facts.kind()) {
			missing.add("申报类别为" + record.facts.kind() + "，不是" + grounds.kind);
			return missing;
		}
		int after = -1;
		for (Requirement requirement : grounds.requirements) {
			Met met = requirement.check(this, record, after);
			if (met.missing() != null) {
				missing.add(met.missing());
			}
			else {
				after = Math.max(after, met.at());
			}
		}
		return missing;
	}

	/**
	 * The case's record, read once, with the process instances the product started for
	 * it: its review, and after the award its after-award process and its clawback
	 * ({@code null} when none was).
	 */
	private record Record(ReviewFacts facts, List<OpinionOfRecord> opinions, String reviewProcess,
			String aftercareProcess, String clawbackProcess, Instant now) {

		String afterAwardProcess(String processKey) {
			return AfterAwardProcesses.CLAWBACK.equals(processKey) ? clawbackProcess : aftercareProcess;
		}

		String county(String department) {
			return GroupNames.county(facts.divisionCode(), department);
		}

		/** The last standing opinion at a step given for a body, with its place. */
		Optional<Integer> last(String step, String group) {
			Integer found = null;
			for (int i = 0; i < opinions.size(); i++) {
				Opinion o = opinions.get(i).opinion();
				if (step.equals(o.step()) && group.equals(o.bodyGroup())) {
					found = i;
				}
			}
			return Optional.ofNullable(found);
		}

		Opinion at(int i) {
			return opinions.get(i).opinion();
		}

		/**
		 * Whether, after {@code i}, a step of its own (not a parallel review's voice)
		 * concluded: the case went on past the opinion at {@code i}.
		 */
		boolean movedOnAfter(int i) {
			for (int j = i + 1; j < opinions.size(); j++) {
				Opinion o = at(j);
				if (!ReviewProcesses.RETURN.equals(o.decision()) && !JOINT.equals(o.step()) && !BANK.equals(o.step())) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * A requirement's answer: what is missing ({@code null} when met), and the place of
	 * the last opinion it rests on (the next one's must come after it).
	 */
	private record Met(String missing, int at) {

		static Met at(int at) {
			return new Met(null, at);
		}

		static Met missing(String what) {
			return new Met(what, -1);
		}

	}

	@FunctionalInterface
	private interface Requirement {

		Met check(IssuingGrounds grounds, Record record, int after);

	}

	/**
	 * Whether the opinion at {@code i} counts for {@code group}: given for that body, by
	 * a member of it (or its lead) then, in the case's own review process.
	 */
	private Optional<String> uncounted(Record record, int i, String group) {
		return uncounted(record, i, group, record.reviewProcess(), "审核流程");
	}

	/**
	 * Whether the opinion at {@code i} counts for {@code group}: given for that body, by
	 * a member of it (or its lead) then, in the root process instance {@code process} the
	 * product started for the case (the {@code processName}).
	 */
	private Optional<String> uncounted(Record record, int i, String group, String process, String processName) {
		OpinionOfRecord o = record.opinions().get(i);
		String where = describe(o.opinion());
		if (!group.equals(o.opinion().bodyGroup())) {
			return Optional.of(where + "不是" + body(group) + "给出的");
		}
		// An opinion recorded before membership was kept with it was recorded for the
		// body of the task it completed, and the completion check admitted only a member
		// of that body then: it counts unless nobody was named (a completion without an
		// assignee). Rows recorded since always carry the flag, so no new row can take
		// this way.
		boolean member = o.reviewerMember() != null ? o.reviewerMember()
				: !ReviewOpinions.NO_REVIEWER.equals(o.opinion().reviewer())
						|| directory.isMemberOf(o.opinion().reviewer(), group);
		if (!member) {
			return Optional.of(where + "的办理人 " + o.opinion().reviewer() + " 给出意见时不是" + body(group) + "的成员");
		}
		// An administrator can join any body and leave it again (or leave the
		// administrators for the moment of the opinion): an account that is an
		// administrator now has no opinion counted for a body, whenever it was given.
		if (directory.isAdministrator(o.opinion().reviewer())) {
			return Optional.of(where + "的办理人 " + o.opinion().reviewer() + " 是系统管理员（" + GroupNames.ADMINISTRATORS
					+ "）账号，管理员的意见不计为" + body(group) + "的意见");
		}
		if (o.rootProcessInstanceId() != null && !o.rootProcessInstanceId().equals(process)) {
			return Optional.of(where + "不是在该申报的" + processName + "中给出的");
		}
		return Optional.empty();
	}

	private static String describe(Opinion o) {
		return o.bodyName() + "于" + CaseNarrative.ChineseDates.of(o.at()) + "在“" + o.stepName() + "”（" + o.step()
				+ "）的意见";
	}

	/** A body as messages name it: its name and group. */
	private String body(String group) {
		return directory.bodyName(group) + "（" + group + "）";
	}

	private static String step(String step) {
		return "“" + STEP_NAMES.getOrDefault(step, step) + "”";
	}

	// --- the kinds of requirement

	private static Requirement county(String step, String department) {
		return step(step, r -> r.county(department), APPROVED);
	}

	private static Requirement city(String step, String body) {
		return step(step, r -> GroupNames.city(body), APPROVED);
	}

	/**
	 * The body's last standing opinion at the step is one of {@code conclusions}, counts,
	 * and follows the step before.
	 */
	private static Requirement step(String step, Function<Record, String> body, Set<String> conclusions) {
		return (grounds, record, after) -> {
			String group = body.apply(record);
			Optional<Integer> last = record.last(step, group);
			if (last.isEmpty()) {
				return Met.missing(
						"没有" + grounds.directory.bodyName(group) + step(step) + "的审核意见（" + step + "，" + group + "）");
			}
			int i = last.get();
			Opinion o = record.at(i);
			if (!conclusions.contains(o.decision())) {
				return Met.missing(describe(o) + "为“" + o.decisionLabel() + "”，不是“"
						+ String.join("”或“", conclusions.stream().map(c -> CONCLUSIONS.getOrDefault(c, c)).toList())
						+ "”");
			}
			Optional<String> uncounted = grounds.uncounted(record, i, group);
			if (uncounted.isPresent()) {
				return Met.missing(uncounted.get());
			}
			if (i <= after) {
				return Met.missing(describe(o) + "早于它之前应有的环节");
			}
			return Met.at(i);
		};
	}

	/**
	 * A step of the after-award process {@code processKey}: the body's last standing
	 * opinion at it is one of {@code conclusions}, counts, was given in the instance of
	 * that process the product started for the case, and follows the step before.
	 */
	private static Requirement afterAward(String processKey, String step, Function<Record, String> body,
			Set<String> conclusions) {
		String processName = AfterAwardProcesses.CLAWBACK.equals(processKey) ? "追回流程" : "项目后续管理流程";
		return (grounds, record, after) -> {
			String process = record.afterAwardProcess(processKey);
			if (process == null) {
				return Met.missing("该申报没有由系统启动的" + processName + "（" + processKey + "）");
			}
			String group = body.apply(record);
			Optional<Integer> last = record.last(step, group);
			if (last.isEmpty()) {
				return Met
					.missing("没有" + grounds.directory.bodyName(group) + step(step) + "的意见（" + step + "，" + group + "）");
			}
			int i = last.get();
			Opinion o = record.at(i);
			if (!conclusions.contains(o.decision())) {
				return Met.missing(describe(o) + "为“" + o.decisionLabel() + "”，不是“"
						+ String.join("”或“", conclusions.stream().map(c -> CONCLUSIONS.getOrDefault(c, c)).toList())
						+ "”");
			}
			Optional<String> uncounted = grounds.uncounted(record, i, group, process, processName);
			if (uncounted.isPresent()) {
				return Met.missing(uncounted.get());
			}
			if (i <= after) {
				return Met.missing(describe(o) + "早于它之前应有的环节");
			}
			return Met.at(i);
		};
	}

	/** The city industry bureau determined to recover (核定追回事项: 追回). */
	private static Requirement clawbackDetermined() {
		return afterAward(AfterAwardProcesses.CLAWBACK, DETERMINE_CLAWBACK, r -> GroupNames.city("industry"), APPROVED);
	}

	/**
	 * The case's county finance bureau confirmed the determination against its payments
	 * (核对无误), after it.
	 */
	private static Requirement clawbackConfirmed() {
		return afterAward(AfterAwardProcesses.CLAWBACK, CONFIRM_CLAWBACK, r -> r.county("finance"), APPROVED);
	}

	/**
	 * The enterprise was heard before the decision (事先告知, 陈述申辩), as the clawback's record
	 * shows: a notice of the determination in force was given in the clawback process the
	 * product started for the case, and either its period ended with no statement, or the
	 * enterprise waived it within the period, or it stated its case and the city industry
	 * bureau ruled 不予采纳 after the statement (a counted opinion, in that process, after
	 * the confirmation). A clawback started before notices were given needs none.
	 */
	private static Requirement clawbackHeard() {
		return (grounds, record, after) -> {
			Optional<ClawbackHearings.Hearing> hearing = grounds.hearings.of(record.facts().applicationId());
			if (hearing.isEmpty()) {
				return Met.missing("该申报没有追回记录");
			}
			ClawbackHearings.Hearing h = hearing.get();
			ClawbackHearings.Notice n = h.notice();
			if (!h.required() && n == null) {
				return Met.at(after);
			}
			if (n == null || h.determinedAt() == null || !h.determinedAt().equals(n.determinedAt())) {
				return Met.missing("没有就现行核定的追回事项向企业送达事先告知书（告知拟作出的决定及陈述、申辩权利）的记录");
			}
			if (record.clawbackProcess() == null || !record.clawbackProcess().equals(n.processInstanceId())) {
				return Met.missing("事先告知书" + n.number() + "不是在该申报的追回流程中作出的");
			}
			if ("WAIVED".equals(n.answer())) {
				return n.answeredAt().isAfter(n.endsAt()) ? Met.missing("放弃陈述、申辩的记录晚于陈述、申辩期限") : Met.at(after);
			}
			if (n.answer() == null) {
				return record.now().isBefore(n.endsAt())
						? Met.missing("事先告知书" + n.number() + "的陈述、申辩期限尚未届满，企业也未放弃陈述、申辩") : Met.at(after);
			}
			String group = GroupNames.city("industry");
			Optional<Integer> last = record.last(REVIEW_STATEMENT, group);
			if (last.isEmpty()) {
				return Met.missing("企业提出了陈述、申辩，没有" + grounds.directory.bodyName(group) + "“复核陈述申辩”的意见（"
						+ REVIEW_STATEMENT + "，" + group + "）");
			}
			int i = last.get();
			Opinion o = record.at(i);
			if (!ReviewProcesses.REFUSE.equals(o.decision())) {
				return Met.missing(describe(o) + "为“" + o.decisionLabel() + "”，不是“不予采纳”");
			}
			Optional<String> uncounted = grounds.uncounted(record, i, group, record.clawbackProcess(), "追回流程");
			if (uncounted.isPresent()) {
				return Met.missing(uncounted.get());
			}
			if (!o.at().isAfter(n.answeredAt()) || i <= after) {
				return Met.missing(describe(o) + "早于企业的陈述、申辩或之前应有的环节");
			}
			return Met.at(i);
		};
	}

	/**
	 * The joint review was held and is done: at least one city body gave its opinion,
	 * none of them stands as a return, every one counts, all after the acceptance, and
	 * none before a correction that changed what the dossier states
	 * ({@code Resubmission.changedFacts}): such an opinion speaks for a dossier that is
	 * no longer the case's. The last is not asked again of the interest-subsidy decision
	 * ({@code onTheCorrectedDossier} false), whose ground is the listing notice already
	 * signed on the joint review: no correction follows the listing, and a loan listed
	 * before this rule was kept is not stopped at its interest subsidy.
	 */
	private static Requirement jointReview(boolean onTheCorrectedDossier) {
		return (grounds, record, after) -> {
			Map<String, Integer> lastByBody = new LinkedHashMap<>();
			for (int i = 0; i < record.opinions().size(); i++) {
				Opinion o = record.at(i);
				if (JOINT.equals(o.step())) {
					lastByBody.put(o.bodyGroup(), i);
				}
			}
			if (lastByBody.isEmpty()) {
				return Met.missing("没有市级联审意见");
			}
			// Every body the routing table (the version the case was routed by) names for
			// the case as submitted reviewed it: a moved token, or a routing input
			// changed since, does not drop one.
			for (String key : grounds.routing.routedFor(record.facts().applicationId()).split(",")) {
				String group = GroupNames.city(key.strip());
				if (!key.isBlank() && !lastByBody.containsKey(group)) {
					return Met.missing("没有" + grounds.directory.bodyName(group) + "的市级联审意见（按联审单位判定表，该单位应参加联审）");
				}
			}
			List<Resubmission> resubmissions = grounds.stages.resubmissions(record.facts().applicationId());
			int latest = -1;
			for (Map.Entry<String, Integer> e : lastByBody.entrySet()) {
				Opinion o = record.at(e.getValue());
				if (e.getKey() == null || !e.getKey().startsWith(GroupNames.city(""))) {
					return Met.missing(describe(o) + "不是市级单位的联审意见");
				}
				if (ReviewProcesses.RETURN.equals(o.decision())) {
					return Met.missing(describe(o) + "为退回补正，联审未完成");
				}
				Optional<String> uncounted = grounds.uncounted(record, e.getValue(), e.getKey());
				if (uncounted.isPresent()) {
					return Met.missing(uncounted.get());
				}
				if (e.getValue() <= after) {
					return Met.missing(describe(o) + "早于市级受理");
				}
				Optional<Resubmission> changed = resubmissions.stream()
					.filter(r -> onTheCorrectedDossier && r.changedFacts() && r.at().isAfter(o.at()))
					.findFirst();
				if (changed.isPresent()) {
					return Met.missing(describe(o) + "早于" + CaseNarrative.ChineseDates.of(changed.get().at()) + "的补正（"
							+ changed.get().clause() + "），补正后该单位未重新联审");
				}
				latest = Math.max(latest, e.getValue());
			}
			return Met.at(latest);
		};
	}

	/** The subsidy amount was computed and recorded by the application. */
	private static Requirement subsidyComputed() {
		return (grounds, record, after) -> record.facts().outcomes().subsidyAmount() == null
				? Met.missing("申报记录中没有核定的奖补金额") : Met.at(after);
	}

	/**
	 * The expert review, when the case had one (the table deciding whether it does is the
	 * administrators'): approved, after the decision.
	 */
	private static Requirement expertReviewIfHeldOrRequired() {
		Requirement approved = city(EXPERT, "industry");
		return (grounds, record, after) -> {
			// Required by the recorded amount against the expert-review table (the
			// version the subsidy was computed by), whatever a variable or a moved token
			// says.
			BigDecimal amount = record.facts().outcomes().subsidyAmount();
			boolean required = amount != null && grounds.rules.needsExpertReview(amount,
					grounds.tables.asJudged(record.facts().applicationId(), ReviewProcesses.EXPERT_REVIEW_TABLE));
			boolean held = record.opinions().stream().anyMatch(o -> EXPERT.equals(o.opinion().step()));
			if (!required && !held) {
				return Met.at(after);
			}
			Met met = approved.check(grounds, record, after);
			return required && !held ? Met.missing("拟奖补金额 " + Money.yuan(amount) + " 元，按专家评审判定表应组织专家评审，但没有专家评审意见")
					: met;
		};
	}

	/**
	 * The proposed subsidy was put on public notice at the amount recorded now, and the
	 * notice period recorded when it began has ended: a model without the period's timer,
	 * or a token moved past it, does not shorten the period.
	 */
	private static Requirement noticeHeld() {
		return (grounds, record, after) -> {
			Optional<PublicNotices.NoticeRecord> notice = grounds.notices.record(record.facts().applicationId());
			if (notice.isEmpty()) {
				return Met.missing("拟奖补情况未经公示");
			}
			if (notice.get().endsAt().isAfter(record.now())) {
				return Met.missing("拟奖补情况公示至" + CaseNarrative.ChineseDates.of(notice.get().endsAt()) + "，公示期尚未届满");
			}
			// The amount the decision states is the one the public saw: a subsidy
			// computed again after its notice is noticed again.
			BigDecimal computed = record.facts().outcomes().subsidyAmount();
			BigDecimal noticed = notice.get().amount();
			if (computed != null && noticed != null && computed.compareTo(noticed) != 0) {
				return Met.missing("公示的拟奖补金额为 " + Money.yuan(noticed) + " 元，申报记录中核定的奖补金额为 " + Money.yuan(computed)
						+ " 元，核定后未重新公示");
			}
			return Met.at(after);
		};
	}

	/**
	 * The city finance bureau agreed the allocation (the opinion at {@code after}) after
	 * the notice of the amount began: a subsidy computed again and noticed anew since was
	 * not the one the bureau agreed to.
	 */
	private static Requirement allocatedAfterTheNoticeBegan() {
		return (grounds, record, after) -> {
			Optional<PublicNotices.NoticeRecord> notice = grounds.notices.record(record.facts().applicationId());
			if (notice.isPresent() && after >= 0 && record.at(after).at().isBefore(notice.get().startsAt())) {
				return Met.missing("资金下达意见早于本次拟奖补公示（" + CaseNarrative.ChineseDates.of(notice.get().startsAt())
						+ "起），公示后未重新审核资金下达");
			}
			return Met.at(after);
		};
	}

	/**
	 * The city finance bureau's review of the interest subsidy (the opinion at
	 * {@code after}) came after the subsidy was last computed: a computation run again
	 * since (a moved token, a changed table) was not the one the bureau reviewed. Loans
	 * computed before the moment was recorded are judged as before.
	 */
	private static Requirement reviewedAfterTheInterestSubsidyWasComputed() {
		return (grounds, record, after) -> {
			Instant computed = record.facts().outcomes().interestSubsidyComputedAt();
			if (computed != null && after >= 0 && record.at(after).at().isBefore(computed)) {
				return Met.missing("核定贷款贴息的意见早于贴息的最近一次测算（" + CaseNarrative.ChineseDates.of(computed) + "），测算后未重新审核");
			}
			return Met.at(after);
		};
	}

	/**
	 * Objections to the notice, when there were any, found unfounded by the lead bureau
	 * after the notice began, and none of them open now.
	 */
	private static Requirement objectionsSettled() {
		Requirement settled = city(OBJECTIONS, "industry");
		return (grounds, record, after) -> {
			Optional<PublicNotices.NoticeRecord> notice = grounds.notices.record(record.facts().applicationId());
			if (notice.isEmpty() || notice.get().objections() + notice.get().carriedOver() == 0) {
				return Met.at(after);
			}
			Met met = settled.check(grounds, record, after);
			if (met.missing() == null && record.at(met.at()).at().isBefore(notice.get().startsAt())) {
				return Met.missing("公示异议的核查早于本次公示");
			}
			if (met.missing() == null && notice.get().open() > 0) {
				return Met.missing("公示异议尚有" + notice.get().open() + "件未经核查办结");
			}
			return met;
		};
	}

	/**
	 * The enterprise accepted a bank's offer (the application's record), and that bank's
	 * standing decision is its grant, after the listing.
	 */
	private static Requirement acceptedBankGranted() {
		return (grounds, record, after) -> {
			Optional<LoanOffer> accepted = grounds.stages.loanOffers(record.facts().applicationId())
				.stream()
				.filter(LoanOffer::accepted)
				.findFirst();
			if (accepted.isEmpty()) {
				return Met.missing("企业没有接受任何银行的贷款");
			}
			return step(BANK, r -> GroupNames.bank(accepted.get().bankKey()), Set.of(ReviewProcesses.GRANTED))
				.check(grounds, record, after);
		};
	}

	/**
	 * A refusal is signed on a standing decisive refusal (the last refusal of record,
	 * which the case did not go on past), given by the body that signs it at a step whose
	 * refusal ends the case in the shipped models: the case's county at its county steps,
	 * the lead bureau at acceptance, decision, expert review and objections, the finance
	 * bureau at the allocation, the central-bank branch at the listing; or on the decline
	 * of every bank the listing pushed the loan to.
	 */
	private static Requirement decisiveRefusal() {
		return (grounds, record, after) -> {
			int decisive = -1;
			for (int i = 0; i < record.opinions().size(); i++) {
				String d = record.at(i).decision();
				if (ReviewProcesses.REFUSE.equals(d) || ReviewProcesses.DECLINED.equals(d)) {
					decisive = i;
				}
			}
			if (decisive < 0) {
				return Met.missing("没有不予通过的审核意见");
			}
			Opinion o = record.at(decisive);
			if (record.movedOnAfter(decisive)) {
				return Met.missing(describe(o) + "之后案件已继续办理，该意见不是终局结论");
			}
			if (ReviewProcesses.DECLINED.equals(o.decision())) {
				return everyBankDeclined(grounds, record, decisive);
			}
			String group = refusingBody(record, o.step());
			if (group == null) {
				return Met.missing(describe(o) + "所在环节的不同意意见不能终结本类申报");
			}
			int at = decisive;
			if (record.last(o.step(), group).filter(i -> i == at).isEmpty()) {
				return Met.missing(describe(o) + "不是" + grounds.body(group) + "在该环节的最新意见");
			}
			Optional<String> uncounted = grounds.uncounted(record, at, group);
			return uncounted.map(Met::missing).orElseGet(() -> Met.at(at));
		};
	}

	/** The body whose refusal at a step ends a case of this kind, if it does. */
	private static String refusingBody(Record record, String step) {
		ApplicationKind kind = record.facts().kind();
		if (FORMAL.equals(step) || RECOMMENDATION.equals(step)) {
			return record.county("industry");
		}
		if (INVOICE.equals(step) && kind == ApplicationKind.SUBSIDY) {
			return record.county("finance");
		}
		if (ACCEPTANCE.equals(step) || DECISION.equals(step)) {
			return GroupNames.city("industry");
		}
		if ((EXPERT.equals(step) || OBJECTIONS.equals(step)) && kind == ApplicationKind.SUBSIDY) {
			return GroupNames.city("industry");
		}
		if (ALLOCATION.equals(step) && kind == ApplicationKind.SUBSIDY) {
			return GroupNames.city("finance");
		}
		if (LISTING.equals(step) && kind == ApplicationKind.LOAN) {
			return GroupNames.city("pboc");
		}
		return null;
	}

	/**
	 * Every bank the listing pushed the loan to declined after that listing, and counts:
	 * the banks of the (re)submission in force when the central-bank branch's standing
	 * listing was given (the application's record of each submission), not those of the
	 * dossier as it stands, which a correction lets the enterprise edit again.
	 */
	private static Met everyBankDeclined(IssuingGrounds grounds, Record record, int decisive) {
		Met listed = city(LISTING, "pboc").check(grounds, record, -1);
		if (listed.missing() != null) {
			return Met.missing(listed.missing() + "，银行审贷没有依据");
		}
		Instant listedAt = record.at(listed.at()).at();
		List<String> banks = grounds.stages.submittedBanks(record.facts().applicationId())
			.stream()
			.filter(s -> !s.at().isAfter(listedAt))
			.reduce((earlier, later) -> later)
			.map(SubmittedBanks::bankKeys)
			.orElse(List.of());
		if (banks.isEmpty()) {
			return Met.missing("申报记录中没有列入清单时所报送的银行，不能以银行不予放贷结案");
		}
		for (String bank : banks) {
			Met met = step(BANK, r -> GroupNames.bank(bank), Set.of(ReviewProcesses.DECLINED)).check(grounds, record,
					listed.at());
			if (met.missing() != null) {
				return met;
			}
		}
		return Met.at(decisive);
	}

	/**
	 * A lapse: the last standing return for correction counts, no resubmission followed
	 * it, the correction deadline recorded after it has passed, and no step concluded
	 * after it.
	 */
	private static Requirement lapse() {
		return (grounds, record, after) -> {
			int returned = -1;
			for (int i = 0; i < record.opinions().size(); i++) {
				if (ReviewProcesses.RETURN.equals(record.at(i).decision())) {
					returned = i;
				}
			}
			if (returned < 0) {
				return Met.missing("没有退回补正的审核意见");
			}
			Opinion o = record.at(returned);
			Optional<String> uncounted = grounds.uncounted(record, returned, o.bodyGroup());
			if (uncounted.isPresent()) {
				return Met.missing(uncounted.get());
			}
			if (record.movedOnAfter(returned)) {
				return Met.missing(describe(o) + "之后案件已继续办理");
			}
			List<Resubmission> resubmissions = grounds.stages.resubmissions(record.facts().applicationId());
			if (resubmissions.stream().anyMatch(r -> r.at().isAfter(o.at()))) {
				return Met.missing("申请人已在退回后重新提交");
			}
			Instant deadline = record.facts().outcomes().correctionDeadline();
			if (deadline == null || !deadline.isAfter(o.at())) {
				return Met.missing("申报记录中没有该次退回的补正期限");
			}
			if (!Outcomes.correctionLapsed(deadline, record.now())) {
				return Met.missing("补正期限 " + deadline + " 尚未届满");
			}
			// A case already decided (a registration, a listing, its interest subsidy)
			// is not ended again as lapsed: that decision stands, whatever token an
			// administrator moved back.
			Optional<IssuedDecision> decided = grounds.decisions.allForApplication(record.facts().applicationId())
				.stream()
				.findFirst();
			if (decided.isPresent()) {
				return Met.missing(
						"该申请已出具《" + decided.get().type().title() + "》（" + decided.get().number() + "），不能再以逾期未补正终止审查");
			}
			return Met.at(returned);
		};
	}

}
