package cn.liaocheng.renewal.application;

import com.fasterxml.jackson.annotation.JsonIgnore;

import cn.liaocheng.renewal.operations.WholeRecord;

/**
 * One equipment line as typed: numbers and dates stay text until validated, so that a
 * wrong entry is reported in Chinese next to its field instead of failing to bind.
 */
public class EquipmentLineForm implements WholeRecord {

	private String name;

	private String model;

	private String quantity;

	private String unitPrice;

	private String origin;

	private String replacesEquipment;

	private String replacedAgeYears;

	private String efficiencyGrade;

	private String invoiceNo;

	private String invoiceDate;

	private String invoiceAmount;

	/**
	 * A line the enterprise left empty (the portal offers spare rows). Not a field of the
	 * line: a client's copy of the form sends it back, and it is not refused as unknown.
	 */
	@JsonIgnore
	public boolean isBlank() {
		return blank(name) && blank(model) && blank(quantity) && blank(unitPrice) && blank(replacesEquipment)
				&& blank(replacedAgeYears) && blank(efficiencyGrade) && blank(invoiceNo) && blank(invoiceDate)
				&& blank(invoiceAmount);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getModel() {
		return model;
	}

	public void setModel(String model) {
		this.model = model;
	}

	public String getQuantity() {
		return quantity;
	}

	public void setQuantity(String quantity) {
		this.quantity = quantity;
	}

	public String getUnitPrice() {
		return unitPrice;
	}

	public void setUnitPrice(String unitPrice) {
		this.unitPrice = unitPrice;
	}

	public String getOrigin() {
		return origin;
	}

	public void setOrigin(String origin) {
		this.origin = origin;
	}

	public String getReplacesEquipment() {
		return replacesEquipment;
	}

	public void setReplacesEquipment(String replacesEquipment) {
		this.replacesEquipment = replacesEquipment;
	}

	public String getReplacedAgeYears() {
		return replacedAgeYears;
	}

	public void setReplacedAgeYears(String replacedAgeYears) {
		this.replacedAgeYears = replacedAgeYears;
	}

	public String getEfficiencyGrade() {
		return efficiencyGrade;
	}

	public void setEfficiencyGrade(String efficiencyGrade) {
		this.efficiencyGrade = efficiencyGrade;
	}

	public String getInvoiceNo() {
		return invoiceNo;
	}

	public void setInvoiceNo(String invoiceNo) {
		this.invoiceNo = invoiceNo;
	}

	public String getInvoiceDate() {
		return invoiceDate;
	}

	public void setInvoiceDate(String invoiceDate) {
		this.invoiceDate = invoiceDate;
	}

	public String getInvoiceAmount() {
		return invoiceAmount;
	}

	public void setInvoiceAmount(String invoiceAmount) {
		this.invoiceAmount = invoiceAmount;
	}

}
