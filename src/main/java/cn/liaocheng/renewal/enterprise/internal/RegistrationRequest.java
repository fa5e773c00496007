package cn.liaocheng.renewal.enterprise.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an enterprise fills in to register, from the form or the JSON API; every field as
 * typed.
 */
@Schema(description = "企业注册信息")
record RegistrationRequest(
		@Schema(description = "统一社会信用代码（18 位，GB 32100 校验）", example = "91371525MA3CB7K21F") String creditCode,
		@Schema(description = "企业名称") String name,
		@Schema(description = "所在县（市、区）/开发区代码，如 371525（冠县）", example = "371525") String divisionCode,
		@Schema(description = "所属行业") String industry, @Schema(description = "联系人") String contactName,
		@Schema(description = "联系电话：手机号或固定电话", example = "0635-8123456") String contactPhone,
		@Schema(description = "电子邮箱（选填）：审核进展、退回补正和决定书的通知也发到这里", example = "caiwu@example.com") String email,
		@Schema(description = "登录用户名", example = "gx-zhoucheng") String userId,
		@Schema(description = "密码：至少 10 位，含大写字母、小写字母、数字和特殊字符，不得包含用户名") String password,
		@Schema(description = "确认密码") String confirmPassword,
		@Schema(description = "企业声明已从信用代码登记地（代码第 3–8 位所示的县）迁入的县（市、区）代码，须与 divisionCode 相同，"
				+ "表示营业执照住所已在所选县、由所选县激活前核验；只在登记地是聊城市另一县（市、区）时需要，其他情况忽略", example = "371503") String movedInto) {

	static RegistrationRequest empty() {
		return new RegistrationRequest("", "", "", "", "", "", "", "", "", "", "");
	}

	/** The same request without the passwords, to fill the form in again. */
	RegistrationRequest withoutPasswords() {
		return new RegistrationRequest(creditCode, name, divisionCode, industry, contactName, contactPhone, email,
				userId, "", "", movedInto);
	}

}
