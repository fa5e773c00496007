package cn.liaocheng.renewal.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.JobFailedForGood;

/**
 * A job that failed on every retry becomes an incident, and an incident nobody hears of
 * leaves a case waiting for ever: the engine's own handler for failed jobs records it as
 * before, and the product is told ({@link JobFailedForGood}) so that administrators are.
 * How often and how long apart a job is retried first is the engine's
 * {@code failedJobRetryTimeCycle} ({@code application.yaml}).
 */
@Component
class IncidentAlerts extends AbstractProcessEnginePlugin {

	private static final int LONGEST_ERROR = 500;

	private final ApplicationEventPublisher events;

	IncidentAlerts(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomIncidentHandlers());
		handlers.add(new Alerting(Incident.FAILED_JOB_HANDLER_TYPE));
		configuration.setCustomIncidentHandlers(handlers);
	}

	private final class Alerting extends DefaultIncidentHandler {

		Alerting(String type) {
			super(type);
		}

		@Override
		public Incident handleIncident(IncidentContext context, String message) {
			Incident incident = super.handleIncident(context, message);
			ExecutionEntity execution = context.getExecutionId() == null ? null
					: Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
			String businessKey = execution == null ? null : execution.getProcessBusinessKey();
			String processName = null;
			String activityName = context.getActivityId();
			ProcessDefinitionEntity definition = execution == null ? null : execution.getProcessDefinition();
			if (definition != null) {
				processName = definition.getName() == null ? definition.getKey() : definition.getName();
				ActivityImpl activity = context.getActivityId() == null ? null
						: definition.findActivity(context.getActivityId());
				if (activity != null && activity.getName() != null) {
					activityName = activity.getName();
				}
			}
			String error = message == null ? "" : message.strip();
			events.publishEvent(new JobFailedForGood(incident.getId(), incident.getProcessInstanceId(), businessKey,
					processName, activityName,
					error.length() > LONGEST_ERROR ? error.substring(0, LONGEST_ERROR) + "…" : error));
			return incident;
		}

	}

}
