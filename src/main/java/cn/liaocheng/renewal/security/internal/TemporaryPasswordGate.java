package cn.liaocheng.renewal.security.internal;

import static cn.liaocheng.renewal.security.internal.SecurityConfiguration.path;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import cn.liaocheng.renewal.security.Roles;

/**
 * An account logged in with a temporary password may do one thing: change it. Every
 * request of the main filter chain (login form, session) and of HTTP Basic's
 * ({@link BasicSecurity}) passes here after authentication, whatever its door: the
 * password-change page and its form, logout, static assets and the error page go on; any
 * other page is sent to the password-change page (an enterprise's account page, or
 * staff's {@link StaffPasswordController}), any API call gets 403. The rule lists what is
 * allowed, so a path spelt some other way is refused, not let through.
 *
 * <p>
 * A session's login keeps the mark ({@link #AUTHORITY}) it got from the password check;
 * once the password is changed in that session the mark is gone from the database, and
 * the session's login is freed here. A temporary password that expires while its session
 * lasts ends the session. In HTTP Basic's chain, which authenticates every request by its
 * header alone, the gate never touches the session a cookie may name.
 */
final class TemporaryPasswordGate extends OncePerRequestFilter {

	static final GrantedAuthority AUTHORITY = new SimpleGrantedAuthority("TEMPORARY_PASSWORD");

	static final String TITLE = "请先修改临时密码";

	static final String DETAIL = "您正在使用县（市、区）工业和信息化局重置的临时密码登录，须先在“账户设置”（/account）中修改密码，才能使用其他功能和接口";

	static final String EXPIRED = "临时密码已超过 72 小时有效期，不能再登录。请再次联系本县（市、区）工业和信息化局核验身份后重置密码。";

	static final String STAFF_DETAIL = "您正在使用临时密码登录，须先在门户的“修改密码”（/me/password）中修改密码，才能使用其他功能和接口";

	static final String CHANGE_PAGE = "/account";

	private static final GrantedAuthority ENTERPRISE = new SimpleGrantedAuthority("ROLE_" + Roles.ENTERPRISE);

	private static final RequestMatcher ALLOWED = new OrRequestMatcher(path(HttpMethod.GET, CHANGE_PAGE),
			path(HttpMethod.POST, CHANGE_PAGE + "/password"), path(HttpMethod.GET, StaffPasswordController.PATH),
			path(HttpMethod.POST, StaffPasswordController.PATH), path(HttpMethod.POST, "/logout"), path("/login"),
			path("/css/**"), path("/js/**"), path("/images/**"), path("/webjars/**"), path("/favicon.ico"),
			path("/error"), path(FormExpiredController.PATH));

	private static final RequestMatcher API = new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"),
			path("/camunda/**"), path("/actuator/**"), request -> request.getHeader("Authorization") != null);

	private final TemporaryPasswordStore temporaryPasswords;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	/**
	 * Whether the login lives in the session (the main chain) or in this request only.
	 */
	private final boolean inSession;

	private TemporaryPasswordGate(TemporaryPasswordStore temporaryPasswords, boolean inSession) {
		this.temporaryPasswords = temporaryPasswords;
		this.inSession = inSession;
	}

	/** For the main chain, whose logins live in the session. */
	static TemporaryPasswordGate inSessions(TemporaryPasswordStore temporaryPasswords) {
		return new TemporaryPasswordGate(temporaryPasswords, true);
	}

	/** For a stateless chain, whose every request logs in anew. */
	static TemporaryPasswordGate perRequest(TemporaryPasswordStore temporaryPasswords) {
		return new TemporaryPasswordGate(temporaryPasswords, false);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		if (login == null || !login.getAuthorities().contains(AUTHORITY)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Instant> expiry = temporaryPasswords.expiryOf(login.getName());
		if (expiry.isEmpty()) {
			free(login, request, response);
			chain.doFilter(request, response);
			return;
		}
		if (!Instant.now().isBefore(expiry.get())) {
			expired(request, response);
			return;
		}
		if (ALLOWED.matches(request)) {
			chain.doFilter(request, response);
		}
		else if (API.matches(request)) {
			ApiProblems.write(response, HttpStatus.FORBIDDEN, TITLE, isEnterprise(login) ? DETAIL : STAFF_DETAIL);
		}
		else {
			response.sendRedirect(request.getContextPath() + changePage(login));
		}
	}

	/**
	 * Where the login changes its password: an enterprise on its account page, anyone
	 * else (staff, should one be given a temporary password) on theirs.
	 */
	static String changePage(Authentication login) {
		return isEnterprise(login) ? CHANGE_PAGE : StaffPasswordController.PATH;
	}

	private static boolean isEnterprise(Authentication login) {
		return login.getAuthorities().contains(ENTERPRISE);
	}

	/** The password was changed in this session: its login no longer carries the mark. */
	private void free(Authentication login, HttpServletRequest request, HttpServletResponse response) {
		List<GrantedAuthority> authorities = login.getAuthorities()
			.stream()
			.filter(a -> !AUTHORITY.equals(a))
			.map(GrantedAuthority.class::cast)
			.toList();
		UsernamePasswordAuthenticationToken freed = UsernamePasswordAuthenticationToken
			.authenticated(login.getPrincipal(), null, authorities);
		freed.setDetails(login.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(freed);
		SecurityContextHolder.setContext(context);
		if (inSession && request.getSession(false) != null) {
			sessions.saveContext(context, request, response);
		}
	}

	/** The temporary password ran out while its session lasted: the session ends too. */
	private void expired(HttpServletRequest request, HttpServletResponse response) throws IOException {
		SecurityContextHolder.clearContext();
		HttpSession session = inSession ? request.getSession(false) : null;
		if (session != null) {
			session.invalidate();
		}
		if (!inSession || API.matches(request)) {
			ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "临时密码已过期", EXPIRED);
			return;
		}
		request.getSession().setAttribute(LoginFailureHandler.MESSAGE, EXPIRED);
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

}
