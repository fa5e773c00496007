package cn.liaocheng.renewal.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

import cn.liaocheng.renewal.operations.RequestIds;

/**
 * RFC 9457 problem details in Chinese, written by security filters before any controller
 * is reached.
 */
final class ApiProblems {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ApiProblems() {
	}

	static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		String requestId = RequestIds.current();
		if (requestId != null) {
			problem.put("requestId", requestId);
		}
		response.setStatus(status.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

}
