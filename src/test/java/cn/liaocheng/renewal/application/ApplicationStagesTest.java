package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * What the review processes record on an application reads back as recorded, each outcome
 * in its own field.
 */
@WebIntegrationTest
class ApplicationStagesTest {

	private static final PortalUser ENTERPRISE = new PortalUser(DemoUsers.ENTERPRISE, DemoUsers.ENTERPRISE, List.of());

	@Autowired
	Applications applications;

	@Autowired
	ApplicationStages stages;

	@Test
	void recordedOutcomesReadBackFieldByField() {
		long id = draft();
		Instant deadline = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

		stages.recordSubsidyAmount(id, new BigDecimal("123456.78"));
		stages.recordInterestSubsidy(id, new InterestSubsidyAssessment(new BigDecimal("4500.00"),
				new BigDecimal("1.50"), 24, new BigDecimal("500000.00"), "设备更新贷款财政贴息政策（2026年）", null));
		stages.recordCorrectionDeadline(id, deadline);

		Outcomes outcomes = stages.dossier(id).outcomes();
		assertThat(outcomes.subsidyAmount()).isEqualByComparingTo("123456.78");
		assertThat(outcomes.interestSubsidyAmount()).isEqualByComparingTo("4500.00");
		assertThat(outcomes.interestSubsidyPoints()).isEqualByComparingTo("1.50");
		assertThat(outcomes.interestSubsidyMonths()).isEqualTo(24);
		assertThat(outcomes.interestSubsidyCap()).isEqualByComparingTo("500000.00");
		assertThat(outcomes.interestSubsidyBasis()).isEqualTo("设备更新贷款财政贴息政策（2026年）");
		assertThat(outcomes.interestSubsidyFinding()).isNull();
		assertThat(outcomes.correctionDeadline()).isEqualTo(deadline);
		assertThat(outcomes.decidedAt()).isNull();

		stages.recordCorrectionDeadline(id, null);
		assertThat(stages.dossier(id).outcomes().correctionDeadline()).isNull();

		// A refusal by the finance bureau grants nothing and keeps the terms on record.
		stages.withholdInterestSubsidy(id);
		Outcomes withheld = stages.dossier(id).outcomes();
		assertThat(withheld.interestSubsidyAmount()).isZero();
		assertThat(withheld.interestSubsidyPoints()).isEqualByComparingTo("1.50");
		assertThat(withheld.interestSubsidyBasis()).isEqualTo("设备更新贷款财政贴息政策（2026年）");
	}

	@Test
	void aDecisionEndsTheApplicationAndRecordsWhen() {
		long id = draft();
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		stages.decide(id, ApplicationStatus.APPROVED, "办理结果：准予入库。");

		ApplicationDetail decided = stages.dossier(id);
		assertThat(decided.summary().status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(decided.outcomes().decidedAt()).isNotNull().isAfterOrEqualTo(before);
		assertThat(decided.history()).extracting(ApplicationEvent::message).contains("办理结果：准予入库。");
	}

	private long draft() {
		return applications.createDraft(ENTERPRISE, ApplicationKind.PROJECT,
				ApplicationFixtures.form(ApplicationFixtures.project(1)), UUID.randomUUID().toString());
	}

}
