package cn.liaocheng.renewal.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A password check refused before it was made, for the client's network or for this node,
 * never for the id: the same answer whatever id was typed, so it tells nothing about
 * accounts. The login page shows its message; HTTP Basic answers with its status,
 * {@code Retry-After} and the message as a problem detail ({@link #answer}).
 */
final class PasswordCheckRefusal extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	/** Seconds a client is told to wait when the node's password checks are all busy. */
	static final long BUSY_RETRY_SECONDS = 5;

	private final HttpStatus status;

	private final String title;

	private final long retryAfterSeconds;

	private PasswordCheckRefusal(HttpStatus status, String title, String message, long retryAfterSeconds) {
		super(message);
		this.status = status;
		this.title = title;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * Too many ids failed from the network lately ({@link NetworkFailureBudget}); it may
	 * try again at {@code until}.
	 */
	static PasswordCheckRefusal networkHeld(Instant until, Instant now) {
		long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
		String wait = seconds <= 120 ? seconds + " 秒" : (seconds + 59) / 60 + " 分钟";
		return new PasswordCheckRefusal(HttpStatus.TOO_MANY_REQUESTS, "登录失败次数过多",
				"您所在的网络近期登录失败次数过多，为防止密码被猜测，暂停从该网络登录，请在 " + wait + "后重试（已登录的用户不受影响）", seconds);
	}

	/**
	 * Every password check this node may run at once is running ({@link HashingPermits}).
	 */
	static PasswordCheckRefusal busy() {
		return new PasswordCheckRefusal(HttpStatus.SERVICE_UNAVAILABLE, "服务器繁忙",
				"服务器正在处理较多的登录请求，请 " + BUSY_RETRY_SECONDS + " 秒后重试", BUSY_RETRY_SECONDS);
	}

	long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** The answer to an HTTP Basic request: no page to show the message on. */
	void answer(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		ApiProblems.write(response, status, title, getMessage());
	}

}
