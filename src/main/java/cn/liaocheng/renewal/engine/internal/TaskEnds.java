package cn.liaocheng.renewal.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.OpenTasks;
import cn.liaocheng.renewal.engine.TaskEnded;

/**
 * Announces the end of every user task ({@link TaskEnded}) from the engine itself: a
 * built-in listener of {@code complete} and {@code delete} that the parser gives every
 * user task of every model, so no model has to declare it and no edited model can lose
 * it. Built-in listeners run also when a deletion skips the custom ones (Cockpit's
 * cancellation offers that), unlike the models' listeners and Spring Boot's own task
 * events, which are skipped then. The ending task is held ({@link OpenTasks}) before the
 * announcement, so that what others write about it under their own hold is either seen by
 * the listeners or not written; both happen as the ending command closes, in its
 * transaction.
 */
@Component
class TaskEnds extends AbstractProcessEnginePlugin {

	private final ApplicationEventPublisher events;

	private final OpenTasks holds;

	TaskEnds(ApplicationEventPublisher events, OpenTasks holds) {
		this.events = events;
		this.holds = holds;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomPostBPMNParseListeners(), List.of()));
		parseListeners.add(new EveryUserTask(this::ended));
		configuration.setCustomPostBPMNParseListeners(parseListeners);
	}

	/**
	 * Announces the end when the command that ended the task closes, after the models'
	 * own listeners and before the engine writes: the task's row is then held last, after
	 * the product's rows those listeners wrote (an opinion, the case's stage), as every
	 * other writer takes them (the application's row first, then the task's), so that two
	 * of them never wait for each other.
	 */
	private void ended(DelegateTask task) {
		boolean completed = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
		CommandContext command = Context.getCommandContext();
		String by = null;
		if (completed) {
			String user = command == null ? null : command.getAuthenticatedUserId();
			by = user != null ? user : task.getAssignee();
		}
		TaskEnded ended = new TaskEnded(task.getId(), task.getProcessInstanceId(), completed, by);
		if (command == null) {
			announce(ended);
			return;
		}
		command.registerCommandContextListener(new CommandContextListener() {

			@Override
			public void onCommandContextClose(CommandContext context) {
				announce(ended);
			}

			@Override
			public void onCommandFailed(CommandContext context, Throwable failure) {
				// Nothing ended: the command's changes are rolled back.
			}

		});
	}

	private void announce(TaskEnded ended) {
		// A task created and ended in one command has no row yet: nobody else can have
		// written about it.
		holds.hold(ended.taskId());
		events.publishEvent(ended);
	}

	private static final class EveryUserTask extends AbstractBpmnParseListener {

		private final TaskListener listener;

		EveryUserTask(TaskListener listener) {
			this.listener = listener;
		}

		@Override
		public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
				userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
				userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, listener);
			}
		}

	}

}
