package cn.liaocheng.renewal.review.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.decision.DecisionType;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/** What of a case each reader admitted to it sees. */
class CaseSightTest {

	private static final Map<String, String> BANKS = Map.of("icbc", "中国工商银行聊城分行", "abc", "中国农业银行聊城分行");

	private static final Map<String, String> BODIES = Map.of("city-industry", "聊城市工业和信息化局", "city-pboc", "中国人民银行聊城市分行",
			"city-tax", "国家税务总局聊城市税务局", "city-ecology", "聊城市生态环境局", "county-371525-industry", "冠县工业和信息化局", "bank-icbc",
			"中国工商银行聊城分行");

	@Test
	void aBankThatDidNotLendSeesOnlyItsOwnOpinionAndNoTermsOrDocuments() {
		CaseSight icbc = CaseSight.of(user("bank-icbc", GroupType.BANK), "abc", BANKS, BODIES);

		assertThat(icbc.opinion("bank-icbc")).isTrue();
		assertThat(icbc.opinion("bank-abc")).isFalse();
		assertThat(icbc.opinion("city-pboc")).isTrue();
		assertThat(icbc.opinion("county-371525-industry")).isTrue();
		assertThat(icbc.grantedTerms()).isFalse();
		assertThat(icbc.historyLine("审批系统", "中国农业银行聊城分行同意放贷4,321,000.00元，期限36个月。")).isFalse();
		assertThat(icbc.historyLine("中国农业银行聊城分行", "中国农业银行聊城分行「银行自主审贷」：同意放贷")).isFalse();
		assertThat(icbc.historyLine("中国工商银行聊城分行", "中国工商银行聊城分行「银行自主审贷」：不予放贷。意见：…")).isTrue();
		assertThat(icbc.historyLine("冠县工业和信息化局", "冠县工业和信息化局「县级推荐」：同意推荐至市级")).isTrue();
		for (DecisionType type : DecisionType.values()) {
			assertThat(icbc.decision(type)).as(type.name()).isFalse();
		}
		// The co-reviewing city bodies' review is the government's own: not the tax
		// bureau's view of the enterprise, nor its lines.
		assertThat(icbc.opinion("city-tax")).isFalse();
		assertThat(icbc.opinion("city-ecology-lead")).isFalse();
		assertThat(icbc.opinion("city-industry")).isTrue();
		assertThat(icbc.opinion("city-industry-lead")).isTrue();
		assertThat(icbc.historyLine("国家税务总局聊城市税务局", "国家税务总局聊城市税务局「市级联审」：同意。意见：纳税信用等级A")).isFalse();
		assertThat(icbc.historyLine("聊城市工业和信息化局", "聊城市工业和信息化局「市工业和信息化局审定」：审定通过")).isTrue();
		// Nor the lines others wrote about them: the lead bureau urging or adding a
		// co-reviewer, the system's overdue notice, the enterprise urging another bank.
		assertThat(icbc.historyLine("聊城市工业和信息化局", "聊城市工业和信息化局催办国家税务总局聊城市税务局「市级联审」（办理人：李四）。催办事由：请出具纳税意见")).isFalse();
		assertThat(icbc.historyLine("聊城市工业和信息化局", "聊城市工业和信息化局加签聊城市生态环境局参加联审。加签原因：涉及排污许可")).isFalse();
		assertThat(icbc.historyLine("审批系统", "「市级联审」已超过办理期限，已报送国家税务总局聊城市税务局负责人督办")).isFalse();
		assertThat(icbc.historyLine("冠县演示轴承制造有限公司", "冠县演示轴承制造有限公司申报账户催办中国农业银行聊城分行「银行自主审贷」（已有人办理）。催办事由：请尽快审批"))
			.isFalse();
		assertThat(icbc.historyLine("冠县演示轴承制造有限公司", "冠县演示轴承制造有限公司申报账户催办中国工商银行聊城分行「银行自主审贷」（待认领）。催办事由：请尽快审批")).isTrue();
	}

	@Test
	void theLenderSeesItsTermsAndTheDocumentsThatStateThemButNoCompetitorsOpinion() {
		CaseSight abc = CaseSight.of(user("bank-abc", GroupType.BANK), "abc", BANKS, BODIES);

		assertThat(abc.grantedTerms()).isTrue();
		assertThat(abc.opinion("bank-icbc")).isFalse();
		assertThat(abc.decision(DecisionType.LOAN_LISTED)).isTrue();
		assertThat(abc.decision(DecisionType.INTEREST_SUBSIDY_GRANTED)).isTrue();
		assertThat(abc.decision(DecisionType.INTEREST_SUBSIDY_PAYMENT)).isTrue();
		assertThat(abc.decision(DecisionType.LOAN_DECLINED)).as("it lists the other banks' opinions").isFalse();
	}

	@Test
	void interestPaymentNoticesAreTheLedgersOnlyForOtherReaders() {
		CaseSight ecology = CaseSight.of(user("city-ecology", GroupType.CITY), "abc", BANKS, BODIES);
		CaseSight finance = CaseSight.of(user("city-finance", GroupType.CITY), "abc", BANKS, BODIES);
		CaseSight admin = CaseSight.of(user("camunda-admin", GroupType.SYSTEM), "abc", BANKS, BODIES);

		assertThat(ecology.decision(DecisionType.INTEREST_SUBSIDY_PAYMENT)).isFalse();
		assertThat(ecology.decision(DecisionType.LOAN_LISTED)).isTrue();
		assertThat(ecology.opinion("bank-icbc")).isTrue();
		assertThat(ecology.opinion("city-tax")).as("a co-reviewer reads the others").isTrue();
		assertThat(ecology.historyLine("国家税务总局聊城市税务局", "…")).isTrue();
		assertThat(ecology.grantedTerms()).isTrue();
		assertThat(ecology.historyLine("审批系统", "中国农业银行聊城分行同意放贷4,321,000.00元，期限36个月。")).isTrue();
		assertThat(finance.decision(DecisionType.INTEREST_SUBSIDY_PAYMENT)).isTrue();
		assertThat(admin.decision(DecisionType.INTEREST_SUBSIDY_PAYMENT)).isTrue();
	}

	private static PortalUser user(String group, GroupType type) {
		return new PortalUser("u", "某人", List.of(new PortalUser.Membership(group, group, type)));
	}

	/** A bank's lead reads the case as its bank does: as the lender, its own opinion. */
	@Test
	void theLendingBanksLeadSeesWhatItsBankSees() {
		CaseSight lead = CaseSight.of(user("bank-abc-lead", GroupType.BANK), "abc", BANKS, BODIES);

		assertThat(lead.grantedTerms()).isTrue();
		assertThat(lead.opinion("bank-abc")).isTrue();
		assertThat(lead.opinion("bank-icbc")).isFalse();
		assertThat(lead.decision(DecisionType.LOAN_LISTED)).isTrue();
		assertThat(lead.historyLine("中国工商银行聊城分行", "中国工商银行聊城分行「银行自主审贷」：不予放贷。")).isFalse();
	}

}
