package cn.liaocheng.renewal.security.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.AccountStanding;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Who may hold and use personal API tokens: accounts of an active enterprise only. Staff
 * accounts never do: their doors are Tasklist and the webapps, where a token would be a
 * password that never expires. Asked at creation and again on every request made with a
 * token.
 */
@Component
class ApiTokenHolders {

	private final List<AccountStanding> standing;

	ApiTokenHolders(List<AccountStanding> standing) {
		this.standing = standing;
	}

	/** Why {@code user} may not hold tokens now, in Chinese, or empty when they may. */
	Optional<String> refusal(PortalUser user) {
		if (!user.isIn(GroupType.ENTERPRISE)) {
			return Optional.of("只有企业账户可以使用 API 令牌");
		}
		if (user.isIn(GroupType.COUNTY) || user.isIn(GroupType.CITY) || user.isIn(GroupType.BANK)
				|| user.isIn(GroupType.SYSTEM)) {
			return Optional.of("工作人员账户不能使用 API 令牌，请登录后在门户或审批系统中办理");
		}
		if (standing.isEmpty()) {
			return Optional.of("暂时无法确认企业账户状态，请稍后重试");
		}
		return standing.stream().flatMap(s -> s.refusal(user.userId()).stream()).findFirst();
	}

}
