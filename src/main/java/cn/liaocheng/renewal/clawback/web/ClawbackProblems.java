package cn.liaocheng.renewal.clawback.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.clawback.internal.ClawbackRefused;
import cn.liaocheng.renewal.operations.Problems;

/** RFC 7807 answers of the clawback and negative-list APIs, in Chinese. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { ClawbackApiController.class, NegativeListApiController.class })
class ClawbackProblems {

	@ExceptionHandler(ClawbackRefused.class)
	ProblemDetail refused(ClawbackRefused e) {
		HttpStatus status = switch (e.reason()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CHANGED -> HttpStatus.CONFLICT;
		};
		String title = switch (e.reason()) {
			case NOT_FOUND -> "记录不存在";
			case FORBIDDEN -> "无权办理";
			case INVALID -> "请求内容有误";
			case CHANGED -> "当前不能办理";
		};
		return Problems.refused(status, title, e.getMessage(), e.field());
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	ProblemDetail notFound(ApplicationNotFoundException e) {
		return Problems.applicationNotFound();
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		return Problems.unreadableJson(e);
	}

}
