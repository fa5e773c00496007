package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * A correction goes back to the step that returned the case, and the steps before it keep
 * their opinions: what they verified and will not see again cannot change in it. The
 * invoices a subsidy is computed from, which the county finance bureau checked, may
 * change only when the case was returned before or at that check; what decides the joint
 * review's bodies only when it was returned before the routing.
 */
@WebIntegrationTest
class SettledPartsCorrectionTest extends ReviewProcessTest {

	private static final BigDecimal CLAIM = new BigDecimal("370000.00");

	@Autowired
	SettledPartsCorrectionTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void invoicesCheckedByTheCountyCannotChangeInACorrectionAskedForByAJointReviewBody() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.passCountyReview(claim);
		review.decide(claim, "Task_CityAcceptance", "APPROVE");
		review.decideEach(claim, "Task_JointReview", group -> group.equals("city-tax") ? "RETURN" : "APPROVE");
		String[] price = new String[1];
		review.correct(claim, form -> {
			price[0] = form.getEquipment().get(0).getUnitPrice();
			form.getEquipment().get(0).setUnitPrice("9000000.00");
		});

		assertThatThrownBy(() -> review.resubmit(claim)).isInstanceOfSatisfying(ApplicationStateException.class,
				e -> assertThat(e.getMessage()).startsWith("本次补正不能修改设备明细及发票：县级财政部门已核验设备明细和发票")
					.contains("请将其恢复为上次提交时的内容后重新提交", "请撤回本申报后重新申报"));
		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CORRECTION);
		assertThat(review.called(claim, "joint-review")).isWaitingAtExactly("CallActivity_CorrectionAtJointReview");

		review.correct(claim, form -> form.getEquipment().get(0).setUnitPrice(price[0]));
		review.resubmit(claim);

		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.CITY_REVIEW);
	}

	@Test
	void invoicesMayChangeWhenTheCaseWasReturnedAtTheInvoiceCheckWhichRunsAgain() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), CLAIM);
		review.decide(claim, "Task_CountyFormalReview", "APPROVE");
		review.decide(claim, "Task_CountyInvoiceCheck", "RETURN");
		review.correct(claim, form -> form.getEquipment().get(0).setModel("ZX-2"));

		review.resubmit(claim);

		assertThat(review.status(claim)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		assertThat(review.task(claim, "Task_CountyInvoiceCheck")).isNotNull();
	}

	@Test
	void thePolicyTaskCannotChangeInACorrectionAskedForByTheLeadBureausDecision() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.passJointReview(project);
		review.decide(project, "Task_IndustryDecision", "RETURN");
		review.correct(project, form -> {
			form.setPolicyTask("1");
			form.setNeedsNewLand(true);
		});

		assertThatThrownBy(() -> review.resubmit(project)).isInstanceOfSatisfying(ApplicationStateException.class,
				e -> assertThat(e.getMessage()).startsWith("本次补正不能修改重点任务、要素需求：市级联审单位已按重点任务、要素需求和所属入库项目确定"));

		review.correct(project, form -> {
			form.setPolicyTask("7");
			form.setNeedsNewLand(false);
			form.setLocation("冠县经济开发区振兴路 18 号 3 号地块");
		});
		review.resubmit(project);
		// The location changed: every body reviews the corrected dossier before the
		// bureau decides again.
		assertThat(review.candidateGroups(project, "Task_JointReview")).containsExactlyInAnyOrder("city-industry",
				"city-development", "city-ecology");
	}

	@Test
	void thePolicyTaskMayChangeWhenTheCityReturnedTheCaseAtAcceptanceAndItIsRoutedAgain() {
		Case project = review.submitProject(7);
		review.passCountyReview(project);
		review.decide(project, "Task_CityAcceptance", "RETURN");
		review.correct(project, form -> form.setNeedsNewLand(true));

		review.resubmit(project);
		review.decide(project, "Task_CityAcceptance", "APPROVE");

		assertThat(review.tasks(project, "Task_JointReview")).extracting(review::candidateGroup).contains("city-land");
	}

}
