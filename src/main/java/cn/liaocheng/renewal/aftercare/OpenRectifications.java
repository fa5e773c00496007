package cn.liaocheng.renewal.aftercare;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.EventSubscriptionQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.aftercare.internal.AftercareModel;
import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.aftercare.internal.Finding;

/**
 * Projects whose on-site acceptance ordered a rectification (限期整改) that the enterprise
 * has not yet submitted, for the reminders sent to the enterprise's account: the
 * after-award process waits for the submission, and the deadline is the one the city's
 * last acceptance finding set. When it passes, the subsidy is clawed back.
 */
@Component
public class OpenRectifications {

	/** The deadline of each waiting project's latest on-site acceptance finding. */
	private static final String OPEN = """
			SELECT a.id, a.reference_no, f.deadline, e.user_id
			FROM aftercare_finding f
			JOIN application a ON a.id = f.application_id
			JOIN enterprise e ON e.id = a.enterprise_id
			JOIN after_award_process p ON p.application_id = a.id AND p.process_key = :process
			WHERE p.process_instance_id IN (:waiting) AND f.step = :step
			  AND f.recorded_at = (SELECT MAX(l.recorded_at) FROM aftercare_finding l
			                       WHERE l.application_id = f.application_id AND l.step = :step)""";

	private final RuntimeService runtime;

	private final JdbcClient jdbc;

	private final ApplicationStages stages;

	OpenRectifications(RuntimeService runtime, JdbcClient jdbc, ApplicationStages stages) {
		this.runtime = runtime;
		this.jdbc = jdbc;
		this.stages = stages;
	}

	/**
	 * A rectification the enterprise's account must submit by the end of
	 * {@code deadline}.
	 */
	public record OpenRectification(long applicationId, String referenceNo, LocalDate deadline, String enterpriseUser) {
	}

	/**
	 * The open rectifications whose deadline lies between {@code from} and {@code until}
	 * (both included), soonest first: two queries whatever their number. Not those of a
	 * disabled account, whose deadlines are suspended until it is restored. A case counts
	 * when the after-award process the product recorded for it waits for the submission,
	 * not an instance someone started by hand with its key.
	 */
	@Transactional(readOnly = true)
	public List<OpenRectification> dueBetween(LocalDate from, LocalDate until) {
		Set<String> waiting = waiting(runtime.createEventSubscriptionQuery());
		if (waiting.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql(OPEN + " AND f.deadline >= :from AND f.deadline <= :until AND e.status <> 'DISABLED'"
					+ " ORDER BY f.deadline, a.id")
			.param("process", AftercareModel.PROCESS_KEY)
			.param("waiting", waiting)
			.param("step", Finding.Step.CITY_ACCEPTANCE.name())
			.param("from", Date.valueOf(from))
			.param("until", Date.valueOf(until))
			.query(OpenRectifications::map)
			.list();
	}

	/**
	 * The open rectifications of the enterprise whose account is {@code enterpriseUser}.
	 */
	@Transactional(readOnly = true)
	public List<OpenRectification> ofEnterprise(String enterpriseUser) {
		Set<String> waiting = waiting(runtime.createEventSubscriptionQuery());
		if (waiting.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(OPEN + " AND e.user_id = :user ORDER BY a.id")
			.param("process", AftercareModel.PROCESS_KEY)
			.param("waiting", waiting)
			.param("step", Finding.Step.CITY_ACCEPTANCE.name())
			.param("user", enterpriseUser)
			.query(OpenRectifications::map)
			.list();
	}

	/**
	 * Whether {@code told} is still open exactly as read, asked where its reminder is
	 * written: the case's row is held first, as the enterprise's submission holds it, so
	 * that a rectification submitted meanwhile is waited for and not reminded of.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean stillOpen(OpenRectification told) {
		stages.hold(told.applicationId());
		Optional<String> instance = stages.afterAwardProcess(told.applicationId(), AftercareModel.PROCESS_KEY);
		if (instance.isEmpty()) {
			return false;
		}
		Set<String> waiting = waiting(runtime.createEventSubscriptionQuery().processInstanceId(instance.get()));
		return !waiting.isEmpty() && jdbc.sql(OPEN + " AND a.id = :application")
			.param("process", AftercareModel.PROCESS_KEY)
			.param("waiting", waiting)
			.param("step", Finding.Step.CITY_ACCEPTANCE.name())
			.param("application", told.applicationId())
			.query(OpenRectifications::map)
			.list()
			.contains(told);
	}

	/** The process instances among {@code subscriptions} that wait for the submission. */
	private static Set<String> waiting(EventSubscriptionQuery subscriptions) {
		return subscriptions.eventType("message")
			.eventName(AftercareModel.RECTIFICATION_SUBMITTED)
			.list()
			.stream()
			.map(EventSubscription::getProcessInstanceId)
			.collect(Collectors.toSet());
	}

	private static OpenRectification map(ResultSet rs, int row) throws SQLException {
		return new OpenRectification(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4));
	}

}
