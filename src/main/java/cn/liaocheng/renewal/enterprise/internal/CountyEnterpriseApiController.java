package cn.liaocheng.renewal.enterprise.internal;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liaocheng.renewal.operations.Problems;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The activation page's JSON twin, for county industry bureaus and administrators; the
 * password reset is the bureaus' alone.
 */
@RestController
@RequestMapping("/api/county/enterprises")
@Tag(name = "企业账户激活", description = "县（市、区）工业和信息化局激活或停用本辖区企业账户、为忘记密码的企业重置密码；管理员可激活或停用全部")
class CountyEnterpriseApiController {

	private final CountyEnterprises enterprises;

	private final EnterprisePasswordResets resets;

	CountyEnterpriseApiController(CountyEnterprises enterprises, EnterprisePasswordResets resets) {
		this.enterprises = enterprises;
		this.resets = resets;
	}

	@GetMapping
	@Operation(summary = "本辖区企业账户（待激活在前）")
	List<EnterpriseListing> list(@AuthenticationPrincipal PortalUser user,
			@Parameter(description = "只看某县（市、区）/开发区，如 371525") @RequestParam Optional<String> division) {
		return enterprises.visibleTo(user, division.filter(d -> !d.isBlank()));
	}

	@PostMapping("/{id}/activate")
	@Operation(summary = "激活企业账户", description = "记录激活人和激活时间；已激活的账户保持原激活记录。已驳回的注册不能激活；系统管理员停用的账户只能由系统管理员恢复（409）")
	EnterpriseListing activate(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return enterprises.activate(user, id).enterprise();
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "停用企业账户", description = "停用后企业仍可登录查看，但不能提交申请；须填写停用原因（4 至 300 字），系统告知企业")
	EnterpriseListing disable(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody(required = false) Disabling body) {
		return enterprises.disable(user, id, body == null ? null : body.reason()).enterprise();
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "驳回企业注册",
			description = "只能驳回尚未激活的注册（如冒用他人名义注册）：账户及其登录随即关闭，统一社会信用代码可重新注册；" + "须填写驳回原因（4 至 300 字）。已激活的账户请停用")
	EnterpriseListing reject(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody Rejection body) {
		return enterprises.reject(user, id, body.reason()).enterprise();
	}

	@PostMapping("/{id}/password-reset")
	@Operation(summary = "重置企业账户密码",
			description = "仅本县（市、区）工业和信息化局工作人员及负责人可用，且仅限本辖区企业账户。须填写身份核验情况（verification，4 至 200 字）。"
					+ "返回的临时密码只出现这一次，72 小时内有效，企业登录后须先修改密码；其他字段一律拒绝（400）")
	PasswordResetAnswer resetPassword(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, "请求格式错误", "请求内容应为 JSON 对象");
		}
		for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!VERIFICATION.equals(name)) {
				throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, "请求格式错误",
						"不接受字段“" + name + "”；可用字段：" + VERIFICATION);
			}
		}
		JsonNode verification = body.path(VERIFICATION);
		if (!verification.isMissingNode() && !verification.isNull() && !verification.isTextual()) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, "请求格式错误", "字段“verification”应为文本");
		}
		EnterprisePasswordResets.Reset reset = resets.reset(user, id,
				verification.isTextual() ? verification.asText() : "");
		return new PasswordResetAnswer(reset.enterpriseId(), reset.enterpriseName(), reset.userId(),
				reset.temporaryPassword(), reset.expiresAt(), reset.sentTo());
	}

	private static final String VERIFICATION = "verification";

	/** A reset's answer: the temporary password, shown this once. */
	record PasswordResetAnswer(long enterpriseId, String enterpriseName, String userId,
			@Schema(description = "临时密码，只返回这一次；请当面或电话告知经办人。已用短信直接发给企业的，为空") String temporaryPassword,
			@Schema(description = "临时密码失效时间（北京时间）") OffsetDateTime expiresAt,
			@Schema(description = "配置了短信网关时，临时密码已直接发送到的企业联系人手机号（部分隐去）；未发送的为空") String sentTo) {

		@Override
		public String toString() {
			return "PasswordResetAnswer[enterprise=" + enterpriseId + ", user=" + userId + "]";
		}

	}

	/** The reason of a rejection, told to the enterprise if it registers again. */
	record Rejection(@Schema(description = "驳回原因，4 至 300 字") String reason) {
	}

	record Disabling(@Schema(description = "停用原因，4 至 300 字；系统告知企业") String reason) {
	}

	@ExceptionHandler(AccountChangeRefused.class)
	ProblemDetail changeRefused(AccountChangeRefused e) {
		HttpStatus status = switch (e.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case STATE -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
		problem.setTitle(e.title());
		return problem;
	}

	@ExceptionHandler(EnterpriseNotFoundException.class)
	ProblemDetail notFound(EnterpriseNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("企业账户不存在");
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		return Problems.unreadableJson(e);
	}

	@ExceptionHandler(OutsideJurisdictionException.class)
	ProblemDetail outsideJurisdiction(OutsideJurisdictionException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("无权管理该企业账户");
		return problem;
	}

}
