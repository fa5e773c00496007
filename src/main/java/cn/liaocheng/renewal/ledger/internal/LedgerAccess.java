package cn.liaocheng.renewal.ledger.internal;

import java.util.List;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Who may do what with a loan, by group membership: the officers of the bank whose grant
 * was accepted record its life; the city finance bureau (市财政局, which issued the
 * interest-subsidy decision and claims the central funds) approves and pays the ledger.
 * Anyone else gets the same "not found" as for a loan that does not exist.
 */
final class LedgerAccess {

	static final String FINANCE = GroupNames.city("finance");

	/**
	 * The bureau's lead (负责人) acts for it too: a period one officer approved is paid by
	 * another person, which a bureau with one officer could otherwise never do.
	 */
	static final String FINANCE_LEAD = GroupNames.lead(FINANCE);

	private LedgerAccess() {
	}

	/** The banks whose officers or lead the user is, by key. */
	static List<String> bankKeys(PortalUser user) {
		return user.banks()
			.stream()
			.filter(g -> g.startsWith("bank-"))
			.map(g -> g.substring("bank-".length()))
			.toList();
	}

	static boolean isFinance(PortalUser user) {
		return user.memberships()
			.stream()
			.anyMatch(m -> m.groupId().equals(FINANCE) || m.groupId().equals(FINANCE_LEAD));
	}

	/**
	 * Whether the user sees any loan at all: the finance bureau (its officers and lead)
	 * sees every granted loan, a bank's officers those their bank granted. The one rule
	 * for the ledger's list, its page and the header's link to it.
	 */
	static boolean seesLoans(PortalUser user) {
		return isFinance(user) || !bankKeys(user).isEmpty();
	}

	static boolean isLender(PortalUser user, GrantedLoan loan) {
		return bankKeys(user).contains(loan.bankKey());
	}

	/**
	 * The bank's officers and the finance bureau see the loan; others are told it does
	 * not exist.
	 */
	static void requireSight(PortalUser user, GrantedLoan loan) {
		if (!isLender(user, loan) && !isFinance(user)) {
			throw LedgerException.notFound();
		}
	}

	/**
	 * Records the loan's life: the bank that granted it, never an administrator (even one
	 * added to the bank's group), who acts for no body.
	 */
	static boolean actsAsLender(PortalUser user, GrantedLoan loan) {
		return isLender(user, loan) && !user.isAdministrator();
	}

	/**
	 * Approves and pays the ledger: the city finance bureau, never an administrator (even
	 * one added to the bureau's group), who acts for no body.
	 */
	static boolean actsAsFinance(PortalUser user) {
		return isFinance(user) && !user.isAdministrator();
	}

	static void requireLender(PortalUser user, GrantedLoan loan) {
		requireSight(user, loan);
		if (!actsAsLender(user, loan)) {
			throw new LedgerException(LedgerException.Reason.FORBIDDEN, null, "只有发放该笔贷款的银行可以登记放款和还款");
		}
	}

	static void requireFinance(PortalUser user, GrantedLoan loan) {
		requireSight(user, loan);
		if (!actsAsFinance(user)) {
			throw new LedgerException(LedgerException.Reason.FORBIDDEN, null, "只有市财政局可以审核和拨付贴息");
		}
	}

}
