package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The loans on one registered project together stay within its total investment (the
 * national interest subsidy is on the principal of loans for the renewal project): a loan
 * under review holds the amount it asked for, an accepted one its grant, one that ended
 * without an award nothing. The rule answers on saving a draft, at submission, at the
 * bank's grant and at the enterprise's acceptance. The fixture's projects invest
 * 12,000,000 yuan.
 */
@WebIntegrationTest
class ProjectLoansTest extends ReviewProcessTest {

	@Autowired
	ProjectLoansTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void shouldRefuseASecondLoanThatTakesTheProjectPastItsTotalInvestment() {
		long project = review.newRegisteredProject(7);
		Case first = review.submitLoan(loan(project, "8000000.00"));

		assertThatThrownBy(() -> review.draft(ApplicationKind.LOAN, loan(project, "5000000.00")))
			.isInstanceOfSatisfying(DossierInvalidException.class,
					e -> assertThat(e.problems()).containsExactly(new FieldProblem("loanAmount",
							"该项目已有贷款 " + review.referenceNo(first) + "（8,000,000.00 元），与本次贷款金额 5,000,000.00 元合计 "
									+ "13,000,000.00 元，超过项目总投资 12,000,000.00 元；同一项目的贷款合计不能超过项目总投资，请核对")));

		Case second = review.submitLoan(loan(project, "4000000.00"));
		assertThat(review.status(second)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		assertThat(review.fundingProblems(first)).isEmpty();
		assertThat(review.fundingProblems(second)).isEmpty();
	}

	@Test
	void shouldWeighADraftAgainAtSubmissionAgainstALoanSubmittedMeanwhile() {
		long project = review.newRegisteredProject(7);
		long draft = review.draft(ApplicationKind.LOAN, loan(project, "7000000.00"));
		Case submitted = review.submitLoan(loan(project, "7000000.00"));

		assertThatThrownBy(() -> review.submitDraftedLoan(draft)).isInstanceOfSatisfying(DossierInvalidException.class,
				e -> assertThat(e.problems()).containsExactly(new FieldProblem("loanAmount",
						"该项目已有贷款 " + review.referenceNo(submitted) + "（7,000,000.00 元），与本次贷款金额 7,000,000.00 元合计 "
								+ "14,000,000.00 元，超过项目总投资 12,000,000.00 元；同一项目的贷款合计不能超过项目总投资，请核对")));
		assertThat(review.status(draft)).isEqualTo(ApplicationStatus.DRAFT);
	}

	@Test
	void shouldFreeWhatALoanHeldWhenItIsRefused() {
		long project = review.newRegisteredProject(7);
		Case first = review.submitLoan(loan(project, "10000000.00"));
		review.decide(first, "Task_CountyFormalReview", "REFUSE");
		assertThat(review.status(first)).isEqualTo(ApplicationStatus.REFUSED);

		Case second = review.submitLoan(loan(project, "10000000.00"));

		assertThat(review.status(second)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
	}

	@Test
	void shouldCountTheAcceptedGrantRatherThanTheAmountAsked() {
		long project = review.newRegisteredProject(7);
		Case first = review.listedLoan(project, "10000000.00", "icbc");
		review.grant(first, "4000000.00", false);

		Case second = review.submitLoan(loan(project, "8000000.00"));

		assertThat(review.status(second)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		assertThatThrownBy(() -> review.draft(ApplicationKind.LOAN, loan(project, "0.01"))).isInstanceOfSatisfying(
				DossierInvalidException.class,
				e -> assertThat(e.problems()).extracting(FieldProblem::message)
					.singleElement()
					.asString()
					.contains(review.referenceNo(first) + "（4,000,000.00 元）",
							review.referenceNo(second) + "（8,000,000.00 元）", "合计 12,000,000.01 元"));
	}

	@Test
	void shouldRefuseAGrantAboveWhatTheProjectsOtherLoansLeave() {
		long project = review.newRegisteredProject(7);
		Case first = review.listedLoan(project, "6000000.00", "icbc");
		Case second = review.submitLoan(loan(project, "6000000.00"));

		assertThatThrownBy(() -> review.grantOnly(first, "icbc", "6500000.00", false, "FIXED_ASSET"))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("该项目已有贷款 " + review.referenceNo(second) + "（6,000,000.00 元），与本次放贷金额 6,500,000.00 元合计 "
					+ "12,500,000.00 元，超过项目总投资 12,000,000.00 元");
		assertThat(review.loanOffers(first)).isEmpty();

		review.grantOnly(first, "icbc", "6000000.00", false, "FIXED_ASSET");
		assertThat(review.loanOffers(first)).singleElement()
			.satisfies(o -> assertThat(o.grant().amount()).isEqualByComparingTo("6000000.00"));
	}

	/**
	 * A bank may grant more than was asked, within what the project's other loans left
	 * then; a loan on the project submitted afterwards counted only the amount asked, so
	 * the acceptance weighs the grant again.
	 */
	@Test
	void shouldRefuseToAcceptAGrantThatNoLongerFitsBesideALoanSubmittedSince() {
		long project = review.newRegisteredProject(7);
		Case first = review.listedLoan(project, "5000000.00", "icbc");
		review.grantOnly(first, "icbc", "7000000.00", false, "FIXED_ASSET");
		Case second = review.submitLoan(loan(project, "6000000.00"));

		assertThatThrownBy(() -> review.acceptOnly(first, "icbc")).isInstanceOfSatisfying(
				ApplicationStateException.class,
				e -> assertThat(e.getMessage())
					.startsWith("该项目已有贷款 " + review.referenceNo(second) + "（6,000,000.00 元），与本次接受的贷款金额 "
							+ "7,000,000.00 元合计 13,000,000.00 元，超过项目总投资 12,000,000.00 元")
					.endsWith("不能接受；请先核对该项目的其他贷款申请或联系银行。"));
		assertThat(review.loanOffers(first)).singleElement().satisfies(o -> assertThat(o.accepted()).isFalse());
		assertThat(review.status(first)).isEqualTo(ApplicationStatus.BANK_REVIEW);
	}

	private static DossierForm loan(long project, String amount) {
		DossierForm form = Dossiers.loan(project);
		form.setLoanAmount(amount);
		return form;
	}

}
