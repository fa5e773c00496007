package cn.liaocheng.renewal.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.security.PortalUser.Membership;

/**
 * The bank that granted a loan records its life and the city finance bureau approves and
 * pays its ledger; an administrator added to either group reads the loan as they do, but
 * records, approves and pays nothing.
 */
class LedgerActorsTest {

	private static final GrantedLoan LOAN = new GrantedLoan(1L, "DK-2026-0001", "371525", "某公司", "91371500000000000X",
			"ent", "某项目", "lcb", new BigDecimal("5000000"), new BigDecimal("3.1"), 24, LocalDate.of(2026, 3, 1), null,
			true, false);

	private static final Membership BANK = new Membership("bank-lcb", "聊城农商银行", GroupType.BANK);

	private static final Membership FINANCE = new Membership("city-finance", "市财政局", GroupType.CITY);

	private static final Membership ADMINISTRATORS = new Membership("camunda-admin", "系统管理员", GroupType.SYSTEM);

	@Test
	void theLenderRecordsAndTheFinanceBureauApproves() {
		LedgerAccess.requireLender(user(BANK), LOAN);
		LedgerAccess.requireFinance(user(FINANCE), LOAN);
		assertThatThrownBy(() -> LedgerAccess.requireFinance(user(BANK), LOAN)).isInstanceOf(LedgerException.class);
		assertThatThrownBy(() -> LedgerAccess.requireLender(user(FINANCE), LOAN)).isInstanceOf(LedgerException.class);
	}

	@Test
	void anAdministratorAddedToTheBankOrTheBureauReadsButActsForNeither() {
		PortalUser banker = user(ADMINISTRATORS, BANK);
		PortalUser financier = user(ADMINISTRATORS, FINANCE);
		LedgerAccess.requireSight(banker, LOAN);
		LedgerAccess.requireSight(financier, LOAN);
		assertThatThrownBy(() -> LedgerAccess.requireLender(banker, LOAN)).isInstanceOf(LedgerException.class)
			.hasMessageContaining("只有发放该笔贷款的银行");
		assertThatThrownBy(() -> LedgerAccess.requireFinance(financier, LOAN)).isInstanceOf(LedgerException.class)
			.hasMessageContaining("只有市财政局");
	}

	/**
	 * A bank's lead acts for the bank, as the finance bureau's lead acts for the bureau;
	 * another bank's lead sees nothing of the loan.
	 */
	@Test
	void theLendingBanksLeadActsForItAndAnotherBanksLeadSeesNothing() {
		PortalUser lead = user(new Membership("bank-lcb-lead", "聊城农商银行负责人", GroupType.BANK));
		assertThat(LedgerAccess.bankKeys(lead)).containsExactly("lcb");
		assertThat(LedgerAccess.seesLoans(lead)).isTrue();
		LedgerAccess.requireLender(lead, LOAN);

		PortalUser other = user(new Membership("bank-icbc-lead", "工商银行负责人", GroupType.BANK));
		assertThat(LedgerAccess.bankKeys(other)).containsExactly("icbc");
		assertThatThrownBy(() -> LedgerAccess.requireSight(other, LOAN)).isInstanceOf(LedgerException.class);
	}

	private static PortalUser user(Membership... memberships) {
		return new PortalUser("someone", "某人", List.of(memberships));
	}

}
