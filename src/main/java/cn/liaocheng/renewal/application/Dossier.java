package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A dossier after validation: typed values, {@code null} where a draft leaves a field empty. */
public record Dossier(String projectName, Integer policyTask, String location, LocalDate constructionStart,
		LocalDate constructionEnd, BigDecimal totalInvestment, BigDecimal equipmentInvestment, boolean needsNewLand,
		boolean needsEnergyUse, boolean needsEmissionQuota, BigDecimal expectedOutputValue,
		BigDecimal expectedEnergySaving, String otherBenefits, Long projectId, LocalDate commissioningDate,
		String bankKey, BigDecimal loanAmount, Integer loanTermMonths, String loanPurpose, List<EquipmentLine> equipment) {

	/** One validated equipment line. */
	public record EquipmentLine(String name, String model, int quantity, BigDecimal unitPrice, Origin origin,
			String replacesEquipment, Integer replacedAgeYears, Integer efficiencyGrade, String invoiceNo,
			LocalDate invoiceDate, BigDecimal invoiceAmount) {

		public BigDecimal amount() {
			return unitPrice.multiply(BigDecimal.valueOf(quantity));
		}

	}

	/** Where a piece of equipment is made. */
	public enum Origin {

		DOMESTIC("国产"), IMPORTED("进口");

		private final String label;

		Origin(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public BigDecimal equipmentTotal() {
		return equipment.stream().map(EquipmentLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The equipment as invoiced: each line's invoice amount, or its price where it has no invoice yet. */
	public BigDecimal invoicedTotal() {
		return equipment.stream()
			.map(line -> line.invoiceAmount() != null ? line.invoiceAmount() : line.amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** DOMESTIC, IMPORTED or MIXED (DOMESTIC for no equipment): an input of the subsidy-rate table. */
	public String equipmentOrigin() {
		long imported = equipment.stream().filter(line -> line.origin() == Origin.IMPORTED).count();
		return imported == 0 ? Origin.DOMESTIC.name() : imported == equipment.size() ? Origin.IMPORTED.name() : "MIXED";
	}

}
