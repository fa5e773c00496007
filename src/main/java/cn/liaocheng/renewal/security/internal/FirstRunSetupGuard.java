package cn.liaocheng.renewal.security.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Closes CVE-2026-77226: Camunda Admin's first-run setup endpoint creates an
 * administrator without any login whenever the {@code camunda-admin} group has no direct
 * members. This system never needs it (administrators are created from configuration, see
 * {@code AdministratorBootstrap}), so every request to it is refused, whoever sends it.
 */
class FirstRunSetupGuard extends OncePerRequestFilter {

	static final String SETUP_PATH = "/camunda/api/admin/setup/";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !pathWithinApplication(request).toLowerCase(Locale.ROOT).startsWith(SETUP_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"初始化管理员功能已停用，管理员账户由系统配置创建。\"}");
	}

	/**
	 * The path without context path, with {@code //} and {@code ;params} normalised so
	 * they cannot dodge the check.
	 */
	static String pathWithinApplication(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		if (context != null && !context.isEmpty() && uri.startsWith(context)) {
			uri = uri.substring(context.length());
		}
		uri = uri.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
		return URLDecoder.decode(uri, StandardCharsets.UTF_8);
	}

}
