package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A dossier after validation: typed values, {@code null} where a draft leaves a field
 * empty. {@code bankKeys}: the banks a loan is asked of, one to three, in the
 * enterprise's order (empty for other kinds).
 */
public record Dossier(String projectName, Integer policyTask, String location, LocalDate constructionStart,
		LocalDate constructionEnd, BigDecimal totalInvestment, BigDecimal equipmentInvestment, boolean needsNewLand,
		boolean needsEnergyUse, boolean needsEmissionQuota, BigDecimal expectedOutputValue,
		BigDecimal expectedEnergySaving, String otherBenefits, Long projectId, LocalDate commissioningDate,
		List<String> bankKeys, BigDecimal loanAmount, Integer loanTermMonths, String loanPurpose,
		List<EquipmentLine> equipment) {

	/** One validated equipment line. */
	public record EquipmentLine(String name, String model, int quantity, BigDecimal unitPrice, Origin origin,
			String replacesEquipment, Integer replacedAgeYears, Integer efficiencyGrade, String invoiceNo,
			LocalDate invoiceDate, BigDecimal invoiceAmount) {

		public BigDecimal amount() {
			return unitPrice.multiply(BigDecimal.valueOf(quantity));
		}

		/**
		 * Whether an invoice amount is given and differs from quantity × unit price (a
		 * warning, see InvoiceChecks).
		 */
		public boolean invoiceDiffers() {
			return InvoiceChecks.differs(this);
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

	public Dossier {
		bankKeys = bankKeys == null ? List.of() : List.copyOf(bankKeys);
	}

	public BigDecimal equipmentTotal() {
		return equipment.stream().map(EquipmentLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
