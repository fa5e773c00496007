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
					+ "统一社会信用代码在企业迁址后不变：登记地（第 3–8 位）为聊城市另一县（市、区）的企业，确已迁入所选县的，"
					+ "以 movedInto 确认（值同 divisionCode），该声明随注册记录，所选县工业和信息化局激活前核验营业执照住所。"
					+ "请求须带 CSRF 令牌（先 GET /register 取得会话 Cookie 与页面中的 _csrf，再以 X-CSRF-TOKEN 请求头提交）。")
	@ApiResponse(responseCode = "201", description = "已注册，待激活",
			content = @Content(schema = @Schema(implementation = RegisteredEnterprise.class)))
	@ApiResponse(responseCode = "400",
			description = "注册信息有误：errors 列出每个有误的字段（field）及说明（message）。统一社会信用代码登记地（第 3–8 位）是聊城市另一县（市、区）、"
					+ "与 divisionCode 不一致的，divisionCode 报错，并以 relocation 说明须确认的迁入：企业确已迁入所选县的，"
					+ "加上 movedInto（所选县代码）重新提交即注册在所选县，由该县激活前核验营业执照住所",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429", description = "今天从该网络提交的注册次数已达上限（无论成功与否均计次），未作任何检查或登记",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> register(@RequestBody RegistrationRequest request, HttpServletRequest http) {
		Outcome outcome = signUp.register(request, http.getRemoteAddr());
		if (outcome instanceof Outcome.Registered registered) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(RegisteredEnterprise.of(registered.enterprise(), catalog, registered.moved()));
		}
		if (outcome instanceof Outcome.Throttled throttled) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, throttled.message());
			problem.setType(LIMIT_REACHED);
			problem.setTitle("注册次数已达今日上限");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(problem);
		}
		Outcome.Rejected rejected = (Outcome.Rejected) outcome;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请根据各字段的提示修改后重新提交。");
		problem.setType(INVALID);
		problem.setTitle("注册信息有误");
		problem.setProperty("errors", rejected.problems());
		if (rejected.asksAboutMove()) {
			Relocation move = rejected.relocation();
			problem.setDetail("统一社会信用代码登记地为" + move.issuerName() + "，与所选的" + move.chosenName() + "不一致。如企业确已从"
					+ move.issuerName() + "迁入" + move.chosenName() + "（营业执照住所在" + move.chosenName()
					+ "），请在请求中加上 \"movedInto\": \"" + move.chosen() + "\" 后重新提交，" + move.chosenBureau()
					+ "激活前将核验营业执照住所；否则请核对所在县（市、区）或信用代码。其他字段请根据提示修改。");
			problem.setProperty("relocation", new MoveQuestion(move.issuedIn(), move.issuerName(), move.chosen(),
					move.chosenName(), move.declaration(), move.consequence()));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * The move a registration must confirm, in the problem of a code issued in another of
	 * Liaocheng's counties than the chosen one.
	 */
	@Schema(description = "信用代码登记地与所选县不一致时须确认的迁入：确认即在请求中加上 movedInto（值为 movedInto 字段）")
	record MoveQuestion(@Schema(description = "信用代码第 3–8 位所示的登记地", example = "371502") String issuedIn,
			@Schema(example = "东昌府区") String issuedInName,
			@Schema(description = "确认迁入时 movedInto 的值，即所选县（市、区）代码", example = "371503") String movedInto,
			@Schema(example = "茌平区") String movedIntoName, @Schema(description = "企业所确认的声明") String declaration,
			@Schema(description = "确认后如何办理") String consequence) {
	}

}
