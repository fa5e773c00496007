package cn.liaocheng.renewal.operations;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The JSON problem answers the modules' REST APIs share (RFC 9457, in Chinese), each with
 * an {@code errors} list that is empty where no field is to blame.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("errors", List.of());
		return problem;
	}

	/** A body that is not JSON, or a field of the wrong type. */
	public static ProblemDetail unreadableJson() {
		return of(HttpStatus.BAD_REQUEST, "请求格式错误", "请求内容不是有效的 JSON 或字段类型不正确");
	}

	/** An application the caller may not see answers as one that does not exist. */
	public static ProblemDetail applicationNotFound() {
		return of(HttpStatus.NOT_FOUND, "申报不存在", "申报不存在");
	}

}
