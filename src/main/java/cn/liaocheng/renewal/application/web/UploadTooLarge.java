package cn.liaocheng.renewal.application.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.operations.UploadMemory;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An upload far over the limit is refused while the request is read, before any
 * controller runs: the API answers with problem details, a page goes back to where it
 * came from with the message.
 */
// Before Spring Boot's own problem-details handler, which would answer in English.
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class UploadTooLarge {

	static final String MESSAGE = "单个附件不能超过 10 MB，请压缩后重新上传";

	static final String TOTAL_MESSAGE = "一次上传的文件合计不能超过 50 MB，请分次上传，或压缩后重新上传";

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException refused, HttpServletRequest request, HttpServletResponse response) {
		String message = isOneFile(refused) ? MESSAGE : TOTAL_MESSAGE;
		// Refused while the request is read, the upload may reach here on a forward or
		// error dispatch (an unreadable body also lacks its CSRF token); the address the
		// user posted to is the original one.
		String uri = originalUri(request);
		if (uri.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, message);
			problem.setTitle("附件过大");
			problem.setProperty("errors", List.of(Map.of("field", "file", "message", message)));
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
		}
		return back(uri, message, request, response);
	}

	/**
	 * No room on this node for an upload's files now (UploadMemory): nothing was read or
	 * stored; the client may send it again shortly.
	 */
	@ExceptionHandler(UploadMemory.Busy.class)
	Object busy(UploadMemory.Busy refused, HttpServletRequest request, HttpServletResponse response) {
		String uri = originalUri(request);
		if (uri.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					refused.getMessage());
			problem.setTitle("服务器繁忙");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem);
		}
		return back(uri, refused.getMessage(), request, response);
	}

	/** Back to the page the upload came from, with the message. */
	private static String back(String uri, String message, HttpServletRequest request, HttpServletResponse response) {
		String page = uri.replaceAll("^(/enterprise/applications/\\d+).*$", "$1");
		String target;
		String attribute;
		Object shown = List.of(new FieldProblem("file", message));
		String anchor = "";
		if (uri.startsWith("/admin/models")) {
			// the administrators' model upload
			target = "/admin/models";
			attribute = "uploadRefused";
			shown = message;
		}
		else if (uri.startsWith("/verify")) {
			// the public verification page
			target = "/verify";
			attribute = "problem";
			shown = message;
		}
		else if (page.startsWith("/enterprise/applications/") && uri.startsWith(page + "/aftercare/")) {
			// the after-award forms, in their own section
			target = page;
			attribute = "aftercareProblems";
			anchor = "#aftercare";
		}
		else {
			target = page.startsWith("/enterprise/applications/") ? page : "/enterprise/applications";
			attribute = "uploadProblems";
		}
		RequestContextUtils.getOutputFlashMap(request).put(attribute, shown);
		RequestContextUtils.saveOutputFlashMap(target, request, response);
		return "redirect:" + target + anchor;
	}

	/**
	 * Whether one file was over the per-file limit, rather than all of them together over
	 * the request's (Tomcat's FileSizeLimitExceededException among the causes).
	 */
	private static boolean isOneFile(Throwable refused) {
		for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("FileSizeLimitExceededException")) {
				return true;
			}
			if (cause.getClass().getSimpleName().equals("SizeLimitExceededException")) {
				return false;
			}
		}
		return true;
	}

	private static String originalUri(HttpServletRequest request) {
		for (String attribute : new String[] { RequestDispatcher.FORWARD_REQUEST_URI,
				RequestDispatcher.ERROR_REQUEST_URI }) {
			if (request.getAttribute(attribute) instanceof String uri) {
				return uri;
			}
		}
		return request.getRequestURI();
	}

}
