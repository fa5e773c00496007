package cn.liaocheng.renewal.security.internal;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A logout in Tasklist, Cockpit or Admin ends the one session of the single login, not
 * only the webapp's part of it.
 *
 * <p>
 * Camunda's logout ({@code POST /camunda/api/admin/auth/user/{engine}/logout}) only
 * removes the webapps' login for the engine from the session; the next request would have
 * been logged in again from the Spring session that stays. So instead of recognising the
 * logout by its URL, this filter, running inside the container-based login and around
 * Camunda's own filters, watches what the request did: when the webapps' login for an
 * engine is gone after Camunda has handled the request, whatever the path's spelling, the
 * whole session is invalidated.
 */
class WebappLogoutEndsSession extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Set<String> before = webappLogins(request.getSession(false));
		chain.doFilter(request, response);
		if (before.isEmpty()) {
			return;
		}
		HttpSession session = request.getSession(false);
		if (session == null || webappLogins(session).containsAll(before)) {
			return;
		}
		SecurityContextHolder.clearContext();
		try {
			session.invalidate();
		}
		catch (IllegalStateException alreadyInvalidated) {
			// Camunda's CSRF check invalidates the session itself when it refuses a
			// request.
		}
	}

	/** The engines the webapps' login in this session is for. */
	private static Set<String> webappLogins(HttpSession session) {
		if (session == null) {
			return Set.of();
		}
		try {
			return AuthenticationUtil.getAuthsFromSession(session)
				.getAuthentications()
				.stream()
				.map(UserAuthentication::getProcessEngineName)
				.collect(Collectors.toSet());
		}
		catch (IllegalStateException invalidated) {
			return Set.of();
		}
	}

}
