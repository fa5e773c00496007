package cn.liaocheng.renewal.review.opinions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * Reviewers' opinions, kept by the application (they outlive Camunda's history cleanup).
 */
@Repository
public class OpinionStore {

	/** The columns {@link #opinion} reads, from the table. */
	private static final String SELECT = """
			SELECT id, application_id, task_id, step, step_name, body_group, body_name, reviewer, reviewer_name,
			       decision, opinion, created_at, decision_label
			FROM review_opinion
			""";

	private final JdbcClient jdbc;

	OpinionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Opinion o) {
		add(o, null, null);
	}

	/**
	 * Records an opinion with what the record says of it: whether its reviewer was then a
	 * member of its body, and the root process instance of the task that gave it.
	 */
	void add(Opinion o, Boolean reviewerMember, String rootProcessInstanceId) {
		jdbc.sql("""
				INSERT INTO review_opinion (application_id, task_id, step, step_name, body_group, body_name, reviewer,
				                            reviewer_name, decision, opinion, created_at, decision_label,
				                            reviewer_member, root_process_instance_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.applicationId(), o.taskId(), o.step(), o.stepName(), o.bodyGroup(), o.bodyName(), o.reviewer(),
					o.reviewerName(), o.decision(), o.opinion(), Timestamp.from(o.at()), o.chosenLabel(),
					reviewerMember, rootProcessInstanceId)
			.update();
	}

	/**
	 * The standing opinions of the case (as {@link #forApplication}), each with what the
	 * record says of who gave it and where: what a decision may be signed on.
	 */
	public List<OpinionOfRecord> standingOfRecord(long applicationId) {
		return jdbc.sql("""
				SELECT id, application_id, task_id, step, step_name, body_group, body_name, reviewer, reviewer_name,
				       decision, opinion, created_at, decision_label, reviewer_member, root_process_instance_id
				FROM review_opinion WHERE application_id = ? AND superseded_at IS NULL ORDER BY created_at, id""")
			.param(applicationId)
			.query((rs, row) -> new OpinionOfRecord(opinion(rs, row), (Boolean) rs.getObject(14), rs.getString(15)))
			.list();
	}

	/** Every opinion of the case, superseded ones too (the dossier's timeline). */
	List<Opinion> allForApplication(long applicationId) {
		return jdbc.sql(SELECT + """
				WHERE application_id = ? ORDER BY created_at, id""")
			.param(applicationId)
			.query(OpinionStore::opinion)
			.list();
	}

	Set<String> supersededTasks(long applicationId) {
		return new HashSet<>(
				jdbc.sql("SELECT task_id FROM review_opinion WHERE application_id = ? AND superseded_at IS NOT NULL")
					.param(applicationId)
					.query(String.class)
					.list());
	}

	/**
	 * The standing opinions of the case (not superseded): its conclusions and what
	 * decisions tell.
	 */
	public List<Opinion> forApplication(long applicationId) {
		return jdbc.sql(SELECT + """
				WHERE application_id = ? AND superseded_at IS NULL ORDER BY created_at, id""")
			.param(applicationId)
			.query(OpinionStore::opinion)
			.list();
	}

	/**
	 * When each step of the cases returned the case for correction (退回补正), oldest first,
	 * by case and step (the step's BPMN task id), in one query. A task of the step
	 * created after such a return is the step again, after the enterprise's resubmission.
	 * A return taken back (superseded) did not send the case to the enterprise.
	 */
	public Map<StepOfCase, List<Instant>> returnsForCorrection(Collection<Long> applicationIds) {
		Map<StepOfCase, List<Instant>> returns = new HashMap<>();
		if (applicationIds.isEmpty()) {
			return returns;
		}
		jdbc.sql("""
				SELECT application_id, step, created_at FROM review_opinion
				WHERE application_id IN (:ids) AND decision = :returned AND superseded_at IS NULL
				ORDER BY created_at, id""")
			.param("ids", applicationIds)
			.param("returned", ReviewProcesses.RETURN)
			.query(rs -> {
				returns.computeIfAbsent(new StepOfCase(rs.getLong(1), rs.getString(2)), k -> new ArrayList<>())
					.add(rs.getTimestamp(3).toInstant());
			});
		return returns;
	}

	/**
	 * The latest opinion each of the cases had from one of {@code groups}, superseded or
	 * not (the body did that step, whether or not it is being done again), and whether it
	 * was superseded (its step withdrawn or returned to be done again), by case, in one
	 * query; cases without one are absent.
	 */
	public Map<Long, Latest> latestOfBodies(Collection<Long> applicationIds, Collection<String> groups) {
		Map<Long, Latest> latest = new HashMap<>();
		if (applicationIds.isEmpty() || groups.isEmpty()) {
			return latest;
		}
		jdbc.sql("""
				SELECT id, application_id, task_id, step, step_name, body_group, body_name, reviewer, reviewer_name,
				       decision, opinion, created_at, decision_label, superseded_at
				FROM review_opinion
				WHERE application_id IN (:ids) AND body_group IN (:groups)
				ORDER BY created_at DESC, id DESC""").param("ids", applicationIds).param("groups", groups).query(rs -> {
			latest.putIfAbsent(rs.getLong(2), new Latest(opinion(rs, rs.getRow()), rs.getTimestamp(14) != null));
		});
		return latest;
	}

	/**
	 * A body's latest opinion on a case; {@code superseded}: it is no longer a conclusion
	 * of the case.
	 */
	public record Latest(Opinion opinion, boolean superseded) {
	}

	/** A step (BPMN task id) of one case. */
	public record StepOfCase(long applicationId, String step) {
	}

	/**
	 * The opinion of a task whose step is being done again stops being a conclusion of
	 * the case (kept for the record).
	 */
	public void supersede(String taskId) {
		jdbc.sql("UPDATE review_opinion SET superseded_at = ? WHERE task_id = ? AND superseded_at IS NULL")
			.params(Timestamp.from(Instant.now()), taskId)
			.update();
	}

	/** The standing (not superseded) opinion of a task, if it has one. */
	public Optional<Opinion> standing(String taskId) {
		return jdbc.sql(SELECT + """
				WHERE task_id = ? AND superseded_at IS NULL""").param(taskId).query(OpinionStore::opinion).optional();
	}

	/**
	 * The reviewer's approvals and returns for correction that are still the latest
	 * standing opinion of their case, newest first: the steps they might take back, if
	 * the next step has not been claimed yet, or the enterprise has not acted on the
	 * return.
	 */
	public List<Opinion> lastTakeBackableBy(String reviewer, Instant since, int limit) {
		return jdbc
			.sql("""
					SELECT o.id, o.application_id, o.task_id, o.step, o.step_name, o.body_group, o.body_name, o.reviewer,
					       o.reviewer_name, o.decision, o.opinion, o.created_at, o.decision_label
					FROM review_opinion o
					WHERE o.reviewer = ? AND o.created_at > ? AND o.decision IN ('APPROVE', 'RETURN') AND o.superseded_at IS NULL
					  AND NOT EXISTS (SELECT 1 FROM review_opinion later WHERE later.application_id = o.application_id
					                  AND later.superseded_at IS NULL AND later.id <> o.id
					                  AND (later.created_at > o.created_at OR (later.created_at = o.created_at AND later.id > o.id)))
					ORDER BY o.created_at DESC, o.id DESC""")
			.params(reviewer, Timestamp.from(since))
			.query(OpinionStore::opinion)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/** One row of the columns every query above selects, in that order. */
	private static Opinion opinion(ResultSet rs, int row) throws SQLException {
		return new Opinion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
				rs.getTimestamp(12).toInstant(), rs.getString(13));
	}

	static Instant now() {
		return Instant.now();
	}

}
