package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.application.Dossier.EquipmentLine;
import cn.liaocheng.renewal.application.Dossier.Origin;

/**
 * What a correction changed, part by part, as the history and the decision name it.
 */
class DossierChangesTest {

	private static final EquipmentLine LATHE = new EquipmentLine("数控车床", "CK6150", 2, new BigDecimal("350000.00"),
			Origin.DOMESTIC, "普通车床", 15, 1, null, null, null);

	private static ProjectDossier project(String location, BigDecimal total, List<EquipmentLine> equipment) {
		return new ProjectDossier("轴承产线改造", 7, location, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), total,
				new BigDecimal("700000.00"), false, false, false, null, null, null, equipment);
	}

	@Test
	void theSameDossierHasNoChangesWhateverTheScaleOfItsAmounts() {
		ProjectDossier before = project("冠县经济开发区", new BigDecimal("1000000.00"), List.of(LATHE));
		ProjectDossier after = project("冠县经济开发区", new BigDecimal("1000000"), List.of(new EquipmentLine("数控车床", "CK6150",
				2, new BigDecimal("350000"), Origin.DOMESTIC, "普通车床", 15, 1, null, null, null)));

		assertThat(DossierChanges.between(before, after)).isEmpty();
	}

	@Test
	void eachChangedPartIsNamedOnceInTheFormsOrder() {
		ProjectDossier before = project("冠县经济开发区", new BigDecimal("1000000.00"), List.of(LATHE));
		ProjectDossier after = project("冠县经济开发区振兴路 18 号", new BigDecimal("1200000.00"),
				List.of(LATHE, new EquipmentLine("磨床", "M1432", 1, new BigDecimal("200000.00"), Origin.IMPORTED, null,
						null, null, null, null, null)));

		assertThat(DossierChanges.between(before, after)).containsExactly("建设地点", "总投资", "设备明细及发票");
	}

	/**
	 * Free text may hold commas: a line rewritten so that its fields written one after
	 * another read as before is still another line. The comparison goes field by field; a
	 * fingerprint of each part's text cannot tell them apart, which is why a correction's
	 * changes are taken from the dossier last submitted (ApplicationStore).
	 */
	@Test
	void aRewrittenLineIsAChangeEvenWhereItsFieldsReadAlikeAsText() {
		EquipmentLine domestic = new EquipmentLine("数控车床", "CK6150", 1, new BigDecimal("100000.00"), Origin.DOMESTIC,
				"4, 200000, IMPORTED, 普通车床", 15, 1, null, null, null);
		EquipmentLine imported = new EquipmentLine("数控车床", "CK6150, 1, 100000, DOMESTIC", 4,
				new BigDecimal("200000.00"), Origin.IMPORTED, "普通车床", 15, 1, null, null, null);
		ProjectDossier before = project("冠县经济开发区", new BigDecimal("1000000.00"), List.of(domestic));
		ProjectDossier after = project("冠县经济开发区", new BigDecimal("1000000.00"), List.of(imported));

		assertThat(DossierChanges.between(before, after)).containsExactly("设备明细及发票");
		assertThat(DossierChanges.since(DossierChanges.fingerprint(before, List.of()), after, List.of()))
			.as("the fingerprint's view, which is why it is not relied on for the dossier's parts")
			.doesNotContain("设备明细及发票");
	}

	@Test
	void aSubsidysInvoiceAndALoansBanksAreParts() {
		EquipmentLine invoiced = new EquipmentLine("数控车床", "CK6150", 2, new BigDecimal("350000.00"), Origin.DOMESTIC,
				null, null, null, "12345678", LocalDate.of(2026, 5, 1), new BigDecimal("700000.00"));
		EquipmentLine otherInvoice = new EquipmentLine("数控车床", "CK6150", 2, new BigDecimal("350000.00"),
				Origin.DOMESTIC, null, null, null, "87654321", LocalDate.of(2026, 5, 1), new BigDecimal("700000.00"));
		assertThat(DossierChanges.between(new SubsidyDossier(3L, LocalDate.of(2026, 6, 1), List.of(invoiced)),
				new SubsidyDossier(3L, LocalDate.of(2026, 6, 2), List.of(otherInvoice))))
			.containsExactly("设备投用日期", "设备明细及发票");

		assertThat(
				DossierChanges.between(new LoanDossier(3L, List.of("icbc"), new BigDecimal("5000000.00"), 36, "购置设备"),
						new LoanDossier(3L, List.of("icbc", "abc"), new BigDecimal("5000000"), 36, "购置设备")))
			.containsExactly("意向银行");
	}

	@Test
	void aFingerprintTellsWhatDiffersFromTheStartWhateverHappenedBetween() {
		LoanDossier start = new LoanDossier(3L, List.of("icbc"), new BigDecimal("5000000.00"), 36, "购置设备");
		String base = DossierChanges.fingerprint(start, List.of("b", "a"));

		assertThat(DossierChanges.since(base,
				new LoanDossier(3L, List.of("icbc"), new BigDecimal("5000000"), 36, "购置设备"), List.of("a", "b")))
			.as("the same amount at another scale, the same attachments in another order")
			.isEmpty();
		assertThat(DossierChanges.since(base,
				new LoanDossier(3L, List.of("icbc"), new BigDecimal("4000000"), 36, "购置设备"), List.of("a", "b", "c")))
			.containsExactly("贷款金额", DossierChanges.ATTACHMENTS);
		assertThat(base.length()).as("fits application.correction_base").isLessThan(1000);
	}

	@Test
	void partsGatheredOverSeveralEditsKeepTheFormsOrderWithAttachmentsLast() {
		String first = DossierChanges.join(null, List.of("设备明细及发票"));
		String second = DossierChanges.join(first, List.of(DossierChanges.ATTACHMENTS, "建设地点"));
		String third = DossierChanges.join(second, List.of("建设地点"));

		assertThat(third).isEqualTo("建设地点、设备明细及发票、附件");
		assertThat(DossierChanges.join("", List.of())).isEmpty();
	}

	@Test
	void aResubmissionSaysWhatChangedOrThatNothingDidOrNothingIfUnrecorded() {
		assertThat(new Resubmission(null, "建设地点、附件").clause()).isEqualTo("修改了建设地点、附件");
		assertThat(new Resubmission(null, "").clause()).isEqualTo("申报材料未作修改");
		assertThat(new Resubmission(null, null).clause()).isEmpty();
	}

}
