package cn.liaocheng.renewal.admin.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The cases that wait on a failed background step (an incident: a job that failed on
 * every retry, e.g. a decision the record does not support or that could not be signed),
 * in Chinese and with the case each one holds up, and the administrator's retry once the
 * cause is repaired. What the engine records is read, never written, except the retry:
 * the job of the incident named, found from the incident, gets one more attempt, in the
 * administrator's name (Camunda's operation log) and in the audit trail, both in one
 * transaction. A job of no case (an administrator's batch, history cleanup) has no
 * process definition: it is named by its kind and retried like the others.
 */
@Service
class IncidentBoard {

	private static final Logger LOG = LoggerFactory.getLogger(IncidentBoard.class);

	/** The newest shown; more than this means something larger is wrong. */
	static final int SHOWN = 200;

	static final String AUDIT_ACTION = "INCIDENT_RETRIED";

	/** Where an incident of no case stands, in place of a process's name. */
	static final String NO_CASE = "（不属于任何案件）";

	/** A job of no case with a job definition: one of a batch's. */
	static final String BATCH_JOB = "批量操作（流程实例迁移、修改、删除等）的作业";

	/** A job of no case without a job definition. */
	static final String SYSTEM_JOB = "系统作业（历史数据清理、定时挂起或激活等）";

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ManagementService management;

	private final ApplicationStages stages;

	private final ActingUser actingUser;

	private final AuditTrail audit;

	IncidentBoard(RuntimeService runtime, RepositoryService repository, ManagementService management,
			ApplicationStages stages, ActingUser actingUser, AuditTrail audit) {
		this.runtime = runtime;
		this.repository = repository;
		this.management = management;
		this.stages = stages;
		this.actingUser = actingUser;
		this.audit = audit;
	}

	/** What kind of failure, told from the message, with what to do about it. */
	enum Cause {

		NOT_SUPPORTED("审核记录不支持出具文书",
				"系统在出具前核对审核记录，缺少上面列出的意见或期限，因此未编号、未签章、未送达。请核对模型和审核记录（管理员指南“出具文书前的核对”）：缺少的意见应由相应单位在审核任务中给出，之后重试。"),

		WRONG_INSTANCE("流程实例与申报不符", "该流程实例不是系统为该申报记录的实例（可能是手工启动的，或业务键被改动），其环节一律拒绝办理。请在 Cockpit 中核查并取消该实例，不要重试。"),

		SIGNING("签章失败", "签章密钥或证书不可用（未配置、无法打开或已过期）。请按运维指南配置出具单位的签章密钥，之后重试。"),

		OTHER("其他错误", "请在 Cockpit 中查看该实例的事件和错误堆栈，排除原因后重试。");

		private final String label;

		private final String advice;

		Cause(String label, String advice) {
			this.label = label;
			this.advice = advice;
		}

		public String label() {
			return label;
		}

		public String advice() {
			return advice;
		}

		static Cause of(String message) {
			String m = message == null ? "" : message;
			if (m.contains("审核记录不支持出具") || m.contains("不在出具文书的依据表中")) {
				return NOT_SUPPORTED;
			}
			if (m.contains("不能对该申报办理")) {
				return WRONG_INSTANCE;
			}
			if (m.contains("signing keystore") || m.contains("signing key") || m.contains("签章")) {
				return SIGNING;
			}
			return OTHER;
		}

	}

	/**
	 * One open incident as the page lists it; {@code applicationId} and the case's names
	 * are empty when the instance has no business key of an application.
	 */
	record Entry(String incidentId, Instant at, String processName, String stepName, String processInstanceId,
			Long applicationId, String referenceNo, String title, String enterpriseName, Cause cause, String message,
			boolean retryable) {

		public String time() {
			return ChinaTime.minute(at);
		}

		/**
		 * The instance in Cockpit; for a job of no case, Cockpit's batches, where a
		 * batch's failed jobs are.
		 */
		public String cockpitPath() {
			return processInstanceId == null ? "/camunda/app/cockpit/default/#/batch"
					: "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime";
		}

	}

	/** The open incidents, newest first, at most {@link #SHOWN}. */
	List<Entry> open(PortalUser user) {
		requireAdministrator(user);
		List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, SHOWN);
		if (incidents.isEmpty()) {
			return List.of();
		}
		Map<String, ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
			.processDefinitionIdIn(distinct(incidents, Incident::getProcessDefinitionId).toArray(String[]::new))
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
		Set<String> instanceIds = distinct(incidents, Incident::getProcessInstanceId);
		Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
				: runtime.createProcessInstanceQuery()
					.processInstanceIds(instanceIds)
					.list()
					.stream()
					.filter(i -> i.getBusinessKey() != null)
					.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
		Map<Long, CaseListing> cases = stages
			.listings(businessKeys.values()
				.stream()
				.map(IncidentBoard::applicationId)
				.flatMap(Optional::stream)
				.distinct()
				.toList())
			.stream()
			.collect(Collectors.toMap(c -> c.summary().id(), Function.identity()));
		Map<String, BpmnModelInstance> models = new HashMap<>();
		return incidents.stream().map(incident -> {
			ProcessDefinition definition = definitions.get(incident.getProcessDefinitionId());
			String processName = incident.getProcessDefinitionId() == null ? NO_CASE : definition == null ? "（未知流程）"
					: Objects.requireNonNullElse(definition.getName(), definition.getKey());
			String stepName = incident.getProcessDefinitionId() == null ? caselessJob(incident)
					: definition == null ? incident.getActivityId()
							: stepName(models.computeIfAbsent(definition.getId(), repository::getBpmnModelInstance),
									incident.getActivityId());
			// A job of no case has no instance (and Map.of() takes no null key).
			Optional<Long> applicationId = Optional.ofNullable(incident.getProcessInstanceId())
				.map(businessKeys::get)
				.flatMap(IncidentBoard::applicationId);
			CaseListing listing = applicationId.map(cases::get).orElse(null);
			String message = incident.getIncidentMessage() == null ? "" : incident.getIncidentMessage().strip();
			return new Entry(incident.getId(), incident.getIncidentTimestamp().toInstant(), processName, stepName,
					incident.getProcessInstanceId(),
					// Boxed: a long here would unbox a missing application id.
					listing == null ? applicationId.orElse(null) : Long.valueOf(listing.summary().id()),
					listing == null ? null : listing.summary().referenceNo(),
					listing == null ? null : listing.summary().title(),
					listing == null ? null : listing.enterpriseName(), Cause.of(message), message,
					retryable(incident, Cause.of(message)));
		}).toList();
	}

	/**
	 * What became of a retry, for the page's message: started (with the step's name, and
	 * whether the job is a case's), gone (retried by someone else, or the case moved on),
	 * or pointless (not a failed job, or one that would fail again whatever is repaired:
	 * a step of an instance that is not the case's own).
	 */
	record Retry(Outcome outcome, String stepName, boolean ofCase) {

		Retry(Outcome outcome) {
			this(outcome, null, true);
		}

		enum Outcome {

			STARTED, GONE, POINTLESS

		}

	}

	/**
	 * Gives the failed job behind the incident one more attempt. The job is found from
	 * the incident, never taken from the request; the job executor runs it at once, and a
	 * failure again makes a new incident (and a new alert).
	 */
	@Transactional
	Retry retry(PortalUser user, String incidentId, String note) {
		requireAdministrator(user);
		String why = note == null ? "" : note.strip();
		if (why.length() > 200) {
			throw new IllegalArgumentException("重试说明不能超过 200 个字");
		}
		PlainText.problem(why, false).ifPresent(problem -> {
			throw new IllegalArgumentException("重试说明" + problem);
		});
		Incident incident = incidentId == null || incidentId.isBlank() ? null
				: runtime.createIncidentQuery().incidentId(incidentId.strip()).singleResult();
		if (incident == null) {
			return new Retry(Retry.Outcome.GONE);
		}
		if (!retryable(incident, Cause.of(incident.getIncidentMessage()))) {
			return new Retry(Retry.Outcome.POINTLESS);
		}
		String jobId = incident.getConfiguration();
		Job job = management.createJobQuery().jobId(jobId).singleResult();
		if (job == null || job.getRetries() > 0) {
			return new Retry(Retry.Outcome.GONE);
		}
		actingUser.as(user.userId(), () -> {
			management.setJobRetries(jobId, 1);
			return null;
		});
		// A batch's or the history cleanup's job has no process definition (and no
		// instance, no step).
		boolean ofCase = incident.getProcessDefinitionId() != null;
		String stepName = ofCase
				? stepName(repository.getBpmnModelInstance(incident.getProcessDefinitionId()), incident.getActivityId())
				: caselessJob(incident);
		audit
			.record(user.userId(), AUDIT_ACTION, "incident:" + incident.getId(),
					"job " + jobId
							+ (ofCase ? " of process instance " + incident.getProcessInstanceId() + " at "
									+ incident.getActivityId() : " of no case")
							+ (why.isEmpty() ? "" : "; note: " + why));
		LOG.info("Incident {} (job {}, {}) retried by {}", incident.getId(), jobId,
				ofCase ? incident.getActivityId() : "no case", user.userId());
		return new Retry(Retry.Outcome.STARTED, stepName, ofCase);
	}

	/**
	 * The kind of a job of no case: a batch's (its jobs, and only they, have a job
	 * definition without a process definition) or another of the engine's own.
	 */
	private String caselessJob(Incident incident) {
		if (incident.getJobDefinitionId() == null) {
			return SYSTEM_JOB;
		}
		JobDefinition definition = management.createJobDefinitionQuery()
			.jobDefinitionId(incident.getJobDefinitionId())
			.singleResult();
		return definition == null ? SYSTEM_JOB : BATCH_JOB;
	}

	private static boolean retryable(Incident incident, Cause cause) {
		return Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())
				&& incident.getConfiguration() != null && cause != Cause.WRONG_INSTANCE;
	}

	private static void requireAdministrator(PortalUser user) {
		if (user == null || !user.isAdministrator()) {
			throw new AccessDeniedException("只有系统管理员可以查看和重试运行异常");
		}
	}

	private static String stepName(BpmnModelInstance model, String activityId) {
		if (activityId == null) {
			return "（未知环节）";
		}
		ModelElementInstance element = model == null ? null : model.getModelElementById(activityId);
		String name = element == null ? null : element.getAttributeValue("name");
		return name == null || name.isBlank() ? activityId : name.strip();
	}

	private static Optional<Long> applicationId(String businessKey) {
		if (businessKey == null || businessKey.isEmpty() || businessKey.length() > 18
				|| !businessKey.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(businessKey));
	}

	private static Set<String> distinct(Collection<Incident> incidents, Function<Incident, String> property) {
		return incidents.stream()
			.map(property)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
