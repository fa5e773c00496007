package cn.liaocheng.renewal.application.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.DossierInvalidException;
import cn.liaocheng.renewal.application.InvoiceNumber;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.SubsidyDossier;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.application.Money;

/**
 * Guards against double funding and implausible claims: an invoice (its 20-digit number,
 * or its code and number, see {@link InvoiceNumber}) is claimed once across all
 * applications, a project has at most one subsidy in force, and a loan does not exceed
 * its project's total investment. The same rules answer on saving a draft, on submission
 * and at review; submission also records the claims under a primary key, so two
 * submissions racing for one invoice cannot both succeed.
 */
@Component
class FundingClaims {

	private static final String INVOICE = "INVOICE:";

	private static final String PROJECT_SUBSIDY = "PROJECT_SUBSIDY:";

	private final JdbcClient jdbc;

	private final CollidingInserts inserts;

	FundingClaims(JdbcClient jdbc, CollidingInserts inserts) {
		this.jdbc = jdbc;
		this.inserts = inserts;
	}

	/**
	 * Every problem of {@code dossier} (of application {@code applicationId}, null for a
	 * new draft).
	 */
	List<FieldProblem> problems(Long applicationId, long enterpriseId, Dossier dossier) {
		List<FieldProblem> problems = new ArrayList<>();
		if (dossier instanceof SubsidyDossier subsidy) {
			invoiceProblems(applicationId, enterpriseId, subsidy, problems);
			if (subsidy.projectId() != null) {
				holder(PROJECT_SUBSIDY + subsidy.projectId(), applicationId)
					.ifPresent(other -> problems.add(new FieldProblem("projectId",
							"该项目已有奖补申请" + reference(other) + "（" + other.status().label() + "），一个项目只能申请一次设备更新奖补")));
			}
		}
		if (dossier instanceof LoanDossier loan && loan.projectId() != null && loan.loanAmount() != null) {
			BigDecimal investment = totalInvestment(loan.projectId());
			if (investment != null && loan.loanAmount().compareTo(investment) > 0) {
				problems.add(new FieldProblem("loanAmount",
						"贷款金额 " + Money.yuan(loan.loanAmount()) + " 元超过所选项目的总投资 " + Money.yuan(investment) + " 元，请核对"));
			}
		}
		return problems;
	}

	/**
	 * Records the claims of a submitted application, replacing those of an earlier
	 * submission of it.
	 */
	void claim(long applicationId, long enterpriseId, Dossier dossier) {
		release(applicationId);
		for (String key : keys(dossier)) {
			boolean claimed = inserts
				.insert(() -> jdbc.sql("INSERT INTO funding_claim (claim_key, application_id) VALUES (?, ?)")
					.params(key, applicationId)
					.update())
				.isPresent();
			if (!claimed) {
				// Another submission took it between the check and now: answer as the
				// check would have.
				List<FieldProblem> problems = problems(applicationId, enterpriseId, dossier);
				throw new DossierInvalidException(
						problems.isEmpty() ? List.of(new FieldProblem("equipment", "发票或项目已被其他申请占用，请刷新后核对")) : problems);
			}
		}
	}

	/**
	 * An application that ended without funding (withdrawn, refused, lapsed) frees what
	 * it claimed.
	 */
	void release(long applicationId) {
		jdbc.sql("DELETE FROM funding_claim WHERE application_id = ?").param(applicationId).update();
	}

	private void invoiceProblems(Long applicationId, long enterpriseId, SubsidyDossier dossier,
			List<FieldProblem> problems) {
		Map<String, Integer> firstLine = new HashMap<>();
		Map<String, Integer> toCheck = new LinkedHashMap<>();
		for (int i = 0; i < dossier.equipment().size(); i++) {
			String invoiceNo = dossier.equipment().get(i).invoiceNo();
			if (invoiceNo == null || invoiceNo.isBlank()) {
				continue;
			}
			Integer earlier = firstLine.putIfAbsent(invoiceNo, i);
			if (earlier != null) {
				problems.add(new FieldProblem("equipment[" + i + "].invoiceNo",
						"发票号码 " + invoiceNo + " 与第 " + (earlier + 1) + " 行重复，同一张发票只能申报一次"));
			}
			else {
				toCheck.put(invoiceNo, i);
			}
		}
		toCheck.forEach((invoiceNo, line) -> {
			String field = "equipment[" + line + "].invoiceNo";
			Optional<Holder> holder = holder(INVOICE + invoiceNo, applicationId);
			if (holder.isPresent()) {
				Holder other = holder.get();
				problems.add(new FieldProblem(field,
						other.enterpriseId() == enterpriseId
								? "发票号码 " + invoiceNo + " 已在本企业的奖补申请" + reference(other) + "中申报，同一张发票只能申报一次"
								: "发票号码 " + invoiceNo + " 已在其他奖补申请中申报，请核对发票代码和号码；如有疑问请联系县级财政部门"));
				return;
			}
			// Claims recorded before invoice codes were asked for name the 8-digit number
			// alone. Another enterprise's such claim may be another invoice with the same
			// number; this enterprise's own is the same invoice unless it shows
			// otherwise.
			InvoiceNumber.numberWithoutCode(invoiceNo)
				.flatMap(number -> holder(INVOICE + number, applicationId))
				.filter(other -> other.enterpriseId() == enterpriseId)
				.ifPresent(other -> problems.add(new FieldProblem(field, "发票号码 " + invoiceNo + " 与本企业奖补申请"
						+ reference(other) + "中申报的发票号码相同（该申请申报时未填发票代码），同一张发票只能申报一次")));
		});
	}

	/** What a submission claims: a subsidy its invoices and its project's one subsidy. */
	private static List<String> keys(Dossier dossier) {
		List<String> keys = new ArrayList<>();
		if (dossier instanceof SubsidyDossier subsidy) {
			subsidy.equipment()
				.stream()
				.map(Dossier.EquipmentLine::invoiceNo)
				.filter(no -> no != null && !no.isBlank())
				.distinct()
				.forEach(no -> keys.add(INVOICE + no));
			if (subsidy.projectId() != null) {
				keys.add(PROJECT_SUBSIDY + subsidy.projectId());
			}
		}
		return keys;
	}

	private Optional<Holder> holder(String key, Long applicationId) {
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.status, a.enterprise_id FROM funding_claim c
				JOIN application a ON a.id = c.application_id
				WHERE c.claim_key = ? AND c.application_id <> ?""")
			.params(key, applicationId == null ? -1L : applicationId)
			.query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), ApplicationStatus.valueOf(rs.getString(3)),
					rs.getLong(4)))
			.optional();
	}

	private BigDecimal totalInvestment(long projectId) {
		return jdbc.sql("SELECT total_investment FROM application WHERE id = ? AND kind = 'PROJECT'")
			.param(projectId)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
	}

	private static String reference(Holder other) {
		return other.referenceNo() == null ? "" : " " + other.referenceNo() + " ";
	}

	private record Holder(long id, String referenceNo, ApplicationStatus status, long enterpriseId) {
	}

}
