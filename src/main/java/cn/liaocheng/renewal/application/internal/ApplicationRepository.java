package cn.liaocheng.renewal.application.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.liaocheng.renewal.application.ApplicationEvent;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.OwnedDraft;
import cn.liaocheng.renewal.application.ApplicationStatus;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.AttachmentView;
import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.application.Dossier;
import cn.liaocheng.renewal.application.Dossier.EquipmentLine;
import cn.liaocheng.renewal.application.DossierChanges;
import cn.liaocheng.renewal.application.DossierJson;
import cn.liaocheng.renewal.application.Dossier.Origin;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.application.InterestSubsidyAssessment;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.LoanGrant;
import cn.liaocheng.renewal.application.Outcomes;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.Resubmission;
import cn.liaocheng.renewal.application.SubmittedBanks;
import cn.liaocheng.renewal.application.SubsidyDossier;

/**
 * Applications, their equipment lines, attachments and history in the application's
 * tables.
 */
@Repository
class ApplicationRepository {

	private static final String COLUMNS = """
			a.id, a.reference_no, a.kind, a.enterprise_id, a.division_code, a.status, a.version, a.project_name,
			a.policy_task, a.location, a.construction_start, a.construction_end, a.total_investment,
			a.equipment_investment, a.needs_new_land, a.needs_energy_use, a.needs_emission_quota,
			a.expected_output_value, a.expected_energy_saving, a.other_benefits, a.project_id, a.commissioning_date,
			a.bank_keys, a.loan_amount, a.loan_term_months, a.loan_purpose, a.process_instance_id, a.updated_at,
			a.submitted_at""";

	/**
	 * The submitted dossiers' JSON: the API's flat shape, dates as ISO dates; fields a
	 * later version drops are passed over.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> findByCreationKey(long enterpriseId, String creationKey) {
		return jdbc.sql("SELECT id FROM application WHERE enterprise_id = ? AND creation_key = ?")
			.params(enterpriseId, creationKey)
			.query(Long.class)
			.optional();
	}

	/**
	 * How many drafts the enterprise keeps, counted while holding its row until the end
	 * of the transaction.
	 */
	int lockedDrafts(long enterpriseId) {
		jdbc.sql("SELECT id FROM enterprise WHERE id = ? FOR UPDATE").param(enterpriseId).query(Long.class).list();
		return drafts(enterpriseId);
	}

	/** How many drafts (never submitted) the enterprise keeps. */
	int drafts(long enterpriseId) {
		return jdbc.sql("SELECT COUNT(*) FROM application WHERE enterprise_id = ? AND status = 'DRAFT'")
			.param(enterpriseId)
			.query(Integer.class)
			.single();
	}

	long insert(long enterpriseId, String divisionCode, String creationKey, Dossier d) {
		Timestamp now = Timestamp.from(Instant.now());
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO application (kind, enterprise_id, division_code, status, creation_key, version, created_at,
				                         updated_at)
				VALUES (?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(d.kind().name(), enterpriseId, divisionCode, ApplicationStatus.DRAFT.name(), creationKey, now, now)
			.update(key, "id");
		long id = key.getKey().longValue();
		writeDossier(id, 0, d);
		return id;
	}

	/**
	 * Replaces the dossier if the stored version is the expected one; false when someone
	 * changed it meanwhile.
	 */
	boolean writeDossier(long id, int expectedVersion, Dossier d) {
		int updated = jdbc.sql("""
				UPDATE application SET project_name = ?, policy_task = ?, location = ?, construction_start = ?,
				  construction_end = ?, total_investment = ?, equipment_investment = ?, needs_new_land = ?,
				  needs_energy_use = ?, needs_emission_quota = ?, expected_output_value = ?, expected_energy_saving = ?,
				  other_benefits = ?, project_id = ?, commissioning_date = ?, bank_keys = ?, loan_amount = ?,
				  loan_term_months = ?, loan_purpose = ?, version = version + 1, updated_at = ?
				WHERE id = ? AND version = ?""")
			.params(columns(d))
			.param(Timestamp.from(Instant.now()))
			.param(id)
			.param(expectedVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM equipment_line WHERE application_id = ?").param(id).update();
		int lineNo = 1;
		for (EquipmentLine line : d.equipmentLines()) {
			jdbc.sql(
					"""
							INSERT INTO equipment_line (application_id, line_no, name, model, quantity, unit_price, origin,
							  replaces_equipment, replaced_age_years, efficiency_grade, invoice_no, invoice_date, invoice_amount)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, lineNo++, line.name(), line.model(), line.quantity(), line.unitPrice(),
						line.origin().name(), line.replacesEquipment(), line.replacedAgeYears(), line.efficiencyGrade(),
						line.invoiceNo(), date(line.invoiceDate()), line.invoiceAmount())
				.update();
		}
		return true;
	}

	/** Locks the application's row until the transaction ends. */
	void lock(long id) {
		jdbc.sql("SELECT id FROM application WHERE id = ? FOR UPDATE").param(id).query(Long.class).list();
	}

	/**
	 * The application if it belongs to the enterprise; locked for update when
	 * {@code lock} is set.
	 */
	Optional<ApplicationRow> findOwned(long id, long enterpriseId, boolean lock) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM application a WHERE a.id = ? AND a.enterprise_id = ?"
					+ (lock ? " FOR UPDATE" : ""))
			.params(id, enterpriseId)
			.query((rs, n) -> row(rs, equipment(id)))
			.optional();
	}

	/**
	 * The application's reference number if it belongs to the enterprise, in one read:
	 * empty when it does not; empty inside before its first submission.
	 */
	Optional<Optional<String>> ownedReferenceNo(long id, long enterpriseId) {
		return jdbc.sql("SELECT a.reference_no FROM application a WHERE a.id = ? AND a.enterprise_id = ?")
			.params(id, enterpriseId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional();
	}

	/** Any application by id, for reviewers whose access the caller has checked. */
	Optional<ApplicationRow> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM application a WHERE a.id = ?")
			.param(id)
			.query((rs, n) -> row(rs, equipment(id)))
			.optional();
	}

	/** Who applied: enterprise id, name, credit code and account. */
	Optional<Applicant> applicant(long applicationId) {
		return jdbc
			.sql("""
					SELECT e.id, e.name, e.credit_code, e.user_id FROM application a JOIN enterprise e ON e.id = a.enterprise_id
					WHERE a.id = ?""")
			.param(applicationId)
			.query((rs, n) -> new Applicant(rs.getLong(1), rs.getString(2), rs.getString(3).strip(), rs.getString(4)))
			.optional();
	}

	record Applicant(long id, String name, String creditCode, String userId) {
	}

	/** The condition of an application that has not ended. */
	private static final String OPEN = "status NOT IN ('APPROVED', 'REFUSED', 'WITHDRAWN', 'LAPSED')";

	/** Sets the status whatever it was, unless the application has ended. */
	boolean moveTo(long id, ApplicationStatus to) {
		return jdbc.sql("""
				UPDATE application SET status = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND status NOT IN ('APPROVED', 'REFUSED', 'WITHDRAWN', 'LAPSED')""")
			.params(to.name(), Timestamp.from(Instant.now()), id)
			.update() == 1;
	}

	/**
	 * The computed subsidy, while the case is open: once it has ended, its amount is the
	 * one its decision states and the after-award steps pay and claw back, and no step
	 * run again (a moved token, a changed table) computes it anew.
	 */
	void recordSubsidyAmount(long id, BigDecimal amount) {
		if (jdbc.sql("UPDATE application SET subsidy_amount = ?, updated_at = ? WHERE id = ? AND " + OPEN)
			.params(amount, Timestamp.from(Instant.now()), id)
			.update() != 1) {
			throw new IllegalStateException("申报已办结（或不存在），奖补金额以决定书为准，不能重新核定");
		}
	}

	/**
	 * The interest subsidy with the terms and grounds of the rule that gave it, in one
	 * statement.
	 */
	void recordInterestSubsidy(long id, InterestSubsidyAssessment a) {
		Timestamp now = Timestamp.from(Instant.now());
		if (jdbc.sql("""
				UPDATE application SET interest_subsidy_amount = ?, interest_subsidy_points = ?,
				       interest_subsidy_months = ?, interest_subsidy_cap = ?, interest_subsidy_basis = ?,
				       interest_subsidy_finding = ?, interest_subsidy_by_tranche = ?, interest_subsidy_computed_at = ?,
				       updated_at = ? WHERE id = ? AND""" + " " + OPEN)
			.params(a.amount(), a.points(), a.months(), a.cap(), a.basis(), a.finding(), a.byTranche(), now, now, id)
			.update() != 1) {
			throw new IllegalStateException("申报已办结（或不存在），贷款贴息以决定书为准，不能重新测算");
		}
	}

	void withholdInterestSubsidy(long id) {
		jdbc.sql("""
				UPDATE application SET interest_subsidy_amount = 0, interest_subsidy_by_tranche = FALSE, updated_at = ?
				WHERE id = ?""").params(Timestamp.from(Instant.now()), id).update();
	}

	/**
	 * Moves the open correction's deadline from {@code from} to {@code to}; false unless
	 * the application is in correction with that deadline.
	 */
	boolean extendCorrectionDeadline(long id, Instant from, Instant to) {
		return jdbc.sql(
				"UPDATE application SET correction_deadline = ?, updated_at = ? WHERE id = ? AND correction_deadline = ?"
						+ " AND status = ?")
			.params(Timestamp.from(to), Timestamp.from(Instant.now()), id, Timestamp.from(from),
					ApplicationStatus.CORRECTION.name())
			.update() == 1;
	}

	/** Whether the account of the application's enterprise is disabled. */
	boolean enterpriseDisabled(long id) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM application a JOIN enterprise e ON e.id = a.enterprise_id
				WHERE a.id = ? AND e.status = 'DISABLED'""").param(id).query(Integer.class).single() > 0;
	}

	/**
	 * Stops the open correction's deadline {@code deadline} (the enterprise's account is
	 * disabled): kept aside, none in force; false unless the application is in correction
	 * with that deadline.
	 */
	boolean suspendCorrection(long id, Instant deadline) {
		return jdbc.sql("""
				UPDATE application SET correction_suspended_deadline = correction_deadline, correction_deadline = NULL,
				       updated_at = ?
				WHERE id = ? AND status = ? AND correction_deadline = ?""")
			.params(Timestamp.from(Instant.now()), id, ApplicationStatus.CORRECTION.name(), Timestamp.from(deadline))
			.update() == 1;
	}

	/**
	 * Puts the stopped correction's deadline {@code suspended} back in force as
	 * {@code to}; false unless the application is in correction with that deadline
	 * stopped.
	 */
	boolean resumeCorrection(long id, Instant suspended, Instant to) {
		return jdbc.sql("""
				UPDATE application SET correction_deadline = ?, correction_suspended_deadline = NULL, updated_at = ?
				WHERE id = ? AND status = ? AND correction_suspended_deadline = ?""")
			.params(Timestamp.from(to), Timestamp.from(Instant.now()), id, ApplicationStatus.CORRECTION.name(),
					Timestamp.from(suspended))
			.update() == 1;
	}

	/**
	 * The deadline of the open correction, or none ({@code null}) once it is resubmitted.
	 */
	void recordCorrectionDeadline(long id, Instant deadline) {
		jdbc.sql("UPDATE application SET correction_deadline = ?, updated_at = ? WHERE id = ?")
			.params(deadline == null ? null : Timestamp.from(deadline), Timestamp.from(Instant.now()), id)
			.update();
	}

	/**
	 * Adds parts of the dossier ({@link DossierChanges}) to what the open correction has
	 * changed so far.
	 */
	void addCorrectionChanges(long id, List<String> parts) {
		if (parts.isEmpty()) {
			return;
		}
		String recorded = lockedCorrectionChanges(id);
		jdbc.sql("UPDATE application SET correction_changes = ? WHERE id = ?")
			.params(DossierChanges.join(recorded, parts), id)
			.update();
	}

	/**
	 * Keeps the fingerprint of the dossier as the correction opens
	 * ({@link DossierChanges#fingerprint}).
	 */
	void recordCorrectionBase(long id, String fingerprint) {
		jdbc.sql("UPDATE application SET correction_base = ?, correction_changes = NULL WHERE id = ?")
			.params(fingerprint, id)
			.update();
	}

	/**
	 * Records a resubmission with what its correction changed, and starts the next
	 * correction's record afresh; the changes, {@code ""} for none. {@code now} gives the
	 * parts that differ from the correction's fingerprint, when one was kept; otherwise
	 * the edits counted on the way are taken.
	 */
	String recordResubmission(long id, Function<String, List<String>> now) {
		String changes = lockedCorrectionChanges(id);
		String base = jdbc.sql("SELECT correction_base FROM application WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
		String recorded = base != null ? DossierChanges.join(null, now.apply(base)) : changes == null ? "" : changes;
		jdbc.sql("INSERT INTO application_resubmission (application_id, resubmitted_at, changes) VALUES (?, ?, ?)")
			.params(id, Timestamp.from(Instant.now()), recorded)
			.update();
		jdbc.sql("UPDATE application SET correction_changes = NULL, correction_base = NULL WHERE id = ?")
			.param(id)
			.update();
		return recorded;
	}

	/**
	 * The fingerprint of the dossier as the open correction began; empty when none was
	 * kept.
	 */
	Optional<String> correctionBase(long id) {
		return jdbc.sql("SELECT correction_base FROM application WHERE id = ?")
			.param(id)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(base -> base);
	}

	/** The edits the open correction counted on the way ({@link DossierChanges#join}). */
	String correctionChanges(long id) {
		return jdbc.sql("SELECT correction_changes FROM application WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Ends the record of the open correction: no deadline, no changes, no fingerprint.
	 */
	void dropCorrection(long id) {
		jdbc.sql(
				"""
						UPDATE application SET correction_deadline = NULL, correction_suspended_deadline = NULL, correction_base = NULL,
						       correction_changes = NULL, updated_at = ? WHERE id = ?""")
			.params(Timestamp.from(Instant.now()), id)
			.update();
	}

	/** What the open correction has changed so far, its row locked for the update. */
	private String lockedCorrectionChanges(long id) {
		return jdbc.sql("SELECT correction_changes FROM application WHERE id = ? FOR UPDATE")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Records the banks of a loan's dossier as it is (re)submitted now; nothing for
	 * another kind, or a loan naming no bank.
	 */
	void recordSubmittedBanks(long id, Dossier d) {
		if (d instanceof LoanDossier loan && !loan.bankKeys().isEmpty()) {
			jdbc.sql("INSERT INTO submitted_banks (application_id, submitted_at, bank_keys) VALUES (?, ?, ?)")
				.params(id, Timestamp.from(Instant.now()), String.join(",", loan.bankKeys()))
				.update();
		}
	}

	/**
	 * Records the dossier as it is (re)submitted, at {@code at}: what the review and its
	 * decisions go by until the next resubmission, whatever the working copy becomes.
	 */
	void recordSubmission(long id, Instant at, Dossier d) {
		String json;
		try {
			json = JSON.writeValueAsString(d.json());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("dossier of application " + id + " not written as JSON", e);
		}
		jdbc.sql("INSERT INTO application_submission (application_id, submitted_at, dossier) VALUES (?, ?, ?)")
			.params(id, Timestamp.from(at), json)
			.update();
		// The figures that lists, statistics and exports count and group by, as
		// submitted.
		jdbc.sql("""
				UPDATE application SET submitted_project_name = ?, submitted_policy_task = ?,
				       submitted_total_investment = ?, submitted_equipment_investment = ?, submitted_project_id = ?,
				       submitted_loan_amount = ?
				WHERE id = ?""").params(submittedFigures(d)).param(id).update();
	}

	/**
	 * The values of the {@code submitted_*} columns, in the order of the UPDATE above;
	 * those of other kinds stay empty.
	 */
	private static List<Object> submittedFigures(Dossier d) {
		if (d instanceof ProjectDossier p) {
			return Arrays.asList(p.projectName(), p.policyTask(), p.totalInvestment(), p.equipmentInvestment(), null,
					null);
		}
		if (d instanceof SubsidyDossier s) {
			return Arrays.asList(null, null, null, null, s.projectId(), null);
		}
		LoanDossier l = (LoanDossier) d;
		return Arrays.asList(null, null, null, null, l.projectId(), l.loanAmount());
	}

	/**
	 * The dossier as last (re)submitted; empty for a draft, and for an application
	 * submitted before submissions were recorded (not yet returned for correction since).
	 */
	Optional<Dossier> lastSubmission(long id, ApplicationKind kind) {
		return jdbc.sql("""
				SELECT dossier FROM application_submission WHERE application_id = ?
				ORDER BY submitted_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
			.param(id)
			.query((rs, n) -> rs.getString(1))
			.optional()
			.map(json -> {
				try {
					return JSON.readValue(json, DossierJson.class).dossier(kind);
				}
				catch (JsonProcessingException e) {
					throw new IllegalStateException("submitted dossier of application " + id + " not readable", e);
				}
			});
	}

	/** The banks of each (re)submission of a loan, oldest first. */
	List<SubmittedBanks> submittedBanks(long id) {
		return jdbc.sql("""
				SELECT submitted_at, bank_keys FROM submitted_banks
				WHERE application_id = ? ORDER BY submitted_at, id""")
			.param(id)
			.query((rs, n) -> new SubmittedBanks(rs.getTimestamp(1).toInstant(), banks(rs.getString(2))))
			.list();
	}

	List<Resubmission> resubmissions(long id) {
		return jdbc.sql("""
				SELECT resubmitted_at, changes FROM application_resubmission
				WHERE application_id = ? ORDER BY resubmitted_at, id""")
			.param(id)
			.query((rs, n) -> new Resubmission(rs.getTimestamp(1).toInstant(), rs.getString(2)))
			.list();
	}

	/**
	 * The resubmissions of each of the applications that has any, oldest first, in one
	 * query.
	 */
	Map<Long, List<Resubmission>> resubmissions(Collection<Long> ids) {
		Map<Long, List<Resubmission>> byApplication = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return byApplication;
		}
		jdbc.sql("""
				SELECT application_id, resubmitted_at, changes FROM application_resubmission
				WHERE application_id IN (:ids) ORDER BY resubmitted_at, id""").param("ids", ids).query(rs -> {
			byApplication.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new Resubmission(rs.getTimestamp(2).toInstant(), rs.getString(3)));
		});
		return byApplication;
	}

	/** The division (county or zone code) of each of the applications, in one query. */
	Map<Long, String> divisions(Collection<Long> ids) {
		Map<Long, String> byApplication = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return byApplication;
		}
		jdbc.sql("SELECT id, division_code FROM application WHERE id IN (:ids)").param("ids", ids).query(rs -> {
			byApplication.put(rs.getLong(1), rs.getString(2));
		});
		return byApplication;
	}

	void recordDecisionTime(long id, Instant decidedAt) {
		jdbc.sql("UPDATE application SET decided_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(decidedAt), Timestamp.from(Instant.now()), id)
			.update();
	}

	/** A bank's grant, in one statement. */
	void recordLoan(long id, String bankKey, LoanGrant grant) {
		jdbc.sql(
				"""
						UPDATE application SET granted_bank_key = ?, granted_amount = ?, granted_rate = ?, granted_term_months = ?,
						       grant_date = ?, granted_loan_type = ?, used_relending = ?, updated_at = ? WHERE id = ?""")
			.params(bankKey, grant.amount(), grant.rate(), grant.termMonths(), Date.valueOf(grant.grantDate()),
					grant.type().name(), grant.usedRelending(), Timestamp.from(Instant.now()), id)
			.update();
	}

	/** The application with this reference number (申报编号), if any. */
	Optional<Long> idOfReference(String referenceNo) {
		return jdbc.sql("SELECT id FROM application WHERE reference_no = ?")
			.param(referenceNo)
			.query(Long.class)
			.optional();
	}

	Outcomes outcomes(long id) {
		return jdbc.sql("""
				SELECT subsidy_amount, granted_amount, granted_rate, granted_term_months, grant_date, used_relending,
				       granted_loan_type, granted_bank_key, interest_subsidy_amount, correction_deadline, decided_at,
				       interest_subsidy_points, interest_subsidy_months, interest_subsidy_cap, interest_subsidy_basis,
				       interest_subsidy_finding, interest_subsidy_by_tranche, interest_subsidy_computed_at
				FROM application WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new Outcomes(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
					rs.getObject(4, Integer.class), localDate(rs.getDate(5)), rs.getObject(6, Boolean.class),
					rs.getString(7) == null ? null : LoanGrant.LoanType.valueOf(rs.getString(7)), rs.getString(8),
					rs.getBigDecimal(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
					rs.getBigDecimal(12), rs.getObject(13, Integer.class), rs.getBigDecimal(14), rs.getString(15),
					rs.getString(16), rs.getBoolean(17), instant(rs.getTimestamp(18))))
			.single();
	}

	void recordDeclaration(long id, IntegrityDeclaration d) {
		jdbc.sql("""
				UPDATE application SET declared_by = ?, declared_by_name = ?, declared_at = ?, declaration_version = ?
				WHERE id = ?""").params(d.userId(), d.userName(), Timestamp.from(d.at()), d.version(), id).update();
	}

	Optional<IntegrityDeclaration> declaration(long id) {
		return jdbc.sql("""
				SELECT declared_by, declared_by_name, declared_at, declaration_version FROM application
				WHERE id = ? AND declared_at IS NOT NULL""")
			.param(id)
			.query((rs, n) -> new IntegrityDeclaration(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
					rs.getString(4)))
			.optional();
	}

	private static List<String> banks(String column) {
		return column == null || column.isBlank() ? List.of() : List.of(column.split(","));
	}

	/**
	 * Whether a loan waits for its enterprise to accept a bank's grant: in bank review,
	 * granted by at least one bank and accepted from none (the loan process takes the
	 * acceptance as soon as one grant exists).
	 */
	private static final String GRANT_TO_ACCEPT = """
			(a.status = 'BANK_REVIEW'
			 AND EXISTS (SELECT 1 FROM loan_offer g WHERE g.application_id = a.id AND g.decision = 'GRANTED')
			 AND NOT EXISTS (SELECT 1 FROM loan_offer t WHERE t.application_id = a.id AND t.accepted_at IS NOT NULL))
			AS grant_to_accept
			""";

	boolean grantToAccept(long id) {
		return jdbc.sql("SELECT " + GRANT_TO_ACCEPT + " FROM application a WHERE a.id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	List<ApplicationSummary> summaries(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.kind, a.status, a.updated_at, a.submitted_at, a.project_name,
				       p.project_name AS referenced_project,
				""" + GRANT_TO_ACCEPT + """
				FROM application a LEFT JOIN application p ON p.id = a.project_id
				WHERE a.id IN (:ids) ORDER BY a.updated_at DESC""")
			.param("ids", ids)
			.query(ApplicationRepository::summary)
			.list();
	}

	/**
	 * The applications with their applicants' names, newest change first, for staff:
	 * named as last submitted (not as an enterprise edits them during a correction); one
	 * query.
	 */
	List<CaseListing> listings(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.kind, a.status, a.updated_at, a.submitted_at,
				       COALESCE(a.submitted_project_name, a.project_name) AS project_name,
				       p.project_name AS referenced_project,
				""" + GRANT_TO_ACCEPT + """
				, e.name AS enterprise_name
								FROM application a JOIN enterprise e ON e.id = a.enterprise_id
								LEFT JOIN application p ON p.id = COALESCE(a.submitted_project_id, a.project_id)
								WHERE a.id IN (:ids) ORDER BY a.updated_at DESC""")
			.param("ids", ids)
			.query((rs, n) -> new CaseListing(summary(rs, n), rs.getString("enterprise_name")))
			.list();
	}

	/** The enterprise's drafts, not yet submitted; one query. */
	List<ApplicationSummary> draftsOf(long enterpriseId) {
		return draftRows(enterpriseId, false);
	}

	/**
	 * The enterprise's drafts, not yet submitted, if it may submit them (its account is
	 * activated); one query.
	 */
	List<ApplicationSummary> submittableDraftsOf(long enterpriseId) {
		return draftRows(enterpriseId, true);
	}

	/**
	 * The drafts of {@code kind} of every activated enterprise, with its account; one
	 * query.
	 */
	List<OwnedDraft> submittableDraftsOfKind(ApplicationKind kind) {
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.kind, a.status, a.updated_at, a.submitted_at, a.project_name,
				       p.project_name AS referenced_project, FALSE AS grant_to_accept, e.user_id
				FROM application a JOIN enterprise e ON e.id = a.enterprise_id
				LEFT JOIN application p ON p.id = a.project_id
				WHERE a.status = 'DRAFT' AND a.kind = ? AND e.status = 'ACTIVE' ORDER BY a.id""")
			.param(kind.name())
			.query((rs, n) -> new OwnedDraft(summary(rs, n), rs.getString("user_id")))
			.list();
	}

	/**
	 * Whether the application is still a draft, its row held by the caller's transaction.
	 */
	boolean lockDraft(long id) {
		return jdbc.sql("SELECT id FROM application WHERE id = ? AND status = 'DRAFT' FOR UPDATE")
			.param(id)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	private List<ApplicationSummary> draftRows(long enterpriseId, boolean activatedOnly) {
		return jdbc
			.sql("""
					SELECT a.id, a.reference_no, a.kind, a.status, a.updated_at, a.submitted_at, a.project_name,
					       p.project_name AS referenced_project,
					""" + GRANT_TO_ACCEPT + """
					FROM application a JOIN enterprise e ON e.id = a.enterprise_id
					LEFT JOIN application p ON p.id = a.project_id
					WHERE a.enterprise_id = ? AND a.status = 'DRAFT'"""
					+ (activatedOnly ? " AND e.status = 'ACTIVE'" : "") + " ORDER BY a.id")
			.param(enterpriseId)
			.query(ApplicationRepository::summary)
			.list();
	}

	List<ApplicationSummary> listOwned(long enterpriseId) {
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.kind, a.status, a.updated_at, a.submitted_at, a.project_name,
				       p.project_name AS referenced_project,
				""" + GRANT_TO_ACCEPT + """
				FROM application a LEFT JOIN application p ON p.id = a.project_id
				WHERE a.enterprise_id = ? ORDER BY a.updated_at DESC""")
			.param(enterpriseId)
			.query(ApplicationRepository::summary)
			.list();
	}

	/**
	 * The enterprise's applications that may wait for it (returned for correction, in
	 * bank review) and those of {@code alsoIds} that are its own; one query. Ids of
	 * another enterprise's applications find nothing.
	 */
	List<AwaitingCase> awaiting(long enterpriseId, Collection<Long> alsoIds) {
		return jdbc.sql("""
				SELECT a.id, a.reference_no, a.kind, a.status, a.project_name, a.correction_deadline,
				       p.project_name AS referenced_project,
				""" + GRANT_TO_ACCEPT + """
				FROM application a LEFT JOIN application p ON p.id = a.project_id
				WHERE a.enterprise_id = :enterprise AND (a.status IN (:waiting) OR a.id IN (:ids))
				ORDER BY a.id""")
			.param("enterprise", enterpriseId)
			.param("waiting", List.of(ApplicationStatus.CORRECTION.name(), ApplicationStatus.BANK_REVIEW.name()))
			.param("ids", alsoIds.isEmpty() ? List.of(-1L) : alsoIds)
			.query((rs, n) -> {
				ApplicationKind kind = ApplicationKind.valueOf(rs.getString("kind"));
				return new AwaitingCase(rs.getLong("id"), rs.getString("reference_no"),
						title(kind, rs.getString("project_name"), rs.getString("referenced_project")),
						ApplicationStatus.valueOf(rs.getString("status")),
						instant(rs.getTimestamp("correction_deadline")), rs.getBoolean("grant_to_accept"));
			})
			.list();
	}

	private static ApplicationSummary summary(ResultSet rs, int row) throws SQLException {
		ApplicationKind kind = ApplicationKind.valueOf(rs.getString("kind"));
		return new ApplicationSummary(rs.getLong("id"), rs.getString("reference_no"), kind,
				title(kind, rs.getString("project_name"), rs.getString("referenced_project")),
				ApplicationStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("updated_at")),
				instant(rs.getTimestamp("submitted_at")), rs.getBoolean("grant_to_accept"));
	}

	/**
	 * The enterprise's registered (approved) projects, which subsidy and loan
	 * applications refer to.
	 */
	Map<Long, String> approvedProjects(long enterpriseId) {
		Map<Long, String> projects = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, reference_no, project_name FROM application
				WHERE enterprise_id = ? AND kind = 'PROJECT' AND status = 'APPROVED' ORDER BY submitted_at DESC""")
			.param(enterpriseId)
			.query(rs -> {
				projects.put(rs.getLong(1), rs.getString(3) + "（" + rs.getString(2) + "）");
			});
		return projects;
	}

	Optional<String> projectName(Long projectId) {
		if (projectId == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT project_name FROM application WHERE id = ?")
			.param(projectId)
			.query(String.class)
			.optional();
	}

	boolean changeStatus(long id, ApplicationStatus from, ApplicationStatus to) {
		return jdbc
			.sql("UPDATE application SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = ?")
			.params(to.name(), Timestamp.from(Instant.now()), id, from.name())
			.update() == 1;
	}

	/**
	 * Gives a first submission its reference number and time, before its review starts:
	 * what the first task tells its reviewers is read from the application.
	 */
	void markSubmitted(long id, String referenceNo) {
		jdbc.sql("""
				UPDATE application SET reference_no = COALESCE(reference_no, ?),
				       submitted_at = COALESCE(submitted_at, ?) WHERE id = ?""")
			.params(referenceNo, Timestamp.from(Instant.now()), id)
			.update();
	}

	void recordProcess(long id, String processInstanceId) {
		jdbc.sql("UPDATE application SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
	}

	Optional<String> processInstanceId(long id) {
		return jdbc.sql("SELECT process_instance_id FROM application WHERE id = ?")
			.param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(recorded -> recorded);
	}

	boolean recordProcessIfNone(long id, String processInstanceId, ApplicationStatus status) {
		return jdbc.sql(
				"UPDATE application SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL AND status = ?")
			.params(processInstanceId, id, status.name())
			.update() == 1;
	}

	/** The instance of the latest round of {@code processKey} recorded for the case. */
	Optional<String> afterAwardProcess(long id, String processKey) {
		return jdbc.sql("""
				SELECT process_instance_id FROM after_award_process WHERE application_id = ? AND process_key = ?
				ORDER BY round_no DESC FETCH FIRST 1 ROWS ONLY""")
			.params(id, processKey)
			.query(String.class)
			.optional();
	}

	Optional<String> afterAwardProcess(long id, String processKey, int round) {
		return jdbc.sql("""
				SELECT process_instance_id FROM after_award_process
				WHERE application_id = ? AND process_key = ? AND round_no = ?""")
			.params(id, processKey, round)
			.query(String.class)
			.optional();
	}

	/** Records round {@code round} while neither it nor a later one is recorded. */
	boolean recordAfterAwardProcessIfNone(long id, String processKey, int round, String processInstanceId) {
		return jdbc.sql("""
				INSERT INTO after_award_process (application_id, process_key, round_no, process_instance_id,
				                                 recorded_at)
				SELECT a.id, ?, ?, ?, ? FROM application a
				WHERE a.id = ? AND NOT EXISTS (SELECT 1 FROM after_award_process p
				                               WHERE p.application_id = a.id AND p.process_key = ?
				                                     AND p.round_no >= ?)""")
			.params(processKey, round, processInstanceId, Timestamp.from(Instant.now()), id, processKey, round)
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM application WHERE id = ?").param(id).update();
	}

	void addEvent(long applicationId, String actor, String actorName, String action, String message) {
		jdbc.sql("""
				INSERT INTO application_event (application_id, occurred_at, actor, actor_name, action, message)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(applicationId, Timestamp.from(Instant.now()), actor, actorName, action, message)
			.update();
	}

	List<ApplicationEvent> events(long applicationId) {
		return jdbc.sql("""
				SELECT occurred_at, actor, actor_name, action, message FROM application_event
				WHERE application_id = ? ORDER BY occurred_at, id""")
			.param(applicationId)
			.query((rs, n) -> new ApplicationEvent(instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	long addAttachment(long applicationId, AttachmentCategory category, String fileName, long fileId, String by,
			String uploadKey) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO attachment (application_id, category, file_name, file_id, uploaded_by, uploaded_at, upload_key)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(applicationId, category.name(), fileName, fileId, by, Timestamp.from(Instant.now()), uploadKey)
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<AttachmentView> attachmentByUploadKey(long applicationId, String uploadKey) {
		return jdbc.sql(ATTACHMENTS + " WHERE t.application_id = ? AND t.upload_key = ?")
			.params(applicationId, uploadKey)
			.query(ApplicationRepository::attachmentView)
			.optional();
	}

	List<AttachmentView> attachments(long applicationId) {
		return jdbc.sql(ATTACHMENTS + " WHERE t.application_id = ? AND t.removed_at IS NULL ORDER BY t.id")
			.param(applicationId)
			.query(ApplicationRepository::attachmentView)
			.list();
	}

	/**
	 * The attachments the dossier held at {@code at}: uploaded by then and not removed
	 * before it (removed ones stay on record; only those never submitted are deleted).
	 */
	List<AttachmentView> attachmentsAt(long applicationId, Instant at) {
		return jdbc.sql(ATTACHMENTS + """
				 WHERE t.application_id = ? AND t.uploaded_at <= ? AND (t.removed_at IS NULL OR t.removed_at > ?)
				ORDER BY t.id""")
			.params(applicationId, Timestamp.from(at), Timestamp.from(at))
			.query(ApplicationRepository::attachmentView)
			.list();
	}

	/** One attachment of the application, removed or not, with its stored file. */
	Optional<FiledAttachment> attachment(long applicationId, long attachmentId) {
		return filedAttachment(" WHERE t.application_id = ? AND t.id = ?", applicationId, attachmentId);
	}

	/**
	 * One attachment in the application's dossier (not removed), with its stored file.
	 */
	Optional<FiledAttachment> currentAttachment(long applicationId, long attachmentId) {
		return filedAttachment(" WHERE t.application_id = ? AND t.id = ? AND t.removed_at IS NULL", applicationId,
				attachmentId);
	}

	private Optional<FiledAttachment> filedAttachment(String where, long applicationId, long attachmentId) {
		return jdbc.sql(ATTACHMENTS + where)
			.params(applicationId, attachmentId)
			.query((rs, n) -> new FiledAttachment(attachmentView(rs, n), rs.getLong(8)))
			.optional();
	}

	/** An attachment and the stored file that holds its bytes. */
	record FiledAttachment(AttachmentView view, long fileId) {
	}

	/**
	 * An attachment as {@link #attachmentView} reads it, with its stored file (the file's
	 * id last).
	 */
	private static final String ATTACHMENTS = """
			SELECT t.id, t.category, t.file_name, f.media_type, f.size_bytes, f.sha256, t.uploaded_at, t.file_id
			FROM attachment t JOIN stored_file f ON f.id = t.file_id""";

	private static AttachmentView attachmentView(ResultSet rs, int n) throws SQLException {
		return new AttachmentView(rs.getLong(1), AttachmentCategory.valueOf(rs.getString(2)), rs.getString(3),
				rs.getString(4), rs.getLong(5), rs.getString(6).strip(), instant(rs.getTimestamp(7)));
	}

	long attachmentBytes(long applicationId) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(f.size_bytes), 0) FROM attachment t JOIN stored_file f ON f.id = t.file_id
				WHERE t.application_id = ? AND t.removed_at IS NULL""").param(applicationId).query(Long.class).single();
	}

	/** What all of an enterprise's applications hold in attachments. */
	long enterpriseAttachmentBytes(long enterpriseId) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(f.size_bytes), 0) FROM attachment t
				JOIN stored_file f ON f.id = t.file_id JOIN application a ON a.id = t.application_id
				WHERE a.enterprise_id = ? AND t.removed_at IS NULL""").param(enterpriseId).query(Long.class).single();
	}

	void deleteAttachment(long attachmentId) {
		jdbc.sql("DELETE FROM attachment WHERE id = ?").param(attachmentId).update();
	}

	/** When the application was last submitted (first or again after a correction). */
	Optional<Instant> lastSubmitted(long applicationId) {
		return jdbc.sql("""
				SELECT MAX(t) FROM (SELECT submitted_at AS t FROM application WHERE id = ?
				    UNION ALL SELECT resubmitted_at AS t FROM application_resubmission WHERE application_id = ?) s""")
			.params(applicationId, applicationId)
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/**
	 * Takes an attachment out of the dossier, keeping it and its file; false if already
	 * out.
	 */
	boolean removeAttachment(long attachmentId, String by) {
		return jdbc.sql("UPDATE attachment SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL")
			.params(Timestamp.from(Instant.now()), by, attachmentId)
			.update() == 1;
	}

	List<Long> attachmentFiles(long applicationId) {
		return jdbc.sql("SELECT file_id FROM attachment WHERE application_id = ?")
			.param(applicationId)
			.query(Long.class)
			.list();
	}

	private List<EquipmentLine> equipment(long applicationId) {
		return jdbc.sql("""
				SELECT name, model, quantity, unit_price, origin, replaces_equipment, replaced_age_years,
				       efficiency_grade, invoice_no, invoice_date, invoice_amount
				FROM equipment_line WHERE application_id = ? ORDER BY line_no""")
			.param(applicationId)
			.query((rs, n) -> new EquipmentLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
					Origin.valueOf(rs.getString(5)), rs.getString(6), (Integer) rs.getObject(7, Integer.class),
					rs.getObject(8, Integer.class), rs.getString(9), localDate(rs.getDate(10)), rs.getBigDecimal(11)))
			.list();
	}

	/**
	 * The values of the dossier columns, in the order of the UPDATE above; the columns of
	 * other kinds stay empty.
	 */
	private static List<Object> columns(Dossier d) {
		if (d instanceof ProjectDossier p) {
			return Arrays.asList(p.projectName(), p.policyTask(), p.location(), date(p.constructionStart()),
					date(p.constructionEnd()), p.totalInvestment(), p.equipmentInvestment(), p.needsNewLand(),
					p.needsEnergyUse(), p.needsEmissionQuota(), p.expectedOutputValue(), p.expectedEnergySaving(),
					p.otherBenefits(), null, null, null, null, null, null);
		}
		if (d instanceof SubsidyDossier s) {
			return Arrays.asList(null, null, null, null, null, null, null, false, false, false, null, null, null,
					s.projectId(), date(s.commissioningDate()), null, null, null, null);
		}
		LoanDossier l = (LoanDossier) d;
		return Arrays.asList(null, null, null, null, null, null, null, false, false, false, null, null, null,
				l.projectId(), null, l.bankKeys().isEmpty() ? null : String.join(",", l.bankKeys()), l.loanAmount(),
				l.loanTermMonths(), l.loanPurpose());
	}

	private static ApplicationRow row(ResultSet rs, List<EquipmentLine> equipment) throws SQLException {
		ApplicationKind kind = ApplicationKind.valueOf(rs.getString("kind"));
		Dossier dossier = switch (kind) {
			case PROJECT -> new ProjectDossier(rs.getString("project_name"), rs.getObject("policy_task", Integer.class),
					rs.getString("location"), localDate(rs.getDate("construction_start")),
					localDate(rs.getDate("construction_end")), rs.getBigDecimal("total_investment"),
					rs.getBigDecimal("equipment_investment"), rs.getBoolean("needs_new_land"),
					rs.getBoolean("needs_energy_use"), rs.getBoolean("needs_emission_quota"),
					rs.getBigDecimal("expected_output_value"), rs.getBigDecimal("expected_energy_saving"),
					rs.getString("other_benefits"), equipment);
			case SUBSIDY -> new SubsidyDossier(rs.getObject("project_id", Long.class),
					localDate(rs.getDate("commissioning_date")), equipment);
			case LOAN -> new LoanDossier(rs.getObject("project_id", Long.class), banks(rs.getString("bank_keys")),
					rs.getBigDecimal("loan_amount"), rs.getObject("loan_term_months", Integer.class),
					rs.getString("loan_purpose"));
		};
		return new ApplicationRow(rs.getLong("id"), rs.getString("reference_no"), kind, rs.getLong("enterprise_id"),
				rs.getString("division_code"), ApplicationStatus.valueOf(rs.getString("status")), rs.getInt("version"),
				dossier, rs.getString("process_instance_id"), instant(rs.getTimestamp("updated_at")),
				instant(rs.getTimestamp("submitted_at")));
	}

	static String title(ApplicationKind kind, String projectName, String referencedProject) {
		String name = kind == ApplicationKind.PROJECT ? projectName : referencedProject;
		return (name == null || name.isBlank() ? "（未填写项目名称）" : name) + " · " + kind.label();
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static LocalDate localDate(Date d) {
		return d == null ? null : d.toLocalDate();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	static BigDecimal orZero(BigDecimal b) {
		return b == null ? BigDecimal.ZERO : b;
	}

}
