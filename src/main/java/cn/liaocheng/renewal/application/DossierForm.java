package cn.liaocheng.renewal.application;

import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.renewal.operations.WholeRecord;

/**
 * A dossier as typed in the portal or sent to the API, for any kind of application; which
 * fields count depends on the kind. Text until {@link DossierValidator} has read it. A
 * change replaces the whole dossier, so the API refuses a field it does not have.
 */
public class DossierForm implements WholeRecord {

	private String projectName;

	private String policyTask;

	private String location;

	private String constructionStart;

	private String constructionEnd;

	private String totalInvestment;

	private String equipmentInvestment;

	private Boolean needsNewLand;

	private Boolean needsEnergyUse;

	private Boolean needsEmissionQuota;

	private String expectedOutputValue;

	private String expectedEnergySaving;

	private String otherBenefits;

	private String projectId;

	private String commissioningDate;

	private List<String> bankKeys = new ArrayList<>();

	private String loanAmount;

	private String loanTermMonths;

	private String loanPurpose;

	private List<EquipmentLineForm> equipment = new ArrayList<>();

	public String getProjectName() {
		return projectName;
	}

	public void setProjectName(String projectName) {
		this.projectName = projectName;
	}

	public String getPolicyTask() {
		return policyTask;
	}

	public void setPolicyTask(String policyTask) {
		this.policyTask = policyTask;
	}

	public String getLocation() {
		return location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getConstructionStart() {
		return constructionStart;
	}

	public void setConstructionStart(String constructionStart) {
		this.constructionStart = constructionStart;
	}

	public String getConstructionEnd() {
		return constructionEnd;
	}

	public void setConstructionEnd(String constructionEnd) {
		this.constructionEnd = constructionEnd;
	}

	public String getTotalInvestment() {
		return totalInvestment;
	}

	public void setTotalInvestment(String totalInvestment) {
		this.totalInvestment = totalInvestment;
	}

	public String getEquipmentInvestment() {
		return equipmentInvestment;
	}

	public void setEquipmentInvestment(String equipmentInvestment) {
		this.equipmentInvestment = equipmentInvestment;
	}

	public Boolean getNeedsNewLand() {
		return needsNewLand;
	}

	public void setNeedsNewLand(Boolean needsNewLand) {
		this.needsNewLand = needsNewLand;
	}

	public Boolean getNeedsEnergyUse() {
		return needsEnergyUse;
	}

	public void setNeedsEnergyUse(Boolean needsEnergyUse) {
		this.needsEnergyUse = needsEnergyUse;
	}

	public Boolean getNeedsEmissionQuota() {
		return needsEmissionQuota;
	}

	public void setNeedsEmissionQuota(Boolean needsEmissionQuota) {
		this.needsEmissionQuota = needsEmissionQuota;
	}

	public String getExpectedOutputValue() {
		return expectedOutputValue;
	}

	public void setExpectedOutputValue(String expectedOutputValue) {
		this.expectedOutputValue = expectedOutputValue;
	}

	public String getExpectedEnergySaving() {
		return expectedEnergySaving;
	}

	public void setExpectedEnergySaving(String expectedEnergySaving) {
		this.expectedEnergySaving = expectedEnergySaving;
	}

	public String getOtherBenefits() {
		return otherBenefits;
	}

	public void setOtherBenefits(String otherBenefits) {
		this.otherBenefits = otherBenefits;
	}

	public String getProjectId() {
		return projectId;
	}

	public void setProjectId(String projectId) {
		this.projectId = projectId;
	}

	public String getCommissioningDate() {
		return commissioningDate;
	}

	public void setCommissioningDate(String commissioningDate) {
		this.commissioningDate = commissioningDate;
	}

	public List<String> getBankKeys() {
		return bankKeys;
	}

	public void setBankKeys(List<String> bankKeys) {
		this.bankKeys = bankKeys == null ? new ArrayList<>() : bankKeys;
	}

	public String getLoanAmount() {
		return loanAmount;
	}

	public void setLoanAmount(String loanAmount) {
		this.loanAmount = loanAmount;
	}

	public String getLoanTermMonths() {
		return loanTermMonths;
	}

	public void setLoanTermMonths(String loanTermMonths) {
		this.loanTermMonths = loanTermMonths;
	}

	public String getLoanPurpose() {
		return loanPurpose;
	}

	public void setLoanPurpose(String loanPurpose) {
		this.loanPurpose = loanPurpose;
	}

	public List<EquipmentLineForm> getEquipment() {
		return equipment;
	}

	public void setEquipment(List<EquipmentLineForm> equipment) {
		this.equipment = equipment;
	}

}
