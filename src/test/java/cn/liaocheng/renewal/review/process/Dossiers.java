package cn.liaocheng.renewal.review.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.EquipmentLineForm;

/**
 * Complete dossiers of ent-gx as the portal submits them, one per kind of application.
 */
final class Dossiers {

	private Dossiers() {
	}

	/**
	 * No factor needs (new land, energy, emissions), so the routing table answers by
	 * policy task and kind alone.
	 */
	static DossierForm project(int policyTask) {
		DossierForm d = new DossierForm();
		d.setProjectName("冠县轴承生产线绿色化改造项目");
		d.setPolicyTask(Integer.toString(policyTask));
		d.setLocation("冠县经济开发区演示路 8 号");
		d.setConstructionStart("2026-03-01");
		d.setConstructionEnd("2026-12-31");
		d.setTotalInvestment("12000000.00");
		d.setEquipmentInvestment("470000.00");
		d.setNeedsNewLand(false);
		d.setNeedsEnergyUse(false);
		d.setNeedsEmissionQuota(false);
		d.setExpectedOutputValue("8000000.00");
		d.setOtherBenefits("降低能耗，减少废品");
		d.setEquipment(new ArrayList<>(List.of(line("2", "185000.00"))));
		return d;
	}

	/** One invoiced line of domestic equipment worth {@code invoiced}. */
	static DossierForm subsidy(long projectId, BigDecimal invoiced) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		DossierForm d = new DossierForm();
		d.setProjectId(Long.toString(projectId));
		d.setCommissioningDate(today.minusDays(30).toString());
		EquipmentLineForm line = line("1", invoiced.toPlainString());
		line.setInvoiceNo(freshInvoiceNo());
		line.setInvoiceDate(today.minusDays(45).toString());
		line.setInvoiceAmount(invoiced.toPlainString());
		d.setEquipment(new ArrayList<>(List.of(line)));
		return d;
	}

	private static final java.util.concurrent.atomic.AtomicInteger INVOICES = new java.util.concurrent.atomic.AtomicInteger(
			new java.util.Random().nextInt(50_000_000));

	/**
	 * An invoice (code and 8-digit number) no other claim of this test run uses (an
	 * invoice can be claimed once).
	 */
	static String freshInvoiceNo() {
		return "3700221130-" + String.format("%08d", 10_000_000 + INVOICES.incrementAndGet());
	}

	private static EquipmentLineForm line(String quantity, String unitPrice) {
		EquipmentLineForm line = new EquipmentLineForm();
		line.setName("数控车床");
		line.setModel("CK6150");
		line.setQuantity(quantity);
		line.setUnitPrice(unitPrice);
		line.setOrigin("DOMESTIC");
		line.setReplacesEquipment("C6140 普通车床");
		line.setReplacedAgeYears("16");
		line.setEfficiencyGrade("2");
		return line;
	}

	/** Ten million yuan at ICBC over three years. */
	static DossierForm loan(long projectId) {
		DossierForm form = new DossierForm();
		form.setProjectId(Long.toString(projectId));
		form.setBankKeys(new ArrayList<>(List.of("icbc")));
		form.setLoanAmount("10000000.00");
		form.setLoanTermMonths("36");
		form.setLoanPurpose("购置数控车床及配套检测设备");
		return form;
	}

}
