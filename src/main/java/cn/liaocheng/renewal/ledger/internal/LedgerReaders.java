package cn.liaocheng.renewal.ledger.internal;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.security.PortalUser;

/**
 * For the page header: whether the logged-in user gets the link to 贷款台账, by the ledger's
 * own rule ({@link LedgerAccess#seesLoans}); false for anyone not logged in.
 */
@Component
public class LedgerReaders {

	/** {@code authentication}: the page's, {@code null} where a page has none. */
	public boolean includes(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof PortalUser user
				&& LedgerAccess.seesLoans(user);
	}

}
