package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.liaocheng.renewal.application.Dossier.EquipmentLine;

/**
 * A dossier as the API writes it: one flat object for every kind, the fields of the other
 * kinds left out as empty (absent, {@code false}, or an empty list), as the request's
 * {@link DossierForm} takes them. Clients written against this shape keep working
 * whatever record the kind has.
 */
@Schema(name = "Dossier")
public record DossierJson(String projectName, Integer policyTask, String location, LocalDate constructionStart,
		LocalDate constructionEnd, BigDecimal totalInvestment, BigDecimal equipmentInvestment, boolean needsNewLand,
		boolean needsEnergyUse, boolean needsEmissionQuota, BigDecimal expectedOutputValue,
		BigDecimal expectedEnergySaving, String otherBenefits, Long projectId, LocalDate commissioningDate,
		List<String> bankKeys, BigDecimal loanAmount, Integer loanTermMonths, String loanPurpose,
		List<EquipmentLine> equipment) {

	static DossierJson of(Dossier dossier) {
		if (dossier instanceof ProjectDossier p) {
			return new DossierJson(p.projectName(), p.policyTask(), p.location(), p.constructionStart(),
					p.constructionEnd(), p.totalInvestment(), p.equipmentInvestment(), p.needsNewLand(),
					p.needsEnergyUse(), p.needsEmissionQuota(), p.expectedOutputValue(), p.expectedEnergySaving(),
					p.otherBenefits(), null, null, List.of(), null, null, null, p.equipment());
		}
		if (dossier instanceof SubsidyDossier s) {
			return new DossierJson(null, null, null, null, null, null, null, false, false, false, null, null, null,
					s.projectId(), s.commissioningDate(), List.of(), null, null, null, s.equipment());
		}
		LoanDossier l = (LoanDossier) dossier;
		return new DossierJson(null, null, null, null, null, null, null, false, false, false, null, null, null,
				l.projectId(), null, l.bankKeys(), l.loanAmount(), l.loanTermMonths(), l.loanPurpose(), List.of());
	}

	/**
	 * The dossier of {@code kind} this shape holds back (the fields of the other kinds
	 * ignored), as a dossier written with {@link Dossier#json()} was.
	 */
	public Dossier dossier(ApplicationKind kind) {
		return switch (kind) {
			case PROJECT -> new ProjectDossier(projectName, policyTask, location, constructionStart, constructionEnd,
					totalInvestment, equipmentInvestment, needsNewLand, needsEnergyUse, needsEmissionQuota,
					expectedOutputValue, expectedEnergySaving, otherBenefits, equipment);
			case SUBSIDY -> new SubsidyDossier(projectId, commissioningDate, equipment);
			case LOAN -> new LoanDossier(projectId, bankKeys == null ? List.of() : bankKeys, loanAmount, loanTermMonths,
					loanPurpose);
		};
	}

}
