-- Who disabled an enterprise account and when, and whether it was an administrator: an account the administrator
-- disabled (say, for fraud) is not activated again by its county's bureau, only by an administrator.
ALTER TABLE enterprise ADD COLUMN disabled_at TIMESTAMP;
ALTER TABLE enterprise ADD COLUMN disabled_by VARCHAR(64);
ALTER TABLE enterprise ADD COLUMN disabled_by_administrator BOOLEAN DEFAULT FALSE NOT NULL;
