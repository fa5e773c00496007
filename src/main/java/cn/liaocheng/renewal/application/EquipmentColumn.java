package cn.liaocheng.renewal.application;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import cn.liaocheng.renewal.document.Spreadsheets.Format;

/**
 * The columns of the equipment list template, in the portal's words: each names the line
 * field it fills, how its cells are read, and the label {@link DossierValidator} gives
 * the field, so that a rule's message can be shown under the column's own name.
 */
enum EquipmentColumn {

	SEQUENCE(null, "序号", null, Format.TEXT, Reading.IGNORED, 8, null),
	NAME("name", "设备名称", "设备名称", Format.TEXT, Reading.TEXT, 24, EquipmentLineForm::setName),
	MODEL("model", "规格型号", "规格型号", Format.TEXT, Reading.TEXT, 20, EquipmentLineForm::setModel),
	QUANTITY("quantity", "数量", "数量", Format.INTEGER, Reading.INTEGER, 10, EquipmentLineForm::setQuantity),
	UNIT_PRICE("unitPrice", "单价（元）", "单价", Format.AMOUNT, Reading.AMOUNT, 16, EquipmentLineForm::setUnitPrice),
	ORIGIN("origin", "产地（国产/进口）", null, Format.TEXT, Reading.ORIGIN, 12, EquipmentLineForm::setOrigin),
	REPLACES("replacesEquipment", "替换的旧设备", "替换的旧设备", Format.TEXT, Reading.TEXT, 20,
			EquipmentLineForm::setReplacesEquipment),
	REPLACED_AGE("replacedAgeYears", "旧设备已用年限", "旧设备已使用年限", Format.INTEGER, Reading.INTEGER, 14,
			EquipmentLineForm::setReplacedAgeYears),
	EFFICIENCY_GRADE("efficiencyGrade", "能效等级（1–5，不涉及留空）", "能效等级", Format.INTEGER, Reading.GRADE, 16,
			EquipmentLineForm::setEfficiencyGrade),
	INVOICE_NO("invoiceNo", "发票号码", "发票号码", Format.TEXT, Reading.CODE, 26, EquipmentLineForm::setInvoiceNo),
	INVOICE_DATE("invoiceDate", "开票日期", "开票日期", Format.DATE, Reading.DATE, 14, EquipmentLineForm::setInvoiceDate),
	INVOICE_AMOUNT("invoiceAmount", "发票金额（元）", "发票金额", Format.AMOUNT, Reading.AMOUNT, 16,
			EquipmentLineForm::setInvoiceAmount);

	/** How a cell of the column becomes the text the validator reads. */
	enum Reading {

		IGNORED, TEXT, CODE, INTEGER, GRADE, AMOUNT, DATE, ORIGIN

	}

	private final String field;

	private final String header;

	private final String validatorLabel;

	private final Format format;

	private final Reading reading;

	private final int width;

	private final BiConsumer<EquipmentLineForm, String> setter;

	EquipmentColumn(String field, String header, String validatorLabel, Format format, Reading reading, int width,
			BiConsumer<EquipmentLineForm, String> setter) {
		this.field = field;
		this.header = header;
		this.validatorLabel = validatorLabel;
		this.format = format;
		this.reading = reading;
		this.width = width;
		this.setter = setter;
	}

	/** The template's columns for a kind, in the portal table's order. */
	static List<EquipmentColumn> of(ApplicationKind kind) {
		return switch (kind) {
			case PROJECT ->
				List.of(SEQUENCE, NAME, MODEL, QUANTITY, UNIT_PRICE, ORIGIN, REPLACES, REPLACED_AGE, EFFICIENCY_GRADE);
			case SUBSIDY ->
				List.of(SEQUENCE, NAME, MODEL, QUANTITY, UNIT_PRICE, ORIGIN, INVOICE_NO, INVOICE_DATE, INVOICE_AMOUNT);
			case LOAN -> List.of();
		};
	}

	/** The column of a line field ("quantity"), among a kind's columns. */
	static Optional<EquipmentColumn> ofField(String field) {
		return Arrays.stream(values()).filter(c -> field.equals(c.field)).findFirst();
	}

	/**
	 * The name the column goes by in messages: the header without its hints ("单价", not
	 * "单价（元）").
	 */
	String label() {
		return bare(header);
	}

	String field() {
		return field;
	}

	String header() {
		return header;
	}

	Format format() {
		return format;
	}

	Reading reading() {
		return reading;
	}

	int width() {
		return width;
	}

	String validatorLabel() {
		return validatorLabel;
	}

	void set(EquipmentLineForm line, String value) {
		if (setter != null) {
			setter.accept(line, value);
		}
	}

	/**
	 * Whether a header cell names this column: the words before any bracketed hint, with
	 * spaces and required-marks ignored ("单价（元）*", "单价 (元)", "单价").
	 */
	boolean named(String headerCell) {
		return bare(headerCell).equals(label());
	}

	static String bare(String text) {
		String t = text.replaceAll("[\\s*＊]", "");
		int bracket = t.replaceAll("[（(【\\[].*$", "").length();
		return t.substring(0, bracket);
	}

}
