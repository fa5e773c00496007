package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.renewal.application.Dossier.EquipmentLine;

/** Turns a stored dossier back into the form it was typed in, for editing. */
final class DossierForms {

	private DossierForms() {
	}

	static DossierForm of(Dossier d) {
		DossierForm f = new DossierForm();
		if (d instanceof ProjectDossier p) {
			f.setProjectName(p.projectName());
			f.setPolicyTask(text(p.policyTask()));
			f.setLocation(p.location());
			f.setConstructionStart(text(p.constructionStart()));
			f.setConstructionEnd(text(p.constructionEnd()));
			f.setTotalInvestment(text(p.totalInvestment()));
			f.setEquipmentInvestment(text(p.equipmentInvestment()));
			f.setNeedsNewLand(p.needsNewLand());
			f.setNeedsEnergyUse(p.needsEnergyUse());
			f.setNeedsEmissionQuota(p.needsEmissionQuota());
			f.setExpectedOutputValue(text(p.expectedOutputValue()));
			f.setExpectedEnergySaving(text(p.expectedEnergySaving()));
			f.setOtherBenefits(p.otherBenefits());
			f.setEquipment(lines(p.equipment()));
		}
		else if (d instanceof SubsidyDossier s) {
			f.setProjectId(text(s.projectId()));
			f.setCommissioningDate(text(s.commissioningDate()));
			f.setEquipment(lines(s.equipment()));
		}
		else if (d instanceof LoanDossier l) {
			f.setProjectId(text(l.projectId()));
			f.setBankKeys(new ArrayList<>(l.bankKeys()));
			f.setLoanAmount(text(l.loanAmount()));
			f.setLoanTermMonths(text(l.loanTermMonths()));
			f.setLoanPurpose(l.loanPurpose());
		}
		return f;
	}

	private static List<EquipmentLineForm> lines(List<EquipmentLine> equipment) {
		List<EquipmentLineForm> lines = new ArrayList<>();
		for (EquipmentLine line : equipment) {
			EquipmentLineForm l = new EquipmentLineForm();
			l.setName(line.name());
			l.setModel(line.model());
			l.setQuantity(Integer.toString(line.quantity()));
			l.setUnitPrice(text(line.unitPrice()));
			l.setOrigin(line.origin().name());
			l.setReplacesEquipment(line.replacesEquipment());
			l.setReplacedAgeYears(text(line.replacedAgeYears()));
			l.setEfficiencyGrade(text(line.efficiencyGrade()));
			l.setInvoiceNo(line.invoiceNo());
			l.setInvoiceDate(text(line.invoiceDate()));
			l.setInvoiceAmount(text(line.invoiceAmount()));
			lines.add(l);
		}
		return lines;
	}

	/**
	 * A registered project's line as the start of a subsidy line: what was bought, not
	 * yet which invoice.
	 */
	static EquipmentLineForm line(EquipmentLine line) {
		EquipmentLineForm l = new EquipmentLineForm();
		l.setName(line.name());
		l.setModel(line.model());
		l.setQuantity(Integer.toString(line.quantity()));
		l.setUnitPrice(text(line.unitPrice()));
		l.setOrigin(line.origin().name());
		return l;
	}

	private static String text(BigDecimal b) {
		return b == null ? null : b.toPlainString();
	}

	private static String text(Integer i) {
		return i == null ? null : i.toString();
	}

	private static String text(Long l) {
		return l == null ? null : l.toString();
	}

	private static String text(LocalDate d) {
		return d == null ? null : d.toString();
	}

}
