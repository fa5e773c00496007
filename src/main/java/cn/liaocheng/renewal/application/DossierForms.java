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
		f.setProjectName(d.projectName());
		f.setPolicyTask(text(d.policyTask()));
		f.setLocation(d.location());
		f.setConstructionStart(text(d.constructionStart()));
		f.setConstructionEnd(text(d.constructionEnd()));
		f.setTotalInvestment(text(d.totalInvestment()));
		f.setEquipmentInvestment(text(d.equipmentInvestment()));
		f.setNeedsNewLand(d.needsNewLand());
		f.setNeedsEnergyUse(d.needsEnergyUse());
		f.setNeedsEmissionQuota(d.needsEmissionQuota());
		f.setExpectedOutputValue(text(d.expectedOutputValue()));
		f.setExpectedEnergySaving(text(d.expectedEnergySaving()));
		f.setOtherBenefits(d.otherBenefits());
		f.setProjectId(d.projectId() == null ? null : d.projectId().toString());
		f.setCommissioningDate(text(d.commissioningDate()));
		f.setBankKeys(new ArrayList<>(d.bankKeys()));
		f.setLoanAmount(text(d.loanAmount()));
		f.setLoanTermMonths(text(d.loanTermMonths()));
		f.setLoanPurpose(d.loanPurpose());
		List<EquipmentLineForm> lines = new ArrayList<>();
		for (EquipmentLine line : d.equipment()) {
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
		f.setEquipment(lines);
		return f;
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

	private static String text(LocalDate d) {
		return d == null ? null : d.toString();
	}

}
