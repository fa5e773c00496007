package cn.liaocheng.renewal.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.security.PortalUser.Membership;
import cn.liaocheng.renewal.security.Roles;

/**
 * Checks a password against Camunda's user store, so that Camunda's failed-login throttling (an account is locked
 * for a growing while after each failure, and for good after too many) applies to every door alike.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identity;

	private final int maxAttempts;

	CamundaIdentityAuthenticationProvider(IdentityService identity, ProcessEngineConfigurationImpl engineConfiguration) {
		this.identity = identity;
		this.maxAttempts = engineConfiguration.getLoginMaxAttempts();
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName() == null ? "" : authentication.getName().trim();
		String password = String.valueOf(authentication.getCredentials());
		if (userId.isEmpty() || password.isEmpty()) {
			throw new BadCredentialsException("用户名或密码错误");
		}
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			// Self-registered ids are lower case; accept them typed in any case.
			user = identity.createUserQuery().userId(userId.toLowerCase(java.util.Locale.ROOT)).singleResult();
		}
		if (user == null) {
			throw new BadCredentialsException("用户名或密码错误");
		}
		rejectIfLocked(user);
		if (!identity.checkPassword(user.getId(), password)) {
			throw new BadCredentialsException("用户名或密码错误");
		}
		PortalUser portalUser = portalUser(user);
		return UsernamePasswordAuthenticationToken.authenticated(portalUser, null, authorities(portalUser));
	}

	/**
	 * A locked account is refused before its password is checked, with how long the lock lasts; Camunda would
	 * refuse the right password during the lock too, but with no word of why.
	 */
	private void rejectIfLocked(User user) {
		if (!(user instanceof UserEntity entity)) {
			return;
		}
		if (entity.getAttempts() >= maxAttempts) {
			throw new LockedException("账户因连续登录失败已被锁定，请联系系统管理员解锁");
		}
		if (entity.getLockExpirationTime() == null) {
			return;
		}
		Instant until = entity.getLockExpirationTime().toInstant();
		Instant now = Instant.now();
		if (until.isAfter(now)) {
			long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
			throw new LockedException("账户因连续登录失败已被暂时锁定，请在 " + seconds + " 秒后重试");
		}
	}

	PortalUser portalUser(User user) {
		List<Membership> memberships = identity.createGroupQuery()
			.groupMember(user.getId())
			.list()
			.stream()
			.map(g -> new Membership(g.getId(), g.getName(), typeOf(g)))
			.toList();
		// Chinese order: family name (here the organisation) before given name (here the post).
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName())).trim();
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
