-- What the record says about who gave an opinion and where, for the check before a
-- decision is signed (review.issuing.IssuingGrounds):
--  reviewer_member: whether the reviewer was, when the opinion was recorded, a member of
--    the body it is recorded for (or its lead); NULL for opinions recorded before this
--    was kept, which count as recorded (the completion check then admitted only members
--    of the task's body), except those without an assignee ("system").
--  root_process_instance_id: the root process instance of the task that gave it; NULL
--    for opinions recorded before this was kept.
ALTER TABLE review_opinion ADD COLUMN reviewer_member BOOLEAN;
ALTER TABLE review_opinion ADD COLUMN root_process_instance_id VARCHAR(64);
