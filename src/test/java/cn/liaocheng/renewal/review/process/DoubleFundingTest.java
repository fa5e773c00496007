package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.application.EquipmentLineForm;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * Double funding and implausible claims are refused as field errors when a draft is
 * saved, again at submission, and an invoice or project freed by a refused claim can be
 * claimed again.
 */
@WebIntegrationTest
class DoubleFundingTest extends ReviewProcessTest {

	private static final BigDecimal CLAIM = new BigDecimal("370000.00");

	@Autowired
	DoubleFundingTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void shouldRefuseTheSameInvoiceTwiceInOneClaim() {
		DossierForm form = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		EquipmentLineForm second = copyOf(form.getEquipment().get(0));
		form.getEquipment().add(second);

		assertThatThrownBy(() -> review.draft(ApplicationKind.SUBSIDY, form)).isInstanceOfSatisfying(
				DossierInvalidException.class,
				e -> assertThat(e.problems()).containsExactly(new FieldProblem("equipment[1].invoiceNo",
						"发票号码 " + second.getInvoiceNo() + " 与第 1 行重复，同一张发票只能申报一次")));
	}

	@Test
	void shouldRefuseAnInvoiceAlreadyClaimedInASubmittedClaimOnSaveAndOnSubmission() {
		DossierForm claimed = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		review.submitSubsidy(claimed);
		String invoiceNo = claimed.getEquipment().get(0).getInvoiceNo();
		DossierForm reuse = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		reuse.getEquipment().get(0).setInvoiceNo(invoiceNo);

		assertThatThrownBy(() -> review.draft(ApplicationKind.SUBSIDY, reuse)).isInstanceOfSatisfying(
				DossierInvalidException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
					assertThat(p.field()).isEqualTo("equipment[0].invoiceNo");
					assertThat(p.message()).startsWith("发票号码 " + invoiceNo + " 已在本企业的奖补申请").endsWith("同一张发票只能申报一次");
				}));
	}

	@Test
	void shouldAllowOneSubsidyInForcePerProjectAndFreeTheProjectWhenTheClaimIsRefused() {
		long project = review.newRegisteredProject(7);
		Case first = review.submitSubsidy(project, CLAIM);

		assertThatThrownBy(() -> review.draft(ApplicationKind.SUBSIDY, Dossiers.subsidy(project, CLAIM)))
			.isInstanceOfSatisfying(DossierInvalidException.class,
					e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("projectId"));

		review.decide(first, "Task_CountyFormalReview", "REFUSE");
		assertThat(review.status(first)).isEqualTo(ApplicationStatus.REFUSED);

		Case second = review.submitSubsidy(project, CLAIM);
		assertThat(review.status(second)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
	}

	@Test
	void shouldRefuseALoanAboveTheProjectsTotalInvestment() {
		DossierForm loan = Dossiers.loan(review.registeredProject(7));
		loan.setLoanAmount("99999999999.00");

		assertThatThrownBy(() -> review.draft(ApplicationKind.LOAN, loan))
			.isInstanceOfSatisfying(DossierInvalidException.class, e -> assertThat(e.problems()).containsExactly(
					new FieldProblem("loanAmount", "贷款金额 99,999,999,999.00 元超过所选项目的总投资 12,000,000.00 元，请核对")));
	}

	@Test
	void shouldCheckAgainAtSubmissionWhenTwoDraftsHoldTheSameInvoice() {
		DossierForm first = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		DossierForm second = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		second.getEquipment().get(0).setInvoiceNo(first.getEquipment().get(0).getInvoiceNo());
		long secondDraft = review.draft(ApplicationKind.SUBSIDY, second);

		Case claimed = review.submitSubsidy(first);

		assertThat(review.status(claimed)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		assertThatThrownBy(() -> review.submitDraftedSubsidy(secondDraft)).isInstanceOfSatisfying(
				DossierInvalidException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
					.containsExactly("equipment[0].invoiceNo"));
		assertThat(review.status(secondDraft)).isEqualTo(ApplicationStatus.DRAFT);
		assertThat(review.fundingProblems(claimed)).isEmpty();
	}

	@Test
	void shouldStopTheApprovalOfAClaimThatDuplicatesOneSubmittedBeforeTheGuardExisted() {
		// Two claims on one invoice, as a database from before the guard may hold them:
		// the earlier keeps the claim.
		DossierForm first = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		Case earlier = review.submitSubsidy(first);
		review.forgetFundingClaims(earlier);
		DossierForm second = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		second.getEquipment().get(0).setInvoiceNo(first.getEquipment().get(0).getInvoiceNo());
		Case later = review.submitSubsidy(second);
		review.forgetFundingClaims(later);
		review.claimAgain(earlier, "INVOICE:" + first.getEquipment().get(0).getInvoiceNo());

		assertThatThrownBy(() -> review.decide(later, "Task_CountyFormalReview", "APPROVE"))
			.hasMessageContaining("该申请不能审核通过")
			.hasMessageContaining("发票号码 " + first.getEquipment().get(0).getInvoiceNo() + " 已在本企业的奖补申请");
		assertThat(review.tasks(later, "Task_CountyFormalReview")).hasSize(1);

		review.decide(later, "Task_CountyFormalReview", "REFUSE");
		assertThat(review.status(later)).isEqualTo(ApplicationStatus.REFUSED);
	}

	/**
	 * Every invoice code restarts its numbers: two enterprises' invoices may share the
	 * 8-digit number, and only code and number together name one invoice.
	 */
	@Test
	void shouldTakeTwoInvoicesWithOneNumberUnderTwoCodesForTwoInvoices() {
		DossierForm first = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		String number = first.getEquipment().get(0).getInvoiceNo().substring("3700221130-".length());
		Case claimed = review.submitSubsidy(first);
		DossierForm second = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		second.getEquipment().get(0).setInvoiceNo("3700221131 " + number);

		Case other = review.submitSubsidy(second);

		assertThat(review.status(other)).isEqualTo(ApplicationStatus.COUNTY_REVIEW);
		assertThat(review.fundingProblems(claimed)).isEmpty();
		assertThat(review.fundingProblems(other)).isEmpty();
	}

	/**
	 * A claim recorded before codes were asked for names the number alone: the same
	 * enterprise's such claim is taken for the same invoice.
	 */
	@Test
	void shouldRefuseAnInvoiceThisEnterpriseClaimedBeforeCodesWereAskedFor() {
		DossierForm first = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		String invoice = first.getEquipment().get(0).getInvoiceNo();
		String number = invoice.substring("3700221130-".length());
		Case earlier = review.submitSubsidy(first);
		review.forgetFundingClaims(earlier);
		review.claimAgain(earlier, "INVOICE:" + number);
		DossierForm reuse = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		reuse.getEquipment().get(0).setInvoiceNo(invoice);

		assertThatThrownBy(() -> review.draft(ApplicationKind.SUBSIDY, reuse)).isInstanceOfSatisfying(
				DossierInvalidException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
					assertThat(p.field()).isEqualTo("equipment[0].invoiceNo");
					assertThat(p.message()).startsWith("发票号码 " + invoice + " 与本企业奖补申请").contains("该申请申报时未填发票代码");
				}));
	}

	/**
	 * A draft saved with a bare 8-digit number before codes were asked for is not
	 * submitted as it stands: it could be another invoice, or the same as one claimed
	 * with its code.
	 */
	@Test
	void shouldAskADraftSavedWithABareNumberForItsCodeBeforeSubmission() {
		long draft = review.draft(ApplicationKind.SUBSIDY, Dossiers.subsidy(review.newRegisteredProject(7), CLAIM));
		review.saveInvoiceNumberAsBefore(draft, "12345678");

		assertThatThrownBy(() -> review.submitDraftedSubsidy(draft)).isInstanceOfSatisfying(
				DossierInvalidException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
					assertThat(p.field()).isEqualTo("equipment[0].invoiceNo");
					assertThat(p.message()).startsWith("8 位发票号码须连同发票代码填写");
				}));
		assertThat(review.status(draft)).isEqualTo(ApplicationStatus.DRAFT);
	}

	/**
	 * Another enterprise's claim of the same code and number is refused without naming
	 * that claim; its claim of the bare number, made before codes were asked for, may be
	 * another invoice and is left to the county finance bureau's check of the originals.
	 */
	@Test
	void shouldTellAnotherEnterprisesClaimOnlyWhenCodeAndNumberAgree() {
		long theirs = review.draftOfAnotherEnterprise();
		DossierForm ours = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		String invoice = ours.getEquipment().get(0).getInvoiceNo();
		review.claimFor(theirs, "INVOICE:" + invoice.substring("3700221130-".length()));

		long draft = review.draft(ApplicationKind.SUBSIDY, ours);
		assertThat(draft).isPositive();

		review.claimFor(theirs, "INVOICE:" + invoice);
		DossierForm again = Dossiers.subsidy(review.newRegisteredProject(7), CLAIM);
		again.getEquipment().get(0).setInvoiceNo(invoice);
		assertThatThrownBy(() -> review.draft(ApplicationKind.SUBSIDY, again)).isInstanceOfSatisfying(
				DossierInvalidException.class,
				e -> assertThat(e.problems()).containsExactly(new FieldProblem("equipment[0].invoiceNo",
						"发票号码 " + invoice + " 已在其他奖补申请中申报，请核对发票代码和号码；如有疑问请联系县级财政部门")));
	}

	private static EquipmentLineForm copyOf(EquipmentLineForm line) {
		EquipmentLineForm copy = new EquipmentLineForm();
		copy.setName(line.getName());
		copy.setModel(line.getModel());
		copy.setQuantity(line.getQuantity());
		copy.setUnitPrice(line.getUnitPrice());
		copy.setOrigin(line.getOrigin());
		copy.setInvoiceNo(line.getInvoiceNo());
		copy.setInvoiceDate(line.getInvoiceDate());
		copy.setInvoiceAmount(line.getInvoiceAmount());
		return copy;
	}

}
