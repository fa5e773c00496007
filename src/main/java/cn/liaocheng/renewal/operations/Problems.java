package cn.liaocheng.renewal.operations;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The JSON problem answers the modules' REST APIs share (RFC 9457, in Chinese), each with
 * an {@code errors} list of the fields to blame ({@code field}, {@code message}), empty
 * where no field is.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String title, String detail) {
		return of(status, title, detail, List.of());
	}

	/**
	 * {@code errors}: objects that serialise as {@code {"field": …, "message": …}}, such
	 * as the modules' field problems.
	 */
	public static ProblemDetail of(HttpStatus status, String title, String detail, List<?> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * Input that did not pass the fields' rules: 400 with a type a client can recognise,
	 * {@code urn:renewal:problem:<type>}.
	 */
	public static ProblemDetail invalid(String type, String title, String detail, List<?> errors) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, title, detail, errors);
		problem.setType(URI.create("urn:renewal:problem:" + type));
		return problem;
	}

	/** An operation refused, naming the field to blame where there is one. */
	public static ProblemDetail refused(HttpStatus status, String title, String detail, @Nullable String field) {
		return of(status, title, detail,
				field == null ? List.of() : List.of(Map.of("field", field, "message", detail)));
	}

	/** A body that is not JSON, or a field of the wrong type. */
	public static ProblemDetail unreadableJson() {
		return of(HttpStatus.BAD_REQUEST, "请求格式错误", "请求内容不是有效的 JSON 或字段类型不正确");
	}

	/**
	 * A body Spring could not read: one with a field a whole record does not have
	 * ({@link WholeRecord}) names it, so a misspelt field is not silently dropped (an
	 * {@code equipments} list would leave the draft's equipment empty); anything else as
	 * {@link #unreadableJson()}.
	 */
	public static ProblemDetail unreadableJson(Exception e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof UnrecognizedPropertyException unknown) {
				String field = path(unknown);
				String detail = "请求包含不认识的字段：" + field + "（请核对字段名称）";
				return invalid("unknown-field", "请求格式错误", detail, List.of(Map.of("field", field, "message", detail)));
			}
		}
		return unreadableJson();
	}

	/** Where in the body: {@code equipment[2].unitPrise}. */
	private static String path(JsonMappingException e) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference r : e.getPath()) {
			if (r.getFieldName() != null) {
				path.append(path.length() > 0 ? "." : "").append(r.getFieldName());
			}
			else if (r.getIndex() >= 0) {
				path.append('[').append(r.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? String.valueOf(((UnrecognizedPropertyException) e).getPropertyName()) : path.toString();
	}

	/**
	 * A request Spring could not read: a missing header, parameter or file names what is
	 * missing, a parameter of the wrong type names the parameter, anything else is taken
	 * for a body that is not JSON.
	 */
	public static ProblemDetail unreadable(Exception e) {
		String detail;
		if (e instanceof MissingRequestHeaderException m) {
			detail = "缺少请求头 " + m.getHeaderName();
		}
		else if (e instanceof MissingServletRequestPartException m) {
			detail = "缺少上传文件（字段 " + m.getRequestPartName() + "）";
		}
		else if (e instanceof MissingServletRequestParameterException m) {
			detail = "缺少参数 " + m.getParameterName();
		}
		else if (e instanceof MethodArgumentTypeMismatchException m) {
			detail = "参数 " + m.getName() + " 的值无效";
		}
		else {
			return unreadableJson(e);
		}
		return of(HttpStatus.BAD_REQUEST, "请求格式错误", detail);
	}

	/** An application the caller may not see answers as one that does not exist. */
	public static ProblemDetail applicationNotFound() {
		return of(HttpStatus.NOT_FOUND, "申报不存在", "申报不存在");
	}

}
