package cn.liaocheng.renewal.security.internal;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * After login, back to the page that asked for it, as a path on this site. Spring
 * Security's default would redirect to the saved request's absolute URL, which it builds
 * from the request's {@code Host} header: whoever could put a foreign host there would
 * receive the freshly logged-in user. A webapp whose session expired names its page in
 * the form ({@link #NEXT}), and the place inside it ({@link #FRAGMENT}), which a task's
 * link also carries: the reviewer lands on the task they were working on or were sent,
 * not on the start page.
 */
@Component
class LoginSuccessHandler extends SimpleUrlAuthenticationSuccessHandler {

	private final RequestCache requests = new HttpSessionRequestCache();

	LoginSuccessHandler() {
		super("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getAuthorities().contains(TemporaryPasswordGate.AUTHORITY)) {
			// Logged in with a temporary password: straight to changing it.
			requests.removeRequest(request, response);
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, TemporaryPasswordGate.changePage(authentication));
			return;
		}
		SavedRequest saved = requests.getRequest(request, response);
		String next = request.getParameter(NEXT);
		if (saved == null && (next == null || next.isBlank())) {
			super.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		requests.removeRequest(request, response);
		clearAuthenticationAttributes(request);
		String target = pathOnThisSite(saved != null ? saved.getRedirectUrl() : next, request.getContextPath());
		getRedirectStrategy().sendRedirect(request, response,
				target + fragmentFor(target, request.getParameter(FRAGMENT)));
	}

	/**
	 * The login form's field naming where to go when no page asked for the login: a
	 * webapp whose session expired (Tasklist sends its reviewer to the login page with
	 * the page they were on).
	 */
	static final String NEXT = "next";

	/**
	 * The login form's field holding the place inside a webapp ({@code #/?task=…}), which
	 * the browser never sends: the login page copies it from its own address (a link to a
	 * task opened while logged out keeps it across the redirect) or from {@link #NEXT}'s.
	 */
	static final String FRAGMENT = "fragment";

	/**
	 * The Camunda webapps route by the fragment: a task, a filter, a tab. Letters, digits
	 * and the characters of a URL's query, nothing that could end an attribute or start a
	 * script; at most 2,000 of them.
	 */
	private static final Pattern WEBAPP_FRAGMENT = Pattern.compile("#/[A-Za-z0-9\\-._~!$&()*+,;=:@/?%]{0,2000}");

	private static final String WEBAPPS = "/camunda/app/";

	/**
	 * {@code fragment} where {@code target} is a webapp and the fragment one of its
	 * places; otherwise nothing.
	 */
	static String fragmentFor(String target, String fragment) {
		if (fragment == null || !target.startsWith(WEBAPPS) || !WEBAPP_FRAGMENT.matcher(fragment).matches()) {
			return "";
		}
		return fragment;
	}

	/**
	 * The path and query of {@code url} below the context path; the start page for
	 * anything odd.
	 */
	static String pathOnThisSite(String url, String contextPath) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			return "/";
		}
		String path = uri.getRawPath();
		if (path == null || !path.startsWith(contextPath)) {
			return "/";
		}
		path = path.substring(contextPath.length());
		if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
			return "/";
		}
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

}
