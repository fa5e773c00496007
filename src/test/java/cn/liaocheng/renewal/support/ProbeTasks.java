package cn.liaocheng.renewal.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * Many open tasks of one user, as years of work would leave them: as many cases of a
 * one-step probe process (task id {@code probe}) assigned to the user, started in one
 * command. Delete the returned deployment with its cases when done.
 */
public final class ProbeTasks {

	private ProbeTasks() {
	}

	public static Deployment pileUp(ProcessEngine engine, String processKey, String name, String assignee, int count) {
		Deployment deployment = TrustedDeployment.deploy(engine.getRepositoryService()
			.createDeployment()
			.name(processKey)
			.addModelInstance(processKey + ".bpmn",
					Bpmn.createExecutableProcess(processKey)
						.name(name)
						.startEvent()
						.userTask("probe")
						.name(name + "任务")
						.camundaAssignee(assignee)
						.endEvent()
						.done()));
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(context -> {
				for (int i = 0; i < count; i++) {
					engine.getRuntimeService().startProcessInstanceByKey(processKey, processKey + "-" + i);
				}
				return null;
			});
		return deployment;
	}

}
