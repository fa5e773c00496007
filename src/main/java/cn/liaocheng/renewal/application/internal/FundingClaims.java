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
import cn.liaocheng.renewal.application.ProjectLoans;

/**
 * Guards against double funding and implausible claims: an invoice (its 20-digit number,
 * or its code and number, see {@link InvoiceNumber}) is claimed once across all
 * applications, a project has at most one subsidy in force, and the loans on a project
 * together do not exceed its total investment ({@link ProjectLoans}). The same rules
 * answer on saving a draft, on submission and at review; submission also records the
 * claims under a primary key, so two submissions racing for one invoice cannot both
 * succeed.
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
		if (dossier instanceof LoanDossier loan) {
			loanProblem(applicationId, loan, false).ifPresent(problems::add);
		}
		return problems;
	}

	/**
	 * What is wrong with the loan's amount on its project: more than the project's total
	 * investment, alone or with the other loans on it; {@code lock} holds the project's
	 * row until the end of the transaction, so two loans on one project are weighed one
	 * after the other.
	 */
	private Optional<FieldProblem> loanProblem(Long applicationId, LoanDossier loan, boolean lock) {
		if (loan.projectId() == null || loan.loanAmount() == null) {
			return Optional.empty();
		}
		return projectLoans(loan.projectId(), applicationId, lock).map(held -> {
			if (held.exceedsAlone(loan.loanAmount())) {
				return new FieldProblem("loanAmount", "贷款金额 " + Money.yuan(loan.loanAmount()) + " 元超过所选项目的总投资 "
						+ Money.yuan(held.totalInvestment()) + " 元，请核对");
			}
			if (held.exceedsWithOthers(loan.loanAmount())) {
				return new FieldProblem("loanAmount", held.sumProblem("贷款金额", loan.loanAmount()) + "，请核对");
			}
			return null;
		});
	}

	/**
	 * The registered project's total investment and the loans on it other than
	 * application {@code applicationId} (null for a new draft); empty when no registered
	 * project has that id. {@code lock} holds the project's row until the end of the
	 * transaction.
	 */
	Optional<ProjectLoans> projectLoans(long projectId, Long applicationId, boolean lock) {
		Optional<BigDecimal> total = jdbc.sql("""
				SELECT COALESCE(submitted_total_investment, total_investment) FROM application
				WHERE id = ? AND kind = 'PROJECT'""" + (lock ? " FOR UPDATE" : ""))
			.param(projectId)
			.query(BigDecimal.class)
			.optional();
		if (total.isEmpty()) {
			return Optional.empty();
		}
		// A loan holds its accepted grant, or while under review the amount it asked for
		// (as submitted: a correction's edits are not asked until resubmitted).
		List<ProjectLoans.Held> others = jdbc.sql("""
				SELECT reference_no, COALESCE(granted_amount, submitted_loan_amount) FROM application
				WHERE submitted_project_id = ? AND kind = 'LOAN' AND id <> ?
				  AND status NOT IN ('DRAFT', 'REFUSED', 'WITHDRAWN', 'LAPSED')
				ORDER BY reference_no""")
			.params(projectId, applicationId == null ? -1L : applicationId)
			.query((rs, n) -> new ProjectLoans.Held(rs.getString(1), rs.getBigDecimal(2)))
			.list()
			.stream()
			.filter(h -> h.amount() != null)
			.toList();
		return Optional.of(new ProjectLoans(total.get(), others));
	}

	/**
	 * Records the claims of a submitted application, replacing those of an earlier
	 * submission of it.
	 */
	void claim(long applicationId, long enterpriseId, Dossier dossier) {
		release(applicationId);
		if (dossier instanceof LoanDossier loan) {
			// Weighed again holding the project's row: another loan on the project
			// submitted meanwhile counts.
			loanProblem(applicationId, loan, true).ifPresent(problem -> {
				throw new DossierInvalidException(List.of(problem));
			});
		}
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

	private static String reference(Holder other) {
		return other.referenceNo() == null ? "" : " " + other.referenceNo() + " ";
	}

	private record Holder(long id, String referenceNo, ApplicationStatus status, long enterpriseId) {
	}

}
