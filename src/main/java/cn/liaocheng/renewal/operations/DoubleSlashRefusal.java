package cn.liaocheng.renewal.operations;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers an address with an empty step ({@code //}) with 400 before any other filter
 * reads it, as Spring Security's firewall answers it further in. Where the double slash
 * stands inside a servlet's own prefix ({@code /camunda/api//engine/...},
 * {@code /camunda//api/...}) the container still finds the servlet, but Spring's path
 * parsing, which runs before the firewall, fails on the address and the caller got a 500.
 * The answer is the application's error document (400, “请求有误”, with the request id), also
 * for a multipart request: the failure is named on the request, so that its error page
 * does not try to read the parts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DoubleSlashRefusal extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().contains("//")) {
			request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
					new RequestRejectedException("The request address contains an empty step (//)"));
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

}
