-- The daily counters of objection_quota now also count registration attempts from a client network
-- (security.DailyQuota), so the table is named for what it holds. Keys and their meaning are unchanged:
-- 'address:<network>' and 'phone:<application id>:<line>' for objections, 'registration:<network>' for registrations.
ALTER TABLE objection_quota RENAME TO daily_quota;
ALTER TABLE daily_quota RENAME CONSTRAINT pk_objection_quota TO pk_daily_quota;
ALTER INDEX ix_objection_quota_day RENAME TO ix_daily_quota_day;
