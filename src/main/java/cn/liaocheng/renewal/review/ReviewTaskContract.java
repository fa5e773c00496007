package cn.liaocheng.renewal.review;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every review user task of the models in {@code bpmn/} carries, so that it records
 * the reviewer's opinion and is watched for its deadline; the pre-deployment check (admin
 * module) refuses a model whose review task lacks any of it. Kept visible in each model
 * rather than added by a parse listener: an administrator reading or editing a model in
 * Camunda Modeler sees what the task does, the overdue timer included.
 * <p>
 * A <em>review user task</em> is a user task with a candidate group of a reviewing body:
 * a county department ({@code county-…}), a city body ({@code city-…}) or a bank
 * ({@code bank-…}), written out or as an expression such as {@code city-${reviewBody}}.
 * Tasks for enterprises (an assignee such as {@code ${enterpriseUser}}) are not.
 */
public final class ReviewTaskContract {

	/**
	 * The beginnings of the candidate groups of reviewing bodies (see
	 * {@code organization.GroupNames}).
	 */
	public static final List<String> BODY_GROUP_PREFIXES = List.of("county-", "city-", "bank-");

	private static final String BANK_PREFIX = "bank-";

	/**
	 * Local to the task (empty input parameters), so parallel reviewers never overwrite
	 * each other's opinion.
	 */
	public static final List<String> LOCAL_VARIABLES = List.of(ReviewProcesses.DECISION, ReviewProcesses.OPINION);

	/**
	 * Local to a bank's task besides: the terms of its grant, which competing banks
	 * review side by side and must neither read nor inherit.
	 */
	public static final List<String> BANK_LOCAL_VARIABLES = ReviewProcesses.BANK_TERMS;

	/**
	 * The id of the overdue timeout listener; its timer is kept on the task's due date.
	 */
	public static final String OVERDUE_LISTENER_ID = "TaskListener_Overdue";

	/**
	 * The task listeners, by event: due date and stage, opinion of record, due-date
	 * changes and claims, overdue.
	 */
	public static final Map<String, String> LISTENERS;

	static {
		Map<String, String> listeners = new LinkedHashMap<>();
		listeners.put("create", "${reviewTaskListener}");
		listeners.put("complete", "${recordOpinionListener}");
		listeners.put("update", "${taskChangeListener}");
		listeners.put("timeout", "${overdueTaskListener}");
		LISTENERS = Collections.unmodifiableMap(listeners);
	}

	/** The form of a bank's decision, whose conclusion is GRANTED or DECLINED. */
	public static final String BANK_DECISION_FORM = "bank-decision";

	/**
	 * The conclusions a review task's form may offer ({@code decision}): a bank's grant
	 * or decline; every other body's approval, return for correction or refusal.
	 */
	public static Set<String> conclusions(String formId) {
		return BANK_DECISION_FORM.equals(formId) ? Set.of(ReviewProcesses.GRANTED, ReviewProcesses.DECLINED)
				: Set.of(ReviewProcesses.APPROVE, ReviewProcesses.RETURN, ReviewProcesses.REFUSE);
	}

	/**
	 * Words that say no: 不 (but not in 异议不成立, an objection that fails, which lets the
	 * case go on), 未, 否, 拒, 驳回, 退回, 有误.
	 */
	private static final Pattern SAYS_NO = Pattern.compile("不(?!成立)|未|否|拒|驳回|退回|有误");

	/** Words of a return for correction. */
	private static final Pattern SAYS_RETURN = Pattern.compile("退回|补正|补充|整改");

	/**
	 * Whether an option's display words say what its value means: an approval or a grant
	 * without words that say no, a refusal or a decline with them, a return for
	 * correction in its words. Decisions and the case history state a conclusion in the
	 * words the reviewer picked; an option reading 「不予批准」 whose value approves would have
	 * a signed approval state a refusal, and have the reviewer approve believing they
	 * refused.
	 */
	public static boolean wordsAgree(String value, String label) {
		if (label == null || label.isBlank()) {
			return false;
		}
		boolean no = SAYS_NO.matcher(label).find();
		return switch (value) {
			case ReviewProcesses.APPROVE, ReviewProcesses.GRANTED -> !no;
			case ReviewProcesses.REFUSE, ReviewProcesses.DECLINED -> no;
			case ReviewProcesses.RETURN -> SAYS_RETURN.matcher(label).find();
			default -> false;
		};
	}

	/**
	 * A step a signed decision rests on: its task id, name, the body that acts and the
	 * form it is done with.
	 */
	public record DecisionStep(String taskId, String name, String candidateGroups, String formRef) {
	}

	/**
	 * The steps whose opinions of record the signed decisions rest on (review/issuing,
	 * {@code IssuingGrounds}), by process key, with the candidate group whose members'
	 * opinions count: the pre-deployment check refuses a model of one of these processes
	 * that lacks such a step, has given it another id, or hands it to another body, as
	 * every case after it could no longer be decided.
	 */
	public static final Map<String, List<DecisionStep>> DECISION_STEPS = Map.of(ReviewProcesses.COUNTY_REVIEW,
			List.of(new DecisionStep(ReviewProcesses.TASK_COUNTY_FORMAL_REVIEW, "县级形式审查",
					"county-${divisionCode}-industry", "county-formal-review"),
					new DecisionStep(ReviewProcesses.TASK_COUNTY_INVOICE_CHECK, "县级财政发票核验",
							"county-${divisionCode}-finance", "county-invoice-check"),
					new DecisionStep(ReviewProcesses.TASK_COUNTY_RECOMMENDATION, "县级推荐",
							"county-${divisionCode}-industry", "county-recommendation")),
			ReviewProcesses.JOINT_REVIEW,
			List.of(new DecisionStep(ReviewProcesses.TASK_CITY_ACCEPTANCE, "受理", "city-industry", "city-acceptance"),
					new DecisionStep(ReviewProcesses.TASK_JOINT_REVIEW, "市级联审", "city-${reviewBody}",
							"joint-review-opinion"),
					new DecisionStep(ReviewProcesses.TASK_INDUSTRY_DECISION, "审定", "city-industry", "city-decision")),
			ReviewProcesses.SUBSIDY_APPLICATION,
			List.of(new DecisionStep(ReviewProcesses.TASK_EXPERT_REVIEW, "组织专家评审", "city-industry", "expert-review"),
					new DecisionStep(ReviewProcesses.TASK_RESOLVE_OBJECTIONS, "处理公示异议", "city-industry",
							"objection-resolution"),
					new DecisionStep(
							ReviewProcesses.TASK_FINANCE_ALLOCATION, "资金下达", "city-finance", "finance-allocation")),
			ReviewProcesses.LOAN_APPLICATION,
			List.of(new DecisionStep(ReviewProcesses.TASK_PBOC_LISTING, "列入贷款支持项目清单", "city-pboc", "pboc-listing"),
					new DecisionStep(ReviewProcesses.TASK_BANK_DECISION, "自主审贷", "bank-${bankKey}", BANK_DECISION_FORM),
					new DecisionStep(ReviewProcesses.TASK_FINANCE_INTEREST_REVIEW, "核定贷款贴息", "city-finance",
							"finance-interest-subsidy")),
			AfterAwardProcesses.AFTERCARE,
			List.of(new DecisionStep(AfterAwardProcesses.TASK_ONSITE_ACCEPTANCE, "市工信局组织现场验收", "city-industry",
					"city-onsite-acceptance")),
			AfterAwardProcesses.CLAWBACK,
			List.of(new DecisionStep(AfterAwardProcesses.TASK_DETERMINE_CLAWBACK, "核定追回事项", "city-industry",
					"clawback-determination"),
					new DecisionStep(AfterAwardProcesses.TASK_CONFIRM_CLAWBACK, "县级财政核对追回金额",
							"county-${divisionCode}-finance", "clawback-confirmation"),
					new DecisionStep(AfterAwardProcesses.TASK_REVIEW_STATEMENT, "复核陈述申辩", "city-industry",
							"clawback-statement-review")));

	private ReviewTaskContract() {
	}

	/**
	 * The other writable fields of the shipped forms (by {@code camunda:formRef}), kept
	 * local to their task as {@code decision} and {@code opinion} are: a value from an
	 * earlier round of the step (a determination returned after a statement was adopted)
	 * is never read as this round's.
	 */
	public static final Map<String, List<String>> FORM_LOCAL_VARIABLES = Map.of("clawback-determination",
			List.of("clawbackAmount", "repaymentDeadline", "listNegative", "listMonths"), "expert-review",
			List.of("expertPanel"));

	/**
	 * The variables a review task with these candidate groups must keep local:
	 * {@link #LOCAL_VARIABLES}, and for a bank's task {@link #BANK_LOCAL_VARIABLES} too.
	 */
	public static List<String> localVariables(String candidateGroups) {
		if (candidateGroups == null || groups(candidateGroups).noneMatch(g -> g.startsWith(BANK_PREFIX))) {
			return LOCAL_VARIABLES;
		}
		return Stream.concat(LOCAL_VARIABLES.stream(), BANK_LOCAL_VARIABLES.stream()).toList();
	}

	/**
	 * The same, and the other writable fields of the task's form when it is a shipped one
	 * ({@link #FORM_LOCAL_VARIABLES}).
	 */
	public static List<String> localVariables(String candidateGroups, String formRef) {
		List<String> form = formRef == null ? List.of() : FORM_LOCAL_VARIABLES.getOrDefault(formRef, List.of());
		return Stream.concat(localVariables(candidateGroups).stream(), form.stream()).toList();
	}

	/**
	 * Whether a user task with these candidate groups ({@code camunda:candidateGroups},
	 * may be null) is a review task.
	 */
	public static boolean isReviewTask(String candidateGroups) {
		if (candidateGroups == null) {
			return false;
		}
		return groups(candidateGroups).anyMatch(g -> BODY_GROUP_PREFIXES.stream().anyMatch(g::startsWith));
	}

	private static Stream<String> groups(String candidateGroups) {
		return Arrays.stream(candidateGroups.split(",")).map(String::trim);
	}

}
