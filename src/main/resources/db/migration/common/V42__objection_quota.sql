-- Daily counters that keep the public objection form from being flooded (review.internal.ObjectionQuota).
-- quota_key names what is counted: 'address:<client address>' (objections from one address a day) or
-- 'phone:<application id>:<phone digits>' (objections by one phone number against one notice a day). A filing locks
-- its counter rows FOR UPDATE, so the limits hold across application nodes; rows older than yesterday are deleted
-- as new ones are created, so client addresses and phone numbers are not kept beyond what the limit needs.

CREATE TABLE objection_quota (
    quota_key  VARCHAR(96)  NOT NULL,
    quota_day  DATE         NOT NULL,
    used       INTEGER      NOT NULL,
    CONSTRAINT pk_objection_quota PRIMARY KEY (quota_key, quota_day)
);

CREATE INDEX ix_objection_quota_day ON objection_quota (quota_day);
