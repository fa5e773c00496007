package cn.liaocheng.renewal.enterprise.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** What is wrong with one field of a request, in words the user understands. */
@Schema(description = "字段错误")
record FieldProblem(@Schema(description = "字段名", example = "creditCode") String field,
		@Schema(description = "错误说明", example = "该统一社会信用代码已注册") String message) {

	static final String CREDIT_CODE_TAKEN = "该统一社会信用代码已注册";

	static final String USER_ID_TAKEN = "该登录用户名已被使用，请换一个";

}
