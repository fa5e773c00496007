package cn.liaocheng.renewal.security.internal;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Hands the user Spring Security authenticated to Camunda's webapps and REST API, with
 * the groups read at login. Camunda instantiates it by class name, hence public with a
 * no-argument constructor.
 */
public class SpringSecurityCamundaAuthenticationProvider extends ContainerBasedAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// A personal API token never opens Camunda's doors, even if a request carrying
		// one reached them.
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof ApiTokenAuthentication
				|| !(authentication.getPrincipal() instanceof PortalUser user)) {
			return AuthenticationResult.unsuccessful();
		}
		// Nor an enterprise's account, whatever door a request took: Camunda is the
		// staff's.
		if (Stream.of(GroupType.COUNTY, GroupType.CITY, GroupType.BANK, GroupType.SYSTEM).noneMatch(user::isIn)) {
			return AuthenticationResult.unsuccessful();
		}
		AuthenticationResult result = AuthenticationResult.successful(user.userId());
		result.setGroups(user.groupIds());
		result.setTenants(List.of());
		return result;
	}

}
