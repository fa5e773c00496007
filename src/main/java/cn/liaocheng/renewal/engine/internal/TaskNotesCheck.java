package cn.liaocheng.renewal.engine.internal;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Comments and attachments on tasks and cases: Camunda 7.24 checks no permission when they are created, so anyone
 * signed in who knows a task id could write into another county's case. A signed-in caller may write notes only on
 * a task it may work on; notes on a whole process instance, and attachments (the product keeps files in its own
 * store), are for administrators. The product's own code, which runs without a signed-in user, is not limited.
 */
final class TaskNotesCheck implements Command<Void> {

	private final String taskId;

	private final boolean attachment;

	private TaskNotesCheck(String taskId, boolean attachment) {
		this.taskId = taskId;
		this.attachment = attachment;
	}

	static TaskNotesCheck comment(String taskId) {
		return new TaskNotesCheck(taskId, false);
	}

	static TaskNotesCheck attachment(String taskId) {
		return new TaskNotesCheck(taskId, true);
	}

	@Override
	public Void execute(CommandContext context) {
		if (context.getAuthenticatedUserId() == null || !context.isAuthorizationCheckEnabled()
				|| context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
			return null;
		}
		if (attachment || taskId == null) {
			throw new AuthorizationException("只有管理员可以为流程实例添加备注或附件；审核材料请通过系统卷宗上传和查看。");
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			throw new NullValueException("任务不存在或已办结：" + taskId);
		}
		for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
			checker.checkTaskWork(task);
		}
		return null;
	}

}
