-- Overdue review tasks already looked at by the overdue check (escalated, or found with nothing to escalate), so
-- that each run reads only the tasks it has not seen, however many escalated tasks stay open.
CREATE TABLE overdue_task (
    task_id     VARCHAR(64)  PRIMARY KEY,     -- Camunda's task id
    escalated   BOOLEAN      NOT NULL,
    checked_at  TIMESTAMP    NOT NULL
);

-- One row per periodic job that must run on one node of the cluster at a time: a node takes the lease by moving
-- locked_until forward where it has passed, and gives it back at the end of its run.
CREATE TABLE scheduler_lock (
    name          VARCHAR(64)   PRIMARY KEY,
    locked_until  TIMESTAMP     NOT NULL,
    locked_by     VARCHAR(128)  NOT NULL
);

INSERT INTO scheduler_lock (name, locked_until, locked_by) VALUES ('overdue-tasks', TIMESTAMP '2000-01-01 00:00:00', '');
