-- Overdue review tasks are handled by a timer in each review task of the models (a timeout task listener), which the
-- engine runs once per cluster as a job. The periodic check's marks and its lease row are no longer used.
DROP TABLE overdue_task;
DELETE FROM scheduler_lock WHERE name = 'overdue-tasks';
