package cn.liaocheng.renewal.security.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.security.PortalUser.Membership;
import cn.liaocheng.renewal.security.Roles;

/**
 * Checks a password against Camunda's user store, for every door alike (login form, HTTP
 * Basic). The check itself is the engine's, which counts failures per id and network and
 * locks that network for a growing while, never for good ({@link PasswordChecks},
 * {@link LoginLockPolicy}); a locked network is refused here first, with how long the
 * lock lasts. Ids with and without an account are refused with the same words at the same
 * moments, so the reply does not tell whether an id exists.
 *
 * <p>
 * Before any of that, a network from which too many ids failed lately is refused, the
 * right password too ({@link NetworkFailureBudget}); and a check takes one of the node's
 * few Argon2 permits ({@link HashingPermits}) before the engine's transaction and its
 * connection, so that waiting for one holds neither.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private static final String WRONG = "用户名或密码错误";

	private final IdentityService identity;

	/**
	 * Runs engine commands; identity calls inside one share its command context and
	 * transaction.
	 */
	private final CommandExecutor commands;

	private final LoginThrottle throttle;

	private final VerifiedPasswords verified;

	private final TemporaryPasswordStore temporaryPasswords;

	private final NetworkFailureBudget budget;

	private final HashingPermits permits;

	CamundaIdentityAuthenticationProvider(IdentityService identity, ProcessEngineConfigurationImpl engine,
			LoginThrottle throttle, VerifiedPasswords verified, TemporaryPasswordStore temporaryPasswords,
			NetworkFailureBudget budget, HashingPermits permits) {
		this.identity = identity;
		this.commands = engine.getCommandExecutorTxRequired();
		this.throttle = throttle;
		this.verified = verified;
		this.temporaryPasswords = temporaryPasswords;
		this.budget = budget;
		this.permits = permits;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName() == null ? "" : authentication.getName().trim();
		String password = String.valueOf(authentication.getCredentials());
		if (userId.isEmpty() || password.isEmpty()) {
			throw new BadCredentialsException(WRONG);
		}
		Instant now = Instant.now();
		String network = LoginNetwork.current();
		// Even a password this node verified a moment ago: it may be an attacker's
		// guess that happens to be the one a user typed here. An account that logged in
		// from the network lately goes on (the office behind the address).
		Optional<PasswordCheckRefusal> held = budget.held(network, now);
		if (held.isPresent() && !budget.knownHere(throttle.key(userId), network, now)) {
			throw held.get();
		}
		try {
			return checked(userId, password, network, now);
		}
		catch (AuthenticationException refused) {
			// While the network is held, such an account that is refused all the same (a
			// wrong password, its own lock, a permit not free) is answered as every other
			// id is: a different answer would tell which ids are accounts used from here.
			if (held.isPresent()) {
				throw held.get();
			}
			throw refused;
		}
	}

	private Authentication checked(String userId, String password, String network, Instant now) {
		LoginThrottle.Standing standing = throttle.standing(throttle.key(userId), network, now);
		if (standing.refusal().isPresent()) {
			throw standing.refusal().get();
		}
		Account account = account(userId);
		if (account == null) {
			// Checked all the same: it costs the time of a real check and counts the
			// failure.
			permits.withPermit(() -> identity.checkPassword(userId, password));
			throw new BadCredentialsException(WRONG);
		}
		User user = account.user();
		// A password checked right against this very hash a moment ago (HTTP Basic sends
		// it with every request) is not put through Argon2 again; with failures from this
		// network it always is (VerifiedPasswords).
		UserEntity clean = user instanceof UserEntity entity && !standing.failuresHere() ? entity : null;
		if (clean == null || !verified.known(clean, password, now)) {
			if (!permits.withPermit(() -> identity.checkPassword(user.getId(), password))) {
				throw new BadCredentialsException(WRONG);
			}
			if (clean != null) {
				verified.remember(clean, password, now);
			}
		}
		PortalUser portalUser = portalUser(user, account.groups());
		List<GrantedAuthority> authorities = authorities(portalUser);
		if (account.temporaryUntil() != null) {
			// Told only to whoever knows the password: it was checked above.
			if (!now.isBefore(account.temporaryUntil())) {
				throw new CredentialsExpiredException(TemporaryPasswordGate.EXPIRED);
			}
			authorities.add(TemporaryPasswordGate.AUTHORITY);
		}
		return UsernamePasswordAuthenticationToken.authenticated(portalUser, null, authorities);
	}

	/**
	 * An account, the groups it is in, and until when its temporary password lets it in
	 * (null: its password is its own), as read together at one moment.
	 */
	private record Account(User user, List<Group> groups, Instant temporaryUntil) {
	}

	/**
	 * The account and its groups in one engine command (one transaction): HTTP Basic
	 * authenticates every request, and two commands of their own cost each request a
	 * second transaction and connection checkout. The groups are read whether or not the
	 * password turns out right; a refused request does nothing with them.
	 */
	private Account account(String userId) {
		return commands.execute(context -> {
			User user = identity.createUserQuery().userId(userId).singleResult();
			if (user == null) {
				// Self-registered ids are lower case; accept them typed in any case.
				user = identity.createUserQuery().userId(userId.toLowerCase(Locale.ROOT)).singleResult();
			}
			return user == null ? null : new Account(user, identity.createGroupQuery().groupMember(user.getId()).list(),
					temporaryPasswords.expiryOf(user.getId()).orElse(null));
		});
	}

	PortalUser portalUser(User user) {
		return portalUser(user, identity.createGroupQuery().groupMember(user.getId()).list());
	}

	private static PortalUser portalUser(User user, List<Group> groups) {
		List<Membership> memberships = groups.stream()
			.map(g -> new Membership(g.getId(), g.getName(), typeOf(g)))
			.toList();
		return new PortalUser(user.getId(), Accounts.shownName(user), memberships);
	}

	private static GroupType typeOf(Group group) {
		return GroupType.of(group.getType());
	}

	static List<GrantedAuthority> authorities(PortalUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (Membership membership : user.memberships()) {
			authorities.add(new SimpleGrantedAuthority("GROUP_" + membership.groupId()));
		}
		if (user.isIn(GroupType.SYSTEM)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
		}
		if (user.isIn(GroupType.COUNTY) || user.isIn(GroupType.CITY)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.REVIEWER));
		}
		if (user.isIn(GroupType.BANK)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.BANK));
		}
		if (user.isIn(GroupType.ENTERPRISE)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ENTERPRISE));
		}
		return authorities;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
