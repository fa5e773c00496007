package cn.liaocheng.renewal.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.EquipmentLineForm;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;

/**
 * A real case of ent-gx that the county returned for correction, so that it waits on the correction deadline: a timer
 * job due in ten working days whose firing would lapse the application. Made through the application module's API as
 * the portal does, and the county's task completed as Tasklist does (a small copy of what the process tests' fixture
 * does; that one is package-private to them).
 */
final class ReturnedProjects {

	static final String DEADLINE_TIMER = "BoundaryEvent_CorrectionOverdue";

	private final Applications applications;

	private final ProcessEngine engine;

	ReturnedProjects(Applications applications, ProcessEngine engine) {
		this.applications = applications;
		this.engine = engine;
	}

	/** The case's correction deadline timer, once the job executor has opened the correction. */
	Job returnedProjectWaitingOnItsDeadline() {
		PortalUser enterprise = portalUser(DemoUsers.ENTERPRISE);
		long id = applications.createDraft(enterprise, ApplicationKind.PROJECT, project(), UUID.randomUUID().toString());
		attach(enterprise, id, AttachmentCategory.BUSINESS_LICENCE, "营业执照.pdf");
		attach(enterprise, id, AttachmentCategory.PROJECT_PLAN, "项目实施方案.pdf");
		applications.submit(enterprise, id);
		String key = Long.toString(id);
		Task formalReview = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(key)
			.taskDefinitionKey("Task_CountyFormalReview")
			.singleResult();
		engine.getTaskService()
			.complete(formalReview.getId(), Map.of("decision", "RETURN", "opinion", "设备购置合同缺少盖章页，请补正后重新提交。"));
		// Task_OpenCorrection is asynchronous: the job executor of the shared context opens the correction.
		Instant until = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(until)) {
			List<Job> timers = new ArrayList<>();
			for (ProcessInstance instance : engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceBusinessKey(key)
				.list()) {
				timers.addAll(engine.getManagementService()
					.createJobQuery()
					.processInstanceId(instance.getId())
					.timers()
					.activityId(DEADLINE_TIMER)
					.list());
			}
			if (timers.size() == 1) {
				return timers.get(0);
			}
			sleep();
		}
		throw new AssertionError("case " + id + " never reached its correction deadline timer");
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static DossierForm project() {
		DossierForm d = new DossierForm();
		d.setProjectName("冠县轴承生产线数字化改造项目");
		d.setPolicyTask("7");
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
		line.setName("数控车床");
		line.setModel("CK6150");
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

	/** Built as the portal builds it at login. */
	private PortalUser portalUser(String userId) {
		IdentityService identity = engine.getIdentityService();
		User user = identity.createUserQuery().userId(userId).singleResult();
		List<PortalUser.Membership> memberships = identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(g -> new PortalUser.Membership(g.getId(), g.getName(), GroupType.of(g.getType())))
			.toList();
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName())).trim();
		return new PortalUser(userId, name.isEmpty() ? userId : name, memberships);
	}

}
