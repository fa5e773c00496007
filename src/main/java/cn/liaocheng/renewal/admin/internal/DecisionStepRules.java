package cn.liaocheng.renewal.admin.internal;

import java.util.List;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import cn.liaocheng.renewal.review.ReviewTaskContract;
import cn.liaocheng.renewal.review.ReviewTaskContract.DecisionStep;

/**
 * A model of a process whose steps a signed decision rests on
 * ({@link ReviewTaskContract#DECISION_STEPS}) keeps each such step, under its id and with
 * its body as candidate group and its form: the decision's check looks for that body's
 * opinion given at that step, so a step redrawn under a new id, or handed to another
 * body, would leave every later case of the process without a decision, found only at its
 * end.
 */
final class DecisionStepRules {

	private DecisionStepRules() {
	}

	static void check(BpmnModelInstance model, ProblemSink problems) {
		for (Process process : model.getModelElementsByType(Process.class)) {
			List<DecisionStep> steps = ReviewTaskContract.DECISION_STEPS.get(process.getId());
			if (steps == null) {
				continue;
			}
			for (DecisionStep step : steps) {
				ModelElementInstance element = model.getModelElementById(step.taskId());
				if (!(element instanceof UserTask task)) {
					problems.add(process.getId(), "流程缺少审核环节“" + step.name() + "”（用户任务，ID " + step.taskId()
							+ "）：出具决定书时要核对该环节的审核意见，删除该环节或更改其 ID 后，此后的申报都将无法出具决定书。请保留该环节，ID 保持为 " + step.taskId());
					continue;
				}
				String groups = task.getCamundaCandidateGroups() == null ? ""
						: task.getCamundaCandidateGroups().strip();
				String formRef = task.getCamundaFormRef() == null ? "" : task.getCamundaFormRef().strip();
				if (!step.formRef().equals(formRef)) {
					problems.add(task.getId(), "审核环节“" + step.name() + "”的表单须为 “" + step.formRef() + "”（现为 “" + formRef
							+ "”）：系统按这张表单的审核结论和意见出具决定书，如需调整请修改这张表单并部署新版本");
				}
				if (!step.candidateGroups().equals(groups)) {
					problems.add(task.getId(), "审核环节“" + step.name() + "”的候选组须为 “" + step.candidateGroups() + "”（现为 “"
							+ groups + "”）：决定书只认该单位成员在这一环节给出的意见，交给其他单位办理后，此后的申报都将无法出具决定书");
				}
			}
		}
	}

	/** Where a problem goes: the element's id and the message. */
	@FunctionalInterface
	interface ProblemSink {

		void add(String elementId, String message);

	}

}
