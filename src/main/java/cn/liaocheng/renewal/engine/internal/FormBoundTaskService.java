package cn.liaocheng.renewal.engine.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Event;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, whose completions say only what the task's form asks
 * ({@link TaskForm}), and whose comments and attachments are checked when written and
 * read ({@link TaskNotesCheck}).
 */
class FormBoundTaskService extends TaskServiceImpl {

	@Override
	public void complete(String taskId, Map<String, Object> variables) {
		// complete(taskId) comes here too, with no variables
		new FormBoundCompletion<>(taskId, variables, admitted -> new CompleteTaskCmd(taskId, admitted, false, false))
			.executeWith(commandExecutor);
	}

	@Override
	public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
			boolean deserializeValues) {
		return new FormBoundCompletion<>(taskId, variables,
				admitted -> new CompleteTaskCmd(taskId, admitted, true, deserializeValues))
			.executeWith(commandExecutor);
	}

	@Override
	public void resolveTask(String taskId) {
		resolveTask(taskId, null);
	}

	@Override
	public void resolveTask(String taskId, Map<String, Object> variables) {
		try {
			new FormBoundCompletion<>(taskId, variables, admitted -> new ResolveTaskCmd(taskId, admitted))
				.executeWith(commandExecutor);
		}
		catch (TaskFormViolation e) {
			// The REST API answers 400 on /resolve only for a bad user request (form
			// failures would be a 500 there).
			throw new BadUserRequestException(e.getMessage(), e);
		}
	}

	@Override
	public Comment createComment(String taskId, String processInstanceId, String message) {
		commandExecutor.execute(TaskNotesCheck.comment(taskId));
		if (taskId != null && processInstanceId != null) {
			// The engine files the note under the case it is given, not under the task's:
			// a note on one's own task must not land in another case's history. Refused
			// inside a command, so that every door answers the engine's reason.
			commandExecutor.execute(context -> {
				TaskEntity task = context.getTaskManager().findTaskById(taskId);
				if (task != null && !processInstanceId.equals(task.getProcessInstanceId())) {
					throw new BadUserRequestException("意见只能记录在本任务所属的案件上");
				}
				return null;
			});
		}
		return super.createComment(taskId, processInstanceId, message);
	}

	@Override
	public void addComment(String taskId, String processInstanceId, String message) {
		createComment(taskId, processInstanceId, message);
	}

	@Override
	public void updateTaskComment(String taskId, String commentId, String message) {
		commandExecutor.execute(TaskNotesCheck.changeComment(taskId, commentId));
		super.updateTaskComment(taskId, commentId, message);
	}

	@Override
	public void deleteTaskComment(String taskId, String commentId) {
		commandExecutor.execute(TaskNotesCheck.changeComment(taskId, commentId));
		super.deleteTaskComment(taskId, commentId);
	}

	@Override
	public void deleteTaskComments(String taskId) {
		commandExecutor.execute(TaskNotesCheck.changeComment(taskId, null));
		super.deleteTaskComments(taskId);
	}

	@Override
	public void updateProcessInstanceComment(String processInstanceId, String commentId, String message) {
		commandExecutor.execute(TaskNotesCheck.comment(null));
		super.updateProcessInstanceComment(processInstanceId, commentId, message);
	}

	@Override
	public void deleteProcessInstanceComment(String processInstanceId, String commentId) {
		commandExecutor.execute(TaskNotesCheck.comment(null));
		super.deleteProcessInstanceComment(processInstanceId, commentId);
	}

	@Override
	public void deleteProcessInstanceComments(String processInstanceId) {
		commandExecutor.execute(TaskNotesCheck.comment(null));
		super.deleteProcessInstanceComments(processInstanceId);
	}

	@Override
	public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
			String attachmentName, String attachmentDescription, InputStream content) {
		commandExecutor.execute(TaskNotesCheck.attachment(taskId));
		return super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName, attachmentDescription,
				content);
	}

	@Override
	public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
			String attachmentName, String attachmentDescription, String url) {
		commandExecutor.execute(TaskNotesCheck.attachment(taskId));
		return super.createAttachment(attachmentType, taskId, processInstanceId, attachmentName, attachmentDescription,
				url);
	}

	@Override
	public void deleteAttachment(String attachmentId) {
		commandExecutor.execute(TaskNotesCheck.attachment(null));
		super.deleteAttachment(attachmentId);
	}

	@Override
	public void deleteTaskAttachment(String taskId, String attachmentId) {
		commandExecutor.execute(TaskNotesCheck.attachment(taskId));
		super.deleteTaskAttachment(taskId, attachmentId);
	}

	@Override
	public Comment getTaskComment(String taskId, String commentId) {
		commandExecutor.execute(TaskNotesCheck.read(taskId));
		return super.getTaskComment(taskId, commentId);
	}

	@Override
	public List<Comment> getTaskComments(String taskId) {
		commandExecutor.execute(TaskNotesCheck.read(taskId));
		return super.getTaskComments(taskId);
	}

	@Override
	public List<Event> getTaskEvents(String taskId) {
		commandExecutor.execute(TaskNotesCheck.read(taskId));
		return super.getTaskEvents(taskId);
	}

	@Override
	public List<Comment> getProcessInstanceComments(String processInstanceId) {
		commandExecutor.execute(TaskNotesCheck.read(null));
		return super.getProcessInstanceComments(processInstanceId);
	}

	@Override
	public Attachment getTaskAttachment(String taskId, String attachmentId) {
		commandExecutor.execute(TaskNotesCheck.read(taskId));
		return super.getTaskAttachment(taskId, attachmentId);
	}

	@Override
	public InputStream getTaskAttachmentContent(String taskId, String attachmentId) {
		commandExecutor.execute(TaskNotesCheck.read(taskId));
		return super.getTaskAttachmentContent(taskId, attachmentId);
	}

	@Override
	public List<Attachment> getTaskAttachments(String taskId) {
		commandExecutor.execute(TaskNotesCheck.read(taskId));
		return super.getTaskAttachments(taskId);
	}

	@Override
	public Attachment getAttachment(String attachmentId) {
		commandExecutor.execute(TaskNotesCheck.read(null));
		return super.getAttachment(attachmentId);
	}

	@Override
	public InputStream getAttachmentContent(String attachmentId) {
		commandExecutor.execute(TaskNotesCheck.read(null));
		return super.getAttachmentContent(attachmentId);
	}

	@Override
	public List<Attachment> getProcessInstanceAttachments(String processInstanceId) {
		commandExecutor.execute(TaskNotesCheck.read(null));
		return super.getProcessInstanceAttachments(processInstanceId);
	}

}
