package cn.liaocheng.renewal.ledger.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.liaocheng.renewal.ledger.internal.LedgerException;
import cn.liaocheng.renewal.operations.Problems;

/** RFC 7807 answers of the ledger API, in Chinese. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = LedgerApiController.class)
class LedgerProblems {

	static HttpStatus status(LedgerException e) {
		return switch (e.reason()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CONFLICT -> HttpStatus.CONFLICT;
		};
	}

	@ExceptionHandler(LedgerException.class)
	ProblemDetail refused(LedgerException e) {
		String title = switch (e.reason()) {
			case NOT_FOUND -> "贷款不存在";
			case FORBIDDEN -> "无权办理该操作";
			case INVALID -> "请求内容有误";
			case CONFLICT -> "当前不能办理该操作";
		};
		return Problems.refused(status(e), title, e.getMessage(), e.field());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		return Problems.unreadableJson(e);
	}

}
