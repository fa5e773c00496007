package cn.liaocheng.renewal.application.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.operations.Problems;

/**
 * RFC 7807 answers of the applications API, in Chinese, naming each field that is wrong.
 */
// Before Spring Boot's own problem-details handler, which would answer in English.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = ApplicationApiController.class)
class ApplicationProblems {

	@ExceptionHandler(DossierInvalidException.class)
	ProblemDetail invalid(DossierInvalidException e) {
		return Problems.invalid("invalid-dossier", "申报材料未通过校验", e.getMessage(), e.problems());
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	ProblemDetail notFound(ApplicationNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "申报不存在", e.getMessage());
	}

	@ExceptionHandler(ApplicationStateException.class)
	ProblemDetail conflict(ApplicationStateException e) {
		return Problems.of(HttpStatus.CONFLICT, "当前状态不允许该操作", e.getMessage());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingRequestHeaderException.class, MissingServletRequestPartException.class })
	ProblemDetail unreadable(Exception e) {
		return Problems.unreadable(e);
	}

}
