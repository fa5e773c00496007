package cn.liaocheng.renewal.security.internal;

import java.io.IOException;

import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends a failed login back to the login page with a Chinese message; a lock-out (of the
 * id, or of the whole network: {@link PasswordCheckRefusal}) says how long it lasts, an
 * expired temporary password whom to ask for a new one.
 */
@Component
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	static final String MESSAGE = "LOGIN_ERROR_MESSAGE";

	LoginFailureHandler() {
		super("/login?error");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String message = exception instanceof LockedException || exception instanceof CredentialsExpiredException
				|| exception instanceof PasswordCheckRefusal ? exception.getMessage() : "用户名或密码错误，请重新输入。";
		request.getSession().setAttribute(MESSAGE, message);
		getRedirectStrategy().sendRedirect(request, response, "/login?error");
	}

}
