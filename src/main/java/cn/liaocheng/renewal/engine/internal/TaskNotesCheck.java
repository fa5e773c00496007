package cn.liaocheng.renewal.engine.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;

/**
 * Comments and attachments on tasks and cases: Camunda 7.24 checks no permission when
 * they are created or read, so anyone signed in who knows a task id (or a task id and a
 * comment id) could write into another county's case or read its notes. A signed-in
 * caller may write notes only on a task it may work on, and read them only on a task it
 * may read (a running task it may see, or a finished one whose history it was given);
 * notes on a whole process instance, attachments written by anyone but administrators
 * (the product keeps files in its own store), and anything looked up by attachment id
 * alone are for administrators. The product's own code, which runs without a signed-in
 * user, is not limited.
 */
final class TaskNotesCheck implements Command<Void> {

	/**
	 * The notes a signed-in user may bring a task to. Camunda reads a task's comments in
	 * one list without a page ({@code GET …/task/{id}/comment}), so without a bound a
	 * reviewer who wrote a note again and again could make every later read of the task's
	 * notes load them all (the page limit of the engine's lists does not reach that
	 * command). Reviewers write a handful; the product's own notes and administrators'
	 * are not counted against anyone.
	 */
	static final int MAX_COMMENTS_PER_TASK = 1000;

	static final String TOO_MANY_COMMENTS = "该任务的备注已达 " + MAX_COMMENTS_PER_TASK + " 条上限，不能再添加；办理意见请填写在任务表单中。";

	private enum Access {

		WRITE_COMMENT, CHANGE_COMMENT, WRITE_ATTACHMENT, READ

	}

	private final String taskId;

	private final Access access;

	/** The note to change or delete; {@code null}: every note on the task. */
	private final String commentId;

	private TaskNotesCheck(String taskId, Access access) {
		this(taskId, access, null);
	}

	private TaskNotesCheck(String taskId, Access access, String commentId) {
		this.taskId = taskId;
		this.access = access;
		this.commentId = commentId;
	}

	/**
	 * Changing or deleting notes on a task ({@code commentId} null: all of them): only
	 * one's own, on a task one may work on. A colleague's note or the system's overdue
	 * reminder stays as written.
	 */
	static TaskNotesCheck changeComment(String taskId, String commentId) {
		return new TaskNotesCheck(taskId, Access.CHANGE_COMMENT, commentId);
	}

	static TaskNotesCheck comment(String taskId) {
		return new TaskNotesCheck(taskId, Access.WRITE_COMMENT);
	}

	static TaskNotesCheck attachment(String taskId) {
		return new TaskNotesCheck(taskId, Access.WRITE_ATTACHMENT);
	}

	/**
	 * Reading a task's comments or attachments; {@code null}: a process instance's, or an
	 * attachment by its id.
	 */
	static TaskNotesCheck read(String taskId) {
		return new TaskNotesCheck(taskId, Access.READ);
	}

	@Override
	public Void execute(CommandContext context) {
		if (context.getAuthenticatedUserId() == null || !context.isAuthorizationCheckEnabled()
				|| context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
			return null;
		}
		if (access == Access.READ) {
			checkRead(context);
			return null;
		}
		if (access == Access.WRITE_ATTACHMENT || taskId == null) {
			throw new AuthorizationException("只有管理员可以为流程实例添加备注或附件；审核材料请通过系统卷宗上传和查看。");
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			throw new NullValueException("任务不存在或已办结：" + taskId);
		}
		for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
			checker.checkTaskWork(task);
		}
		if (access == Access.CHANGE_COMMENT) {
			checkOwnComments(context);
		}
		if (access == Access.WRITE_COMMENT && comments(context) >= MAX_COMMENTS_PER_TASK) {
			throw new BadUserRequestException(TOO_MANY_COMMENTS);
		}
		return null;
	}

	/**
	 * How many notes the task has, counted by the database on the command's own
	 * connection (the engine's API only lists them): the rows the engine lists as the
	 * task's comments, not its events.
	 */
	private long comments(CommandContext context) {
		Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
		try (PreparedStatement count = connection
			.prepareStatement("SELECT COUNT(*) FROM ACT_HI_COMMENT WHERE TASK_ID_ = ? AND TYPE_ = 'comment'")) {
			count.setString(1, taskId);
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException e) {
			throw new ProcessEngineException("Could not count the notes of task " + taskId, e);
		}
	}

	private void checkOwnComments(CommandContext context) {
		String me = context.getAuthenticatedUserId();
		List<Comment> comments = commentId == null ? context.getCommentManager().findCommentsByTaskId(taskId)
				: Stream.ofNullable(context.getCommentManager().findCommentByTaskIdAndCommentId(taskId, commentId))
					.map(Comment.class::cast)
					.toList();
		if (comments.stream().anyMatch(c -> !me.equals(c.getUserId()))) {
			throw new AuthorizationException("只能修改或删除本人填写的备注；其他人的备注和系统的督办提醒保持原样。");
		}
	}

	private void checkRead(CommandContext context) {
		if (taskId == null) {
			throw new AuthorizationException("只有管理员可以查看流程实例的备注或附件。");
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task != null) {
			for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
				checker.checkReadTask(task);
			}
			return;
		}
		// A finished task: readable to whoever was given its history (historic instance
		// permissions).
		long visible = context.getProcessEngineConfiguration()
			.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.taskId(taskId)
			.count();
		if (visible == 0) {
			throw new NullValueException("任务不存在或无权查看：" + taskId);
		}
	}

}
