package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * Compares each subsidy line's invoice amount with quantity × unit price. A difference is
 * a warning, not an error: the invoice is the evidence the subsidy is computed from, and
 * it may rightly differ from the contract price (a discount, freight or installation on
 * the same invoice, a unit price typed without tax). The county finance office checks
 * invoices against the originals (Task_CountyInvoiceCheck) and sees the same warning
 * there.
 */
public final class InvoiceChecks {

	private InvoiceChecks() {
	}

	/**
	 * One warning per line whose invoice amount differs from quantity × unit price, as
	 * field problems.
	 */
	public static List<FieldProblem> warnings(Dossier dossier) {
		List<FieldProblem> warnings = new ArrayList<>();
		if (!(dossier instanceof SubsidyDossier subsidy)) {
			return warnings;
		}
		for (int i = 0; i < subsidy.equipment().size(); i++) {
			Dossier.EquipmentLine line = subsidy.equipment().get(i);
			if (differs(line)) {
				warnings.add(new FieldProblem("equipment[" + i + "].invoiceAmount",
						"第 " + (i + 1) + " 行发票金额 " + Money.yuan(line.invoiceAmount()) + " 元与数量 × 单价 "
								+ Money.yuan(line.amount()) + " 元不一致，请核对；如差额为折扣、运费或安装费等，"
								+ "请在附件中附说明，县级财政部门核验发票时将予核对"));
			}
		}
		return warnings;
	}

	public static boolean differs(Dossier.EquipmentLine line) {
		BigDecimal invoiced = line.invoiceAmount();
		return invoiced != null && line.unitPrice() != null && invoiced.compareTo(line.amount()) != 0;
	}

}
