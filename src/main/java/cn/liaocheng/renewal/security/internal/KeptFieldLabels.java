package cn.liaocheng.renewal.security.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the page of an expired form names what it will submit again: each field by the
 * label its form shows (第13行 单价（元） for {@code equipment[12].unitPrice}), choices by their
 * words (国产 for {@code DOMESTIC}, 是 for a ticked box). The form's own machinery (Spring's
 * checkbox markers, keys against double submission, versions, the button pressed) is
 * submitted again but not listed; a field no form here names is listed as 其他填写项.
 */
final class KeptFieldLabels {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("projectName", "项目名称"),
			Map.entry("policyTask", "所属重点任务"), Map.entry("location", "建设地点"), Map.entry("constructionStart", "建设开始日期"),
			Map.entry("constructionEnd", "建设完成日期"), Map.entry("totalInvestment", "总投资（元）"),
			Map.entry("equipmentInvestment", "其中设备投资（元）"), Map.entry("expectedOutputValue", "预计年新增产值（元）"),
			Map.entry("expectedEnergySaving", "预计年节能量（吨标准煤）"), Map.entry("otherBenefits", "其他效益"),
			Map.entry("projectId", "已入库项目"), Map.entry("commissioningDate", "设备投用日期"),
			Map.entry("loanAmount", "申请贷款金额（元）"), Map.entry("loanTermMonths", "贷款期限（月）"),
			Map.entry("loanPurpose", "贷款用途"), Map.entry("bankKeys", "意向银行"), Map.entry("needsNewLand", "新增用地"),
			Map.entry("needsEnergyUse", "新增用能"), Map.entry("needsEmissionQuota", "新增排放指标"),
			Map.entry("declarationConfirmed", "诚信承诺"), Map.entry("reason", "事由"), Map.entry("opinion", "意见"),
			Map.entry("note", "说明"), Map.entry("contactName", "联系人"), Map.entry("contactPhone", "联系电话"),
			Map.entry("email", "电子邮箱"), Map.entry("amount", "金额（元）"), Map.entry("date", "日期"), Map.entry("q", "查找"));

	private static final Map<String, String> EQUIPMENT = Map.ofEntries(Map.entry("name", "设备名称"),
			Map.entry("model", "规格型号"), Map.entry("quantity", "数量"), Map.entry("unitPrice", "单价（元）"),
			Map.entry("origin", "产地"), Map.entry("replacesEquipment", "替换的旧设备"),
			Map.entry("replacedAgeYears", "旧设备已用年限"), Map.entry("efficiencyGrade", "能效等级"),
			Map.entry("invoiceNo", "发票号码"), Map.entry("invoiceDate", "开票日期"), Map.entry("invoiceAmount", "发票金额（元）"));

	private static final Map<String, String> CHOICES = Map.of("DOMESTIC", "国产", "IMPORTED", "进口", "true", "是", "on",
			"是", "false", "否");

	private static final Pattern EQUIPMENT_FIELD = Pattern.compile("equipment\\[(\\d{1,4})]\\.(\\w+)");

	private static final Pattern MACHINERY = Pattern
		.compile("_.*|.*[Kk]ey|version|declarationVersion|action|page|category|uploadKey|creationKey|recordKey");

	private KeptFieldLabels() {
	}

	/**
	 * The field's label, or {@code null} for the form's machinery, which is not listed.
	 */
	static String label(String name) {
		if (MACHINERY.matcher(name).matches()) {
			return null;
		}
		Matcher row = EQUIPMENT_FIELD.matcher(name);
		if (row.matches()) {
			String column = EQUIPMENT.get(row.group(2));
			return "设备明细第" + (Integer.parseInt(row.group(1)) + 1) + "行 " + (column == null ? "其他填写项" : column);
		}
		return LABELS.getOrDefault(name, "其他填写项");
	}

	/** The value in words where it is a choice's code. */
	static String shown(String value) {
		return CHOICES.getOrDefault(value, value);
	}

}
