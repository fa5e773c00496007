-- A notification about a review task (new task, transferred, assigned, released, overdue, urged, ...) names the task,
-- so that when the task ends all its notes, for every recipient, are marked done in one statement by task id: read
-- (read_at kept if read before), what became of the task ("已由…办理", "任务已结束"), and a link to the case instead of
-- the task that no longer exists.
ALTER TABLE notification ADD COLUMN task_id VARCHAR(64);
ALTER TABLE notification ADD COLUMN task_ended_at TIMESTAMP;
ALTER TABLE notification ADD COLUMN task_outcome VARCHAR(200);

-- Notes written before named their task only in their link to Tasklist.
UPDATE notification SET task_id = SUBSTRING(link, 39) WHERE link LIKE '/camunda/app/tasklist/default/#/?task=%';

CREATE INDEX ix_notification_task ON notification (task_id);
