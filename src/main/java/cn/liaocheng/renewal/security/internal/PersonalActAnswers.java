package cn.liaocheng.renewal.security.internal;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.liaocheng.renewal.security.PersonalActRequired;

/**
 * An act a person signed in must make, asked with an API token, in whichever module's
 * API: 403, in Chinese, saying where it is done.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class PersonalActAnswers {

	@ExceptionHandler(PersonalActRequired.class)
	ProblemDetail personalAct(PersonalActRequired e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("API 令牌不能办理此事项");
		problem.setProperty("errors", List.of());
		return problem;
	}

}
