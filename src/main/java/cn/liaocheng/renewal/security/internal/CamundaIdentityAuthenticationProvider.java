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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.security.PortalUser.Membership;
import cn.liaocheng.renewal.security.Roles;

/**
 * Checks a password against Camunda's user store, for every door alike (login form, HTTP
 * Basic). Failed logins lock the id for a growing while, never for good
 * ({@link LoginLockPolicy}): an account through Camunda's own throttling in
 * {@code ACT_ID_USER}, which also guards the engine's own password checks, an id without
 * an account through {@link UnknownLogins}. Both are refused with the same words at the
 * same moments, so the reply does not tell whether an id exists.
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

	private final UnknownLogins unknownLogins;

	private final VerifiedPasswords verified;

	/** Spends on an unknown id about the time a real password check takes. */
	private final Argon2PasswordEncoder decoy = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	/**
	 * The Argon2id hash of "no account has this password" with the decoy's parameters
	 * (m=16384, t=2, p=1), fixed rather than computed at each start, where it cost a
	 * hash's CPU; checking a password against it costs what a real check costs, as the
	 * parameters are read from the hash. Not a secret: it hashes a sentence written here.
	 */
	static final String DECOY_HASH = "$argon2id$v=19$m=16384,t=2,p=1$"
			+ "qA5672XirCFBj62ejJshRA$BJkdpyOXnC4Lnvegi6oULkTZ+VlI9SRjA5mrXhQgcCA";

	CamundaIdentityAuthenticationProvider(IdentityService identity, ProcessEngineConfigurationImpl engine,
			UnknownLogins unknownLogins, VerifiedPasswords verified) {
		this.identity = identity;
		this.commands = engine.getCommandExecutorTxRequired();
		this.unknownLogins = unknownLogins;
		this.verified = verified;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName() == null ? "" : authentication.getName().trim();
		String password = String.valueOf(authentication.getCredentials());
		if (userId.isEmpty() || password.isEmpty()) {
			throw new BadCredentialsException(WRONG);
		}
		Instant now = Instant.now();
		Account account = account(userId);
		if (account == null) {
			throw refusalOfUnknown(userId, password, now);
		}
		User user = account.user();
		forgetOldFailures(user, now);
		rejectIfLocked(user, now);
		// A password checked right against this very hash a moment ago (HTTP Basic sends
		// it with every request) is
		// not put through Argon2 again; an account with failed attempts always is
		// (VerifiedPasswords).
		UserEntity clean = user instanceof UserEntity entity && entity.getAttempts() == 0
				&& entity.getLockExpirationTime() == null ? entity : null;
		if (clean == null || !verified.known(clean, password, now)) {
			if (!identity.checkPassword(user.getId(), password)) {
				throw new BadCredentialsException(WRONG);
			}
			if (clean != null) {
				verified.remember(clean, password, now);
			}
		}
		PortalUser portalUser = portalUser(user, account.groups());
		return UsernamePasswordAuthenticationToken.authenticated(portalUser, null, authorities(portalUser));
	}

	/** An account and the groups it is in, as read together at one moment. */
	private record Account(User user, List<Group> groups) {
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
			return user == null ? null
					: new Account(user, identity.createGroupQuery().groupMember(user.getId()).list());
		});
	}

	/**
	 * An id without an account fails as an account with a wrong password would, lock-out
	 * included.
	 */
	private AuthenticationException refusalOfUnknown(String userId, String password, Instant now) {
		Optional<Instant> locked = unknownLogins.lockedUntil(userId, now);
		if (locked.isPresent()) {
			return LoginLockPolicy.locked(locked.get(), now);
		}
		decoy.matches(password, DECOY_HASH);
		unknownLogins.recordFailure(userId, now);
		return new BadCredentialsException(WRONG);
	}

	/**
	 * A locked account is refused before its password is checked, with how long the lock
	 * lasts; Camunda would refuse the right password during the lock too, but with no
	 * word of why.
	 */
	private static void rejectIfLocked(User user, Instant now) {
		if (user instanceof UserEntity entity && entity.getLockExpirationTime() != null
				&& entity.getLockExpirationTime().toInstant().isAfter(now)) {
			throw LoginLockPolicy.locked(entity.getLockExpirationTime().toInstant(), now);
		}
	}

	/**
	 * Failures a day older than the end of their lock no longer count, as for ids without
	 * an account.
	 */
	private void forgetOldFailures(User user, Instant now) {
		if (user instanceof UserEntity entity && entity.getAttempts() > 0 && entity.getLockExpirationTime() != null
				&& LoginLockPolicy.forgotten(entity.getLockExpirationTime().toInstant(), now)) {
			identity.unlockUser(user.getId());
		}
	}

	PortalUser portalUser(User user) {
		return portalUser(user, identity.createGroupQuery().groupMember(user.getId()).list());
	}

	private static PortalUser portalUser(User user, List<Group> groups) {
		List<Membership> memberships = groups.stream()
			.map(g -> new Membership(g.getId(), g.getName(), typeOf(g)))
			.toList();
		// Chinese order: family name (here the organisation) before given name (here the
		// post).
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName()))
			.trim();
		return new PortalUser(user.getId(), name.isEmpty() ? user.getId() : name, memberships);
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
