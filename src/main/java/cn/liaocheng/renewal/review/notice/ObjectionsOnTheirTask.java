package cn.liaocheng.renewal.review.notice;

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
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.process.ReviewedApplication;

/**
 * The objections, with who filed them and their telephone numbers, go on the lead body's
 * 处理公示异议 task alone (a variable of the task, read by its form), taken from the objections
 * as filed when the task is created. On the case they would reach every body with a later
 * step: the finance bureau's allocation task reads all of the case's variables. A
 * listener the parser gives the task of every version of the subsidy process, so that no
 * edited model loses it and cases on older versions get it too.
 */
@Component
class ObjectionsOnTheirTask extends AbstractProcessEnginePlugin {

	private final ObjectProvider<PublicNotices> notices;

	ObjectionsOnTheirTask(ObjectProvider<PublicNotices> notices) {
		this.notices = notices;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = new ArrayList<>(
				Objects.requireNonNullElse(configuration.getCustomPostBPMNParseListeners(), List.of()));
		parseListeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (ReviewProcesses.TASK_RESOLVE_OBJECTIONS.equals(activity.getId())
						&& activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
						&& ReviewProcesses.SUBSIDY_APPLICATION.equals(definition.getKey())
						&& activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition()
						.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ObjectionsOnTheirTask.this::show);
				}
			}

		});
		configuration.setCustomPostBPMNParseListeners(parseListeners);
	}

	private void show(DelegateTask task) {
		long applicationId = ReviewedApplication.of(task);
		task.setVariableLocal(ReviewProcesses.OBJECTION_SUMMARY,
				PublicNotices.summary(notices.getObject().unresolved(applicationId)));
	}

}
