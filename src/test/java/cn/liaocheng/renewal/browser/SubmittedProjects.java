package cn.liaocheng.renewal.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.EquipmentLineForm;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Submits a complete project registration of an enterprise through the application
 * module's public API, as the portal does, so that a browser test starts from a real case
 * waiting at the county formal review. A small copy of what
 * {@code review.process.ReviewFixture} and {@code Dossiers} do (both are package-private
 * there).
 */
public final class SubmittedProjects {

	static final String PROJECT_NAME = "冠县轴承生产线绿色化改造项目";

	static final String EQUIPMENT_NAME = "数控车床";

	static final String EQUIPMENT_MODEL = "CK6150";

	static final List<String> ATTACHMENTS = List.of("营业执照.pdf", "项目实施方案.pdf");

	private final Applications applications;

	private final IdentityService identity;

	public SubmittedProjects(Applications applications, IdentityService identity) {
		this.applications = applications;
		this.identity = identity;
	}

	/**
	 * Creates, completes and submits a project registration of {@code enterpriseUser}
	 * under policy task 7.
	 */
	public ApplicationSummary submitProject(String enterpriseUser) {
		PortalUser enterprise = portalUser(enterpriseUser);
		long id = applications.createDraft(enterprise, ApplicationKind.PROJECT, project(7),
				UUID.randomUUID().toString());
		attach(enterprise, id, AttachmentCategory.BUSINESS_LICENCE, ATTACHMENTS.get(0));
		attach(enterprise, id, AttachmentCategory.PROJECT_PLAN, ATTACHMENTS.get(1));
		return applications.submit(enterprise, id, true);
	}

	/**
	 * A draft project registration of {@code enterpriseUser}, complete but for its files.
	 */
	public long draftProject(String enterpriseUser) {
		return applications.createDraft(portalUser(enterpriseUser), ApplicationKind.PROJECT, project(7),
				UUID.randomUUID().toString());
	}

	/**
	 * Sends a returned project registration of {@code enterpriseUser} back, unchanged, as
	 * the portal's 重新提交 does.
	 */
	public ApplicationSummary resubmit(String enterpriseUser, long id) {
		return applications.submit(portalUser(enterpriseUser), id, true);
	}

	/**
	 * No factor needs (new land, energy, emissions): the routing answers by policy task
	 * and kind alone.
	 */
	private static DossierForm project(int policyTask) {
		DossierForm d = new DossierForm();
		d.setProjectName(PROJECT_NAME);
		d.setPolicyTask(Integer.toString(policyTask));
		d.setLocation("冠县经济开发区演示路 8 号");
		d.setConstructionStart("2026-03-01");
		d.setConstructionEnd("2026-12-31");
		d.setTotalInvestment("1470000.00");
		d.setEquipmentInvestment("470000.00");
		d.setNeedsNewLand(false);
		d.setNeedsEnergyUse(false);
		d.setNeedsEmissionQuota(false);
		d.setExpectedOutputValue("8000000.00");
		d.setOtherBenefits("降低能耗，减少废品");
		EquipmentLineForm line = new EquipmentLineForm();
		line.setName(EQUIPMENT_NAME);
		line.setModel(EQUIPMENT_MODEL);
		line.setQuantity("2");
		line.setUnitPrice("185000.00");
		line.setOrigin("DOMESTIC");
		line.setReplacesEquipment("C6140 普通车床");
		line.setReplacedAgeYears("16");
		line.setEfficiencyGrade("2");
		d.setEquipment(new ArrayList<>(List.of(line)));
		return d;
	}

	private void attach(PortalUser enterprise, long id, AttachmentCategory category, String fileName) {
		String pdf = "%PDF-1.4\n% " + category + " " + id + " " + UUID.randomUUID()
				+ "\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
				+ "trailer <</Root 1 0 R>>\n%%EOF\n";
		applications.addAttachment(enterprise, id, category, fileName, pdf.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The enterprise withdraws its case, as its portal does (before review starts, or
	 * while it is returned for correction).
	 */
	void withdraw(String enterpriseUser, long id) {
		applications.withdraw(portalUser(enterpriseUser), id);
	}

	/**
	 * Built as the portal builds it at login
	 * (CamundaIdentityAuthenticationProvider#portalUser).
	 */
	private PortalUser portalUser(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		List<PortalUser.Membership> memberships = identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(g -> new PortalUser.Membership(g.getId(), g.getName(), GroupType.of(g.getType())))
			.toList();
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName()))
			.trim();
		return new PortalUser(userId, name.isEmpty() ? userId : name, memberships);
	}

}
