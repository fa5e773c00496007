package cn.liaocheng.renewal.security.internal;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import cn.liaocheng.renewal.security.PortalUser;

/**
 * A request authenticated by a personal API token: the owner with their enterprise groups
 * only, whatever else the account belongs to. Camunda never accepts it
 * ({@link SpringSecurityCamundaAuthenticationProvider}).
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final PortalUser user;

	private final long tokenId;

	ApiTokenAuthentication(PortalUser user, long tokenId, List<GrantedAuthority> authorities) {
		super(authorities);
		this.user = user;
		this.tokenId = tokenId;
		setAuthenticated(true);
	}

	@Override
	public PortalUser getPrincipal() {
		return user;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	long tokenId() {
		return tokenId;
	}

}
