package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A dossier after validation: one record per kind of application, each with only the
 * fields its kind has, typed, {@code null} where a draft leaves a field empty. Callers
 * match on the record; what the kinds share is named here ({@link Equipped},
 * {@link #registeredProject()}). The API writes every kind in one flat shape,
 * {@link DossierJson}.
 */
@Schema(implementation = DossierJson.class)
public sealed interface Dossier permits ProjectDossier, SubsidyDossier, LoanDossier {

	ApplicationKind kind();

	/**
	 * The registered project a subsidy or loan builds on, once chosen; empty for a
	 * project.
	 */
	Optional<Long> registeredProject();

	/** The equipment lines, for the kinds that have them; none for a loan. */
	default List<EquipmentLine> equipmentLines() {
		return this instanceof Equipped equipped ? equipped.equipment() : List.of();
	}

	/** The flat shape the API has always written, whatever the kind. */
	@JsonValue
	default DossierJson json() {
		return DossierJson.of(this);
	}

	/**
	 * The kinds with equipment lines: a project lists what it will buy, a subsidy claim
	 * what was bought, with its invoices.
	 */
	sealed interface Equipped permits ProjectDossier, SubsidyDossier {

		List<EquipmentLine> equipment();

		default BigDecimal equipmentTotal() {
			return equipment().stream().map(EquipmentLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	/**
	 * One validated equipment line; the invoice fields are a subsidy claim's and
	 * {@code null} on a project's lines.
	 */
	record EquipmentLine(String name, String model, int quantity, BigDecimal unitPrice, Origin origin,
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
	enum Origin {

		DOMESTIC("国产"), IMPORTED("进口");

		private final String label;

		Origin(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
