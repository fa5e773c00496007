package cn.liaocheng.renewal.enterprise.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The activation page's JSON twin, for county industry bureaus and administrators. */
@RestController
@RequestMapping("/api/county/enterprises")
@Tag(name = "企业账户激活", description = "县（市、区）工业和信息化局激活或停用本辖区企业账户；管理员可管理全部")
class CountyEnterpriseApiController {

	private final CountyEnterprises enterprises;

	CountyEnterpriseApiController(CountyEnterprises enterprises) {
		this.enterprises = enterprises;
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
	@Operation(summary = "停用企业账户", description = "停用后企业仍可登录查看，但不能提交申请")
	EnterpriseListing disable(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return enterprises.disable(user, id).enterprise();
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "驳回企业注册",
			description = "只能驳回尚未激活的注册（如冒用他人名义注册）：账户及其登录随即关闭，统一社会信用代码可重新注册；" + "须填写驳回原因（4 至 300 字）。已激活的账户请停用")
	EnterpriseListing reject(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody Rejection body) {
		return enterprises.reject(user, id, body.reason()).enterprise();
	}

	/** The reason of a rejection, told to the enterprise if it registers again. */
	record Rejection(@Schema(description = "驳回原因，4 至 300 字") String reason) {
	}

	@ExceptionHandler(AccountChangeRefused.class)
	ProblemDetail changeRefused(AccountChangeRefused e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				e.kind() == AccountChangeRefused.Kind.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT,
				e.getMessage());
		problem.setTitle(e.title());
		return problem;
	}

	@ExceptionHandler(OutsideJurisdictionException.class)
	ProblemDetail outsideJurisdiction(OutsideJurisdictionException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("无权管理该企业账户");
		return problem;
	}

}
