package cn.liaocheng.renewal.security.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Turns an {@code Authorization: Bearer} value into the token owner, or into the Chinese
 * reason why not. The owner's account and enterprise are read on every request, so a
 * disabled enterprise or a removed account stops its tokens at once.
 */
@Component
class ApiTokenAuthenticator {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ApiTokens.BEIJING);

	private final ApiTokens tokens;

	private final IdentityService identity;

	private final CamundaIdentityAuthenticationProvider users;

	private final ApiTokenHolders holders;

	private final TemporaryPasswordStore temporaryPasswords;

	ApiTokenAuthenticator(ApiTokens tokens, IdentityService identity, CamundaIdentityAuthenticationProvider users,
			ApiTokenHolders holders, TemporaryPasswordStore temporaryPasswords) {
		this.tokens = tokens;
		this.identity = identity;
		this.users = users;
		this.holders = holders;
		this.temporaryPasswords = temporaryPasswords;
	}

	/** The outcome: an authentication, or a refusal with what to do. */
	sealed interface Outcome {

	}

	record Accepted(ApiTokenAuthentication authentication) implements Outcome {
	}

	record Refused(String detail) implements Outcome {
	}

	Outcome authenticate(String token) {
		Optional<ApiTokens.Stored> found = tokens.find(token);
		if (found.isEmpty()) {
			return new Refused("API 令牌无效：请检查是否完整复制（以 " + ApiTokens.PREFIX + " 开头），或登录门户在“API 令牌”页面新建一个");
		}
		ApiTokens.Stored stored = found.get();
		Instant now = Instant.now();
		if (stored.revokedAt() != null) {
			return new Refused("API 令牌已于 " + TIME.format(stored.revokedAt()) + " 撤销，请登录门户新建令牌");
		}
		if (stored.expiredAt(now)) {
			return new Refused("API 令牌已于 " + TIME.format(stored.expiresAt()) + " 过期，请登录门户新建令牌");
		}
		User user = identity.createUserQuery().userId(stored.userId()).singleResult();
		if (user == null) {
			return new Refused("API 令牌所属的账户已不存在");
		}
		// A reset revokes the account's tokens; none is honoured before the temporary
		// password is changed, whatever way one was made.
		if (temporaryPasswords.expiryOf(user.getId()).isPresent()) {
			return new Refused(TemporaryPasswordGate.DETAIL);
		}
		PortalUser owner = users.portalUser(user);
		Optional<String> ineligible = holders.refusal(owner);
		if (ineligible.isPresent()) {
			return new Refused(ineligible.get());
		}
		tokens.touch(stored, now);
		PortalUser enterpriseOnly = new PortalUser(owner.userId(), owner.displayName(),
				owner.memberships().stream().filter(m -> m.type() == GroupType.ENTERPRISE).toList(), true);
		return new Accepted(new ApiTokenAuthentication(enterpriseOnly, stored.id(),
				CamundaIdentityAuthenticationProvider.authorities(enterpriseOnly)));
	}

}
