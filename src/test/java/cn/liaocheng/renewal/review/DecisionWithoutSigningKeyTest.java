package cn.liaocheng.renewal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.EquipmentLineForm;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * When a decision cannot be signed (here: no keystore and self-signed keys forbidden, as
 * in production without configuration), the issuing job fails into an incident that
 * Cockpit shows, and the enterprise sees neither a final stage nor a half-made decision.
 */
@Tag("own-context")
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
@TestPropertySource(properties = { "renewal.signing.self-signed-keys=false",
		// Production retries five times over about an hour; here twice at once.
		"camunda.bpm.generic-properties.properties.failedJobRetryTimeCycle=R2/PT0S" })
class DecisionWithoutSigningKeyTest {

	private static final PortalUser ENTERPRISE = new PortalUser("ent-gx", "冠县演示轴承制造有限公司",
			List.of(new PortalUser.Membership("enterprise", "企业用户", GroupType.ENTERPRISE)));

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

	@Autowired
	Applications applications;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Decisions decisions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void shouldRaiseAnIncidentAndLeaveTheApplicationUndecidedWhenTheDecisionCannotBeSigned() throws Exception {
		long id = applications.createDraft(ENTERPRISE, ApplicationKind.PROJECT, project(),
				UUID.randomUUID().toString());
		applications.addAttachment(ENTERPRISE, id, AttachmentCategory.BUSINESS_LICENCE, "营业执照.pdf", PDF);
		applications.addAttachment(ENTERPRISE, id, AttachmentCategory.PROJECT_PLAN, "实施方案.pdf", PDF);
		applications.submit(ENTERPRISE, id, true);

		Task review = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(id)).singleResult();
		// Claimed by a member of the county body, as Tasklist requires: the refusal is
		// one
		// the record supports, and only the signing fails.
		tasks.claim(review.getId(), "gx-industry");
		tasks.complete(review.getId(), Map.of("decision", "REFUSE", "opinion", "项目不属于实施方案支持范围"));

		Incident incident = awaitIncident(Long.toString(id));
		assertThat(incident.getActivityId()).isEqualTo("Task_IssueRefusal");
		assertThat(incident.getIncidentMessage()).contains("industry");
		assertThat(decisions.allForApplication(id)).isEmpty();
		assertThat(applications.detail(ENTERPRISE, id).summary().status()).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		// The administrators are told which case waits where, once.
		assertThat(
				jdbc.sql("SELECT title || ' ' || body FROM notification WHERE recipient_id = ? AND kind = 'JOB_FAILED'")
					.param("admin")
					.query(String.class)
					.list())
			.singleElement()
			.asString()
			.contains("后台作业多次重试后仍失败", "申报 ID " + id, "出具不予批准决定", "运行异常", "industry");
		assertThat(jdbc.sql("SELECT link FROM notification WHERE recipient_id = ? AND kind = 'JOB_FAILED'")
			.param("admin")
			.query(String.class)
			.single()).isEqualTo("/admin/incidents");
	}

	private Incident awaitIncident(String businessKey) throws InterruptedException {
		String processInstanceId = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.processDefinitionKey("project-registration")
			.singleResult()
			.getId();
		Instant until = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(until)) {
			Incident incident = runtime.createIncidentQuery().processInstanceId(processInstanceId).singleResult();
			if (incident != null) {
				return incident;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("no incident within 120 s");
	}

	private static DossierForm project() {
		DossierForm f = new DossierForm();
		f.setProjectName("签名失败演练项目");
		f.setPolicyTask("1");
		f.setLocation("冠县");
		f.setConstructionStart("2026-01-01");
		f.setConstructionEnd("2026-12-31");
		f.setTotalInvestment("1000000");
		f.setEquipmentInvestment("500000");
		EquipmentLineForm line = new EquipmentLineForm();
		line.setName("数控车床");
		line.setModel("CK6150");
		line.setQuantity("1");
		line.setUnitPrice("500000");
		line.setOrigin("DOMESTIC");
		f.setEquipment(List.of(line));
		return f;
	}

}
