package cn.liaocheng.renewal.enterprise.internal;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One enterprise account as a county industry bureau sees it, with who activated (or
 * rejected) it and when (Beijing time), and the move it declared from the county that
 * issued its credit code, if any.
 */
@Schema(description = "企业账户（县级激活视图）")
record EnterpriseListing(long id, String creditCode, String name, String divisionCode, String divisionName,
		String industry, String contactName, String contactPhone, String userId,
		@Schema(description = "PENDING 待激活 / ACTIVE 已激活 / DISABLED 已停用 / REJECTED 已驳回") String status,
		String statusLabel, OffsetDateTime createdAt, OffsetDateTime activatedAt, String activatedBy,
		OffsetDateTime rejectedAt, String rejectedBy, @Schema(description = "驳回原因") String rejection,
		@Schema(description = "停用时间（已停用的账户）") OffsetDateTime disabledAt,
		@Schema(description = "停用人（已停用的账户）") String disabledBy,
		@Schema(description = "停用原因（已停用的账户；早于记录原因的停用为空）") String disabledReason,
		@Schema(description = "企业注册时声明已从信用代码登记地迁入本县的，为登记地代码（信用代码第 3–8 位）；否则为空",
				example = "371502") String movedFromDivision,
		@Schema(description = "登记地名称", example = "东昌府区") String movedFromDivisionName,
		@Schema(description = "给激活人的提示，如“信用代码登记地为东昌府区，企业声明已迁入本县：激活前请核验营业执照住所”；无迁入声明的为空") String relocationNote) {
}
