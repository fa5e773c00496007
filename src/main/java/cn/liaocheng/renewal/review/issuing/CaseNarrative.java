package cn.liaocheng.renewal.review.issuing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.application.Resubmission;
import cn.liaocheng.renewal.batch.BatchYears;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.DecisionRequest;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.access.CaseSight;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.review.opinions.Opinion;
import cn.liaocheng.renewal.review.opinions.OpinionStore;

/**
 * What a decision may say about the path a case took, read from its recorded history
 * only: which bodies reviewed at which step (the opinions of record), what was returned
 * for correction and when it came back (opinions and the application's events), and
 * whether the public notice drew objections and how they were settled.
 */
@Component
class CaseNarrative {

	private static final String JOINT_REVIEW = ReviewProcesses.TASK_JOINT_REVIEW;

	private static final String RESOLVE_OBJECTIONS = ReviewProcesses.TASK_RESOLVE_OBJECTIONS;

	private static final String BANK_DECISION = ReviewProcesses.TASK_BANK_DECISION;

	/** What each step is called in the opening sentence (经…形式审查，…). */
	private static final Map<String, String> STEP_WORDS = Map.ofEntries(
			Map.entry(ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW, "形式审查"),
			Map.entry(ReviewProcesses.TASK_COUNTY_INVOICE_CHECK, "发票核验"),
			Map.entry(ReviewProcesses.TASK_COUNTY_RECOMMENDATION, "推荐审查"),
			Map.entry(ReviewProcesses.TASK_CITY_ACCEPTANCE, "受理审查"), Map.entry(JOINT_REVIEW, "联合审查"),
			Map.entry(ReviewProcesses.TASK_INDUSTRY_DECISION, "审定"),
			Map.entry(ReviewProcesses.TASK_EXPERT_REVIEW, "组织专家评审"), Map.entry(RESOLVE_OBJECTIONS, "核查公示异议"),
			Map.entry(ReviewProcesses.TASK_FINANCE_ALLOCATION, "审核下达资金"),
			Map.entry(ReviewProcesses.TASK_PBOC_LISTING, "审核列入贷款支持项目清单"), Map.entry(BANK_DECISION, "自主审贷"),
			Map.entry(ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW, "核定贷款贴息"));

	private final OpinionStore opinions;

	private final ApplicationStages stages;

	private final PublicNotices notices;

	private final Directory directory;

	private final BatchYears batchYears;

	CaseNarrative(OpinionStore opinions, ApplicationStages stages, PublicNotices notices, Directory directory,
			BatchYears batchYears) {
		this.batchYears = batchYears;
		this.opinions = opinions;
		this.stages = stages;
		this.notices = notices;
		this.directory = directory;
	}

	/** The case as recorded now. */
	Story of(long applicationId) {
		List<Opinion> all = opinions.forApplication(applicationId);
		return new Story(all, all, stages.resubmissions(applicationId), notices.record(applicationId),
				loanOffers(applicationId), batchYears.of(List.of(applicationId)).get(applicationId));
	}

	/**
	 * The history as the bank whose grant the enterprise accepted may read it
	 * ({@link CaseSight}): the documents it receives (the listing notice, the
	 * interest-subsidy decisions) state no other bank's decision, nor the co-reviewing
	 * city bodies' opinions in the joint review, which are the government's own review;
	 * the lead bureau's and the central-bank branch's steps that put the loan before the
	 * banks, and every other step, stay. The co-reviewing bodies are still named among
	 * those who reviewed it jointly: the process is stated as it ran, only their opinions
	 * are left out.
	 */
	Story forLender(long applicationId, String lenderBankKey) {
		CaseSight lender = new CaseSight(Set.of(GroupNames.bank(lenderBankKey)), true, true, Set.of(), Set.of());
		List<Opinion> all = opinions.forApplication(applicationId);
		List<Opinion> named = all.stream()
			.filter(o -> !BANK_DECISION.equals(o.step()) || lender.opinion(o.bodyGroup()))
			.toList();
		List<Opinion> seen = named.stream()
			.filter(o -> !JOINT_REVIEW.equals(o.step()) || lender.opinion(o.bodyGroup()))
			.toList();
		return new Story(seen, named, stages.resubmissions(applicationId), notices.record(applicationId),
				loanOffers(applicationId, lenderBankKey), batchYears.of(List.of(applicationId)).get(applicationId));
	}

	private Optional<String> loanOffers(long applicationId) {
		return loanOffers(applicationId, null);
	}

	/**
	 * What each chosen bank did with the loan, and which grant the enterprise took; with
	 * {@code onlyBank}, what that bank alone did.
	 */
	private Optional<String> loanOffers(long applicationId, String onlyBank) {
		List<LoanOffer> offers = stages.loanOffers(applicationId)
			.stream()
			.filter(o -> onlyBank == null || onlyBank.equals(o.bankKey()))
			.toList();
		if (offers.isEmpty()) {
			return Optional.empty();
		}
		List<String> parts = new ArrayList<>();
		LoanOffer accepted = offers.stream().filter(LoanOffer::accepted).findFirst().orElse(null);
		for (LoanOffer o : offers) {
			String bank = directory.bankName(o.bankKey());
			parts.add(switch (o.decision()) {
				case GRANTED -> bank + "同意放贷";
				case DECLINED -> bank + "不予放贷";
				case CLOSED -> bank + "的审贷因你单位已接受"
						+ (accepted == null ? "其他银行" : directory.bankName(accepted.bankKey())) + "的贷款而关闭";
			});
		}
		String sentence = "该项目推送银行后，" + String.join("，", parts);
		return Optional.of(accepted == null ? sentence + "。" : sentence + "；你单位于"
				+ ChineseDates.of(accepted.acceptedAt()) + "接受" + directory.bankName(accepted.bankKey()) + "的贷款。");
	}

	/**
	 * The recorded history of one case, and the sentences a decision draws from it.
	 *
	 * @param opinions the opinions the document states
	 * @param named the opinions whose bodies it names as having taken part in a step:
	 * those stated, and those of bodies whose opinions a reader may not see
	 * @param batchYear the year of the batch the application was first submitted in, or
	 * {@code null} when it entered none
	 */
	record Story(List<Opinion> opinions, List<Opinion> named, List<Resubmission> resubmissions,
			Optional<PublicNotices.NoticeRecord> notice, Optional<String> banks, Integer batchYear) {

		/**
		 * Who did what, in order: each body once per step, the parallel joint review as
		 * one phrase.
		 */
		List<String> steps() {
			Map<String, List<String>> bodiesByStep = new LinkedHashMap<>();
			for (Opinion o : named) {
				if (ReviewProcesses.RETURN.equals(o.decision())) {
					continue;
				}
				// Parallel reviews (the joint review, the chosen banks) are one phrase
				// naming every body.
				String step = parallel(o.step()) ? o.step() : o.step() + "|" + o.bodyName();
				List<String> bodies = bodiesByStep.computeIfAbsent(step, k -> new ArrayList<>());
				if (!bodies.contains(o.bodyName())) {
					bodies.add(o.bodyName());
				}
			}
			List<String> steps = new ArrayList<>();
			bodiesByStep.forEach((step, bodies) -> {
				String key = step.contains("|") ? step.substring(0, step.indexOf('|')) : step;
				steps.add(String.join("、", bodies) + STEP_WORDS.getOrDefault(key, "审查"));
			});
			return steps;
		}

		/**
		 * Returns for correction and their answers, then the public notice and its
		 * objections.
		 */
		List<String> events() {
			List<String> events = new ArrayList<>();
			for (Opinion o : opinions) {
				if (!ReviewProcesses.RETURN.equals(o.decision())) {
					continue;
				}
				String returned = ChineseDates.of(o.at()) + "，" + o.bodyName() + "在" + o.stepName() + "环节退回补正";
				events.add(resubmissions.stream()
					.filter(r -> r.at().isAfter(o.at()))
					.findFirst()
					.map(r -> returned + "；你单位于" + ChineseDates.of(r.at()) + "补正后重新提交"
							+ (r.clause().isEmpty() ? "" : "，" + r.clause()) + "。")
					.orElse(returned + "；你单位未在补正期限内重新提交。"));
			}
			notice.ifPresent(n -> events.add(noticeSentence(n)));
			banks.ifPresent(events::add);
			return events;
		}

		private String noticeSentence(PublicNotices.NoticeRecord n) {
			String period = "拟奖补情况于" + ChineseDates.of(n.startsAt()) + "至" + ChineseDates.of(n.endsAt()) + "在本系统公示栏公示";
			if (n.objections() == 0 && n.carriedOver() == 0) {
				return period + "，公示期内未收到异议。";
			}
			Optional<Opinion> resolution = opinions.stream()
				.filter(o -> RESOLVE_OBJECTIONS.equals(o.step()) && o.at().isAfter(n.startsAt()))
				.reduce((a, b) -> b);
			String earlier = "此前公示期间收到、尚未办结的实名异议" + n.carriedOver() + "件";
			String received = n.objections() == 0 ? "，公示期内未收到新的异议；" + earlier + (resolution.isPresent() ? "一并核查" : "")
					: "，公示期内收到实名异议" + n.objections() + "件" + (n.carriedOver() == 0 ? "" : "，另有" + earlier);
			return period + received
					+ resolution
						.map(r -> "，经" + r.bodyName() + "核查，认定"
								+ (ReviewProcesses.APPROVE.equals(r.decision()) ? "异议不成立" : "异议成立") + "。")
						// A decision ends the case: an objection not ruled on by then is
						// never checked (it is closed with the case).
						.orElse("，未作出核查结论。");
		}

		/**
		 * The conclusions of record: the last opinion of each body at each step, without
		 * returns.
		 */
		List<DecisionRequest.Opinion> conclusions() {
			return conclusionsWhere(o -> true);
		}

		private List<DecisionRequest.Opinion> conclusionsWhere(Predicate<Opinion> which) {
			Map<String, Opinion> last = new LinkedHashMap<>();
			for (Opinion o : opinions) {
				if (!ReviewProcesses.RETURN.equals(o.decision())) {
					String key = o.step() + "|" + o.bodyGroup();
					last.remove(key);
					last.put(key, o);
				}
			}
			return last.values()
				.stream()
				.filter(which)
				.map(o -> new DecisionRequest.Opinion(o.bodyName(), o.stepName(), o.reviewerName(),
						ChineseDates.day(o.at()), o.decisionLabel(), o.opinion()))
				.toList();
		}

		/**
		 * Every standing refusal (or bank's decline) with its reasons: "body：opinion"
		 * when several refused. A refusal the case went on past is not a reason: a
		 * co-reviewer's "不同意" in the joint review that the lead's decision overruled,
		 * before a later step refused on other grounds, or before the banks declined; nor
		 * one made of the dossier before a return for correction, by a step of its own or
		 * by a voice of the joint review (the refusal after it is made of the corrected
		 * dossier).
		 */
		List<String> refusals() {
			int decisive = -1;
			for (int i = 0; i < opinions.size(); i++) {
				if (refusing(opinions.get(i))) {
					decisive = i;
				}
			}
			int movedOn = -1;
			for (int i = 0; i < decisive; i++) {
				if (movedTheCaseOn(opinions.get(i)) || returnedForCorrection(opinions.get(i))) {
					movedOn = i;
				}
			}
			// Nor one given before the last resubmission: the whole round it was given in
			// ended in the correction.
			Instant decidedAt = decisive < 0 ? null : opinions.get(decisive).at();
			Instant resubmitted = decidedAt == null ? null
					: resubmissions.stream()
						.map(Resubmission::at)
						.filter(at -> at.isBefore(decidedAt))
						.max(Instant::compareTo)
						.orElse(null);
			Set<Long> standing = new HashSet<>();
			for (int i = movedOn + 1; i <= decisive; i++) {
				if (refusing(opinions.get(i)) && (resubmitted == null || opinions.get(i).at().isAfter(resubmitted))) {
					standing.add(opinions.get(i).id());
				}
			}
			List<DecisionRequest.Opinion> refusing = conclusionsWhere(o -> standing.contains(o.id()));
			return refusing.size() == 1 ? List.of(refusing.get(0).text())
					: refusing.stream().map(o -> o.body() + "：" + o.text()).toList();
		}

		/**
		 * The opinion that ended the case adversely (a refusal, or a bank's decline), if
		 * any.
		 */
		Optional<Opinion> decisive() {
			return opinions.stream().filter(Story::refusing).reduce((a, b) -> b);
		}

		private static boolean refusing(Opinion o) {
			return ReviewProcesses.REFUSE.equals(o.decision()) || ReviewProcesses.DECLINED.equals(o.decision());
		}

		/**
		 * An approval at a step of its own (not one of a parallel review's voices): the
		 * case went on past whatever was refused before it.
		 */
		private static boolean movedTheCaseOn(Opinion o) {
			return (ReviewProcesses.APPROVE.equals(o.decision()) || ReviewProcesses.GRANTED.equals(o.decision()))
					&& !parallel(o.step());
		}

		/**
		 * A return for correction, by a step of its own or by a voice of the joint review
		 * (the round ends in the correction): what was refused before it was of the
		 * dossier before the correction.
		 */
		private static boolean returnedForCorrection(Opinion o) {
			return ReviewProcesses.RETURN.equals(o.decision());
		}

		private static boolean parallel(String step) {
			return JOINT_REVIEW.equals(step) || BANK_DECISION.equals(step);
		}

		/** The last conclusion (not a return) given at one step, by whichever body. */
		Optional<Opinion> conclusionAt(String step) {
			return opinions.stream()
				.filter(o -> step.equals(o.step()) && !ReviewProcesses.RETURN.equals(o.decision()))
				.reduce((a, b) -> b);
		}

		/**
		 * The same history without one step's opinions: for a document issued on the
		 * steps before it.
		 */
		Story without(String step) {
			return new Story(opinions.stream().filter(o -> !step.equals(o.step())).toList(),
					named.stream().filter(o -> !step.equals(o.step())).toList(), resubmissions, notice, banks,
					batchYear);
		}

		Optional<Opinion> lastReturn() {
			return opinions.stream().filter(o -> ReviewProcesses.RETURN.equals(o.decision())).reduce((a, b) -> b);
		}

	}

	/** One date format for every sentence: 2026年3月16日, Beijing time. */
	static final class ChineseDates {

		private ChineseDates() {
		}

		static LocalDate day(Instant at) {
			return at.atZone(ChinaTime.ZONE).toLocalDate();
		}

		static String of(Instant at) {
			return of(day(at));
		}

		static String of(LocalDate d) {
			return ChinaTime.day(d);
		}

	}

}
