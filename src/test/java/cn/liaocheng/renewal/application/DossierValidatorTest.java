package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationFixtures.equipmentLine;
import static cn.liaocheng.renewal.application.ApplicationFixtures.form;
import static cn.liaocheng.renewal.application.ApplicationFixtures.loan;
import static cn.liaocheng.renewal.application.ApplicationFixtures.project;
import static cn.liaocheng.renewal.application.ApplicationFixtures.subsidy;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.renewal.application.DossierValidator.Mode;
import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * The dossier rules without Spring: each test spoils one field of a complete dossier and
 * expects exactly that field to be named, with its Chinese message.
 */
class DossierValidatorTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

	private static final Set<String> BANKS = Set.of("icbc", "abc", "boc", "ccb", "lcrcb");

	@Test
	void completeDossiersOfEveryKindPassTheSubmissionCheck() {
		assertThat(validate(ApplicationKind.PROJECT, Mode.SUBMISSION, project(3), ProjectDossier.class).equipment())
			.hasSize(3);
		assertThat(validate(ApplicationKind.SUBSIDY, Mode.SUBMISSION, subsidy("42", TODAY), SubsidyDossier.class)
			.projectId()).isEqualTo(42L);
		assertThat(validate(ApplicationKind.LOAN, Mode.SUBMISSION, loan("42"), LoanDossier.class).loanTermMonths())
			.isEqualTo(36);
	}

	@Test
	void submittedProjectNeedsAName() {
		ObjectNode d = project(1);
		d.remove("projectName");
		assertOnlyProblem(ApplicationKind.PROJECT, d, "projectName", "请填写项目名称");
	}

	@Test
	void policyTaskMustBeOneOfTheFifteen() {
		ObjectNode d = project(1).put("policyTask", "16");
		assertOnlyProblem(ApplicationKind.PROJECT, d, "policyTask", "重点任务应在 1 到 15 之间");
	}

	@Test
	void constructionCannotEndBeforeItStarts() {
		ObjectNode d = project(1).put("constructionStart", "2026-06-01").put("constructionEnd", "2026-05-31");
		assertOnlyProblem(ApplicationKind.PROJECT, d, "constructionEnd", "建设完成日期不能早于开始日期");
	}

	@Test
	void equipmentInvestmentCannotExceedTotalInvestment() {
		ObjectNode d = project(1).put("totalInvestment", "400000.00").put("equipmentInvestment", "400000.01");
		assertOnlyProblem(ApplicationKind.PROJECT, d, "equipmentInvestment", "设备投资不能超过总投资");
	}

	@ParameterizedTest(name = "总投资 \"{0}\" → {1}")
	@CsvSource(delimiter = '|', value = { "1250000.005|总投资以元为单位，最多保留两位小数", "-100.00|总投资应大于 0", "0|总投资应大于 0",
			"一百二十五万|总投资应为金额（元），例如 1250000.00" })
	void malformedAmountsAreRefusedWithTheReason(String amount, String message) {
		ObjectNode d = project(1).put("totalInvestment", amount);
		assertOnlyProblem(ApplicationKind.PROJECT, d, "totalInvestment", message);
	}

	@Test
	void anEquipmentLineNeedsAModelAndAtLeastOnePiece() {
		ObjectNode d = project(2);
		equipmentLine(d, 1).remove("model");
		equipmentLine(d, 1).put("quantity", "0");
		assertThat(problems(ApplicationKind.PROJECT, Mode.SUBMISSION, d)).containsExactly(
				new FieldProblem("equipment[1].model", "请填写规格型号"),
				new FieldProblem("equipment[1].quantity", "数量应在 1 到 100000 之间"));
	}

	@Test
	void replacedEquipmentNeedsItsAge() {
		ObjectNode d = project(1);
		equipmentLine(d, 0).remove("replacedAgeYears");
		assertOnlyProblem(ApplicationKind.PROJECT, d, "equipment[0].replacedAgeYears", "填写了替换的旧设备时，请填写其已使用年限");
	}

	@ParameterizedTest(name = "发票号码 {0}")
	@CsvSource({ "1234567", "123456789", "1234567890123456789", "3700261A", "370022113-12345678", "3700221130-1234567",
			"3700221130--12345678", "12345678-3700221130", "37002211301-12345678" })
	void anInvoiceIsTwentyDigitsOrItsCodeAndNumber(String invoiceNo) {
		ObjectNode d = subsidy("42", TODAY);
		equipmentLine(d, 0).put("invoiceNo", invoiceNo);
		assertOnlyProblem(ApplicationKind.SUBSIDY, d, "equipment[0].invoiceNo",
				"发票号码应为 20 位数电发票号码，或“发票代码-发票号码”（10 位或 12 位发票代码、8 位发票号码，如 3700221130-12345678）");
	}

	/**
	 * Every invoice code restarts its numbers, so an 8-digit number alone may be another
	 * enterprise's invoice too.
	 */
	@Test
	void anEightDigitNumberAloneAsksForItsCode() {
		ObjectNode d = subsidy("42", TODAY);
		equipmentLine(d, 0).put("invoiceNo", "12345678");
		assertOnlyProblem(ApplicationKind.SUBSIDY, d, "equipment[0].invoiceNo",
				"8 位发票号码须连同发票代码填写，格式为“发票代码-发票号码”，如 3700221130-12345678（数电发票直接填写 20 位号码）");
	}

	@ParameterizedTest(name = "发票 {0}")
	@CsvSource({ "3700221130-12345678, 3700221130-12345678", "' 3700221130 12345678 ', 3700221130-12345678",
			"3700221130－12345678, 3700221130-12345678", "3700221130 - 12345678, 3700221130-12345678",
			"037002211301-00000001, 037002211301-00000001" })
	void aCodedInvoiceIsKeptAsCodeHyphenNumber(String written, String kept) {
		ObjectNode d = subsidy("42", TODAY);
		equipmentLine(d, 0).put("invoiceNo", written);
		assertThat(validate(ApplicationKind.SUBSIDY, Mode.SUBMISSION, d, SubsidyDossier.class).equipment()
			.get(0)
			.invoiceNo()).isEqualTo(kept);
	}

	@Test
	void anElectronicInvoiceNumberOfTwentyDigitsIsAccepted() {
		ObjectNode d = subsidy("42", TODAY);
		equipmentLine(d, 0).put("invoiceNo", "26372000000123456789");
		assertThat(validate(ApplicationKind.SUBSIDY, Mode.SUBMISSION, d, SubsidyDossier.class).equipment()
			.get(0)
			.invoiceNo()).isEqualTo("26372000000123456789");
	}

	@Test
	void invoiceCannotBeDatedAfterToday() {
		ObjectNode d = subsidy("42", TODAY);
		equipmentLine(d, 0).put("invoiceDate", TODAY.plusDays(1).toString());
		assertOnlyProblem(ApplicationKind.SUBSIDY, d, "equipment[0].invoiceDate", "开票日期不能晚于今天");
	}

	@Test
	void equipmentCannotBeCommissionedAfterToday() {
		ObjectNode d = subsidy("42", TODAY).put("commissioningDate", TODAY.plusDays(1).toString());
		assertOnlyProblem(ApplicationKind.SUBSIDY, d, "commissioningDate", "设备投用日期不能晚于今天");
	}

	@Test
	void commissioningTodayIsAccepted() {
		ObjectNode d = subsidy("42", TODAY).put("commissioningDate", TODAY.toString());
		assertThat(validate(ApplicationKind.SUBSIDY, Mode.SUBMISSION, d, SubsidyDossier.class).commissioningDate())
			.isEqualTo(TODAY);
	}

	@Test
	void subsidyNeedsTheRegisteredProject() {
		ObjectNode d = subsidy("42", TODAY);
		d.remove("projectId");
		assertOnlyProblem(ApplicationKind.SUBSIDY, d, "projectId", "请填写所属入库项目");
	}

	@Test
	void loanBanksMustBeBanksOfTheDirectory() {
		ObjectNode d = loan("42");
		d.putArray("bankKeys").add("icbc").add("hsbc");
		assertOnlyProblem(ApplicationKind.LOAN, d, "bankKeys", "请从列出的银行中选择");
	}

	@Test
	void aLoanNamesAtMostThreeBanks() {
		ObjectNode d = loan("42");
		d.putArray("bankKeys").add("icbc").add("abc").add("boc").add("ccb");
		assertOnlyProblem(ApplicationKind.LOAN, d, "bankKeys", "意向银行最多选择 3 家");
	}

	@Test
	void threeBanksAreKeptInTheEnterprisesOrderAndARepeatedOneOnce() {
		ObjectNode d = loan("42");
		d.putArray("bankKeys").add("boc").add("icbc").add("boc").add("abc");
		assertThat(validate(ApplicationKind.LOAN, Mode.SUBMISSION, d, LoanDossier.class).bankKeys())
			.containsExactly("boc", "icbc", "abc");
	}

	@Test
	void loanTermIsAtMostTenYears() {
		assertOnlyProblem(ApplicationKind.LOAN, loan("42").put("loanTermMonths", "121"), "loanTermMonths",
				"贷款期限（月）应在 1 到 120 之间");
		assertThat(validate(ApplicationKind.LOAN, Mode.SUBMISSION, loan("42").put("loanTermMonths", "120"),
				LoanDossier.class)
			.loanTermMonths()).isEqualTo(120);
	}

	@Test
	void loanNeedsAPurpose() {
		ObjectNode d = loan("42").put("loanPurpose", "   ");
		assertOnlyProblem(ApplicationKind.LOAN, d, "loanPurpose", "请填写贷款用途");
	}

	@ParameterizedTest
	@EnumSource(ApplicationKind.class)
	void aDraftMayBeEmpty(ApplicationKind kind) {
		Dossier empty = validate(kind, Mode.DRAFT, ApplicationFixtures.JSON.createObjectNode());
		assertThat(empty.kind()).isEqualTo(kind);
		if (empty instanceof ProjectDossier project) {
			assertThat(project.projectName()).isNull();
			assertThat(project.totalInvestment()).isNull();
			assertThat(project.equipment()).isEmpty();
		}
		else if (empty instanceof SubsidyDossier subsidy) {
			assertThat(subsidy.projectId()).isNull();
			assertThat(subsidy.commissioningDate()).isNull();
			assertThat(subsidy.equipment()).isEmpty();
		}
		else {
			LoanDossier loan = (LoanDossier) empty;
			assertThat(loan.projectId()).isNull();
			assertThat(loan.bankKeys()).isEmpty();
			assertThat(loan.loanAmount()).isNull();
		}
	}

	@Test
	void aDraftStillRefusesMalformedValues() {
		ObjectNode d = ApplicationFixtures.JSON.createObjectNode()
			.put("policyTask", "第四项")
			.put("totalInvestment", "100.001")
			.put("constructionStart", "2026/03/01");
		d.putArray("equipment").addObject().put("name", "数控车床").put("quantity", "0");
		assertThat(problems(ApplicationKind.PROJECT, Mode.DRAFT, d)).containsExactly(
				new FieldProblem("policyTask", "重点任务应为整数"),
				new FieldProblem("constructionStart", "建设开始日期格式应为 年-月-日，例如 2026-03-01"),
				new FieldProblem("totalInvestment", "总投资以元为单位，最多保留两位小数"),
				new FieldProblem("equipment[0].model", "请填写规格型号"),
				new FieldProblem("equipment[0].quantity", "数量应在 1 到 100000 之间"),
				new FieldProblem("equipment[0].unitPrice", "请填写单价"),
				new FieldProblem("equipment[0].origin", "请选择国产或进口"));
	}

	@Test
	void aSubmittedProjectNeedsEveryRequiredField() {
		assertThat(problems(ApplicationKind.PROJECT, Mode.SUBMISSION, ApplicationFixtures.JSON.createObjectNode()))
			.containsExactly(new FieldProblem("projectName", "请填写项目名称"), new FieldProblem("policyTask", "请填写重点任务"),
					new FieldProblem("location", "请填写建设地点"), new FieldProblem("constructionStart", "请填写建设开始日期"),
					new FieldProblem("constructionEnd", "请填写建设完成日期"), new FieldProblem("totalInvestment", "请填写总投资"),
					new FieldProblem("equipmentInvestment", "请填写设备投资"), new FieldProblem("equipment", "请至少填写一条设备明细"));
	}

	@Test
	void aSubmittedSubsidyNeedsProjectCommissioningDateAndAnInvoicedLine() {
		assertThat(problems(ApplicationKind.SUBSIDY, Mode.SUBMISSION, ApplicationFixtures.JSON.createObjectNode()))
			.containsExactly(new FieldProblem("projectId", "请填写所属入库项目"),
					new FieldProblem("commissioningDate", "请填写设备投用日期"),
					new FieldProblem("equipment", "请至少填写一条已购设备及其发票"));
	}

	@Test
	void aSubmittedLoanNeedsProjectBankAmountTermAndPurpose() {
		assertThat(problems(ApplicationKind.LOAN, Mode.SUBMISSION, ApplicationFixtures.JSON.createObjectNode()))
			.containsExactly(new FieldProblem("projectId", "请填写所属入库项目"), new FieldProblem("bankKeys", "请填写意向银行"),
					new FieldProblem("loanAmount", "请填写贷款金额"), new FieldProblem("loanTermMonths", "请填写贷款期限（月）"),
					new FieldProblem("loanPurpose", "请填写贷款用途"));
	}

	@Test
	void subsidyLinesNeedTheirInvoice() {
		ObjectNode d = subsidy("42", TODAY);
		equipmentLine(d, 0).remove(List.of("invoiceNo", "invoiceDate", "invoiceAmount"));
		assertThat(problems(ApplicationKind.SUBSIDY, Mode.SUBMISSION, d)).containsExactly(
				new FieldProblem("equipment[0].invoiceNo", "请填写发票号码"),
				new FieldProblem("equipment[0].invoiceDate", "请填写开票日期"),
				new FieldProblem("equipment[0].invoiceAmount", "请填写发票金额"));
	}

	@Test
	void amountsAreExactWithTwoDecimals() {
		ObjectNode d = project(0).put("totalInvestment", "1,250,000.5").put("equipmentInvestment", "0.30");
		d.putArray("equipment").add(ApplicationFixtures.line(0).put("quantity", "3").put("unitPrice", "0.1"));
		ProjectDossier dossier = validate(ApplicationKind.PROJECT, Mode.SUBMISSION, d, ProjectDossier.class);
		assertThat(dossier.totalInvestment()).isEqualTo(new BigDecimal("1250000.50"));
		assertThat(dossier.equipmentInvestment()).isEqualTo(new BigDecimal("0.30"));
		assertThat(dossier.equipment().get(0).unitPrice()).isEqualTo(new BigDecimal("0.10"));
		// 3 × 0.1 is 0.30000000000000004 in floating point, which would exceed the
		// equipment investment
		assertThat(dossier.equipmentTotal()).isEqualTo(new BigDecimal("0.30"));
		assertThat(dossier.expectedEnergySaving()).isEqualTo(new BigDecimal("120.50"));
	}

	@Test
	void equipmentLinesMayNotAddUpToMoreThanTheEquipmentInvestment() {
		ObjectNode d = project(2).put("equipmentInvestment", "739999.99");
		assertOnlyProblem(ApplicationKind.PROJECT, d, "equipmentInvestment", "设备明细合计 740,000.00 元，超过所填设备投资");
	}

	@Test
	void blankSpareRowsAreIgnored() {
		ObjectNode d = project(1);
		d.withArray("equipment").addObject().put("name", " ").put("origin", "DOMESTIC");
		assertThat(validate(ApplicationKind.PROJECT, Mode.SUBMISSION, d, ProjectDossier.class).equipment()).hasSize(1);
	}

	@Test
	void refusesABidiOverrideInTheProjectNameEvenInADraft() {
		ObjectNode d = project(1).put("projectName", "冠县轴承\u202E目项造改线产生");
		assertThat(problems(ApplicationKind.PROJECT, Mode.DRAFT, d))
			.containsExactly(new FieldProblem("projectName", "项目名称含有改变文字方向的控制字符，请删除后重新输入"));
	}

	@Test
	void refusesAControlCharacterInAnEquipmentLineAndNamesTheLineAndColumn() {
		ObjectNode d = project(2);
		equipmentLine(d, 1).put("model", "CK6150\u0000");
		equipmentLine(d, 0).put("replacesEquipment", "C6140\u2066 普通车床");
		assertThat(problems(ApplicationKind.PROJECT, Mode.DRAFT, d)).containsExactlyInAnyOrder(
				new FieldProblem("equipment[1].model", "规格型号含有不可见的控制字符，请删除后重新输入"),
				new FieldProblem("equipment[0].replacesEquipment", "替换的旧设备含有改变文字方向的控制字符，请删除后重新输入"));
	}

	@Test
	void refusesHalfACharacterInTheLocation() {
		ObjectNode d = project(1).put("location", "冠县经济开发区\uD842");
		assertOnlyProblem(ApplicationKind.PROJECT, d, "location", "建设地点含有无法识别的字符（不完整的编码），请删除后重新输入");
	}

	@Test
	void allowsLineBreaksOnlyInTheMultiLineFields() {
		ObjectNode d = project(1).put("otherBenefits", "降低废品率；\r\n减少人工\t两人");
		assertThat(validate(ApplicationKind.PROJECT, Mode.SUBMISSION, d, ProjectDossier.class).otherBenefits())
			.as("a CR LF counts once, and is kept as LF")
			.isEqualTo("降低废品率；\n减少人工\t两人");
		assertThat(validate(ApplicationKind.LOAN, Mode.SUBMISSION, loan("42").put("loanPurpose", "购置数控车床\n及配套检测设备"),
				LoanDossier.class)
			.loanPurpose()).contains("\n");

		ObjectNode named = project(1).put("projectName", "冠县轴承\n生产线改造项目");
		assertOnlyProblem(ApplicationKind.PROJECT, named, "projectName", "项目名称含有不可见的控制字符，请删除后重新输入");
	}

	@Test
	void acceptsCharactersBeyondTheBasicPlaneSuchAsRareNamesAndEmoji() {
		ObjectNode d = project(1).put("projectName", "\uD840\uDC0B记轴承生产线改造项目 \uD83D\uDE9C");
		assertThat(validate(ApplicationKind.PROJECT, Mode.SUBMISSION, d, ProjectDossier.class).projectName())
			.startsWith("\uD840\uDC0B记");
	}

	@Test
	void aSavedDossierIsCheckedForSubmissionOnItsTypedValuesWithTheFormsMessages() {
		ObjectNode partProject = project(1);
		partProject.remove("location");
		partProject.remove("totalInvestment");
		ObjectNode partLoan = loan("42");
		partLoan.remove("bankKeys");
		partLoan.remove("loanPurpose");
		ObjectNode emptySubsidyLines = subsidy("42", TODAY);
		emptySubsidyLines.remove("equipment");
		List<Object[]> cases = List.of(new Object[] { ApplicationKind.PROJECT, project(3) },
				new Object[] { ApplicationKind.SUBSIDY, subsidy("42", TODAY) },
				new Object[] { ApplicationKind.LOAN, loan("42") },
				new Object[] { ApplicationKind.PROJECT, partProject }, new Object[] { ApplicationKind.LOAN, partLoan },
				new Object[] { ApplicationKind.SUBSIDY, emptySubsidyLines },
				new Object[] { ApplicationKind.PROJECT, ApplicationFixtures.JSON.createObjectNode() },
				new Object[] { ApplicationKind.SUBSIDY, ApplicationFixtures.JSON.createObjectNode() },
				new Object[] { ApplicationKind.LOAN, ApplicationFixtures.JSON.createObjectNode() });
		for (Object[] c : cases) {
			ApplicationKind kind = (ApplicationKind) c[0];
			ObjectNode typed = (ObjectNode) c[1];
			Dossier saved = validate(kind, Mode.DRAFT, typed);
			List<FieldProblem> asTyped = new DossierValidator(kind, Mode.SUBMISSION, BANKS, TODAY)
				.submissionProblems(saved);
			assertThat(asTyped).as(kind + " " + typed).isEqualTo(submissionProblemsOfForm(kind, typed));
		}
		assertThat(submissionProblemsOfForm(ApplicationKind.PROJECT, partProject)).isNotEmpty();
	}

	@Test
	void aSavedLoanWhoseBankLeftTheDirectoryCannotBeSubmitted() {
		Dossier saved = validate(ApplicationKind.LOAN, Mode.DRAFT, loan("42"));

		List<FieldProblem> problems = new DossierValidator(ApplicationKind.LOAN, Mode.SUBMISSION, Set.of("boc"), TODAY)
			.submissionProblems(saved);

		assertThat(problems).containsExactly(new FieldProblem("bankKeys", "请从列出的银行中选择"));
	}

	private static List<FieldProblem> submissionProblemsOfForm(ApplicationKind kind, ObjectNode dossier) {
		try {
			new DossierValidator(kind, Mode.SUBMISSION, BANKS, TODAY).validate(form(dossier));
			return List.of();
		}
		catch (DossierInvalidException e) {
			return e.problems();
		}
	}

	private static void assertOnlyProblem(ApplicationKind kind, ObjectNode dossier, String field, String message) {
		assertThat(problems(kind, Mode.SUBMISSION, dossier)).containsExactly(new FieldProblem(field, message));
	}

	private static Dossier validate(ApplicationKind kind, Mode mode, ObjectNode dossier) {
		return new DossierValidator(kind, mode, BANKS, TODAY).validate(form(dossier));
	}

	/** The dossier validated as its kind's record. */
	private static <T extends Dossier> T validate(ApplicationKind kind, Mode mode, ObjectNode dossier, Class<T> type) {
		Dossier validated = validate(kind, mode, dossier);
		assertThat(validated).isInstanceOf(type);
		return type.cast(validated);
	}

	private static List<FieldProblem> problems(ApplicationKind kind, Mode mode, ObjectNode dossier) {
		DossierValidator validator = new DossierValidator(kind, mode, BANKS, TODAY);
		try {
			validator.validate(form(dossier));
		}
		catch (DossierInvalidException e) {
			return e.problems();
		}
		throw new AssertionError("the dossier passed, but problems were expected");
	}

}
