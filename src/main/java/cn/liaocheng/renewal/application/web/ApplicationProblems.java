package cn.liaocheng.renewal.application.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

/**
 * RFC 7807 answers of the applications API, in Chinese, naming each field that is wrong.
 */
// Before Spring Boot's own problem-details handler, which would answer in English.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = ApplicationApiController.class)
class ApplicationProblems {

	@ExceptionHandler(DossierInvalidException.class)
	ProblemDetail invalid(DossierInvalidException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("申报材料未通过校验");
		problem.setType(URI.create("urn:renewal:problem:invalid-dossier"));
		problem.setProperty("errors",
				e.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return problem;
	}

	@ExceptionHandler(ApplicationNotFoundException.class)
	ProblemDetail notFound(ApplicationNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("申报不存在");
		return problem;
	}

	@ExceptionHandler(ApplicationStateException.class)
	ProblemDetail conflict(ApplicationStateException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("当前状态不允许该操作");
		return problem;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingRequestHeaderException.class, MissingServletRequestPartException.class })
	ProblemDetail unreadable(Exception e) {
		String detail = "请求内容不是有效的 JSON 或字段类型不正确";
		if (e instanceof MissingRequestHeaderException m) {
			detail = "缺少请求头 " + m.getHeaderName();
		}
		else if (e instanceof MissingServletRequestPartException m) {
			detail = "缺少上传文件（字段 " + m.getRequestPartName() + "）";
		}
		else if (e instanceof MethodArgumentTypeMismatchException m) {
			detail = "参数 " + m.getName() + " 的值无效";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("请求格式错误");
		problem.setProperty("errors", List.of());
		return problem;
	}

}
