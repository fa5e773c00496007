package cn.liaocheng.renewal.review.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.operations.Problems;
import cn.liaocheng.renewal.review.tasks.HandOverException;

/**
 * RFC 7807 answers of the approval operations, in Chinese; the same statuses for every
 * operation.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { TaskHandOverController.class, TaskOperationController.class,
		EnterpriseUrgeController.class, CaseCopyAndPhraseController.class, TaskListController.class })
class OperationProblems {

	@ExceptionHandler(HandOverException.class)
	ProblemDetail refused(HandOverException e) {
		HttpStatus status = switch (e.reason()) {
			case UNKNOWN_TASK -> HttpStatus.NOT_FOUND;
			case NOT_HOLDER -> HttpStatus.FORBIDDEN;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case CHANGED -> HttpStatus.CONFLICT;
			case TOO_OFTEN -> HttpStatus.TOO_MANY_REQUESTS;
		};
		String title = switch (e.reason()) {
			case UNKNOWN_TASK -> "任务不存在";
			case NOT_HOLDER -> "无权办理该操作";
			case INVALID -> "请求内容有误";
			case CHANGED -> "当前不能办理该操作";
			case TOO_OFTEN -> "操作过于频繁";
		};
		ProblemDetail problem = Problems.refused(status, title, e.getMessage(), e.field());
		problem.setType(URI.create("urn:renewal:problem:task-operation"));
		return problem;
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
