package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.renewal.document.Spreadsheets;

/**
 * 设备清单模板.xlsx: the equipment table of a kind of application as a workbook to fill in,
 * with the portal's column names, a notes block saying how to fill it, one example row
 * marked "示例" (skipped on import) and each column formatted for what it holds.
 */
final class EquipmentTemplate {

	static final String FILE_NAME = "设备清单模板.xlsx";

	/** What the example row's 序号 says; {@link EquipmentImport} skips such a row. */
	static final String EXAMPLE = "示例（导入时跳过）";

	private EquipmentTemplate() {
	}

	static byte[] xlsx(ApplicationKind kind) {
		if (kind == ApplicationKind.LOAN) {
			throw new ApplicationStateException("贷款申请没有设备明细，无需模板。");
		}
		List<EquipmentColumn> columns = EquipmentColumn.of(kind);
		boolean subsidy = kind == ApplicationKind.SUBSIDY;
		List<String> notes = new ArrayList<>();
		notes.add("填写说明：请勿修改表头行（加粗的列名）；从表头下一行起，每行填写一种设备，最多 " + EquipmentImport.MAX_LINES + " 行。序号可不填。");
		notes.add("序号为“示例”的一行是填写示例，导入时自动跳过，可删除；序号或设备名称为“合计”的行也会跳过。其他列（如备注）不会导入。");
		notes.add("金额以元为单位（不是万元），最多两位小数；数量填写正整数；产地填写“国产”或“进口”。请勿使用公式，只读取第一个工作表。");
		notes.add(subsidy
				? "发票号码列为文本格式：数电发票填写 20 位号码；其他增值税发票填写“发票代码-发票号码”，如 3700221130-12345678。开票日期按 年-月-日 填写，如 2026-03-01。"
				: "替换旧设备的，请同时填写旧设备已用年限（整数）；能效等级填写 1–5 的数字，不涉及的留空。");
		notes.add("导入后，本申报现有的全部设备明细将被文件中的设备替换；文件有任何一处错误时不会导入，页面会列出所有错误所在的行和列。");
		List<Object> example = new ArrayList<>(
				List.of(EXAMPLE, "数控车床", "CK6150", 2, new BigDecimal("185000.00"), "国产"));
		if (subsidy) {
			example.addAll(List.of("3700221130-12345678", "2026-03-01", new BigDecimal("370000.00")));
		}
		else {
			example.addAll(List.of("普通车床 C6140", 12, 2));
		}
		Spreadsheets.Table table = new Spreadsheets.Table(subsidy ? "已购设备及发票清单（奖补资金申请）" : "设备明细（项目入库申请）", notes,
				columns.stream().map(EquipmentColumn::header).toList(), List.of(example),
				columns.stream().map(EquipmentColumn::width).toList());
		return Spreadsheets.template(table, columns.stream().map(EquipmentColumn::format).toList());
	}

}
