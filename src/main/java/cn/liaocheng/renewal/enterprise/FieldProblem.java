package cn.liaocheng.renewal.enterprise;

import java.io.Serializable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing wrong with what a user submitted (a registration, a dossier, an upload): the
 * field, as the form and the JSON name it, and what is wrong in words the user
 * understands. It lives here, in the module every form of the portal can see, so that all
 * of them answer alike. Serializable because the portal carries problems across a
 * redirect in flash attributes, which live in the JDBC-backed session.
 */
@Schema(description = "字段错误")
public record FieldProblem(@Schema(description = "字段名", example = "creditCode") String field,
		@Schema(description = "错误说明", example = "该统一社会信用代码已注册") String message) implements Serializable {
}
