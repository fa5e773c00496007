package cn.liaocheng.renewal.application;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.application.Dossier.EquipmentLine;
import cn.liaocheng.renewal.application.Dossier.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API writes every kind of dossier in the one flat shape its clients were written
 * against: the fields of the other kinds absent, {@code false} or empty lists, in the
 * same order (the application's Jackson settings: non-null fields, ISO dates).
 */
class DossierJsonTest {

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.setSerializationInclusion(JsonInclude.Include.NON_NULL);

	/**
	 * What the API writes it takes back: a client may send a dossier it read, and every
	 * field it read is a field of the request ({@link DossierForm}), and no other. The
	 * two shapes are kept in step by hand (one typed, one text until validated), so this
	 * is where a field added to one and not the other shows.
	 */
	@Test
	void theDossierWrittenAndTheDossierTakenNameTheSameFields() throws Exception {
		assertThat(components(DossierJson.class)).containsExactlyInAnyOrderElementsOf(properties(DossierForm.class));
		assertThat(components(EquipmentLine.class))
			.containsExactlyInAnyOrderElementsOf(properties(EquipmentLineForm.class));
	}

	private static List<String> components(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
	}

	/**
	 * The properties a request can set (Spring's data binding and Jackson use setters).
	 */
	private static List<String> properties(Class<?> type) throws IntrospectionException {
		return Arrays.stream(Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors())
			.filter(p -> p.getWriteMethod() != null)
			.map(PropertyDescriptor::getName)
			.toList();
	}

	@Test
	void aProjectKeepsTheFlatShapeWithAnEmptyListOfBanks() throws Exception {
		EquipmentLine line = new EquipmentLine("数控车床", "CK6150", 2, new BigDecimal("185000.00"), Origin.DOMESTIC,
				"C6140 普通车床", 16, 2, null, null, null);
		Dossier project = new ProjectDossier("项目", 4, "地点", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
				new BigDecimal("1840000.00"), new BigDecimal("840000.00"), false, true, false,
				new BigDecimal("8000000.00"), new BigDecimal("120.50"), "效益", List.of(line));
		assertThat(JSON.writeValueAsString(project)).isEqualTo(
				"""
						{"projectName":"项目","policyTask":4,"location":"地点","constructionStart":"2026-03-01",\
						"constructionEnd":"2026-12-31","totalInvestment":1840000.00,"equipmentInvestment":840000.00,\
						"needsNewLand":false,"needsEnergyUse":true,"needsEmissionQuota":false,"expectedOutputValue":8000000.00,\
						"expectedEnergySaving":120.50,"otherBenefits":"效益","bankKeys":[],"equipment":[{"name":"数控车床",\
						"model":"CK6150","quantity":2,"unitPrice":185000.00,"origin":"DOMESTIC","replacesEquipment":"C6140 普通车床",\
						"replacedAgeYears":16,"efficiencyGrade":2}]}""");
	}

	@Test
	void aSubsidyClaimKeepsTheFactorFlagsAsFalseAndItsInvoices() throws Exception {
		EquipmentLine line = new EquipmentLine("数控车床", "CK6150", 1, new BigDecimal("185000.00"), Origin.IMPORTED, null,
				null, null, "12345678", LocalDate.of(2026, 5, 1), new BigDecimal("180000.00"));
		Dossier subsidy = new SubsidyDossier(42L, LocalDate.of(2026, 6, 1), List.of(line));
		assertThat(JSON.writeValueAsString(subsidy)).isEqualTo(
				"""
						{"needsNewLand":false,"needsEnergyUse":false,"needsEmissionQuota":false,"projectId":42,\
						"commissioningDate":"2026-06-01","bankKeys":[],"equipment":[{"name":"数控车床","model":"CK6150",\
						"quantity":1,"unitPrice":185000.00,"origin":"IMPORTED","invoiceNo":"12345678","invoiceDate":"2026-05-01",\
						"invoiceAmount":180000.00}]}""");
	}

	@Test
	void aLoanKeepsAnEmptyListOfEquipment() throws Exception {
		Dossier loan = new LoanDossier(42L, List.of("icbc", "boc"), new BigDecimal("10000000.00"), 36, "用途");
		assertThat(JSON.writeValueAsString(loan)).isEqualTo("""
				{"needsNewLand":false,"needsEnergyUse":false,"needsEmissionQuota":false,"projectId":42,\
				"bankKeys":["icbc","boc"],"loanAmount":10000000.00,"loanTermMonths":36,"loanPurpose":"用途",\
				"equipment":[]}""");
	}

	@Test
	void anEmptyDraftWritesOnlyTheFlagsAndTheLists() throws Exception {
		String empty = """
				{"needsNewLand":false,"needsEnergyUse":false,"needsEmissionQuota":false,"bankKeys":[],"equipment":[]}""";
		assertThat(JSON.writeValueAsString(new SubsidyDossier(null, null, List.of()))).isEqualTo(empty);
		assertThat(JSON.writeValueAsString(new LoanDossier(null, List.of(), null, null, null))).isEqualTo(empty);
	}

}
