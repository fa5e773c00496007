package cn.liaocheng.renewal.portal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.servlet.error.AbstractErrorController;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every failure that reaches the container's error page: a Chinese page for browsers,
 * Chinese problem details ({@code application/problem+json}) for everyone else, both with
 * the request id that is in the log lines of the request. Spring MVC's own refusals
 * (unknown address, wrong method, missing parameter) come here too, because problem
 * details in English from Spring are switched off
 * ({@code spring.mvc.problemdetails.enabled}).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends AbstractErrorController {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErrorPages.class);

	private final ErrorAttributes errorAttributes;

	ErrorPages(ErrorAttributes errorAttributes) {
		super(errorAttributes);
		this.errorAttributes = errorAttributes;
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		ErrorTexts texts = texts(request, status);
		Map<String, Object> model = new HashMap<>();
		model.put("status", status.value());
		model.put("title", texts.title());
		model.put("detail", texts.detail());
		model.put("requestId", requestId(request));
		return new ModelAndView("error/page", model, status);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return ResponseEntity.noContent().build();
		}
		ErrorTexts texts = texts(request, status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts.detail());
		problem.setTitle(texts.title());
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path instanceof String uri) {
			problem.setInstance(URI.create(uri.replaceAll("[^\\w/.~-]", "")));
		}
		Object id = requestId(request);
		if (id != null) {
			problem.setProperty("requestId", id);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private ErrorTexts texts(HttpServletRequest request, HttpStatus status) {
		Throwable failure = errorAttributes.getError(new ServletWebRequest(request));
		if (failure == null && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof Throwable denied) {
			failure = denied;
		}
		// One line per answered failure, with the request id (MDC) the page shows; the
		// exception, if any, is logged where it was thrown.
		LOG.info("Answered {} for {} {}{}", status.value(), request.getMethod(),
				String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)),
				failure == null ? "" : " (" + failure.getClass().getSimpleName() + ")");
		return ErrorTexts.of(status.value(), failure);
	}

	private Object requestId(HttpServletRequest request) {
		return getErrorAttributes(request, ErrorAttributeOptions.defaults()).get("requestId");
	}

}
