package cn.liaocheng.renewal.security.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Personal API tokens through the API, for an enterprise logged in with its password
 * (session or HTTP Basic); a request with a token never reaches it
 * ({@link ApiTokenSecurity}).
 */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API 令牌", description = "企业账户的个人 API 令牌：新建、查看、撤销。只能用密码登录（会话或 HTTP Basic）后管理，不能用令牌管理令牌")
class ApiTokenApiController {

	private final ApiTokens tokens;

	ApiTokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Schema(description = "新建令牌")
	record NewToken(@Schema(description = "令牌名称，1–50 个字", example = "财务系统对接") String name,
			@Schema(description = "有效期至（年-月-日，含当天，北京时间），最长 3 年；不填则长期有效，直到撤销") LocalDate expiresOn) {
	}

	@Schema(description = "一个令牌（令牌本身只在新建时返回一次）")
	record TokenJson(long id, String name, @Schema(description = "令牌开头几位，用于辨认") String hint, Instant createdAt,
			Instant expiresAt, Instant lastUsedAt, boolean expired) {

		static TokenJson of(ApiTokens.TokenView v) {
			return new TokenJson(v.id(), v.name(), v.hint(), v.createdAt(), v.expiresAt(), v.lastUsedAt(), v.expired());
		}

	}

	@Schema(description = "新建的令牌：token 只返回这一次，请立即妥善保存")
	record IssuedJson(String token, TokenJson details) {
	}

	@GetMapping
	@Operation(summary = "本账户未撤销的令牌（含已过期的）")
	List<TokenJson> list(@AuthenticationPrincipal PortalUser user) {
		return tokens.list(user.userId()).stream().map(TokenJson::of).toList();
	}

	@PostMapping
	@Operation(summary = "新建令牌", description = "令牌只在本次响应中出现一次，系统只保存其 SHA-256 摘要；每个账户最多 " + ApiTokens.CAP + " 个有效令牌")
	ResponseEntity<IssuedJson> create(@AuthenticationPrincipal PortalUser user, @RequestBody NewToken request) {
		ApiTokens.Issued issued = tokens.create(user, request.name(), request.expiresOn());
		return ResponseEntity.created(URI.create("/api/tokens/" + issued.view().id()))
			.header("Cache-Control", "no-store")
			.body(new IssuedJson(issued.token(), TokenJson.of(issued.view())));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "撤销令牌（立即生效）", description = "幂等性：已撤销或不存在的令牌返回 404")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return tokens.revoke(user, id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"请求内容须为 JSON，例如 {\"name\": \"财务系统对接\", \"expiresOn\": \"年-月-日\"}；有效期可不填");
		problem.setTitle("请求格式错误");
		return problem;
	}

	@ExceptionHandler(ApiTokens.RefusedException.class)
	ProblemDetail refused(ApiTokens.RefusedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
		problem.setTitle("无法办理 API 令牌");
		return problem;
	}

}
