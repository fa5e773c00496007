package cn.liaocheng.renewal.batch.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

/** RFC 7807 answers of the batches and library API, in Chinese. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { WindowApiController.class, LibraryApiController.class })
class BatchProblems {

	@ExceptionHandler(WindowInvalidException.class)
	ProblemDetail invalid(WindowInvalidException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("申报批次未通过校验");
		problem.setType(URI.create("urn:renewal:problem:invalid-window"));
		problem.setProperty("errors",
				e.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return problem;
	}

	@ExceptionHandler(WindowNotFoundException.class)
	ProblemDetail notFound(WindowNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("申报批次不存在");
		return problem;
	}

	@ExceptionHandler(WindowConflictException.class)
	ProblemDetail conflict(WindowConflictException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("当前状态不允许该操作");
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("无权访问");
		return problem;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ProblemDetail unreadable(Exception e) {
		String detail = e instanceof MethodArgumentTypeMismatchException m ? "参数 " + m.getName() + " 的值无效"
				: e instanceof MissingServletRequestParameterException m ? "缺少参数 " + m.getParameterName()
						: "请求内容不是有效的 JSON 或字段类型不正确";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("请求格式错误");
		problem.setProperty("errors", List.of());
		return problem;
	}

}
