-- The audit trail: append-only; entry_hash = SHA-256(previous hash | fields), so edits and deletions show.
CREATE TABLE audit_log (
    id           BIGINT        NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP     NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    subject      VARCHAR(128)  NOT NULL,
    details      VARCHAR(4000) NOT NULL,
    prev_hash    CHAR(64)      NOT NULL,
    entry_hash   CHAR(64)      NOT NULL
);

CREATE INDEX ix_audit_subject ON audit_log (subject, occurred_at);

-- The head of the chain; writers lock this row, so entries are numbered and chained one at a time.
CREATE TABLE audit_head (
    singleton    INTEGER       NOT NULL PRIMARY KEY,
    last_id      BIGINT        NOT NULL,
    last_hash    CHAR(64)      NOT NULL
);

INSERT INTO audit_head (singleton, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
