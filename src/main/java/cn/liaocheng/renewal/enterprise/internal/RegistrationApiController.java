package cn.liaocheng.renewal.enterprise.internal;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.enterprise.internal.EnterpriseSignUp.Outcome;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Registration for clients that speak JSON; the same checks and messages as the
 * registration page.
 */
@RestController
@RequestMapping("/api/enterprises/registrations")
@Tag(name = "企业注册", description = "企业以统一社会信用代码注册账户，由所在县工业和信息化局激活")
class RegistrationApiController {

	static final URI INVALID = URI.create("urn:liaocheng-renewal:problem:registration-invalid");

	static final URI LIMIT_REACHED = URI.create("urn:liaocheng-renewal:problem:registration-limit-reached");

	private final EnterpriseSignUp signUp;

	private final OrganizationCatalog catalog;

	RegistrationApiController(EnterpriseSignUp signUp, OrganizationCatalog catalog) {
		this.signUp = signUp;
		this.catalog = catalog;
	}

	@PostMapping
	@Operation(summary = "注册企业账户",
			description = "账户创建后为“待激活”状态，须由所在县（市、区）工业和信息化局或系统管理员激活后方可申报。"
					+ "请求须带 CSRF 令牌（先 GET /register 取得会话 Cookie 与页面中的 _csrf，再以 X-CSRF-TOKEN 请求头提交）。")
	@ApiResponse(responseCode = "201", description = "已注册，待激活",
			content = @Content(schema = @Schema(implementation = RegisteredEnterprise.class)))
	@ApiResponse(responseCode = "400", description = "注册信息有误：errors 列出每个有误的字段（field）及说明（message）",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429", description = "今天从该网络提交的注册次数已达上限（无论成功与否均计次），未作任何检查或登记",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> register(@RequestBody RegistrationRequest request, HttpServletRequest http) {
		Outcome outcome = signUp.register(request, http.getRemoteAddr());
		if (outcome instanceof Outcome.Registered registered) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(RegisteredEnterprise.of(registered.enterprise(), catalog));
		}
		if (outcome instanceof Outcome.Throttled throttled) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, throttled.message());
			problem.setType(LIMIT_REACHED);
			problem.setTitle("注册次数已达今日上限");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(problem);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请根据各字段的提示修改后重新提交。");
		problem.setType(INVALID);
		problem.setTitle("注册信息有误");
		problem.setProperty("errors", ((Outcome.Rejected) outcome).problems());
		return ResponseEntity.badRequest().body(problem);
	}

}
