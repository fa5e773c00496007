package cn.liaocheng.renewal.engine;

/**
 * A user task ended, whatever ended it: completed, or deleted because its process moved
 * on without it (a parallel branch cancelled, a boundary event, a process instance
 * modification) or was deleted (a withdrawn case, an administrator's cancellation, with
 * or without its custom listeners). Published as the engine's command that ended it
 * closes, after the models' own listeners and before the engine writes, so in its
 * transaction: a listener's writes commit or roll back with the task's end.
 *
 * @param completed true when completed, false when deleted
 * @param completedBy who completed it: the signed-in user of the command, or else the
 * task's assignee; {@code null} when deleted, or completed by the system for nobody
 */
public record TaskEnded(String taskId, String processInstanceId, boolean completed, String completedBy) {
}
