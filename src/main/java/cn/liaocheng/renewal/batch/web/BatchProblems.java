package cn.liaocheng.renewal.batch.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import cn.liaocheng.renewal.batch.WindowConflictException;
import cn.liaocheng.renewal.batch.WindowInvalidException;
import cn.liaocheng.renewal.batch.WindowNotFoundException;
import cn.liaocheng.renewal.operations.Problems;

/** RFC 7807 answers of the batches and library API, in Chinese. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { WindowApiController.class, LibraryApiController.class })
class BatchProblems {

	@ExceptionHandler(WindowInvalidException.class)
	ProblemDetail invalid(WindowInvalidException e) {
		return Problems.invalid("invalid-window", "申报批次未通过校验", e.getMessage(), e.problems());
	}

	@ExceptionHandler(WindowNotFoundException.class)
	ProblemDetail notFound(WindowNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "申报批次不存在", e.getMessage());
	}

	@ExceptionHandler(WindowConflictException.class)
	ProblemDetail conflict(WindowConflictException e) {
		return Problems.of(HttpStatus.CONFLICT, "当前状态不允许该操作", e.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException e) {
		return Problems.of(HttpStatus.FORBIDDEN, "无权访问", e.getMessage());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ProblemDetail unreadable(Exception e) {
		return Problems.unreadable(e);
	}

}
