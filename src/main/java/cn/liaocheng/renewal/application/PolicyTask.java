package cn.liaocheng.renewal.application;

import java.util.Arrays;
import java.util.Optional;

/** The 15 key tasks of the policy (二、重点任务), under one of which a project is filed. */
public enum PolicyTask {

	T1(1, "加快落后设备更新", "高端化"), T2(2, "加快先进设备应用", "高端化"), T3(3, "推动检测设备升级", "高端化"), T4(4, "加快智能装备应用", "智能化"),
	T5(5, "深化数字赋能增效", "智能化"), T6(6, "完善数字基础设施", "智能化"), T7(7, "加强节能降碳改造", "绿色化"), T8(8, "加快用能设备更新", "绿色化"),
	T9(9, "推进高效循环利用", "绿色化"), T10(10, "推动化工关键设备更新", "安全水平"), T11(11, "推广应用安全装备", "安全水平"), T12(12, "增强优势装备供给", "设备供给"),
	T13(13, "推动装备研发创新", "设备供给"), T14(14, "开发适销对路产品", "设备供给"), T15(15, "塑强设备品质品牌", "设备供给");

	private final int number;

	private final String title;

	private final String action;

	PolicyTask(int number, String title, String action) {
		this.number = number;
		this.title = title;
		this.action = action;
	}

	public int number() {
		return number;
	}

	public String title() {
		return title;
	}

	public String action() {
		return action;
	}

	/** How the task is shown in a list: "7. 加强节能降碳改造（绿色化）". */
	public String label() {
		return number + ". " + title + "（" + action + "）";
	}

	public static Optional<PolicyTask> of(Integer number) {
		return Arrays.stream(values()).filter(t -> number != null && t.number == number).findFirst();
	}

}
