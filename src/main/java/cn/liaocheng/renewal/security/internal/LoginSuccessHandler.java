package cn.liaocheng.renewal.security.internal;

import java.io.IOException;
import java.net.URI;

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
 * receive the freshly logged-in user.
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
		if (saved == null) {
			super.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		requests.removeRequest(request, response);
		clearAuthenticationAttributes(request);
		getRedirectStrategy().sendRedirect(request, response,
				pathOnThisSite(saved.getRedirectUrl(), request.getContextPath()));
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
