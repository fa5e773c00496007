package cn.liaocheng.renewal.review.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.liaocheng.renewal.application.CaseStanding;
import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * What of a case a reader admitted by {@link ReviewAccess} sees. A bank reads a loan's
 * dossier to decide its own credit, not to learn its competitors': among the banks'
 * opinions it sees its own, and the granted terms and the documents that state them (the
 * listing notice, the interest-subsidy decisions and payment notices) only when it is the
 * lender. The interest payment notices carry the loan's contract and balances, so besides
 * the lender only the city finance bureau (and administrators) see them, as on the
 * ledger. Nor does a bank read the co-reviewing city bodies' opinions (tax standing,
 * ecology, land, supervision...), which are the government's own review and may carry
 * what the enterprise told those bodies, not the bank: it reads the county's
 * recommendation, the lead bureau's screening and the central-bank branch's listing, the
 * steps that put the case before it. Everybody else admitted sees the case whole.
 *
 * @param bankGroups the reader's bank groups ({@code bank-icbc}); empty for everybody
 * else
 * @param lender whether one of them is the bank whose grant the enterprise accepted
 * @param ledger whether the reader keeps the interest ledger (city finance, lender,
 * administrator)
 * @param otherBanks for a bank's reader, the names of the other banks the loan was pushed
 * to, whose steps and grants the case history tells in their names
 * @param quietBodies for a bank's reader, the names of the co-reviewing city bodies,
 * whose history lines it does not read
 */
public record CaseSight(Set<String> bankGroups, boolean lender, boolean ledger, Set<String> otherBanks,
		Set<String> quietBodies) {

	/** The city bodies whose steps put a loan before the banks. */
	private static final Set<String> BEFORE_THE_BANKS = Set.of(GroupNames.city("industry"), GroupNames.city("pboc"));

	private static final Set<DecisionType> LENDERS_DOCUMENTS = Set.of(DecisionType.LOAN_LISTED,
			DecisionType.INTEREST_SUBSIDY_GRANTED, DecisionType.INTEREST_SUBSIDY_REFUSED,
			DecisionType.INTEREST_SUBSIDY_BY_TRANCHE, DecisionType.INTEREST_SUBSIDY_PAYMENT);

	/**
	 * The sight of {@code user} on a case whose accepted grant is
	 * {@code grantedBankKey}'s ({@code null}: none), pushed to the banks named in
	 * {@code bankNames} by key; {@code bodyNames} names every body by group id.
	 */
	public static CaseSight of(PortalUser user, String grantedBankKey, Map<String, String> bankNames,
			Map<String, String> bodyNames) {
		// A bank's lead sees the case as its bank does (ReviewAccess reads it so).
		Set<String> banks = Set.copyOf(user.banks());
		boolean lender = grantedBankKey != null && banks.contains(GroupNames.bank(grantedBankKey));
		String finance = GroupNames.city("finance");
		boolean ledger = lender || user.isAdministrator() || user.groupIds().contains(finance)
				|| user.groupIds().contains(GroupNames.lead(finance));
		if (user.isAdministrator()) {
			return new CaseSight(Set.of(), lender, ledger, Set.of(), Set.of());
		}
		Set<String> others = Set.copyOf(bankNames.entrySet()
			.stream()
			.filter(bank -> !banks.isEmpty() && !banks.contains(GroupNames.bank(bank.getKey())))
			.map(Map.Entry::getValue)
			.toList());
		Set<String> quiet = banks.isEmpty() ? Set.of()
				: Set.copyOf(bodyNames.entrySet()
					.stream()
					.filter(body -> coReviewer(body.getKey()))
					.map(Map.Entry::getValue)
					.toList());
		return new CaseSight(banks, lender, ledger, others, quiet);
	}

	/** A city body other than the lead bureau and the central-bank branch. */
	private static boolean coReviewer(String group) {
		String body = group.endsWith(GroupNames.LEAD_SUFFIX)
				? group.substring(0, group.length() - GroupNames.LEAD_SUFFIX.length()) : group;
		return body.startsWith(GroupNames.city("")) && !BEFORE_THE_BANKS.contains(body);
	}

	private boolean bank() {
		return !bankGroups.isEmpty();
	}

	/**
	 * An opinion given for {@code bodyGroup}: a bank sees no other bank's, and no
	 * co-reviewing city body's.
	 */
	public boolean opinion(String bodyGroup) {
		if (!bank() || bodyGroup == null) {
			return true;
		}
		if (bodyGroup.startsWith(GroupNames.bank(""))) {
			return bankGroups.contains(bodyGroup);
		}
		return !coReviewer(bodyGroup);
	}

	/**
	 * Which of the banks a loan was pushed to, by key, the reader is told of: a bank's
	 * reader its own, not the competitors the enterprise also chose.
	 */
	public List<String> banksShown(List<String> bankKeys) {
		return bank() ? bankKeys.stream().filter(key -> bankGroups.contains(GroupNames.bank(key))).toList() : bankKeys;
	}

	/**
	 * The reviewers' operations on their tasks (hand-overs, reminders and their reasons):
	 * a bank's reader does not see other banks' staff at work.
	 */
	public boolean operations() {
		return !bank();
	}

	/** The granted loan's amount, rate, term and date, and its interest subsidy. */
	public boolean grantedTerms() {
		return !bank() || lender;
	}

	/**
	 * A line of the case history, by who wrote it and what it says: a bank does not read
	 * the lines of or about another bank (its opinion, its grant, the enterprise taking
	 * it or urging it), nor the lines of or about a co-reviewing city body (its opinion,
	 * the lead bureau urging it or adding it to the joint review, its step overdue).
	 */
	public boolean historyLine(String actorName, String message) {
		return !quietBodies.contains(actorName) && otherBanks.stream().noneMatch(bank -> bank.equals(actorName))
				&& (message == null
						|| Stream.concat(otherBanks.stream(), quietBodies.stream()).noneMatch(message::contains));
	}

	/**
	 * Where the case stands: a bank reads the stage, the bodies handling it and by when,
	 * but not the other banks deciding beside it, the co-reviewing city bodies at work,
	 * the joint review body by body, or a return and its reasons.
	 */
	public CaseStanding standing(CaseStanding standing) {
		if (!bank()) {
			return standing;
		}
		List<String> handling = standing.handlingBodies()
			.stream()
			.filter(body -> !otherBanks.contains(body) && !quietBodies.contains(body))
			.toList();
		return new CaseStanding(standing.timeline(), standing.currentStep(), handling, standing.dueDate(),
				standing.workingDaysLeft(), List.of(), null, standing.urgeable());
	}

	public boolean decision(DecisionType type) {
		if (type == DecisionType.INTEREST_SUBSIDY_PAYMENT && !ledger) {
			return false;
		}
		return !bank() || (lender && LENDERS_DOCUMENTS.contains(type));
	}

}
