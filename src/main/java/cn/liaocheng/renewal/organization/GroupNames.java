package cn.liaocheng.renewal.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The naming convention of review groups. BPMN candidate groups and DMN outputs use these
 * names, so they are part of the contract with administrators (see
 * docs/administrator-guide.md).
 */
public final class GroupNames {

	/** Camunda's own administrators' group; its members may deploy and manage users. */
	public static final String ADMINISTRATORS = "camunda-admin";

	/** Every enterprise account is a member of this group. */
	public static final String ENTERPRISES = "enterprise";

	private GroupNames() {
	}

	/**
	 * A county department's reviewers, e.g. {@code county-371525-industry} for 冠县工业和信息化局.
	 */
	public static String county(String divisionCode, String departmentKey) {
		return "county-" + divisionCode + "-" + departmentKey;
	}

	/** A city body's reviewers, e.g. {@code city-ecology} for 聊城市生态环境局. */
	public static String city(String departmentKey) {
		return "city-" + departmentKey;
	}

	/**
	 * The lead group of a review group, to which its overdue tasks are escalated, e.g.
	 * {@code city-industry-lead}.
	 */
	public static String lead(String reviewGroup) {
		return reviewGroup + LEAD_SUFFIX;
	}

	public static final String LEAD_SUFFIX = "-lead";

	/** Whether a group (or an issuing body's key) is a county department's. */
	public static boolean isCounty(String group) {
		return group.startsWith("county-");
	}

	/**
	 * Whether a group (or an issuing body's key) is a county finance bureau's, e.g.
	 * {@code county-371525-finance}.
	 */
	public static boolean isCountyFinance(String group) {
		return isCounty(group) && group.endsWith("-finance");
	}

	/**
	 * The body a task belongs to among its candidate groups: the one that is not a lead
	 * group. An overdue task gains its body's lead group as a second candidate
	 * (escalation), and a task's candidates come in no particular order, so the body is
	 * never simply the first of them.
	 */
	public static Optional<String> bodyOf(Collection<String> candidateGroups) {
		return candidateGroups.stream().filter(g -> g != null && !g.endsWith(LEAD_SUFFIX)).sorted().findFirst();
	}

	/**
	 * The groups and, for each lead group among them, the body it leads, without repeats:
	 * the bodies whose open tasks someone in {@code groups} sees (a body's lead reads
	 * every task of the body).
	 */
	public static List<String> withLedBodies(Collection<String> groups) {
		return Stream
			.concat(groups.stream(),
					groups.stream()
						.filter(g -> g != null && g.endsWith(LEAD_SUFFIX))
						.map(g -> g.substring(0, g.length() - LEAD_SUFFIX.length())))
			.filter(g -> g != null)
			.distinct()
			.toList();
	}

	/** A participating bank's loan officers, e.g. {@code bank-icbc}. */
	public static String bank(String bankKey) {
		return "bank-" + bankKey;
	}

}
