package cn.liaocheng.renewal.enterprise.internal;

import java.io.Serializable;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * A registered enterprise as the applicant sees it, with the bureau that must activate
 * it.
 */
@Schema(description = "已注册的企业")
record RegisteredEnterprise(long id, String creditCode, String name, String divisionCode, String divisionName,
		String industry, String contactName, String contactPhone, String userId, String status, String statusLabel,
		@Schema(description = "负责激活账户的县级工业和信息化部门") String activatingBureau,
		@Schema(description = "该部门的咨询电话") String activatingBureauPhone,
		@Schema(description = "企业声明已从信用代码登记地迁入所在县的，为登记地县（市、区）名称（激活前核验营业执照住所）；否则为空", example = "东昌府区") String movedFrom)
		implements
			Serializable {

	/**
	 * @param moved the move the enterprise declared on registering; null for none
	 */
	static RegisteredEnterprise of(Enterprise e, OrganizationCatalog catalog, Relocation moved) {
		Division division = catalog.division(e.divisionCode()).orElse(null);
		String divisionName = division == null ? e.divisionCode() : division.name();
		String bureau = catalog.departments()
			.stream()
			.filter(d -> d.key().equals(Jurisdiction.INDUSTRY) && d.hasCountyCounterpart() && division != null)
			.map(d -> d.nameIn(division))
			.findFirst()
			.orElse(divisionName + "工业和信息化局");
		return new RegisteredEnterprise(e.id(), e.creditCode().value(), e.name(), e.divisionCode(), divisionName,
				e.industry(), e.contactName(), e.contactPhone(), e.userId(), e.status().name(), e.status().label(),
				bureau, catalog.industryBureau(e.divisionCode()).map(b -> b.phone()).orElse(null),
				moved == null ? null : moved.issuerName());
	}

}
