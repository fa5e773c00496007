package cn.liaocheng.renewal.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A portal form sent with an expired or missing CSRF token (the page stood open past the
 * session's 30 minutes, or the user logged out and in in another window) is not answered
 * with a bare refusal: the user gets a page that explains it and sends what they typed
 * again with a fresh token ({@link FormExpiredController}). Nothing of the refused
 * request is acted on. API clients and Camunda's webapps get the plain 403.
 */
final class FormExpiredHandler implements AccessDeniedHandler {

	static final String KEPT_FIELDS = FormExpiredHandler.class.getName() + ".fields";

	static final String TARGET = FormExpiredHandler.class.getName() + ".target";

	static final String HAD_FILE = FormExpiredHandler.class.getName() + ".file";

	private final AccessDeniedHandler plain = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!(denied instanceof CsrfException) || !"POST".equals(request.getMethod()) || !isPortalPage(path)) {
			plain.handle(request, response, denied);
			return;
		}
		if (path.equals("/login")) {
			// A login page left open too long: nothing typed is worth keeping but the
			// user name, which is asked again.
			response.sendRedirect("login?expired");
			return;
		}
		// Another site's forged post must not come back as a ready form one click away
		// from being sent with a good token: only a form of this site is offered again.
		if (fromThisSite(request)) {
			request.setAttribute(KEPT_FIELDS, keptFields(request.getParameterMap()));
			request.setAttribute(TARGET, path);
		}
		String type = request.getContentType();
		request.setAttribute(HAD_FILE, type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		request.getRequestDispatcher(FormExpiredController.PATH).forward(request, response);
	}

	static boolean fromThisSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return site.equals("same-origin");
		}
		String origin = request.getHeader("Origin");
		String host = request.getHeader("Host");
		return origin != null && host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
	}

	private static boolean isPortalPage(String path) {
		return path.startsWith("/") && !path.startsWith("/api/") && !path.startsWith("/camunda/")
				&& !path.startsWith("/engine-rest/") && !path.startsWith("/actuator/") && !path.contains("..");
	}

	/**
	 * What the user typed, but no token and no password: a password is typed again, never
	 * echoed into a page.
	 */
	static List<Field> keptFields(Map<String, String[]> parameters) {
		List<Field> fields = new ArrayList<>();
		parameters.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!name.equals("_csrf") && !lower.contains("password")) {
				for (String value : values) {
					fields.add(new Field(name, value));
				}
			}
		});
		return fields;
	}

	/** One submitted form field. */
	record Field(String name, String value) {

		/** As the page lists it; {@code null} for the form's machinery, not listed. */
		public String label() {
			return KeptFieldLabels.label(name);
		}

		/** The value in words. */
		public String shown() {
			return KeptFieldLabels.shown(value);
		}

	}

}
