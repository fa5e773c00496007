package cn.liaocheng.renewal.review.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.InterestSubsidyAssessment;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.TrancheRules;
import cn.liaocheng.renewal.review.tables.CaseTables;

/**
 * What the policy tables (DMN, administrators' data) say: the subsidy rate and cap of a
 * policy task, whether a subsidy needs expert review, and the national interest-subsidy
 * rule in force on a loan's date. Arithmetic on these figures lives with their callers
 * ({@link SubsidyCalculator}, {@link #interestSubsidy}).
 */
@Component
public class SubsidyRules {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

	private static final DateTimeFormatter DAY_NUMBER = DateTimeFormatter.BASIC_ISO_DATE;

	/**
	 * The interest-subsidy table's input: the loan's date as a number (yyyyMMdd), which
	 * its rules compare with the dated national rules' days.
	 */
	private static final String LOAN_DATE = "loanDate";

	private final DecisionService decisions;

	private final RepositoryService repository;

	private final CaseTables tables;

	/** Answers of the interest-subsidy table's version {@link #answeredBy}. */
	private final Map<TrancheQuestion, TrancheRules.TrancheRule> answered = new HashMap<>();

	private String answeredBy;

	SubsidyRules(DecisionService decisions, RepositoryService repository, CaseTables tables) {
		this.decisions = decisions;
		this.repository = repository;
		this.tables = tables;
	}

	/**
	 * The subsidy rate and per-project cap of a policy task, by the table's latest
	 * version, which it names; empty when the table has no row or no rate for it (a gap
	 * in the table, not a rate of nothing). An empty cap is none, as in the
	 * interest-subsidy table.
	 */
	Optional<Rate> rate(Integer policyTask) {
		DecisionDefinition table = tables.latestDefinition(ReviewProcesses.SUBSIDY_AMOUNT_TABLE).orElse(null);
		if (table == null) {
			return Optional.empty();
		}
		DmnDecisionRuleResult row = decisions
			.evaluateDecisionTableById(table.getId(),
					Variables.createVariables().putValue(ReviewProcesses.TABLE_POLICY_TASK, policyTask))
			.getSingleResult();
		if (row == null || row.get("rate") == null) {
			return Optional.empty();
		}
		return Optional.of(new Rate(decimal(row.get("rate")),
				row.get("cap") == null ? null : decimal(row.get("cap")).setScale(2, RoundingMode.HALF_UP),
				table.getVersion()));
	}

	/**
	 * Whether the expert-review table (its latest version) asks for an expert review of a
	 * subsidy of this amount.
	 */
	public boolean needsExpertReview(BigDecimal subsidyAmount) {
		return needsExpertReview(subsidyAmount, tables.latest(ReviewProcesses.EXPERT_REVIEW_TABLE));
	}

	/**
	 * Whether {@code table}, a version of the expert-review table, asks for an expert
	 * review of a subsidy of this amount.
	 */
	public boolean needsExpertReview(BigDecimal subsidyAmount, CaseTables.Table table) {
		Map<String, Object> row = table
			.evaluate(Variables.createVariables().putValue(ReviewProcesses.SUBSIDY_AMOUNT, subsidyAmount.doubleValue()))
			.getSingleResult();
		return row != null && Boolean.TRUE.equals(row.get("expertReview"));
	}

	/**
	 * The national interest subsidy of a granted loan under the rule in force on its
	 * disbursement date: granted amount × points a year × min(term, the rule's longest
	 * period) / 12 months, capped only where the table states a cap.
	 */
	public InterestSubsidy interestSubsidy(LoanGrant grant, boolean relendingBank) {
		Map<String, Object> row = interestRow(grant.grantDate(), grant.usedRelending(), relendingBank, grant.type());
		BigDecimal points = row == null ? BigDecimal.ZERO : decimal(row.get("points"));
		int maxMonths = row == null || row.get("maxMonths") == null ? 0 : ((Number) row.get("maxMonths")).intValue();
		String basis = row == null || row.get("basis") == null ? "" : row.get("basis").toString();
		int months = Math.min(grant.termMonths(), maxMonths);
		BigDecimal amount = grant.amount()
			.multiply(points)
			.multiply(BigDecimal.valueOf(months))
			.divide(HUNDRED.multiply(TWELVE), 2, RoundingMode.HALF_UP);
		// The national notices set no cap per loan: an empty cap in the table is none.
		BigDecimal cap = row == null || row.get("cap") == null ? null
				: decimal(row.get("cap")).setScale(2, RoundingMode.HALF_UP);
		return new InterestSubsidy(cap == null ? amount : amount.min(cap), points, months, cap, basis,
				grant.grantDate());
	}

	/**
	 * The rule for principal of the grant paid out on {@code day}, a tranche after the
	 * loan's first day: the loan's facts against the row in force on that day, read as
	 * {@link #interestSubsidy} reads it for the loan's own day. A row's cap is not the
	 * tranche's: the cap of one loan is the one its interest-subsidy decision states, and
	 * the ledger limits a tranche under a rule of another rate or term by its principal ×
	 * points × months ÷ 12, outside the decided total.
	 */
	public TrancheRules.TrancheRule trancheRule(LoanGrant grant, boolean relendingBank, LocalDate day) {
		DecisionDefinition table = tables.latestDefinition(ReviewProcesses.INTEREST_SUBSIDY_TABLE).orElse(null);
		if (table == null) {
			return askTrancheRule(grant, relendingBank, day);
		}
		TrancheQuestion question = new TrancheQuestion(day, grant.termMonths(), grant.type(), grant.usedRelending(),
				relendingBank);
		synchronized (answered) {
			if (!table.getId().equals(answeredBy)) {
				answered.clear();
				answeredBy = table.getId();
			}
			TrancheRules.TrancheRule known = answered.get(question);
			if (known != null) {
				return known;
			}
		}
		TrancheRules.TrancheRule rule = askTrancheRule(grant, relendingBank, day);
		synchronized (answered) {
			if (table.getId().equals(answeredBy)) {
				if (answered.size() >= 10_000) {
					answered.clear();
				}
				answered.put(question, rule);
			}
		}
		return rule;
	}

	/**
	 * What a tranche's rule depends on besides the table: the answers of one version of
	 * the table are kept, so that a tranche whose rule is not kept with its periods (paid
	 * out after the last rule known) is not put to the table again, with 13 evaluations
	 * that the engine's history records, on every hourly accrual and every view of its
	 * loan.
	 */
	private record TrancheQuestion(LocalDate day, int termMonths, LoanGrant.LoanType type, boolean usedRelending,
			boolean relendingBank) {
	}

	private TrancheRules.TrancheRule askTrancheRule(LoanGrant grant, boolean relendingBank, LocalDate day) {
		InterestSubsidy subsidy = interestSubsidy(new LoanGrant(grant.amount(), grant.rate(), grant.termMonths(), day,
				grant.type(), grant.usedRelending()), relendingBank);
		if (subsidy.points().signum() > 0 && subsidy.months() > 0) {
			return new TrancheRules.TrancheRule(subsidy.points(), subsidy.months(), subsidy.basis(), null);
		}
		if (interestConditionsOn(day).anyRuleInForce()) {
			return new TrancheRules.TrancheRule(BigDecimal.ZERO, 0, null, "不符合放款日适用的贴息政策条件");
		}
		if (lastRuleDay().map(day::isAfter).orElse(false)) {
			// The (d) notice runs to 31 December 2026 "and may be extended", and national
			// notices have come out after the day they apply from: a day after the last
			// rule the table knows is not yet known to be outside the policy.
			return new TrancheRules.TrancheRule(BigDecimal.ZERO, 0, null, TrancheRules.TrancheRule.NO_RULE_YET, true);
		}
		return new TrancheRules.TrancheRule(BigDecimal.ZERO, 0, null, "不在贴息政策期限内");
	}

	/**
	 * The last loan date a row of the interest-subsidy table in force grants points on,
	 * as its loan-date column states it (the latest yyyyMMdd day it names); empty when no
	 * row grants points or a granting row has no end ({@code -}, {@code >= 20260101}).
	 */
	Optional<LocalDate> lastRuleDay() {
		DecisionDefinition definition = tables.latestDefinition(ReviewProcesses.INTEREST_SUBSIDY_TABLE).orElse(null);
		if (definition == null) {
			return Optional.empty();
		}
		DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
		Decision decision = model.getModelElementById(ReviewProcesses.INTEREST_SUBSIDY_TABLE);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
			return Optional.empty();
		}
		int dateColumn = column(table.getInputs().stream().map(i -> text(i.getInputExpression().getText())).toList(),
				LOAN_DATE);
		int pointsColumn = column(table.getOutputs().stream().map(Output::getName).toList(), "points");
		if (dateColumn < 0 || pointsColumn < 0) {
			return Optional.empty();
		}
		LocalDate last = null;
		for (Rule rule : table.getRules()) {
			String points = text(new ArrayList<>(rule.getOutputEntries()).get(pointsColumn).getText());
			if (!grants(points)) {
				continue;
			}
			String dates = text(new ArrayList<>(rule.getInputEntries()).get(dateColumn).getText());
			if (dates.isEmpty() || dates.equals("-") || dates.contains(">") || dates.startsWith("not")) {
				return Optional.empty();
			}
			Matcher day = DAY_IN_ENTRY.matcher(dates);
			while (day.find()) {
				try {
					LocalDate d = LocalDate.parse(day.group(), DAY_NUMBER);
					last = last == null || d.isAfter(last) ? d : last;
				}
				catch (DateTimeParseException e) {
					// not a day: the column's other figures decide
				}
			}
		}
		return Optional.ofNullable(last);
	}

	private static final Pattern DAY_IN_ENTRY = Pattern.compile("\\d{8}");

	private static int column(List<String> names, String name) {
		for (int i = 0; i < names.size(); i++) {
			if (name.equals(names.get(i) == null ? null : names.get(i).strip())) {
				return i;
			}
		}
		return -1;
	}

	private static String text(Text text) {
		return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
	}

	/** Whether a points entry gives points: a figure above zero, or an expression. */
	private static boolean grants(String points) {
		try {
			return new BigDecimal(points).signum() > 0;
		}
		catch (NumberFormatException e) {
			return !points.isEmpty();
		}
	}

	/**
	 * The interest subsidy of an accepted grant with its grounds, as the city finance
	 * bureau reviews it and its decision states it: the notices of the rule in force on
	 * the loan's date and, when the rule gives nothing, the loan's facts against the
	 * conditions the table states for that date. Read once, when the enterprise accepts
	 * the grant, so that a later change to the table or to a bank's re-lending status
	 * does not change what the decision says the amount was computed on.
	 */
	public InterestSubsidyAssessment assess(LoanGrant grant, boolean relendingBank) {
		InterestSubsidy subsidy = interestSubsidy(grant, relendingBank);
		InterestConditions conditions = interestConditionsOn(grant.grantDate());
		String basis = !subsidy.basis().isBlank() ? subsidy.basis()
				: conditions.bases().isEmpty() ? null : String.join("；", conditions.bases());
		boolean byTranche = !subsidy.granted() && !conditions.anyRuleInForce();
		return new InterestSubsidyAssessment(subsidy.amount(), subsidy.points(), subsidy.months(), subsidy.cap(), basis,
				subsidy.granted() ? null : whyNothing(grant, relendingBank, conditions, lastRuleDay()), byTranche);
	}

	/**
	 * What a finding of a loan paid out on a day no rule covers says of its later
	 * accrual, after the last known rule ({@link #LATER_RULES}) or before the first
	 * ({@link #LATER_TRANCHES}).
	 */
	private static final String LATER_RULES = "国家贴息政策延续或出台新政策的，自政策适用之日起按期计入贴息台账，由财政部门审核拨付";

	/**
	 * {@link #LATER_RULES} as findings recorded before the ledger's period became a
	 * setting said it; a refusal strips it too.
	 */
	private static final String LATER_RULES_MONTHLY = "国家贴息政策延续或出台新政策的，自政策适用之日起按月计入贴息台账，由财政部门审核拨付";

	private static final String LATER_TRANCHES = "此后分笔发放的，各笔按其放款日适用的贴息政策计算";

	/**
	 * {@code finding} without what it says of the loan's later accrual: what a refusal
	 * states once the city finance bureau has refused the subsidy outright, after which
	 * nothing accrues on any tranche.
	 */
	public static String withoutLaterAccrual(String finding) {
		return finding == null ? null
				: finding.replace("；" + LATER_RULES + "。", "。")
					.replace("；" + LATER_RULES_MONTHLY + "。", "。")
					.replace("；" + LATER_TRANCHES + "。", "。");
	}

	/**
	 * The facts of the loan against the conditions of the interest-subsidy table in force
	 * on its date, as the table states them.
	 */
	private static String whyNothing(LoanGrant grant, boolean relendingBank, InterestConditions conditions,
			Optional<LocalDate> lastRuleDay) {
		String facts = "该笔贷款于" + ChinaTime.day(grant.grantDate()) + "发放，贷款品种为" + grant.type().label() + "，"
				+ (grant.usedRelending() ? "使用" : "未使用") + "再贷款资金，贷款银行" + (relendingBank ? "是" : "不是") + "再贷款发放机构。";
		if (!conditions.anyRuleInForce() && lastRuleDay.map(grant.grantDate()::isAfter).orElse(false)) {
			// The (d) notice runs to 31 December 2026 "and may be extended": a day after
			// the last rule known is not yet known to be outside the policy.
			return facts + "放款日暂无适用的国家设备更新贷款财政贴息政策（已知的贴息政策适用于" + ChinaTime.day(lastRuleDay.get())
					+ "及以前发放的贷款），本次不予核定贴息；" + LATER_RULES + "。";
		}
		if (!conditions.anyRuleInForce()) {
			return facts + "放款日不在国家设备更新贷款财政贴息政策的实施期内，该日发放的贷款不符合贴息条件；" + LATER_TRANCHES + "。";
		}
		String rule = "依照放款日适用的"
				+ (conditions.bases().isEmpty() ? "国家设备更新贷款财政贴息政策" : String.join("；", conditions.bases()));
		if (conditions.requirement().isEmpty()) {
			return facts + rule + "测算，该笔贷款的财政贴息金额为零。";
		}
		return facts + rule + "，享受财政贴息的贷款" + conditions.requirement() + "，该笔贷款不符合贴息条件。";
	}

	/**
	 * What the interest-subsidy table asks of a loan disbursed on {@code date}, as the
	 * table itself answers: every combination of re-lending funds, re-lending bank and
	 * loan type is put to it, and the combinations that earn points are described in
	 * words, with the notices of the rows that granted them. So a refusal states the
	 * conditions of the table in force, whatever an administrator has changed in it.
	 */
	public InterestConditions interestConditionsOn(LocalDate date) {
		Map<LoanGrant.LoanType, Set<Funding>> qualifying = new LinkedHashMap<>();
		Set<String> bases = new LinkedHashSet<>();
		for (LoanGrant.LoanType type : LoanGrant.LoanType.values()) {
			for (Funding funding : Funding.values()) {
				Map<String, Object> row = interestRow(date, funding.usedRelending, funding.relendingBank, type);
				if (row != null && decimal(row.get("points")).signum() > 0) {
					qualifying.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(funding);
					if (row.get("basis") != null && !row.get("basis").toString().isBlank()) {
						bases.add(row.get("basis").toString());
					}
				}
			}
		}
		return new InterestConditions(List.copyOf(bases), requirement(qualifying));
	}

	/**
	 * "须为固定资产贷款，或由再贷款发放机构使用再贷款资金发放的科技创新贷款": the qualifying combinations per loan type, or
	 * once for all types when every type qualifies alike.
	 */
	private static String requirement(Map<LoanGrant.LoanType, Set<Funding>> qualifying) {
		if (qualifying.isEmpty()) {
			return "";
		}
		Set<Set<Funding>> conditions = new LinkedHashSet<>(qualifying.values());
		if (qualifying.size() == LoanGrant.LoanType.values().length && conditions.size() == 1) {
			String funding = Funding.describe(conditions.iterator().next());
			return funding.isEmpty() ? "" : "须" + funding;
		}
		List<String> kinds = new ArrayList<>();
		qualifying.forEach((type, fundings) -> {
			String funding = Funding.describe(fundings);
			kinds.add(funding.isEmpty() ? type.label() : funding + "的" + type.label());
		});
		return "须为" + String.join("，或", kinds);
	}

	private Map<String, Object> interestRow(LocalDate date, boolean usedRelending, boolean relendingBank,
			LoanGrant.LoanType type) {
		return decisions
			.evaluateDecisionTableByKey(ReviewProcesses.INTEREST_SUBSIDY_TABLE,
					Variables.createVariables()
						.putValue(LOAN_DATE, Integer.parseInt(DAY_NUMBER.format(date)))
						.putValue(ReviewProcesses.USED_RELENDING, usedRelending)
						.putValue("relendingBank", relendingBank)
						.putValue(ReviewProcesses.LOAN_TYPE, type.name()))
			.getSingleResult();
	}

	private static BigDecimal decimal(Object value) {
		return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
	}

	/**
	 * A policy task's subsidy rate (a fraction, e.g. 0.10) and per-project cap in yuan,
	 * {@code null} for none.
	 */
	/** A task's rate and cap, and the version of the table that gave them. */
	record Rate(BigDecimal rate, BigDecimal cap, int tableVersion) {
	}

	/**
	 * What the table in force on a date asks of a loan: the notices its granting rows
	 * cite, and the requirement in words ("须为固定资产贷款，或…"); no notices when no row grants
	 * anything on that date, an empty requirement when every loan qualifies.
	 */
	public record InterestConditions(List<String> bases, String requirement) {

		public boolean anyRuleInForce() {
			return !bases.isEmpty() || !requirement.isEmpty();
		}

	}

	/** Where a loan's money came from, as the interest-subsidy table asks it. */
	private enum Funding {

		RELENDING_BY_RELENDING_BANK(true, true), RELENDING_BY_OTHER_BANK(true, false),
		OWN_FUNDS_OF_RELENDING_BANK(false, true), OWN_FUNDS_OF_OTHER_BANK(false, false);

		private final boolean usedRelending;

		private final boolean relendingBank;

		Funding(boolean usedRelending, boolean relendingBank) {
			this.usedRelending = usedRelending;
			this.relendingBank = relendingBank;
		}

		/**
		 * The condition on funding the set stands for; empty when any funding will do.
		 */
		static String describe(Set<Funding> fundings) {
			if (fundings.size() == values().length) {
				return "";
			}
			if (fundings.equals(Set.of(RELENDING_BY_RELENDING_BANK))) {
				return "由再贷款发放机构使用再贷款资金发放";
			}
			if (fundings.equals(Set.of(RELENDING_BY_RELENDING_BANK, RELENDING_BY_OTHER_BANK))) {
				return "使用再贷款资金发放";
			}
			if (fundings.equals(Set.of(RELENDING_BY_RELENDING_BANK, OWN_FUNDS_OF_RELENDING_BANK))) {
				return "由再贷款发放机构发放";
			}
			List<String> each = new ArrayList<>();
			for (Funding funding : fundings) {
				each.add((funding.relendingBank ? "由再贷款发放机构" : "由非再贷款发放机构的银行")
						+ (funding.usedRelending ? "使用再贷款资金" : "以自有资金") + "发放");
			}
			return String.join("或", each);
		}

	}

	/**
	 * The interest subsidy, the rule's points a year, the months it covers, its cap and
	 * the national notice it rests on.
	 */
	public record InterestSubsidy(BigDecimal amount, BigDecimal points, int months, BigDecimal cap, String basis,
			LocalDate loanDate) {

		boolean granted() {
			return amount.signum() > 0;
		}

	}

}
